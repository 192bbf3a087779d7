/**
 * The hosts' bin ("Kosz"): shapes deleted from the canvas during the meeting, by anyone, kept in
 * this process's memory only while the board is open — never on disk — so hosts can put them
 * back. Emptied when the meeting is closed; gone when the room unloads (docs/no-recording.md).
 */
import { richTextToPlain } from '../../shared/canvas';
import type { CanvasRecord } from '../../shared/projection';
import type { BinItem } from '../../shared/requests';
import { Origin } from './origin';
import type { RecordChanges, Room } from './room';
import type { RoomHooks } from './roomHooks';

/** The most entries kept; the oldest go first. */
const MAX_ENTRIES = 300;
const PREVIEW_CHARS = 120;

interface BinEntry {
  record: CanvasRecord;
  /** Shapes deleted with it (its contents) and bindings among them, in parent-first order. */
  with: CanvasRecord[];
  frameName: string;
  deletedAt: Date;
}

export class Bin implements RoomHooks {
  readonly name = 'bin';
  readonly #entries = new Map<string, BinEntry>();

  constructor(private readonly room: Room) {}

  load(): void {
    this.room.onRecords('bin', (changes, transaction) => {
      // Closing the meeting empties the bin itself; a load repair is not a deletion by anyone.
      if (transaction.origin === Origin.request || transaction.origin === Origin.load) return;
      this.#take(changes);
    });
  }

  #take(changes: RecordChanges): void {
    const deleted = new Map<string, CanvasRecord>();
    for (const [key, change] of changes) {
      if (change.action === 'delete' && change.oldValue) deleted.set(key, change.oldValue);
      else this.#entries.delete(key);
    }
    if (deleted.size === 0) return;
    const now = new Date();
    for (const record of deleted.values()) {
      if (record.typeName !== 'shape' || (record.parentId && deleted.has(record.parentId))) continue;
      const withIt = descendantsIn(record.id, deleted);
      const ids = new Set([record.id, ...withIt.map((r) => r.id)]);
      for (const other of deleted.values()) {
        if (other.typeName === 'binding' && ids.has(other.fromId ?? '') && ids.has(other.toId ?? '')) withIt.push(other);
      }
      const parent = record.parentId ? this.room.records.get(record.parentId) : undefined;
      const frameName = parent?.type === 'frame' ? String(parent.props?.name ?? '') : '';
      this.#entries.delete(record.id);
      this.#entries.set(record.id, { record, with: withIt, frameName, deletedAt: now });
    }
    while (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
  }

  list(): BinItem[] {
    return [...this.#entries.values()].reverse().map((entry) => ({
      id: entry.record.id,
      shapeType: entry.record.type ?? 'shape',
      preview: previewOf(entry.record),
      frameName: entry.frameName,
      alsoRestores: entry.with.filter((r) => r.typeName === 'shape').length,
      deletedAt: entry.deletedAt.toISOString(),
    }));
  }

  /** Puts an entry back; into its page when the frame it was in is gone. */
  restore(id: string): boolean {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    const records = this.room.records;
    const page = [...records.map.values()].find((e) => e.val.typeName === 'page')?.val.id;
    const parentId = entry.record.parentId && records.has(entry.record.parentId) ? entry.record.parentId : page;
    if (!parentId) return false;
    this.room.doc.transact(() => {
      records.set(entry.record.id, { ...entry.record, parentId });
      for (const record of entry.with) {
        if (record.typeName === 'binding' && !(records.has(record.fromId ?? '') && records.has(record.toId ?? ''))) continue;
        records.set(record.id, record);
      }
    }, Origin.bin);
    this.#entries.delete(id);
    return true;
  }

  clear(): void {
    this.#entries.clear();
  }

  destroy(): void {
    this.clear();
  }
}

function descendantsIn(rootId: string, deleted: ReadonlyMap<string, CanvasRecord>): CanvasRecord[] {
  const found: CanvasRecord[] = [];
  const seen = new Set([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const record of deleted.values()) {
      if (record.typeName !== 'shape' || record.parentId !== parent || seen.has(record.id)) continue;
      seen.add(record.id);
      found.push(record);
      queue.push(record.id);
    }
  }
  return found;
}

function previewOf(record: CanvasRecord): string {
  const props = record.props ?? {};
  const text = props.richText !== undefined ? richTextToPlain(props.richText) : String(props.text ?? props.name ?? '');
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}
