/**
 * Personal links: the hosts' invitation list gives each person a link whose token carries their
 * person id. With it, one person on 20 connections casts at most their budget, answers a poll
 * once and is listed once in attendance; on the shared participant link, each device is one
 * person. Hosts edit the list (add, merge, remove) through checked requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import type { PersonalLink } from '../../shared/invitations';
import { RefusalReason } from '../../shared/requests';
import { roomName } from '../../shared/roles';
import { SESSION_MAP, type PollState } from '../../shared/session';
import { attendanceOf, pollAnswers, voteCounts } from '../../shared/sessionTotals';
import { readTokenPayload } from '../../shared/token';
import { CloseCode } from '../../shared/protocol';
import { closeCodeOfWrite, connectStockClient, sendRequest, type StockClient } from '../helpers/clients';
import { controlClients, deviceId, invite, layOutBallot, openVoteAndPoll } from '../helpers/meeting';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

describe('personal links', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let canvas: StockClient;
  let host: StockClient;
  let notes: string[];
  let anna: PersonalLink;
  let jan: PersonalLink;
  const session = () => host.doc.getMap(SESSION_MAP).toJSON();

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    canvas = connectStockClient(server.url, board.id, board.tokens.facilitator);
    host = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    await Promise.all([canvas.synced(), host.synced()]);
    notes = await layOutBallot(canvas, 10);
    await waitFor(() => server.rooms.get(board.id)?.records.has(notes[9]!) === true, 'the ballot on the server');
  });
  afterAll(async () => {
    canvas.destroy();
    host.destroy();
    await server.close();
  });

  it('hosts make the invitation list and get a personal link for each person (host token in Authorization only)', async () => {
    const made = await invite(server.url, board.id, board.tokens.expert, 'Anna Kowalska; Gdynia; koordynatorka\n\nJan Nowak;Cieszyn;radny\n');
    expect(made.people.map((p) => [p.name, p.city, p.function, p.present])).toEqual([
      ['Jan Nowak', 'Cieszyn', 'radny', false],
      ['Anna Kowalska', 'Gdynia', 'koordynatorka', false],
    ]);
    [jan, anna] = made.people as [PersonalLink, PersonalLink];
    expect(anna.link).toBe(`${server.url}/b/${board.id}#t=${anna.token}`);
    expect(readTokenPayload(anna.token)).toMatchObject({ b: board.id, r: 'participant', p: anna.key });
    // The four role links keep their format: no person id in them.
    expect(readTokenPayload(board.tokens.participant)).not.toHaveProperty('p');
    const listed = await fetch(`${server.url}/api/boards/${board.id}/invitations`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } });
    expect(((await listed.json()) as { people: PersonalLink[] }).people.map((p) => p.key)).toEqual([jan.key, anna.key]);
    expect((await fetch(`${server.url}/api/boards/${board.id}/invitations`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/boards/${board.id}/invitations`, { headers: { authorization: `Bearer ${board.tokens.participant}` } })).status).toBe(403);
    expect((await fetch(`${server.url}/api/boards/${board.id}/invitations`, { method: 'POST', headers: { authorization: `Bearer ${anna.token}` }, body: '{"text":"x"}' })).status).toBe(403);
  });

  it('one person with 20 connections casts at most their budget, answers a poll once and is listed once', async () => {
    await openVoteAndPoll(host, host, { voteId: 'v1', votesPerPerson: 3, pollId: 'p1' });
    const devices = await controlClients(server.url, board.id, anna.token, 20);
    // Every device has its own browser id; the person is the one in the token.
    const joins = await Promise.all(devices.map((c, i) => sendRequest(c, { t: 'join', person: deviceId(`anna${i}`), name: `Ania ${i}`, city: 'Gdynia' })));
    expect(joins.every((r) => r.t === 'ok')).toBe(true);
    const votes = await Promise.all(devices.map((c, i) => sendRequest(c, { t: 'vote', voter: deviceId(`anna${i}`), voteId: 'v1', noteId: notes[i % 10]!, delta: 1 })));
    expect(votes.filter((r) => r.t === 'my-votes')).toHaveLength(3);
    expect(votes.filter((r) => r.t === 'refused' && r.reason === RefusalReason.budgetSpent)).toHaveLength(17);
    const answers = await Promise.all(devices.map((c, i) => sendRequest(c, { t: 'poll-answer', person: deviceId(`anna${i}`), pollId: 'p1', choices: [0] })));
    expect(answers.filter((r) => r.t === 'ok')).toHaveLength(1);
    expect(answers.filter((r) => r.t === 'refused' && r.reason === RefusalReason.alreadyAnswered)).toHaveLength(19);
    // Any of her devices sees the same allocation.
    expect(await sendRequest(devices[19]!, { t: 'my-votes', voter: deviceId('anna19'), voteId: 'v1' })).toMatchObject({ left: 0 });

    await waitFor(() => Object.values(voteCounts(session(), 'v1')).reduce((a, b) => a + b, 0) === 3, 'three votes counted');
    await waitFor(() => pollAnswers(session(), host.doc.getMap(SESSION_MAP).get('poll') as PollState).answered === 1, 'one answer');
    const list = attendanceOf(session());
    expect(Object.keys(list)).toHaveLength(2);
    // Listed once, under her invitation, with the name the hosts wrote.
    expect(list[anna.key]).toMatchObject({ name: 'Anna Kowalska', city: 'Gdynia', function: 'koordynatorka', invited: true, present: true });
    expect(list[jan.key]).toMatchObject({ invited: true, present: false });
    for (const c of devices) c.destroy();
  });

  it('on the shared participant link each device is one person with its own budget (and one connection at a time)', async () => {
    const before = Object.values(voteCounts(session(), 'v1')).reduce((a, b) => a + b, 0);
    const devices = await controlClients(server.url, board.id, board.tokens.participant, 4);
    const given = await Promise.all(
      devices.map(async (c, i) => {
        let ok = 0;
        for (let k = 0; k < 4; k++) if ((await sendRequest(c, { t: 'vote', voter: deviceId(`shared${i}`), voteId: 'v1', noteId: notes[k]!, delta: 1 })).t === 'my-votes') ok++;
        return ok;
      }),
    );
    expect(given).toEqual([3, 3, 3, 3]);
    // Another connection cannot speak for a device already on the board.
    expect(await sendRequest(devices[1]!, { t: 'vote', voter: deviceId('shared0'), voteId: 'v1', noteId: notes[5]!, delta: 1 })).toMatchObject({ reason: RefusalReason.voterTaken });
    await waitFor(() => Object.values(voteCounts(session(), 'v1')).reduce((a, b) => a + b, 0) === before + 12, 'twelve more votes');
    for (const c of devices) c.destroy();
  });

  it('hosts edit the attendance list through checked requests: add, set, merge, remove; never by writing it', async () => {
    const [participant] = await controlClients(server.url, board.id, board.tokens.participant, 1);
    expect(await sendRequest(participant!, { t: 'attendance-edit', edit: { op: 'remove', key: anna.key } })).toMatchObject({ reason: RefusalReason.hostsOnly });
    expect(await sendRequest(host, { t: 'attendance-edit', edit: { op: 'add', name: 'Ewa Bez Tablicy', city: 'Gdynia', function: '' } })).toMatchObject({ t: 'ok' });
    await waitFor(() => Object.values(attendanceOf(session())).some((e) => e.name === 'Ewa Bez Tablicy'), 'the added person');
    const ewa = Object.entries(attendanceOf(session())).find(([, e]) => e.name === 'Ewa Bez Tablicy')![0];
    // Ewa was Jan's stand-in: merge her entry into Jan's, who then counts as present.
    expect(await sendRequest(host, { t: 'attendance-edit', edit: { op: 'merge', from: ewa, into: jan.key } })).toMatchObject({ t: 'ok' });
    await waitFor(() => attendanceOf(session())[ewa] === undefined && attendanceOf(session())[jan.key]?.present === true, 'the merge');
    expect(await sendRequest(host, { t: 'attendance-edit', edit: { op: 'set', key: jan.key, optOut: true } })).toMatchObject({ t: 'ok' });
    expect(await sendRequest(host, { t: 'attendance-edit', edit: { op: 'remove', key: ewa } })).toMatchObject({ reason: RefusalReason.noSuchEntry });
    expect(await sendRequest(host, { t: 'attendance-edit', edit: { op: 'remove', key: anna.key } })).toMatchObject({ t: 'ok' });
    await waitFor(() => attendanceOf(session())[anna.key] === undefined && attendanceOf(session())[jan.key]?.optOut === true, 'the removal');
    const write = (key: string) => (doc: import('yjs').Doc) => doc.getMap(SESSION_MAP).set(key, { name: 'Wpisana', city: '', role: 'participant', optOut: false });
    expect(await closeCodeOfWrite(server.url, roomName(board.id, 'control'), board.tokens.facilitator, write(`attendance:${jan.key}`))).toBe(CloseCode.malformedMessage);
    expect(await closeCodeOfWrite(server.url, roomName(board.id, 'control'), board.tokens.facilitator, write('attendance'))).toBe(CloseCode.malformedMessage);
    participant!.destroy();
  });
});

describe('an attendance list stored the older way', () => {
  it('is split into one key per person when the board opens, so hosts can edit it', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const held = await server.rooms.hold(board.id, 'control');
    // As a board stored before this change holds it: one whole value.
    held.room.doc.getMap(SESSION_MAP).set('attendance', { k1: { name: 'Ewa Zielińska', city: 'Gdynia', role: 'participant', optOut: false } });
    await held.room.persist();
    held.release();
    await waitFor(() => server.rooms.size === 0, 'the board to unload');
    const host = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    await host.synced();
    const session = host.doc.getMap(SESSION_MAP);
    expect(session.has('attendance')).toBe(false);
    expect(session.get('attendance:k1')).toMatchObject({ name: 'Ewa Zielińska', present: true });
    expect(await sendRequest(host, { t: 'attendance-edit', edit: { op: 'set', key: 'k1', optOut: true } })).toMatchObject({ t: 'ok' });
    host.destroy();
    await server.close();
  });
});
