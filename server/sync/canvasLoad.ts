/**
 * The canvas room's load hook: the server owns the tldraw schema. Stored records are migrated to
 * the pinned schema, and whatever no tldraw could open is repaired before anyone is answered —
 * entries that are not `{ key, val }`, other shared types, invalid records, shapes whose parent is
 * missing or loops, bindings to missing shapes — so a board broken before these checks opens again.
 */
import * as Y from 'yjs';
import { CANVAS_META_MAP, CANVAS_RECORDS_ARRAY, CANVAS_SCHEMA_KEY } from '../../shared/canvas';
import { isValidRecord } from '../../shared/canvasGuard';
import type { CanvasRecord } from '../../shared/projection';
import { DEFAULT_PAGE_ID } from '../../shared/formats/layout';
import { tldrawSchema } from '../../shared/tldrawSchema';
import type { Logger } from '../log';
import { Origin } from './origin';
import type { Room } from './room';

const CONTAINERS = new Set(['frame', 'group']);

export function prepareCanvas(room: Room, log: Logger): void {
  const doc = room.doc;
  const repairs = { entries: 0, types: 0, records: 0, parents: 0, bindings: 0, migrated: false };
  doc.transact((transaction) => {
    for (const [name, type] of doc.share) {
      if (name === CANVAS_RECORDS_ARRAY || name === CANVAS_META_MAP) continue;
      repairs.types += clearType(type, transaction);
    }
    const meta = doc.getMap<unknown>(CANVAS_META_MAP);
    for (const key of [...meta.keys()]) if (key !== CANVAS_SCHEMA_KEY) meta.delete(key);
    const array = doc.getArray<unknown>(CANVAS_RECORDS_ARRAY);
    const entries = array.toArray();
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i] as { key?: unknown; val?: { id?: unknown } } | null;
      const fine = typeof entry === 'object' && entry !== null && typeof entry.key === 'string' && typeof entry.val === 'object' && entry.val !== null && entry.val.id === entry.key;
      if (!fine) {
        array.delete(i, 1);
        repairs.entries++;
      }
    }
  }, Origin.load);

  const records = room.records;
  const meta = doc.getMap<unknown>(CANVAS_META_MAP);
  const schema = tldrawSchema();
  const ours = schema.serialize();
  const stored = meta.get(CANVAS_SCHEMA_KEY) ?? ours;
  let values = new Map([...records.map.entries()].map(([key, entry]) => [key, entry.val]));
  if (JSON.stringify(stored) !== JSON.stringify(ours)) {
    const migrated = schema.migrateStoreSnapshot({ schema: stored as ReturnType<typeof schema.serialize>, store: Object.fromEntries(values) as never });
    // A schema that cannot be read (overwritten by a client before these checks) migrates nothing:
    // the records are then taken as they are, and each one is validated below.
    if (migrated.type === 'success') values = new Map(Object.entries(migrated.value as Record<string, CanvasRecord>));
    repairs.migrated = true;
  }

  const writes = new Map<string, CanvasRecord | null>();
  for (const [key, record] of values) {
    if (!isValidRecord(key, record)) {
      writes.set(key, null);
      values.delete(key);
      repairs.records++;
    } else if (repairs.migrated && JSON.stringify(record) !== JSON.stringify(records.get(key))) {
      writes.set(key, record);
    }
  }
  if (!values.has('document:document')) {
    const document = { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} } as CanvasRecord;
    values.set(document.id, document);
    writes.set(document.id, document);
  }
  let firstPage = [...values.values()].find((r) => r.typeName === 'page')?.id;
  if (!firstPage) {
    const page = { id: DEFAULT_PAGE_ID, typeName: 'page', name: 'Strona 1', index: 'a1', meta: {} } as CanvasRecord;
    values.set(page.id, page);
    writes.set(page.id, page);
    firstPage = page.id;
  }
  for (const record of values.values()) {
    if (record.typeName !== 'shape' || hasPlace(record, values)) continue;
    const moved = { ...record, parentId: firstPage } as CanvasRecord;
    values.set(record.id, moved);
    writes.set(record.id, moved);
    repairs.parents++;
  }
  for (const record of values.values()) {
    if (record.typeName !== 'binding') continue;
    if (values.get(record.fromId ?? '')?.typeName === 'shape' && values.get(record.toId ?? '')?.typeName === 'shape') continue;
    writes.set(record.id, null);
    repairs.bindings++;
  }

  doc.transact(() => {
    for (const [key, record] of writes) {
      if (record) records.set(key, record);
      else records.delete(key);
    }
    if (JSON.stringify(meta.get(CANVAS_SCHEMA_KEY)) !== JSON.stringify(ours)) meta.set(CANVAS_SCHEMA_KEY, ours);
  }, Origin.load);
  if (writes.size > 0 || repairs.entries + repairs.types > 0) log.warn('room.canvas_repaired', { board: room.boardId, ...repairs });
}

/** Following parents from this shape reaches a page through frames and groups only. */
function hasPlace(shape: CanvasRecord, values: ReadonlyMap<string, CanvasRecord>): boolean {
  const seen = new Set([shape.id]);
  let parentId = shape.parentId;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = values.get(parentId);
    if (!parent) return false;
    if (parent.typeName === 'page') return true;
    if (parent.typeName !== 'shape' || !CONTAINERS.has(parent.type ?? '')) return false;
    parentId = parent.parentId;
  }
  return false;
}

/** Deletes everything in a shared type no part of Tablica reads; returns how many items went. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a root of any kind
function clearType(type: Y.AbstractType<any>, transaction: Y.Transaction): number {
  let removed = 0;
  for (const item of type._map.values()) {
    if (!item.deleted) {
      item.delete(transaction);
      removed++;
    }
  }
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted) {
      item.delete(transaction);
      removed++;
    }
  }
  return removed;
}
