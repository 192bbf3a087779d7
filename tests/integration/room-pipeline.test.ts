/**
 * The room pipeline without sockets: a registry on the real SQLite file, writers that are plain
 * objects, updates made with Yjs as a client makes them. Rules and faults are decided here
 * deterministically; the transport has its own tests (sync, canvas-guard, hostile input).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { CANVAS_META_MAP, CANVAS_RECORDS_ARRAY, CANVAS_SCHEMA_KEY } from '../../shared/canvas';
import { isValidRecord } from '../../shared/canvasGuard';
import type { CanvasRecord } from '../../shared/projection';
import { DEFAULT_WRITE_LIMITS, WriteRule } from '../../shared/writeRules';
import { createLogger } from '../../server/log';
import { SqliteStore } from '../../server/persistence/sqlite';
import type { Writer } from '../../server/sync/origin';
import type { Room } from '../../server/sync/room';
import { RoomRegistry, type RoomExtension } from '../../server/sync/rooms';
import { canvasRecords, seedCanvas } from '../../server/boardCanvas';
import { tldrawSchema } from '../../shared/tldrawSchema';
import { frameRecord, noteRecord, PAGE_ID } from '../helpers/records';
import { tempDataDir } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const participant: Writer = { kind: 'client', role: 'participant' };
const host: Writer = { kind: 'client', role: 'facilitator' };

/** A client's copy of a room: edits made on it become the updates the room is offered. */
function clientOf(room: Room) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  const records = new YKeyValue<unknown>(doc.getArray(CANVAS_RECORDS_ARRAY));
  const updateOf = (edit: () => void) => {
    const before = Y.encodeStateVector(doc);
    doc.transact(edit);
    return Y.encodeStateAsUpdate(doc, before);
  };
  return { doc, records, updateOf };
}

const stateOf = (room: Room) => Buffer.from(Y.encodeStateAsUpdate(room.doc)).toString('base64');

describe('the room pipeline, without sockets', () => {
  let store: SqliteStore;
  let rooms: RoomRegistry;
  let reloaded: string[];
  /** Throws in the `changed` hook when a note carrying this text arrives. */
  const FAULT_MARKER = 'wywołaj-błąd';
  const faulty: RoomExtension = (room) => ({
    name: 'test-faulty',
    changed: () => {
      if (room.kind === 'canvas' && [...room.records.map.values()].some((e) => JSON.stringify(e.val).includes(FAULT_MARKER))) throw new Error(`content ${FAULT_MARKER}`);
    },
  });

  beforeAll(() => {
    store = SqliteStore.inDataDir(tempDataDir('pipeline'));
    rooms = new RoomRegistry(store, { storeDebounceMs: 60_000, storeMaxWaitMs: 60_000, broadcastTickMs: 5, roomUnloadGraceMs: 50, writeLimits: DEFAULT_WRITE_LIMITS }, createLogger('silent'), [faulty]);
    reloaded = [];
    rooms.onBoardReload = (boardId) => reloaded.push(boardId);
  });
  afterAll(async () => {
    await rooms.persistAll();
    await store.close();
  });

  async function newBoard(boardId: string): Promise<Room> {
    const { room } = await rooms.hold(boardId, 'canvas');
    room.doc.transact(() => seedCanvas(room.records, 'pl'));
    return room;
  }

  it('G10: a refused update leaves the room’s document byte for byte as it was', async () => {
    const room = await newBoard('pipelineBoard01');
    const client = clientOf(room);
    const before = stateOf(room);
    const bad = client.updateOf(() => client.doc.getArray(CANVAS_RECORDS_ARRAY).push([{ key: 'shape:x' }]));
    const verdict = room.receiveUpdate(bad, participant);
    expect(verdict).toMatchObject({ ok: false, rule: WriteRule.structure });
    expect(stateOf(room)).toBe(before);
  });

  it('G11: what builds on a refused update is refused too; a fresh client’s write still applies (the copy is made again)', async () => {
    const room = await newBoard('pipelineBoard02');
    const author = clientOf(room);
    const agreed = noteRecord('shape:agreed', 'uzgodnione', { meta: { agreed: true } });
    expect(room.receiveUpdate(author.updateOf(() => author.records.set(agreed.id, agreed)), host)).toEqual({ ok: true });
    const rewritten = noteRecord(agreed.id, 'przepisane', { meta: { agreed: true } });
    expect(room.receiveUpdate(author.updateOf(() => author.records.set(agreed.id, rewritten)), participant)).toMatchObject({ ok: false, rule: WriteRule.agreed });
    const next = author.updateOf(() => author.records.set('shape:later', noteRecord('shape:later', 'później')));
    expect(room.receiveUpdate(next, participant)).toMatchObject({ ok: false, rule: WriteRule.missing });
    const fresh = clientOf(room);
    expect(room.receiveUpdate(fresh.updateOf(() => fresh.records.set('shape:ok', noteRecord('shape:ok', 'w porządku'))), participant)).toEqual({ ok: true });
    expect(room.records.has(agreed.id) && room.records.has('shape:ok') && !room.records.has('shape:later')).toBe(true);
  });

  it('G8: a participant’s step frame deleted with its notes is refused, the notes stay', async () => {
    const room = await newBoard('pipelineBoard03');
    const frame = frameRecord('shape:step', 'Krok 1', { meta: { template: true, stepId: '1.1' } });
    const inside = noteRecord('shape:inside', 'w kroku', { parentId: frame.id });
    const setup = clientOf(room);
    expect(room.receiveUpdate(setup.updateOf(() => [frame, inside].forEach((r) => setup.records.set(r.id, r))), host)).toEqual({ ok: true });
    const trash = clientOf(room);
    expect(room.receiveUpdate(trash.updateOf(() => [frame.id, inside.id].forEach((id) => trash.records.delete(id))), participant)).toMatchObject({ rule: WriteRule.template });
    expect(room.records.has(inside.id)).toBe(true);
  });

  it('a fault in one room’s hook reloads that board alone; the process and other boards go on', async () => {
    const quiet = await newBoard('pipelineQuiet1');
    const room = await newBoard('pipelineBoard04');
    const faultsBefore = rooms.faults;
    const client = clientOf(room);
    const note = noteRecord('shape:boom', FAULT_MARKER);
    expect(room.receiveUpdate(client.updateOf(() => client.records.set(note.id, note)), participant)).toEqual({ ok: true });
    await waitFor(() => room.destroyed, 'the faulty room to be reloaded');
    expect(rooms.faults).toBe(faultsBefore + 1);
    expect(reloaded).toContain('pipelineBoard04');
    expect(quiet.destroyed).toBe(false);
    // What was checked and applied was stored before the reload: the board opens with it.
    const { room: again, release } = await rooms.hold('pipelineBoard04', 'canvas');
    expect(again.records.has(note.id)).toBe(true);
    release();
  });

  it('stores a room when its last writer leaves, while a reader keeps it open', async () => {
    const room = await newBoard('pipelineBoard05');
    room.writerJoined();
    const client = clientOf(room);
    expect(room.receiveUpdate(client.updateOf(() => client.records.set('shape:kept', noteRecord('shape:kept', 'zostaje'))), participant)).toEqual({ ok: true });
    expect(room.dirty).toBe(true);
    room.writerLeft();
    await waitFor(() => !room.dirty, 'the store after the last writer left');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await store.load('pipelineBoard05'))!);
    expect(canvasRecords(stored).has('shape:kept')).toBe(true);
  });

  it('repairs a board stored broken and stamps the pinned schema: every record valid, no other types', async () => {
    const broken = new Y.Doc();
    const array = broken.getArray<unknown>(CANVAS_RECORDS_ARRAY);
    const a = { ...frameRecord('shape:a', 'A'), parentId: 'shape:b' } as CanvasRecord;
    const b = { ...frameRecord('shape:b', 'B'), parentId: 'shape:a' } as CanvasRecord;
    array.push([null, { key: 'shape:nothing' }, { key: 'shape:a', val: a }, { key: 'shape:b', val: b }, { key: 'shape:n', val: noteRecord('shape:n', 'ocalona') }]);
    broken.getMap(CANVAS_META_MAP).set(CANVAS_SCHEMA_KEY, { schemaVersion: 2, sequences: {} });
    broken.getMap(CANVAS_META_MAP).set('other', 'x');
    broken.getText('stray').insert(0, 'obce');
    await store.store('pipelineBroken', Y.encodeStateAsUpdate(broken));

    const { room, release } = await rooms.hold('pipelineBroken', 'canvas');
    const entries = room.doc.getArray<{ key: string; val: CanvasRecord }>(CANVAS_RECORDS_ARRAY).toArray();
    for (const entry of entries) expect(isValidRecord(entry.key, entry.val)).toBe(true);
    expect(room.records.get('shape:n')).toMatchObject({ parentId: PAGE_ID });
    // The loop is broken: one of the two frames now sits on the page, the other inside it.
    const parents = [room.records.get('shape:a')?.parentId, room.records.get('shape:b')?.parentId];
    expect([
      [PAGE_ID, 'shape:a'],
      ['shape:b', PAGE_ID],
    ]).toContainEqual(parents);
    expect(room.doc.getText('stray').toString()).toBe('');
    expect(room.doc.getMap(CANVAS_META_MAP).toJSON()).toEqual({ [CANVAS_SCHEMA_KEY]: tldrawSchema().serialize() });
    release();
  });
});
