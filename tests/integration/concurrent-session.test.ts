/**
 * Session state that merges on one instance: 50 people join, vote and answer a poll at once
 * (real stock clients on the shared link) while two hosts keep editing the meeting details —
 * no join, vote or answer is lost, and every client ends with the same meeting details (two hosts'
 * simultaneous edits of one whole value settle on one of them, the same everywhere).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { roomName } from '../../shared/roles';
import { SESSION_MAP, type MeetingDetails, type PollState } from '../../shared/session';
import { attendanceOf, pollAnswers, voteCounts } from '../../shared/sessionTotals';
import { connectStockClient, sendRequest, type StockClient } from '../helpers/clients';
import { controlClients, deviceId, layOutBallot, openVoteAndPoll } from '../helpers/meeting';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const PEOPLE = 50;

describe('50 people at once while hosts edit the meeting', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let canvas: StockClient;
  let hosts: StockClient[];
  let notes: string[];

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    canvas = connectStockClient(server.url, board.id, board.tokens.facilitator);
    hosts = [connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator), connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.expert)];
    await Promise.all([canvas, ...hosts].map((c) => c.synced()));
    notes = await layOutBallot(canvas, 5);
    await waitFor(() => server.rooms.get(board.id)?.records.has(notes[4]!) === true, 'the ballot on the server');
    await openVoteAndPoll(hosts[0]!, hosts[1]!, { voteId: 'v50', votesPerPerson: 2, pollId: 'p50' });
  });
  afterAll(async () => {
    for (const c of [canvas, ...hosts]) c.destroy();
    await server.close();
  });

  it('loses no join, vote or answer', async () => {
    const people = await controlClients(server.url, board.id, board.tokens.participant, PEOPLE);
    let edits = 0;
    let editing = true;
    const hostsEditing = (async () => {
      while (editing) {
        const host = hosts[edits % 2]!;
        host.doc.getMap(SESSION_MAP).set('meeting', { network: 'Sieć miast', meetingTitle: `Spotkanie, wersja ${edits}`, meetingNumber: String(edits), date: '', place: 'Gdynia', mode: 'room', hosts: [], nextMeeting: '' });
        edits++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const replies = await Promise.all(
      people.map(async (client, i) => {
        const me = deviceId(`p${i}`);
        return [
          await sendRequest(client, { t: 'join', person: me, name: `Osoba ${i}`, city: `Miasto ${i % 7}` }),
          await sendRequest(client, { t: 'vote', voter: me, voteId: 'v50', noteId: notes[i % 5]!, delta: 1 }),
          await sendRequest(client, { t: 'vote', voter: me, voteId: 'v50', noteId: notes[(i + 1) % 5]!, delta: 1 }),
          await sendRequest(client, { t: 'poll-answer', person: me, pollId: 'p50', choices: [i % 2] }),
        ];
      }),
    );
    editing = false;
    await hostsEditing;
    expect(replies.flat().filter((r) => r.t === 'refused')).toEqual([]);
    // A last edit after the race has settled.
    const meetingOf = (c: StockClient) => JSON.stringify(c.doc.getMap(SESSION_MAP).get('meeting'));
    await waitFor(() => meetingOf(hosts[0]!) === meetingOf(hosts[1]!), 'the hosts to agree on the meeting', 10_000);
    hosts[0]!.doc.getMap(SESSION_MAP).set('meeting', { network: 'Sieć miast', meetingTitle: 'Spotkanie', meetingNumber: 'ostatnia', date: '', place: 'Gdynia', mode: 'room', hosts: [], nextMeeting: '' });
    expect(edits).toBeGreaterThan(5);

    // Every client, the hosts' included, ends with the same, complete state.
    for (const client of [...hosts, people[0]!, people[PEOPLE - 1]!]) {
      const session = () => client.doc.getMap(SESSION_MAP).toJSON();
      await waitFor(() => Object.keys(attendanceOf(session())).length === PEOPLE, 'fifty on the attendance list', 10_000);
      await waitFor(() => Object.values(voteCounts(session(), 'v50')).reduce((a, b) => a + b, 0) === PEOPLE * 2, 'a hundred votes', 10_000);
      await waitFor(() => pollAnswers(session(), client.doc.getMap(SESSION_MAP).get('poll') as PollState).answered === PEOPLE, 'fifty answers', 10_000);
      await waitFor(() => (client.doc.getMap(SESSION_MAP).get('meeting') as MeetingDetails).meetingNumber === 'ostatnia', 'the hosts’ last edit', 10_000);
    }
    const session = hosts[0]!.doc.getMap(SESSION_MAP).toJSON();
    expect(voteCounts(session, 'v50')).toEqual(Object.fromEntries(notes.map((n) => [n, 20])));
    expect(pollAnswers(session, session.poll as PollState).counts).toEqual([25, 25]);
    expect(new Set(Object.values(attendanceOf(session)).map((e) => e.name)).size).toBe(PEOPLE);
    for (const c of people) c.destroy();
  });
});
