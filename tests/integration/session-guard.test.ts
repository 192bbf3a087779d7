import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { roomName } from '../../shared/roles';
import { SESSION_MAP, timerRemainingMs, type TimerState } from '../../shared/session';
import { closeCodeOfWrite, connectStockClient, type StockClient } from '../helpers/clients';
import { CloseCode } from '../../shared/protocol';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

describe('the session (control room) on the server', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;
  let participant: StockClient;
  const timerOf = (c: StockClient) => c.doc.getMap(SESSION_MAP).get('timer') as TimerState | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url, { title: 'Spotkanie sieci', formatId: 'solutions' });
    host = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    participant = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.participant);
    await Promise.all([host.synced(), participant.synced()]);
  });
  afterAll(async () => {
    host.destroy();
    participant.destroy();
    await server.close();
  });

  it('holds the title and format given at creation', () => {
    expect(participant.doc.getMap(SESSION_MAP).get('title')).toBe('Spotkanie sieci');
    expect(participant.doc.getMap(SESSION_MAP).get('formatId')).toBe('solutions');
  });

  it('stamps a started timer with the server’s clock, whatever the host’s clock says', async () => {
    const before = Date.now();
    host.doc.getMap(SESSION_MAP).set('timer', { stepId: '2.3', state: 'running', remainingMs: 15 * 60_000, startedAt: 1 });
    await waitFor(() => (timerOf(participant)?.startedAt ?? 0) >= before, 'the stamped timer to reach the participant');
    const timer = timerOf(participant)!;
    expect(timer.startedAt).toBeLessThanOrEqual(Date.now());
    expect(timerOf(host)?.startedAt).toBe(timer.startedAt);
    const { now } = (await (await fetch(`${server.url}/api/time`)).json()) as { now: number };
    expect(timerRemainingMs(timer, now)).toBeLessThanOrEqual(15 * 60_000);
    expect(timerRemainingMs(timer, now)).toBeGreaterThan(15 * 60_000 - 5000);
  });

  it('clears the stamp on pause', async () => {
    host.doc.getMap(SESSION_MAP).set('timer', { stepId: '2.3', state: 'paused', remainingMs: 600_000, startedAt: 123 });
    await waitFor(() => timerOf(participant)?.state === 'paused' && timerOf(participant)?.startedAt === null, 'the paused timer');
  });

  it('refuses a host write that breaks a field’s schema before it enters the session', async () => {
    const control = roomName(board.id, 'control');
    expect(await closeCodeOfWrite(server.url, control, board.tokens.facilitator, (doc) => doc.getMap(SESSION_MAP).set('timer', { state: 'exploded' }))).toBe(CloseCode.malformedMessage);
    expect(await closeCodeOfWrite(server.url, control, board.tokens.expert, (doc) => doc.getMap(SESSION_MAP).set('probe', 1))).toBe(CloseCode.malformedMessage);
    expect(await closeCodeOfWrite(server.url, control, board.tokens.expert, (doc) => doc.getMap('elsewhere').set('x', 1))).toBe(CloseCode.malformedMessage);
    host.doc.getMap(SESSION_MAP).set('currentStepId', '2.4');
    await waitFor(() => participant.doc.getMap(SESSION_MAP).get('currentStepId') === '2.4', 'the valid write');
    expect(timerOf(participant)).toMatchObject({ state: 'paused', remainingMs: 600_000 });
    expect(participant.doc.getMap(SESSION_MAP).has('probe')).toBe(false);
  });

  it('refuses a participant’s step change', async () => {
    participant.doc.getMap(SESSION_MAP).set('currentStepId', '2.7');
    host.doc.getMap(SESSION_MAP).set('title', 'Spotkanie sieci (2)');
    await waitFor(() => participant.doc.getMap(SESSION_MAP).get('title') === 'Spotkanie sieci (2)', 'a later host write');
    expect(host.doc.getMap(SESSION_MAP).get('currentStepId')).toBe('2.4');
  });
});
