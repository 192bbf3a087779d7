import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { RefusalReason } from '../../shared/requests';
import { roomName } from '../../shared/roles';
import { pollAnswers } from '../../shared/sessionTotals';
import { SESSION_MAP, type PollResults, type PollState } from '../../shared/session';
import { connectStockClient, sendRequest, type StockClient } from '../helpers/clients';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const people = ['osoba-aaaaaaaaaaaaaaaa', 'osoba-bbbbbbbbbbbbbbbb', 'osoba-cccccccccccccccc'];

describe('live polls, kept by the server', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;
  let answerers: StockClient[];
  const asked = () => host.doc.getMap(SESSION_MAP).get('poll') as PollState;
  /** The poll with its answers as every reader sums them: each instance's tally. */
  const poll = () => pollAnswers(host.doc.getMap(SESSION_MAP).toJSON(), asked());
  const ask = (p: Partial<PollState>) =>
    host.doc.getMap(SESSION_MAP).set('poll', { id: 'p1', stepId: '0.3', question: 'Na ile ufamy sobie jako sieć?', kind: 'scale', options: [], state: 'open', counts: [], texts: [], answered: 0, shown: true, agreed: false, ...p });

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    host = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.expert);
    answerers = people.map(() => connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.participant));
    await Promise.all([host, ...answerers].map((c) => c.synced()));
    ask({ counts: [9, 9, 9, 9, 9], answered: 42 });
    await waitFor(() => (answerers[0]!.doc.getMap(SESSION_MAP).get('poll') as PollState | undefined)?.state === 'open', 'the poll to open');
  });
  afterAll(async () => {
    for (const c of [host, ...answerers]) c.destroy();
    await server.close();
  });

  it('starts a new poll with no answers, whatever the host wrote', () => {
    expect(asked().counts).toEqual([0, 0, 0, 0, 0]);
    expect(asked().answered).toBe(0);
    expect(poll().counts).toEqual([0, 0, 0, 0, 0]);
    expect(poll().answered).toBe(0);
  });

  it('counts three scale answers', async () => {
    const values = [4, 5, 4];
    for (const [i, client] of answerers.entries()) {
      expect(await sendRequest(client, { t: 'poll-answer', person: people[i]!, pollId: 'p1', scale: values[i] })).toEqual({ t: 'ok', request: 'poll-answer' });
    }
    await waitFor(() => poll().answered === 3, 'three answers');
    expect(poll().counts).toEqual([0, 0, 0, 2, 1]);
  });

  it('refuses a second answer from the same person, and an answer that does not fit', async () => {
    expect(await sendRequest(answerers[0]!, { t: 'poll-answer', person: people[0]!, pollId: 'p1', scale: 1 })).toMatchObject({ reason: RefusalReason.alreadyAnswered });
    const crafted = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.participant);
    await crafted.synced();
    expect(await sendRequest(crafted, { t: 'poll-answer', person: 'osoba-dddddddddddddddd', pollId: 'p1', choices: [0] })).toMatchObject({ reason: RefusalReason.answerDoesNotFit });
    expect(await sendRequest(crafted, { t: 'poll-answer', person: people[1]!, pollId: 'p1', scale: 1 })).toMatchObject({ reason: RefusalReason.voterTaken });
    crafted.destroy();
    expect(poll().answered).toBe(3);
  });

  it('keeps hosts from editing the answers, and files the poll for the note', async () => {
    host.doc.getMap(SESSION_MAP).set('poll', { ...asked(), counts: [0, 0, 0, 0, 99], agreed: true, state: 'closed' });
    await waitFor(() => asked().state === 'closed', 'the close');
    await waitFor(() => asked().counts[4] === 0, 'the forged count to be reverted');
    expect(poll().counts).toEqual([0, 0, 0, 2, 1]);
    const filed = host.doc.getMap(SESSION_MAP).get('pollResults') as PollResults;
    expect(filed.p1).toMatchObject({ agreed: true });
    expect(pollAnswers(host.doc.getMap(SESSION_MAP).toJSON(), filed.p1!).counts).toEqual([0, 0, 0, 2, 1]);
    const md = await (await fetch(`${server.url}/api/boards/${board.id}/summary.md?token=${board.tokens.facilitator}`)).text();
    expect(md).toContain('Na ile ufamy sobie jako sieć?');
    expect(md).toContain('- 4: 2');
  });

  it('keeps text answers in an order that says nothing of who wrote them, and stores no person', async () => {
    ask({ id: 'p2', kind: 'text', question: 'Czego oczekujesz?' });
    await waitFor(() => (answerers[2]!.doc.getMap(SESSION_MAP).get('poll') as PollState).id === 'p2' && asked().id === 'p2', 'the new poll');
    for (const [i, text] of ['Wymiany doświadczeń', 'Konkretnych narzędzi', 'Aktywnej współpracy'].entries()) {
      await sendRequest(answerers[i]!, { t: 'poll-answer', person: people[i]!, pollId: 'p2', text });
    }
    await waitFor(() => poll().answered === 3, 'three texts');
    expect(poll().texts).toEqual(['Aktywnej współpracy', 'Konkretnych narzędzi', 'Wymiany doświadczeń']);
    for (const room of server.rooms.rooms()) await room.persist();
    const dir = server.config.dataDir;
    const bytes = Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
    expect(bytes.includes('Wymiany doświadczeń')).toBe(true);
    for (const p of people) expect(bytes.includes(p)).toBe(false);
  });
});
