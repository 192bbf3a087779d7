import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { RefusalReason } from '../../shared/requests';
import { roomName } from '../../shared/roles';
import { SESSION_MAP, type VoteResults, type VoteState } from '../../shared/session';
import { voteCounts } from '../../shared/sessionTotals';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { closeCodeOfWrite, connectStockClient, sendRequest, type StockClient } from '../helpers/clients';
import { frameRecord, noteRecord } from '../helpers/records';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const VOTER_A = 'voter-aaaaaaaaaaaaaaaa';
const VOTER_B = 'voter-bbbbbbbbbbbbbbbb';

describe('dot voting, kept by the server', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let canvas: StockClient;
  let host: StockClient;
  let voterA: StockClient;
  const vote = () => host.doc.getMap(SESSION_MAP).get('vote') as VoteState;
  /** The counts as every reader sums them: each instance's tally of the vote. */
  const counts = () => voteCounts(host.doc.getMap(SESSION_MAP).toJSON(), 'v1');
  const ask = (client: StockClient, voter: string, noteId: string, delta: 1 | -1) => sendRequest(client, { t: 'vote', voter, voteId: 'v1', noteId, delta });

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    canvas = connectStockClient(server.url, board.id, board.tokens.facilitator);
    host = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    voterA = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.participant);
    await Promise.all([canvas.synced(), host.synced(), voterA.synced()]);
    canvas.doc.transact(() => {
      canvas.records.set('shape:ballot', frameRecord('shape:ballot', 'Bariery'));
      for (const n of ['n1', 'n2', 'n3']) canvas.records.set(`shape:${n}`, noteRecord(`shape:${n}`, `bariera ${n}`, { parentId: 'shape:ballot' }));
      canvas.records.set('shape:outside', noteRecord('shape:outside', 'poza'));
    });
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.name === board.id && r.records.has('shape:outside')), 'the ballot on the server');
    host.doc.getMap(SESSION_MAP).set('vote', { id: 'v1', stepId: '2.3', frameId: 'shape:ballot', votesPerPerson: 2, capPerNote: 1, state: 'open' });
    await waitFor(() => (voterA.doc.getMap(SESSION_MAP).get('vote') as VoteState | undefined)?.state === 'open', 'the vote to open');
  });
  afterAll(async () => {
    for (const c of [canvas, host, voterA]) c.destroy();
    await server.close();
  });

  it('counts a vote and tells the voter what is left', async () => {
    expect(await ask(voterA, VOTER_A, 'shape:n1', 1)).toEqual({ t: 'my-votes', voteId: 'v1', mine: { 'shape:n1': 1 }, left: 1 });
    await waitFor(() => counts()['shape:n1'] === 1, 'the count');
  });

  it.each([
    ['over the per-note cap', 'shape:n1', 1, RefusalReason.capReached],
    ['a note outside the ballot frame', 'shape:outside', 1, RefusalReason.notInVote],
    ['a note that does not exist', 'shape:ghost', 1, RefusalReason.notInVote],
    ['taking back a vote never given', 'shape:n3', -1, RefusalReason.nothingToTakeBack],
  ] as const)('refuses %s', async (_label, noteId, delta, reason) => {
    expect(await ask(voterA, VOTER_A, noteId, delta)).toMatchObject({ t: 'refused', reason });
  });

  it('refuses a crafted client over its budget', async () => {
    expect(await ask(voterA, VOTER_A, 'shape:n2', 1)).toMatchObject({ left: 0 });
    expect(await ask(voterA, VOTER_A, 'shape:n3', 1)).toMatchObject({ t: 'refused', reason: RefusalReason.budgetSpent });
    await waitFor(() => counts()['shape:n2'] === 1, 'the second count');
    expect(counts()).toEqual({ 'shape:n1': 1, 'shape:n2': 1 });
  });

  it('refuses one connection voting as two people, and one voter on two connections', async () => {
    expect(await ask(voterA, VOTER_B, 'shape:n3', 1)).toMatchObject({ t: 'refused', reason: RefusalReason.voterTaken });
    const second = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.participant);
    await second.synced();
    expect(await ask(second, VOTER_A, 'shape:n3', 1)).toMatchObject({ t: 'refused', reason: RefusalReason.voterTaken });
    expect(await ask(second, VOTER_B, 'shape:n3', 1)).toMatchObject({ t: 'my-votes', left: 1 });
    second.destroy();
    await waitFor(() => counts()['shape:n3'] === 1, 'B’s count');
  });

  it('lets a voter take a vote back and give it elsewhere', async () => {
    expect(await ask(voterA, VOTER_A, 'shape:n1', -1)).toMatchObject({ mine: { 'shape:n2': 1 }, left: 1 });
    await waitFor(() => counts()['shape:n1'] === undefined, 'the count to drop');
  });

  it('keeps hosts from writing counts', async () => {
    host.doc.getMap(SESSION_MAP).set('vote', { ...vote(), counts: { 'shape:n1': 99 } });
    await waitFor(() => vote().counts === undefined, 'the forged count to be reverted');
    expect(counts()['shape:n1']).toBeUndefined();
    const forgedTally = (doc: Y.Doc) => doc.getMap(SESSION_MAP).set('voteTally:v1:forged', { 'shape:n1': 50 });
    expect(await closeCodeOfWrite(server.url, roomName(board.id, 'control'), board.tokens.facilitator, forgedTally)).toBe(CloseCode.malformedMessage);
    expect(counts()['shape:n1']).toBeUndefined();
    const forged = (doc: Y.Doc) => doc.getMap(SESSION_MAP).set('voteResults', { fake: { stepId: null, frameId: 'x', counts: { a: 1 } } });
    expect(await closeCodeOfWrite(server.url, roomName(board.id, 'control'), board.tokens.expert, forged)).toBe(CloseCode.malformedMessage);
    expect(host.doc.getMap(SESSION_MAP).get('voteResults')).toBeUndefined();
  });

  it('files the counts when a host ends the vote, and stores no voter anywhere', async () => {
    host.doc.getMap(SESSION_MAP).set('vote', { ...vote(), state: 'closed' });
    await waitFor(() => (voterA.doc.getMap(SESSION_MAP).get('voteResults') as VoteResults | undefined)?.v1 !== undefined, 'the results');
    expect((voterA.doc.getMap(SESSION_MAP).get('voteResults') as VoteResults).v1).toEqual({ stepId: '2.3', frameId: 'shape:ballot' });
    expect(voteCounts(voterA.doc.getMap(SESSION_MAP).toJSON(), 'v1')).toEqual({ 'shape:n2': 1, 'shape:n3': 1 });
    expect(await ask(voterA, VOTER_A, 'shape:n1', 1)).toMatchObject({ t: 'refused', reason: RefusalReason.noOpenVote });
    for (const room of server.rooms.rooms()) await room.persist();
    const files = fs.readdirSync(server.config.dataDir).map((f) => fs.readFileSync(path.join(server.config.dataDir, f)));
    for (const bytes of files) {
      expect(bytes.includes(VOTER_A)).toBe(false);
      expect(bytes.includes(VOTER_B)).toBe(false);
    }
  });
});
