import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { CloseCode } from '../../shared/protocol';
import { WriteRule } from '../../shared/writeRules';
import { connectStockClient, noticesOf, type StockClient } from '../helpers/clients';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { frameRecord, noteRecord } from '../helpers/records';
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';

/** Every write is checked before it enters the board: a refused one never reaches anyone. */
describe('the canvas rules on the server, before apply', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;
  let witness: StockClient;
  const serverRecord = (key: string) => [...server.rooms.rooms()].find((r) => r.name === board.id)!.records.get(key) as { meta?: Record<string, unknown>; x?: number } | undefined;

  /** A fresh client of `token` makes `write`; resolves with the notice it got or how it was closed. */
  async function attempt(token: string, write: (client: StockClient) => void): Promise<{ rule?: string; closed?: number; client: StockClient }> {
    const client = connectStockClient(server.url, board.id, token);
    const notices = noticesOf(client);
    let closed: number | undefined;
    client.provider.on('connection-close', (event: CloseEvent | null) => (closed ??= event?.code));
    await client.synced();
    write(client);
    await waitFor(() => notices.length > 0 || closed !== undefined, 'the server’s answer to the write');
    return { rule: notices[0]?.rule, closed, client };
  }

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    host = connectStockClient(server.url, board.id, board.tokens.facilitator);
    witness = connectStockClient(server.url, board.id, board.tokens.participant);
    await Promise.all([host.synced(), witness.synced()]);
    host.records.set('shape:frame', frameRecord('shape:frame', 'Krok 2.3', { x: 0, isLocked: true, meta: { template: true, stepId: '2.3' } }));
    host.records.set('shape:note', noteRecord('shape:note', 'pomysł'));
    await waitFor(() => witness.records.has('shape:note') && witness.records.has('shape:frame'), 'the board to reach everyone');
  });
  afterAll(async () => {
    for (const c of [host, witness]) c.destroy();
    await server.close();
  });

  it('G1: a participant’s agreed flag is refused whole, the move with it; the author stays connected', async () => {
    const { rule, client } = await attempt(board.tokens.participant, (c) => c.records.set('shape:note', noteRecord('shape:note', 'pomysł', { x: 7, meta: { agreed: true } })));
    expect(rule).toBe(WriteRule.hostMeta);
    expect(client.provider.wsconnected).toBe(true);
    expect(serverRecord('shape:note')).toMatchObject({ x: 0, meta: {} });
    expect(witness.records.get('shape:note')).toMatchObject({ x: 0, meta: {} });
    client.destroy();
  });

  it('G2: a participant’s move or delete of a template frame is refused', async () => {
    const moved = await attempt(board.tokens.participant, (c) => c.records.set('shape:frame', frameRecord('shape:frame', 'Krok 2.3', { x: 500, isLocked: false, meta: { template: true, stepId: '2.3' } })));
    expect(moved.rule).toBe(WriteRule.template);
    const deleted = await attempt(board.tokens.participant, (c) => c.records.delete('shape:frame'));
    expect(deleted.rule).toBe(WriteRule.template);
    expect(serverRecord('shape:frame')).toMatchObject({ x: 0, isLocked: true });
    expect(witness.records.get('shape:frame')).toMatchObject({ x: 0, isLocked: true });
    moved.client.destroy();
    deleted.client.destroy();
  });

  it('G3: another client never sees an invalid record, not even for a moment', async () => {
    const seen: string[] = [];
    const listener = (changes: Map<string, unknown>) => seen.push(...changes.keys());
    witness.records.on('change', listener);
    const { closed, client } = await attempt(board.tokens.participant, (c) => c.records.set('shape:never', { id: 'shape:never', typeName: 'shape', type: 'note', props: { richText: 'not rich text' } }));
    expect(closed).toBe(CloseCode.malformedMessage);
    client.destroy();
    host.records.set('shape:marker-after', noteRecord('shape:marker-after', 'po'));
    await waitFor(() => seen.includes('shape:marker-after'), 'the valid note after it');
    witness.records.off('change', listener);
    expect(seen).not.toContain('shape:never');
  });

  it('G3: a record tldraw would refuse is refused, even from a host', async () => {
    for (const write of [
      (c: StockClient) => c.records.set('shape:broken', { id: 'shape:broken', typeName: 'shape', type: 'note', props: { color: 'plaid' } }),
      (c: StockClient) => c.records.set('shape:note', { ...noteRecord('shape:note', 'pomysł'), props: { nonsense: true } }),
      (c: StockClient) => c.records.set('instance:instance', { id: 'instance:instance', typeName: 'instance' }),
    ]) {
      const { closed, client } = await attempt(board.tokens.facilitator, write);
      expect(closed).toBe(CloseCode.malformedMessage);
      client.destroy();
    }
    expect(serverRecord('shape:broken')).toBeUndefined();
    expect((witness.records.get('shape:note') as { props: object }).props).not.toHaveProperty('nonsense');
  });

  it('G4: while a host has locked the board, a participant’s changes are refused', async () => {
    const control = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    await control.synced();
    const controlRoom = () => [...server.rooms.rooms()].find((r) => r.name === roomName(board.id, 'control'));
    control.doc.getMap(SESSION_MAP).set('canvasLocked', true);
    await waitFor(() => controlRoom()?.doc.getMap(SESSION_MAP).get('canvasLocked') === true, 'the lock');
    const locked = await attempt(board.tokens.participant, (c) => c.records.set('shape:locked-out', noteRecord('shape:locked-out', 'nie teraz')));
    expect(locked.rule).toBe(WriteRule.locked);
    locked.client.destroy();
    host.records.set('shape:host-note', noteRecord('shape:host-note', 'osoba prowadząca może'));
    await waitFor(() => witness.records.has('shape:host-note'), 'the host’s note');
    expect(serverRecord('shape:locked-out')).toBeUndefined();
    control.doc.getMap(SESSION_MAP).set('canvasLocked', false);
    await waitFor(() => controlRoom()?.doc.getMap(SESSION_MAP).get('canvasLocked') === false, 'the unlock');
    witness.records.set('shape:unlocked', noteRecord('shape:unlocked', 'teraz tak'));
    await waitFor(() => serverRecord('shape:unlocked') !== undefined, 'the participant’s note after the unlock');
    control.destroy();
  });

  it('a host may mark agreed and move the template', async () => {
    host.records.set('shape:note', noteRecord('shape:note', 'pomysł', { x: 7, meta: { agreed: true } }));
    host.records.set('shape:frame', frameRecord('shape:frame', 'Krok 2.3', { x: 90, isLocked: true, meta: { template: true, stepId: '2.3' } }));
    await waitFor(() => (witness.records.get('shape:frame') as { x: number }).x === 90, 'the host’s move');
    expect(serverRecord('shape:note')?.meta).toEqual({ agreed: true });
  });
});
