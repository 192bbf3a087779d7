import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { RecordMap, type RecordMapChanges } from '../../shared/recordMap';
import { mulberry32 } from '../fuzz/hostileFrames';

interface Val {
  n: number;
}

interface Peer {
  doc: Y.Doc;
  view: { map: Map<string, { key: string; val: Val }>; set(key: string, val: Val): void; delete(key: string): void };
  /** What the change events said, applied in order: must always equal the view. */
  shadow?: Map<string, Val>;
}

function ourPeer(): Peer {
  const doc = new Y.Doc();
  const view = new RecordMap<Val>(doc.getArray('tldraw'));
  const shadow = new Map<string, Val>();
  view.on('change', (changes: RecordMapChanges<Val>) => {
    for (const [key, change] of changes) {
      if (change.action === 'delete') shadow.delete(key);
      else shadow.set(key, change.newValue);
    }
  });
  return { doc, view, shadow };
}

function stockPeer(): Peer {
  const doc = new Y.Doc();
  return { doc, view: new YKeyValue<Val>(doc.getArray('tldraw')) };
}

const sync = (from: Peer, to: Peer) => Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)));
const values = (peer: Peer) => new Map([...peer.view.map].map(([key, entry]) => [key, entry.val.n]));

describe('RecordMap: the canvas records over a Y.Array, read from each transaction', () => {
  // Several seeds: concurrent sets of the same keys, deletes, batches, partial syncs between
  // our peers and stock y-utility YKeyValue peers; all must agree once everything is exchanged.
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('agrees with y-utility YKeyValue peers under concurrent edits (seed %i)', (seed) => {
    const next = mulberry32(seed);
    const peers = [ourPeer(), ourPeer(), ourPeer(), stockPeer(), stockPeer()];
    const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)]!;
    let n = 0;
    for (let step = 0; step < 400; step++) {
      const peer = pick(peers);
      const roll = next();
      const key = `shape:${Math.floor(next() * 12)}`;
      if (roll < 0.45) peer.view.set(key, { n: n++ });
      else if (roll < 0.55) peer.view.delete(key);
      else if (roll < 0.65) {
        // A batch in one transaction, as tldraw writes a multi-selection.
        peer.doc.transact(() => {
          for (let k = 0; k < 4; k++) peer.view.set(`shape:${Math.floor(next() * 12)}`, { n: n++ });
        });
      } else sync(peer, pick(peers));
      for (const p of peers) if (p.shadow) expect(new Map([...p.shadow].map(([k, v]) => [k, v.n])), `seed ${seed} step ${step}`).toEqual(values(p));
    }
    for (let round = 0; round < 3; round++) for (const a of peers) for (const b of peers) if (a !== b) sync(a, b);
    const reference = values(peers[0]!);
    for (const peer of peers) expect(values(peer), `seed ${seed}`).toEqual(reference);
    for (const peer of peers) if (peer.shadow) expect(new Map([...peer.shadow].map(([k, v]) => [k, v.n]))).toEqual(reference);
    // One live entry per key is left in every document (the losers were deleted).
    for (const peer of peers) expect(peer.doc.getArray('tldraw').length).toBe(reference.size);
  });

  it('reads a stored document the way YKeyValue does (the rightmost entry of a key wins)', () => {
    const a = stockPeer();
    const b = stockPeer();
    a.view.set('shape:x', { n: 1 });
    b.view.set('shape:x', { n: 2 });
    // Both entries in one document, as a store holding an unmerged conflict would.
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(b.doc));
    const stock = new Y.Doc();
    Y.applyUpdate(stock, Y.encodeStateAsUpdate(merged));
    const ours = new RecordMap<Val>(merged.getArray('tldraw'));
    expect(ours.get('shape:x')).toEqual(new YKeyValue<Val>(stock.getArray('tldraw')).get('shape:x'));
    expect(merged.getArray('tldraw').length).toBe(1);
  });

  it('ignores and reports an entry that is not { key, val } instead of throwing', () => {
    const doc = new Y.Doc();
    let malformed = 0;
    const view = new RecordMap<Val>(doc.getArray('tldraw'), { onMalformed: () => malformed++ });
    doc.getArray<unknown>('tldraw').push([null, { key: 'shape:a' }, { key: 'shape:b', val: { n: 1 } }]);
    expect(malformed).toBe(2);
    expect([...view.map.keys()]).toEqual(['shape:b']);
  });

  it('reports an update as one change with the old and the new value', () => {
    const a = ourPeer();
    const b = ourPeer();
    a.view.set('shape:n', { n: 1 });
    sync(a, b);
    const seen: RecordMapChanges<Val>[] = [];
    (b.view as RecordMap<Val>).on('change', (changes) => seen.push(changes));
    a.view.set('shape:n', { n: 2 });
    sync(a, b);
    expect(seen).toEqual([new Map([['shape:n', { action: 'update', oldValue: { n: 1 }, newValue: { n: 2 } }]])]);
  });
});
