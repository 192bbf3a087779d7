import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { roomName } from '../../shared/roles';
import { CANVAS_META_MAP, CANVAS_SCHEMA_KEY } from '../../shared/canvas';
import { stepFrameId } from '../../shared/formats/layout';
import { getFormat } from '../../formats';
import { isValidRecord } from '../../shared/canvasGuard';
import { connectStockClient, noticesOf, openRaw, type StockClient } from '../helpers/clients';
import { WriteRule } from '../../shared/writeRules';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

type Shape = { id: string; type: string; x: number; parentId: string; isLocked: boolean; meta: Record<string, unknown>; props: Record<string, unknown> };

describe('a board made from a format', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let participant: StockClient;
  const solutions = getFormat('solutions');
  const frames = (c: StockClient) => [...c.records.map.values()].map((e) => e.val as Shape).filter((r) => r.type === 'frame');

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url, { title: 'Generowanie rozwiązań', formatId: 'solutions', locale: 'pl' });
    participant = connectStockClient(server.url, board.id, board.tokens.participant);
    await participant.synced();
  });
  afterAll(async () => {
    participant.destroy();
    await server.close();
  });

  it('has one frame per step, in order, public steps flagged, every record valid for tldraw', () => {
    const list = frames(participant).sort((a, b) => a.x - b.x);
    expect(list.map((f) => f.meta.stepId)).toEqual(solutions.steps.map((s) => s.id));
    expect(list.filter((f) => f.meta.public === true).map((f) => f.meta.stepId)).toEqual(solutions.steps.filter((s) => s.public).map((s) => s.id));
    for (const [key, entry] of participant.records.map) expect(isValidRecord(key, entry.val)).toBe(true);
    expect(participant.doc.getMap(CANVAS_META_MAP).get(CANVAS_SCHEMA_KEY)).toMatchObject({ schemaVersion: 2 });
  });

  it('G2: refuses a participant’s move of a step frame or unlock of its instructions before it enters the board', async () => {
    const id = stepFrameId('solutions', '2.3');
    const mover = connectStockClient(server.url, board.id, board.tokens.participant);
    const notices = noticesOf(mover);
    await mover.synced();
    const frame = mover.records.get(id) as Shape;
    mover.records.set(id, { ...frame, x: frame.x + 500 });
    await waitFor(() => notices.length === 1, 'the refusal notice');
    expect(notices[0]).toMatchObject({ t: 'write-refused', rule: WriteRule.template });
    const unlocker = connectStockClient(server.url, board.id, board.tokens.participant);
    const unlockNotices = noticesOf(unlocker);
    await unlocker.synced();
    const text = [...unlocker.records.map.values()].map((e) => e.val as Shape).find((r) => r.type === 'text' && r.isLocked)!;
    unlocker.records.set(text.id, { ...text, isLocked: false });
    await waitFor(() => unlockNotices.length === 1, 'the second refusal notice');
    // Neither change reached the server or the other participant; both authors stay connected.
    expect((participant.records.get(id) as Shape).x).toBe(frame.x);
    expect((participant.records.get(text.id) as Shape).isLocked).toBe(true);
    expect(mover.provider.wsconnected && unlocker.provider.wsconnected).toBe(true);
    mover.destroy();
    unlocker.destroy();
  });

  it('shows observers the public steps’ frames and none of the internal ones', async () => {
    const observer = openRaw(server.url, roomName(board.id, 'public'), board.tokens.observer, { sync: true });
    const title = (stepId: string) => solutions.steps.find((s) => s.id === stepId)!.title.pl;
    const received = () => Buffer.concat(observer.outcome.received).toString('utf8');
    await waitFor(() => received().includes(title('2.1')), 'the public step 2.1');
    expect(received()).toContain(title('2.7'));
    for (const internal of ['2.2', '2.3', '2.4', '2.5', '2.6']) expect(received()).not.toContain(title(internal));
    observer.ws.close();
  });

  it('lets hosts add another format beside it, once', async () => {
    const add = (token: string) =>
      fetch(`${server.url}/api/boards/${board.id}/format`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ formatId: 'kickoff' }) });
    expect((await add(board.tokens.participant)).status).toBe(403);
    const res = await add(board.tokens.facilitator);
    expect(res.status).toBe(201);
    await waitFor(() => frames(participant).length === solutions.steps.length + getFormat('kickoff').steps.length, 'the kick-off frames to arrive');
    const rightmostSolutions = Math.max(...frames(participant).filter((f) => String(f.meta.stepId).startsWith('2.')).map((f) => f.x));
    const leftmostKickoff = Math.min(...frames(participant).filter((f) => String(f.meta.stepId).startsWith('0.')).map((f) => f.x));
    expect(leftmostKickoff).toBeGreaterThan(rightmostSolutions);
    expect((await add(board.tokens.expert)).status).toBe(409);
  });

  it('lays out the kick-off’s city zones for the network’s size, given when the board is made', async () => {
    const zonesOf = async (body: Record<string, unknown>) => {
      const made = await createBoard(server.url, { title: 'Pierwsze spotkanie sieci', ...body });
      const client = connectStockClient(server.url, made.id, made.tokens.participant);
      await client.synced();
      const zones = [...client.records.map.values()].map((e) => e.val as Shape).filter((r) => r.parentId === stepFrameId('kickoff', '0.2') && r.meta.areaId);
      client.destroy();
      return zones.length;
    };
    expect(await zonesOf({ formatId: 'kickoff', cities: 17 })).toBe(17);
    expect(await zonesOf({ formatId: 'kickoff' })).toBe(12);
    for (const cities of [9, 21, 12.5, '15']) {
      const res = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x', formatId: 'kickoff', cities }) });
      expect(res.status, String(cities)).toBe(400);
    }
    // Other formats have no city zones: the field is accepted and changes nothing.
    expect((await createBoard(server.url, { title: 'Rozwiązania', formatId: 'solutions', cities: 15 })).id).toBeTruthy();
  });
});
