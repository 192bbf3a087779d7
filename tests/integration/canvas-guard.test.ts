import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { connectStockClient, type StockClient } from '../helpers/clients';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { frameRecord, noteRecord } from '../helpers/records';
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';

describe('the canvas guard on the server', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;
  let participant: StockClient;
  let witness: StockClient;
  const serverRecord = (key: string) => [...server.rooms.rooms()].find((r) => r.name === board.id)!.records.get(key) as { meta?: Record<string, unknown>; x?: number } | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    host = connectStockClient(server.url, board.id, board.tokens.facilitator);
    participant = connectStockClient(server.url, board.id, board.tokens.participant);
    witness = connectStockClient(server.url, board.id, board.tokens.participant);
    await Promise.all([host.synced(), participant.synced(), witness.synced()]);
    host.records.set('shape:frame', frameRecord('shape:frame', 'Krok 2.3', { x: 0, isLocked: true, meta: { template: true, stepId: '2.3' } }));
    host.records.set('shape:note', noteRecord('shape:note', 'pomysł'));
    await waitFor(() => participant.records.has('shape:note') && witness.records.has('shape:frame'), 'the board to reach everyone');
  });
  afterAll(async () => {
    for (const c of [host, participant, witness]) c.destroy();
    await server.close();
  });

  it('a participant’s agreed flag does not stick, on the server or anywhere else', async () => {
    participant.records.set('shape:note', noteRecord('shape:note', 'pomysł', { x: 7, meta: { agreed: true } }));
    // The move is allowed and arrives; the flag is reverted in the same tick.
    await waitFor(() => (witness.records.get('shape:note') as { x: number }).x === 7, 'the move to arrive');
    await waitFor(() => (participant.records.get('shape:note') as { meta: object }).meta && !('agreed' in (participant.records.get('shape:note') as { meta: object }).meta), 'the author’s own copy to be reverted');
    expect(serverRecord('shape:note')?.meta).toEqual({});
    expect((witness.records.get('shape:note') as { meta: object }).meta).toEqual({});
  });

  it('a participant’s move of a locked template frame does not stick', async () => {
    participant.records.set('shape:frame', frameRecord('shape:frame', 'Krok 2.3', { x: 500, isLocked: false, meta: { template: true, stepId: '2.3' } }));
    await waitFor(() => (participant.records.get('shape:frame') as { x: number }).x === 0, 'the author’s copy to snap back');
    expect(serverRecord('shape:frame')).toMatchObject({ x: 0, isLocked: true });
    expect(witness.records.get('shape:frame')).toMatchObject({ x: 0, isLocked: true });
  });

  it('a participant’s delete of a template frame does not stick', async () => {
    participant.records.delete('shape:frame');
    await waitFor(() => participant.records.has('shape:frame'), 'the frame to come back');
    expect(serverRecord('shape:frame')).toMatchObject({ x: 0 });
  });

  it('G3: another client never sees an invalid record, not even for a moment', async () => {
    const seen: string[] = [];
    const listener = (changes: Map<string, unknown>) => seen.push(...changes.keys());
    witness.records.on('change', listener);
    participant.records.set('shape:never', { id: 'shape:never', typeName: 'shape', type: 'note', props: { richText: 'not rich text' } });
    participant.records.set('shape:marker-after', noteRecord('shape:marker-after', 'po'));
    await waitFor(() => seen.includes('shape:marker-after'), 'the valid note after it');
    witness.records.off('change', listener);
    expect(seen).not.toContain('shape:never');
  });

  it('G3: a record tldraw would refuse does not stick, even from a host', async () => {
    host.records.set('shape:broken', { id: 'shape:broken', typeName: 'shape', type: 'note', props: { color: 'plaid' } });
    host.records.set('shape:note', { ...noteRecord('shape:note', 'pomysł'), props: { nonsense: true } });
    host.records.set('instance:instance', { id: 'instance:instance', typeName: 'instance' });
    host.records.set('shape:after', noteRecord('shape:after', 'ważna'));
    await waitFor(() => witness.records.has('shape:after'), 'the valid note after them');
    await waitFor(() => !host.records.has('shape:broken'), 'the author’s copy to be cleaned');
    expect(witness.records.has('shape:broken')).toBe(false);
    expect(witness.records.has('instance:instance')).toBe(false);
    expect((witness.records.get('shape:note') as { props: object }).props).not.toHaveProperty('nonsense');
    expect(serverRecord('shape:broken')).toBeUndefined();
  });

  it('G4: while a host has locked the board, a participant’s changes do not stick', async () => {
    const control = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    await control.synced();
    control.doc.getMap(SESSION_MAP).set('canvasLocked', true);
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.name === roomName(board.id, 'control') && r.doc.getMap(SESSION_MAP).get('canvasLocked') === true), 'the lock');
    participant.records.set('shape:locked-out', noteRecord('shape:locked-out', 'nie teraz'));
    host.records.set('shape:host-note', noteRecord('shape:host-note', 'prowadzący może'));
    await waitFor(() => witness.records.has('shape:host-note'), 'the host’s note');
    await waitFor(() => !participant.records.has('shape:locked-out'), 'the participant’s note to be reverted');
    expect(serverRecord('shape:locked-out')).toBeUndefined();
    control.doc.getMap(SESSION_MAP).set('canvasLocked', false);
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.name === roomName(board.id, 'control') && r.doc.getMap(SESSION_MAP).get('canvasLocked') === false), 'the unlock');
    participant.records.set('shape:unlocked', noteRecord('shape:unlocked', 'teraz tak'));
    await waitFor(() => witness.records.has('shape:unlocked'), 'the participant’s note after the unlock');
    control.destroy();
  });

  it('a host may mark agreed and move the template', async () => {
    host.records.set('shape:note', noteRecord('shape:note', 'pomysł', { x: 7, meta: { agreed: true } }));
    host.records.set('shape:frame', frameRecord('shape:frame', 'Krok 2.3', { x: 90, isLocked: true, meta: { template: true, stepId: '2.3' } }));
    await waitFor(() => (witness.records.get('shape:frame') as { x: number }).x === 90, 'the host’s move');
    expect(serverRecord('shape:note')?.meta).toEqual({ agreed: true });
  });
});
