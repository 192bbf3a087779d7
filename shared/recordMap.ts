/**
 * Records by id over a Y.Array of `{ key, val }` entries: the board's canvas format (the same
 * entries and the same rule as y-utility's YKeyValue, which stock clients use: for each key the
 * rightmost live entry is the value, and any other live entry for it is deleted).
 *
 * Why our own: YKeyValue reads `event.changes` and `yarray.toArray()` on every change, and both
 * walk the whole array — every entry ever written, deleted ones included. A board whose notes have
 * been dragged all day holds tens of thousands of them, so each update cost more the longer the
 * meeting ran (measured: about 6 ms per update and document after 15,000 moves). Here a change is
 * read from the transaction itself (the structs it added, its delete set), so its cost follows
 * the size of the change, not the history of the board.
 */
import * as Y from 'yjs';
import { ObservableV2 } from 'lib0/observable';

export interface Entry<T> {
  key: string;
  val: T;
}

export type RecordMapChange<T> = { action: 'add'; newValue: T; oldValue?: undefined } | { action: 'update'; oldValue: T; newValue: T } | { action: 'delete'; oldValue: T; newValue?: undefined };

export type RecordMapChanges<T> = Map<string, RecordMapChange<T>>;

interface Events<T> {
  change: (changes: RecordMapChanges<T>, transaction: Y.Transaction) => void;
}

export interface RecordMapOptions {
  /** Called when an entry is not exactly `{ key: string, val: object }`; such entries are ignored. */
  onMalformed?: () => void;
}

/** Where an entry sits: its item's id plus its offset, stable for the life of the document. */
interface EntryId {
  client: number;
  clock: number;
}

export class RecordMap<T> extends ObservableV2<Events<T>> {
  /** The current entry of every key. */
  readonly map = new Map<string, Entry<T>>();
  readonly doc: Y.Doc;
  readonly #ids = new WeakMap<Entry<T>, EntryId>();

  constructor(
    readonly yarray: Y.Array<Entry<T>>,
    private readonly options: RecordMapOptions = {},
  ) {
    super();
    this.doc = yarray.doc!;
    const losers: EntryId[] = [];
    // Right to left: the first entry met for a key is its value.
    const all: [Entry<T>, EntryId][] = [];
    forEachLiveEntry(yarray, (entry, id) => all.push([entry, id]));
    for (let i = all.length - 1; i >= 0; i--) {
      const [entry, id] = all[i]!;
      if (!this.#wellFormed(entry)) continue;
      this.#ids.set(entry, id);
      if (this.map.has(entry.key)) losers.push(id);
      else this.map.set(entry.key, entry);
    }
    if (losers.length > 0) this.doc.transact(() => this.#deleteIds(losers));
    yarray.observe((_event, transaction) => this.#observe(transaction));
  }

  get(key: string): T | undefined {
    return this.map.get(key)?.val;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  set(key: string, val: T): void {
    this.doc.transact(() => {
      const current = this.map.get(key);
      if (current) this.#deleteIds([this.#ids.get(current)!]);
      this.yarray.push([{ key, val }]);
    });
  }

  delete(key: string): void {
    const current = this.map.get(key);
    if (current) this.doc.transact(() => this.#deleteIds([this.#ids.get(current)!]));
  }

  #wellFormed(entry: unknown): entry is Entry<T> {
    if (isRecordEntry(entry)) return true;
    this.options.onMalformed?.();
    return false;
  }

  #observe(transaction: Y.Transaction): void {
    const store = this.doc.store;
    const changes: RecordMapChanges<T> = new Map();
    const addedBefore = (id: EntryId) => id.clock < (transaction.beforeState.get(id.client) ?? 0);

    // Deleted entries: the transaction's delete set, read in the structs it names.
    for (const [client, ranges] of transaction.deleteSet.clients) {
      const structs = store.clients.get(client);
      if (!structs) continue;
      for (const { clock, len } of ranges) {
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
          const item = structs[i];
          if (!this.#ours(item) || !addedBefore(item.id)) continue;
          for (const entry of item.content.getContent() as Entry<T>[]) {
            if (this.map.get(entry?.key) === entry) {
              this.map.delete(entry.key);
              changes.set(entry.key, { action: 'delete', oldValue: entry.val });
            }
          }
        }
      }
    }

    // Added entries that are still live: the structs between the state before and after.
    const added = new Map<string, Entry<T>[]>();
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const structs = store.clients.get(client)!;
      for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i]!.id.clock < after; i++) {
        const item = structs[i];
        if (!this.#ours(item) || item.deleted) continue;
        const entries = item.content.getContent() as unknown[];
        entries.forEach((entry, offset) => {
          if (!this.#wellFormed(entry)) return;
          this.#ids.set(entry, { client, clock: item.id.clock + offset });
          const list = added.get(entry.key);
          if (list) list.push(entry);
          else added.set(entry.key, [entry]);
        });
      }
    }

    const losers: EntryId[] = [];
    for (const [key, entries] of added) {
      const current = this.map.get(key);
      const candidates = current ? [...entries, current] : entries;
      const winner = candidates.length === 1 ? candidates[0]! : this.#rightmost(candidates);
      for (const entry of candidates) if (entry !== winner) losers.push(this.#ids.get(entry)!);
      if (winner === current) continue;
      this.map.set(key, winner);
      const deleted = changes.get(key);
      if (current) changes.set(key, { action: 'update', oldValue: current.val, newValue: winner.val });
      else if (deleted?.action === 'delete') changes.set(key, { action: 'update', oldValue: deleted.oldValue, newValue: winner.val });
      else changes.set(key, { action: 'add', newValue: winner.val });
    }
    // Like YKeyValue, the losers go in a transaction of their own (run after this one's observers).
    if (losers.length > 0) this.doc.transact(() => this.#deleteIds(losers));
    if (changes.size > 0) this.emit('change', [changes, transaction]);
  }

  #ours(item: Y.Item | Y.GC | undefined): item is Y.Item {
    return item instanceof Y.Item && item.parent === this.yarray && item.parentSub === null && item.countable;
  }

  /**
   * The entry furthest right in the array. The walk starts at the first candidate (an entry just
   * added, so near the end) and goes to the end; candidates it never meets lie to its left.
   */
  #rightmost(candidates: Entry<T>[]): Entry<T> {
    const byId = new Map(candidates.map((entry) => [idKey(this.#ids.get(entry)!), entry]));
    const start = this.#ids.get(candidates[0]!)!;
    let rightmost = candidates[0]!;
    let item: Y.Item | null = Y.getItem(this.doc.store, Y.createID(start.client, start.clock)) as Y.Item;
    for (let first = true; item !== null; item = item.right, first = false) {
      if (item.deleted || !item.countable) continue;
      for (let offset = first ? start.clock - item.id.clock : 0; offset < item.length; offset++) {
        const entry = byId.get(idKey({ client: item.id.client, clock: item.id.clock + offset }));
        if (entry) rightmost = entry;
      }
    }
    return rightmost;
  }

  /** Deletes the entries at these ids (each found by its index: Yjs deletes list content by index). */
  #deleteIds(ids: EntryId[]): void {
    const wanted = new Set(ids.map(idKey));
    const indexes: number[] = [];
    let index = 0;
    for (let item = this.yarray._start; item !== null && indexes.length < wanted.size; item = item.right) {
      if (item.deleted || !item.countable) continue;
      for (let offset = 0; offset < item.length; offset++) {
        if (wanted.has(idKey({ client: item.id.client, clock: item.id.clock + offset }))) indexes.push(index + offset);
      }
      index += item.length;
    }
    // From the right, so earlier indexes stay where they are.
    for (const at of indexes.sort((a, b) => b - a)) this.yarray.delete(at, 1);
  }
}

/** Exactly `{ key: string, val: object }`: what every honest writer puts in the array. */
export function isRecordEntry(entry: unknown): entry is Entry<unknown> {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
  const { key, val } = entry as { key?: unknown; val?: unknown };
  return typeof key === 'string' && typeof val === 'object' && val !== null && !Array.isArray(val) && Object.keys(entry).length === 2;
}

const idKey = (id: EntryId) => `${id.client}:${id.clock}`;

/** Every live entry of the array, left to right, with its id. */
function forEachLiveEntry<T>(yarray: Y.Array<Entry<T>>, visit: (entry: Entry<T>, id: EntryId) => void): void {
  for (let item = yarray._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const entries = item.content.getContent() as Entry<T>[];
    entries.forEach((entry, offset) => visit(entry, { client: item!.id.client, clock: item!.id.clock + offset }));
  }
}
