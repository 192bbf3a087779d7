/**
 * The common canvas write read without a trial: an update that appends `{ key, val }` entries to
 * the records array (after an entry, with nothing named to its right) and deletes only entries of
 * that array — what every honest tldraw sends when it adds, moves or edits records (y-utility's
 * YKeyValue and our RecordMap write by delete-and-push). For such an update the record changes
 * follow from the decoded update and the room's document alone: an appended entry lands right of
 * its origin, so it is its key's value afterwards (the rightmost live entry wins) unless the key's
 * current entry lies right of that origin too; nothing in it waits for changes the room lacks. The
 * scratch copy — a second integration of every update — is then not needed to know what it does.
 *
 * Anything else (another content, an insert before an entry, an unknown origin, the deletion of a
 * record, a key twice, a contested key) is left to the trial: `readAppend` answers `null` and the
 * caller tries the update on the copy as before. Answering `null` is always safe; answering
 * changes must give exactly what the trial would collect (tests/unit/append-reader.test.ts
 * compares the two on honest, concurrent and hostile updates).
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { isRecordEntry, type RecordMap } from '../../shared/recordMap';
import type { CanvasRecord } from '../../shared/projection';
import type { RecordChange } from '../../shared/canvasGuard';

/** What the update would change, by record id. */
export interface AppendRead {
  changes: Map<string, RecordChange>;
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate> & {
  /**
   * How many client groups the update's structs come in. Yjs applying an update keeps only the
   * last group of a client named twice, while decoding lists every struct: an update read here
   * must name each client once to mean the same to the room and to every client.
   */
  groups: number;
};

/** The update's structs and delete set, or null if it cannot be read. */
export function decodeUpdate(update: Uint8Array): DecodedUpdate | null {
  try {
    const groups = decoding.readVarUint(decoding.createDecoder(update));
    return { ...Y.decodeUpdate(update), groups };
  } catch {
    return null;
  }
}

/** The lowest clock per client of an update's structs: what it builds on. */
export function startClocks(decoded: DecodedUpdate): Map<number, number> {
  const from = new Map<number, number>();
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    const known = from.get(client);
    if (known === undefined || clock < known) from.set(client, clock);
  }
  return from;
}

/** Items right of an append's origin that are walked before the trial is left to decide. */
const MAX_ITEMS_RIGHT_OF_ORIGIN = 64;

/**
 * The record changes of an append-only update, or null when it must go through the trial.
 * `records` is the room's record map over `records.yarray` in `records.doc`.
 *
 * Other clients may have appended since the writer last heard from the room, so its entries may
 * land before theirs: an appended entry is still its key's value unless the key's current entry
 * lies right of the origin and stays (then the trial decides who wins).
 */
export function readAppend(decoded: DecodedUpdate, records: RecordMap<CanvasRecord>): AppendRead | null {
  const { structs, ds } = decoded;
  if (decoded.groups !== (structs.length > 0 ? 1 : 0)) return null;
  const store = records.doc.store;
  const yarray = records.yarray as unknown as Y.AbstractType<unknown>;

  // The structs: one client's items, contiguous from the clock the room has next for it, the first
  // appended after an entry of the array (no right origin) and each further one right after the
  // one before.
  // (None at all: a delete-only update, as a client sends when it drops the entries that lost.)
  const client = structs[0]?.id.client ?? 0;
  let clock = Y.getState(store, client);
  let previousEnd: Y.ID | null = null;
  let origin: Y.ID | null = null;
  const added = new Map<string, CanvasRecord>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || struct.id.client !== client || struct.id.clock !== clock || struct.length === 0) return null;
    if (struct.rightOrigin !== null || struct.origin === null || !(struct.content instanceof Y.ContentAny)) return null;
    if (previousEnd === null) {
      if (!arrayItemAt(store, struct.origin, yarray)) return null;
      origin = struct.origin;
    } else if (struct.origin.client !== previousEnd.client || struct.origin.clock !== previousEnd.clock) return null;
    for (const entry of struct.content.arr) {
      if (!isRecordEntry(entry) || added.has(entry.key)) return null;
      added.set(entry.key, entry.val as CanvasRecord);
    }
    clock += struct.length;
    previousEnd = Y.createID(client, clock - 1);
  }

  // The deletions: only entries of the array the room holds. A key whose current entry goes must
  // be written again by this update (deleting a record is left to the trial).
  const replaced = new Set<string>();
  for (const [deletedClient, ranges] of ds.clients) {
    const state = Y.getState(store, deletedClient);
    const clientStructs = store.clients.get(deletedClient);
    for (const { clock: start, len } of ranges) {
      if (len <= 0) continue;
      if (!clientStructs || start + len > state) return null;
      for (let i = Y.findIndexSS(clientStructs, start); i < clientStructs.length; i++) {
        const struct = clientStructs[i]!;
        if (struct.id.clock >= start + len) break;
        if (struct instanceof Y.GC || struct.deleted) continue;
        if (!isArrayEntries(struct, yarray)) return null;
        const from = Math.max(start, struct.id.clock) - struct.id.clock;
        const to = Math.min(start + len, struct.id.clock + struct.length) - struct.id.clock;
        for (let offset = from; offset < to; offset++) {
          const entry = struct.content.arr[offset] as { key?: unknown } | undefined;
          if (typeof entry?.key !== 'string' || records.map.get(entry.key) !== entry) continue;
          if (!added.has(entry.key)) return null;
          replaced.add(entry.key);
        }
      }
    }
  }

  const changes = new Map<string, RecordChange>();
  let rightOfOrigin: Set<unknown> | null | undefined;
  for (const [key, newValue] of added) {
    const current = records.map.get(key);
    if (current && !replaced.has(key)) {
      // A current entry that stays and lies right of the origin may be right of the new one too:
      // the trial decides. (Only looked for here: an honest writer replaces what it last saw.)
      rightOfOrigin ??= entriesRightOf(store, origin!, yarray);
      if (rightOfOrigin === null || rightOfOrigin.has(current)) return null;
    }
    changes.set(key, current ? { action: 'update', oldValue: current.val, newValue } : { action: 'add', newValue });
  }
  return { changes };
}

/** The item of the records array that holds `id`, if the room has it. */
function arrayItemAt(store: Y.Doc['store'], id: Y.ID, yarray: Y.AbstractType<unknown>): Y.Item | null {
  if (id.clock >= Y.getState(store, id.client)) return null;
  const structs = store.clients.get(id.client);
  const item = structs?.[Y.findIndexSS(structs, id.clock)];
  return item instanceof Y.Item && item.parent === yarray && item.parentSub === null ? item : null;
}

/**
 * The live entries right of `id` in the records array (the rest of its item, then the items after
 * it), or null when too much lies right of it.
 */
function entriesRightOf(store: Y.Doc['store'], id: Y.ID, yarray: Y.AbstractType<unknown>): Set<unknown> | null {
  const origin = arrayItemAt(store, id, yarray)!;
  const entries = new Set<unknown>();
  if (!origin.deleted && origin.content instanceof Y.ContentAny) {
    for (let offset = id.clock - origin.id.clock + 1; offset < origin.length; offset++) entries.add(origin.content.arr[offset]);
  }
  let walked = 0;
  for (let item = origin.right; item !== null; item = item.right) {
    if (++walked > MAX_ITEMS_RIGHT_OF_ORIGIN) return null;
    if (item.deleted || !(item.content instanceof Y.ContentAny)) continue;
    for (const entry of item.content.arr) entries.add(entry);
  }
  return entries;
}

function isArrayEntries(struct: Y.Item | Y.Skip, yarray: Y.AbstractType<unknown>): struct is Y.Item & { content: Y.ContentAny } {
  return struct instanceof Y.Item && struct.parent === yarray && struct.parentSub === null && struct.content instanceof Y.ContentAny;
}

/**
 * Integrates an update that `readAppend` answered for into the room's document as the structs it
 * decoded, so Yjs does not decode the update a second time: the same steps as Y.applyUpdate takes
 * for such an update (each item finds its origin and integrates; each deleted range is split off
 * and deleted), in one remote transaction with `origin`. A document that holds structs or
 * deletions still waiting for others takes the bytes the usual way (those may now apply).
 * Call it at once after `readAppend`, with nothing applied in between.
 */
export function integrateAppend(doc: Y.Doc, update: Uint8Array, decoded: DecodedUpdate, origin: unknown): void {
  const store = doc.store;
  if (store.pendingStructs !== null || store.pendingDs !== null) {
    Y.applyUpdate(doc, update, origin);
    return;
  }
  Y.transact(
    doc,
    (transaction) => {
      for (const struct of decoded.structs) {
        const item = struct as Y.Item;
        if (item.getMissing(transaction, store) !== null) throw new Error('an appended item lost its origin');
        item.integrate(transaction, 0);
      }
      for (const [client, ranges] of decoded.ds.clients) {
        const structs = store.clients.get(client)!;
        for (const { clock, len } of ranges) {
          if (len <= 0) continue;
          const end = clock + len;
          let index = Y.findIndexSS(structs, clock);
          if (!structs[index]!.deleted && structs[index]!.id.clock < clock) {
            Y.getItemCleanStart(transaction, Y.createID(client, clock));
            index++;
          }
          for (; index < structs.length; index++) {
            const struct = structs[index]!;
            if (struct.id.clock >= end) break;
            if (struct.deleted) continue;
            if (end < struct.id.clock + struct.length) Y.getItemCleanEnd(transaction, store, Y.createID(client, end - 1));
            (struct as Y.Item).delete(transaction);
          }
        }
      }
    },
    origin,
    false,
  );
}
