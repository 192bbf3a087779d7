import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { decodeUpdate } from '../../server/sync/appendReader';
import { joinUpdates, rememberParts } from '../../server/sync/updateParts';
import { mulberry32 } from '../fuzz/hostileFrames';

/** Writers on one shared start; each update they make is captured with its parts remembered. */
function writers(count: number, seed: number) {
  const next = mulberry32(seed);
  const base = new Y.Doc();
  new YKeyValue<{ n: number }>(base.getArray('tldraw')).set('page:1', { n: 0 });
  const start = Y.encodeStateAsUpdate(base);
  const docs = Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 1000 + i;
    Y.applyUpdate(doc, start);
    return { doc, kv: new YKeyValue<{ n: number }>(doc.getArray('tldraw')) };
  });
  const write = (i: number): Uint8Array => {
    const { doc, kv } = docs[i]!;
    const before = Y.encodeStateVector(doc);
    // Every kind of value a record holds: integers, floats, text, nesting, arrays, flags, null.
    const value = { n: Math.floor(next() * 1000), x: next() * 1000 - 500, text: 'Zażółć gęślą jaźń', meta: { ok: true, none: null, list: [1, -2.5, 'ą', false] } };
    kv.set(`shape:${Math.floor(next() * 6)}`, value as unknown as { n: number });
    const update = Y.encodeStateAsUpdate(doc, before);
    rememberParts(update);
    return update;
  };
  return { start, write };
}

/** Two copies of the start: one takes each tick joined, the other its updates one by one. */
function twoDocs(start: Uint8Array) {
  const make = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, start);
    return doc;
  };
  const joined = make();
  const separate = make();
  const stateOf = (doc: Y.Doc) => ({
    records: new Map(new YKeyValue<unknown>(doc.getArray('tldraw')).map),
    vector: Y.encodeStateVector(doc),
    pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
  });
  return {
    /** Applies the tick both ways; returns how many updates the join made of it. */
    take(updates: Uint8Array[]): number {
      const messages = joinUpdates(updates);
      for (const message of messages) Y.applyUpdate(joined, message);
      for (const update of updates) Y.applyUpdate(separate, update);
      const state = stateOf(joined);
      expect(state).toEqual(stateOf(separate));
      expect(state.pending).toBe(false);
      return messages.length;
    },
  };
}

describe('joinUpdates: a tick of updates as one, without decoding them again', () => {
  it.each([1, 2, 3])('gives the state the updates give one by one (seed %i)', (seed) => {
    const { start, write } = writers(5, seed);
    const docs = twoDocs(start);
    const next = mulberry32(seed + 100);
    for (let tick = 0; tick < 40; tick++) {
      // One update from each of a few writers (distinct clients): laid end to end.
      const updates = [0, 1, 2, 3, 4].filter(() => next() < 0.7).map(write);
      if (updates.length === 0) continue;
      if (updates.length > 1) {
        // One update of the parts end to end: the counts are written once.
        const [joined, ...more] = joinUpdates(updates);
        expect(more).toEqual([]);
        expect(joined!.byteLength).toBe(updates.reduce((sum, u) => sum + u.byteLength, 0) - 2 * (updates.length - 1));
      }
      expect(docs.take(updates)).toBe(1);
    }
  });

  it('starts another update where a client comes again or an update has no known parts, in order', () => {
    const { start, write } = writers(2, 7);
    const docs = twoDocs(start);
    expect(docs.take([write(0), write(1), write(0), write(1), write(1)])).toBe(3);
    const stranger = new Y.Doc();
    stranger.getArray('tldraw').push([{ key: 'shape:x', val: { n: 1 } }]);
    // Its parts unknown, the stranger's update goes alone, between the runs before and after it.
    expect(docs.take([write(0), write(1), Y.encodeStateAsUpdate(stranger), write(0)])).toBe(3);
  });

  it('keeps no parts for an update it cannot read to its last byte: it goes alone', () => {
    const { write } = writers(2, 3);
    const update = write(0);
    const other = write(1);
    const trailing = new Uint8Array([...update, 7]);
    rememberParts(trailing);
    expect(joinUpdates([other, trailing])).toEqual([other, trailing]);
    const cut = update.subarray(0, update.byteLength - 1);
    rememberParts(cut);
    expect(joinUpdates([other, cut])).toEqual([other, cut]);
    expect(joinUpdates([other, update])).toHaveLength(1);
  });

  it('joins an update whose delete set is not written the plain way', () => {
    const { start, write } = writers(2, 9);
    const docs = twoDocs(start);
    const update = write(0);
    const decoded = decodeUpdate(update)!;
    const dsClients = decoded.ds.clients.size;
    // The same update with its delete set's client count written as two bytes (0x80|n, 0): valid
    // for Yjs, and read the same way here (the delete set is found by reading, not by its length).
    const structsEnd = update.byteLength - encodedDsLength(decoded);
    expect(update[structsEnd]).toBe(dsClients);
    const padded = new Uint8Array(update.byteLength + 1);
    padded.set(update.subarray(0, structsEnd), 0);
    padded[structsEnd] = 0x80 | dsClients;
    padded[structsEnd + 1] = 0;
    padded.set(update.subarray(structsEnd + 1), structsEnd + 2);
    rememberParts(padded);
    const other = write(1);
    // Laid end to end: both counts written once, in one byte each.
    expect(joinUpdates([padded, other])[0]!.byteLength).toBe(padded.byteLength + other.byteLength - 3);
    expect(docs.take([padded, other])).toBe(1);
  });
});

function encodedDsLength(decoded: NonNullable<ReturnType<typeof decodeUpdate>>): number {
  let bytes = 1;
  const varLength = (n: number) => (n < 128 ? 1 : n < 16384 ? 2 : n < 2097152 ? 3 : n < 268435456 ? 4 : 5);
  for (const [client, ranges] of decoded.ds.clients) {
    bytes += varLength(client) + varLength(ranges.length);
    for (const { clock, len } of ranges) bytes += varLength(clock) + varLength(len);
  }
  return bytes;
}
