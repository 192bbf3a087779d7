import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { RecordMap, type RecordMapChanges } from '../../shared/recordMap';
import { decodeUpdate, integrateAppend, readAppend } from '../../server/sync/appendReader';
import { mergeChanges } from '../../server/sync/canvasCheck';
import type { CanvasRecord } from '../../shared/projection';
import type { RecordChange } from '../../shared/canvasGuard';
import { mulberry32 } from '../fuzz/hostileFrames';

/**
 * readAppend decides what an update does without trying it; whenever it answers, the answer must
 * be what the trial (the update applied to a copy of the room, the changes read there) gives.
 */

interface Room {
  doc: Y.Doc;
  records: RecordMap<CanvasRecord>;
}

function newRoom(): Room {
  const doc = new Y.Doc();
  return { doc, records: new RecordMap<CanvasRecord>(doc.getArray('tldraw')) };
}

/** The trial: the update on a copy of the room, its record changes merged across transactions. */
function trial(room: Room, update: Uint8Array): Map<string, RecordChange> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
  const records = new RecordMap<CanvasRecord>(copy.getArray('tldraw'), { onMalformed: () => {} });
  const changes = new Map<string, RecordChange>();
  records.on('change', (batch: RecordMapChanges<CanvasRecord>) => mergeChanges(changes, batch));
  Y.applyUpdate(copy, update);
  return changes;
}

/** Compares what readAppend says with the trial; returns whether it answered. */
function compare(room: Room, update: Uint8Array, label: string): boolean {
  const decoded = decodeUpdate(update);
  const read = decoded && readAppend(decoded, room.records);
  if (!read) return false;
  expect(new Map([...read.changes].sort()), label).toEqual(new Map([...trial(room, update)].sort()));
  return true;
}

const note = (id: string, n: number): CanvasRecord => ({ id, typeName: 'shape', type: 'note', x: n, y: 0, props: {} }) as unknown as CanvasRecord;

/** A client writing the way stock clients do (y-utility YKeyValue), its updates captured. */
function client(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const kv = new YKeyValue<CanvasRecord>(doc.getArray('tldraw'));
  const outbox: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') outbox.push(update);
  });
  return { doc, kv, outbox };
}

describe('readAppend: the common write read from the update, as the trial would read it', () => {
  it.each([1, 2, 3, 4, 5, 6])('agrees with the trial for every update it answers, under concurrent writers (seed %i)', (seed) => {
    const next = mulberry32(seed);
    const room = newRoom();
    // The same room again, taking what readAppend answered for through integrateAppend.
    const twin = newRoom();
    const clients = [client(101), client(7), client(55), client(3)];
    const inboxes = clients.map(() => [] as Uint8Array[]);
    room.doc.on('update', (update: Uint8Array) => inboxes.forEach((inbox) => inbox.push(update)));
    room.doc.clientID = twin.doc.clientID = 999;
    // Every change each room makes (the update itself, then any cleanup of its own): the same.
    const madeByRoom: Uint8Array[] = [];
    const madeByTwin: Uint8Array[] = [];
    room.doc.on('update', (update: Uint8Array) => madeByRoom.push(update));
    twin.doc.on('update', (update: Uint8Array) => madeByTwin.push(update));
    let answered = 0;
    let total = 0;
    let n = 0;
    for (let step = 0; step < 1500; step++) {
      const index = Math.floor(next() * clients.length);
      const c = clients[index]!;
      const roll = next();
      // Mostly one's own notes, sometimes the same ones as others (contested keys).
      const key = next() < 0.7 ? `shape:${index}-${Math.floor(next() * 3)}` : `shape:${Math.floor(next() * 10)}`;
      if (roll < 0.35) c.kv.set(key, note(key, n++));
      else if (roll < 0.4) c.kv.delete(key);
      else if (roll < 0.47) {
        c.doc.transact(() => {
          for (let k = 0; k < 3; k++) {
            const id = `shape:${Math.floor(next() * 10)}`;
            c.kv.set(id, note(id, n++));
          }
        });
      } else if (roll < 0.75) {
        // The server takes this client's oldest update (each client's own in order).
        const update = c.outbox.shift();
        if (!update) continue;
        total++;
        if (compare(room, update, `seed ${seed} step ${step}`)) answered++;
        Y.applyUpdate(room.doc, update, c);
        const decoded = decodeUpdate(update)!;
        if (readAppend(decoded, twin.records)) integrateAppend(twin.doc, update, decoded, c);
        else Y.applyUpdate(twin.doc, update, c);
        if (total % 50 === 0) expect(Y.encodeStateAsUpdate(twin.doc), `seed ${seed} step ${step}`).toEqual(Y.encodeStateAsUpdate(room.doc));
        expect(twin.records.map, `seed ${seed} step ${step}`).toEqual(room.records.map);
        expect(madeByTwin.splice(0), `seed ${seed} step ${step}`).toEqual(madeByRoom.splice(0));
      } else {
        // The client hears from the server (it lags behind by what is left in its inbox).
        const inbox = inboxes[index]!;
        const count = Math.floor(next() * (inbox.length + 1));
        for (const update of inbox.splice(0, count)) Y.applyUpdate(c.doc, update, 'server');
      }
    }
    expect(Y.encodeStateAsUpdate(twin.doc)).toEqual(Y.encodeStateAsUpdate(room.doc));
    // Most of what honest clients send is read without a trial, concurrent appends included.
    expect(total).toBeGreaterThan(300);
    expect(answered / total).toBeGreaterThan(0.6);
  });

  /** A moves note a after B wrote `keyOfB`, which A has not heard of yet. */
  function afterAnotherWrote(keyOfB: string) {
    const room = newRoom();
    room.records.set('shape:a', note('shape:a', 0));
    const a = client(20);
    const b = client(10);
    for (const c of [a, b]) Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(room.doc), 'server');
    b.kv.set(keyOfB, note(keyOfB, 1));
    Y.applyUpdate(room.doc, b.outbox.shift()!, b);
    a.kv.set('shape:a', note('shape:a', 2));
    return { room, update: a.outbox.shift()! };
  }

  it('answers for a move of a note after other clients appended since the writer last synced', () => {
    const { room, update } = afterAnotherWrote('shape:b');
    expect(compare(room, update, 'concurrent move')).toBe(true);
    expect(readAppend(decodeUpdate(update)!, room.records)!.changes.get('shape:a')).toMatchObject({ action: 'update', newValue: { x: 2 } });
  });

  it('answers for writers that never hear from the room after joining (each replaces its own note)', () => {
    const room = newRoom();
    room.records.set('page:1', note('page:1', 0));
    const writers = [client(40), client(30), client(20), client(10)];
    for (const c of writers) Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(room.doc), 'server');
    for (let round = 0; round < 50; round++) {
      writers.forEach((c, i) => {
        c.kv.set(`shape:${i}`, note(`shape:${i}`, round));
        const update = c.outbox.shift()!;
        expect(compare(room, update, `round ${round} writer ${i}`), `round ${round} writer ${i}`).toBe(true);
        Y.applyUpdate(room.doc, update, c);
      });
    }
    expect(room.records.get('shape:3')).toMatchObject({ x: 49 });
  });

  it('leaves a contested key to the trial (another client wrote it right of the origin)', () => {
    const { room, update } = afterAnotherWrote('shape:a');
    expect(readAppend(decodeUpdate(update)!, room.records)).toBeNull();
  });

  it('leaves everything but plain appends to the trial', () => {
    const room = newRoom();
    room.records.set('shape:a', note('shape:a', 0));
    room.records.set('shape:b', note('shape:b', 1));
    const cases: [string, (doc: Y.Doc) => void][] = [
      ['a record deleted', (doc) => new YKeyValue<unknown>(doc.getArray('tldraw')).delete('shape:a')],
      ['an entry inserted before the others', (doc) => doc.getArray('tldraw').insert(0, [{ key: 'shape:c', val: note('shape:c', 2) }])],
      ['an entry inserted between two', (doc) => doc.getArray('tldraw').insert(1, [{ key: 'shape:c', val: note('shape:c', 2) }])],
      ['a key twice in one append', (doc) => doc.getArray('tldraw').push([{ key: 'shape:c', val: note('shape:c', 2) }, { key: 'shape:c', val: note('shape:c', 3) }])],
      ['not an entry', (doc) => doc.getArray('tldraw').push(['text'])],
      ['an entry with more fields', (doc) => doc.getArray('tldraw').push([{ key: 'shape:c', val: note('shape:c', 2), extra: 1 }])],
      ['a nested shared type', (doc) => doc.getArray('tldraw').push([new Y.Map()])],
      ['another root type', (doc) => doc.getMap('other').set('x', 1)],
      ['an append and another root', (doc) => doc.transact(() => {
        doc.getArray('tldraw').push([{ key: 'shape:c', val: note('shape:c', 2) }]);
        doc.getMap('other').set('x', 1);
      })],
    ];
    for (const [label, write] of cases) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
      const before = Y.encodeStateVector(doc);
      write(doc);
      const update = Y.encodeStateAsUpdate(doc, before);
      expect(readAppend(decodeUpdate(update)!, room.records), label).toBeNull();
    }
  });

  it('leaves an update that names its client in two groups to the trial (Yjs would keep only the last)', () => {
    const room = newRoom();
    room.records.set('shape:a', note('shape:a', 0));
    const a = client(20);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(room.doc), 'server');
    const pushes: Uint8Array[] = [];
    for (const key of ['shape:b', 'shape:c']) {
      const before = Y.encodeStateVector(a.doc);
      a.doc.getArray('tldraw').push([{ key, val: note(key, 1) }]);
      pushes.push(Y.encodeStateAsUpdate(a.doc, before));
    }
    // Each push is [1 group][the group][empty delete set: 0]; two groups of one client, one update.
    const groups = pushes.map((update) => update.subarray(1, update.byteLength - 1));
    const twoGroups = new Uint8Array([2, ...groups[0]!, ...groups[1]!, 0]);
    const decoded = decodeUpdate(twoGroups)!;
    expect(decoded.structs).toHaveLength(2);
    expect(readAppend(decoded, room.records)).toBeNull();
    // What Yjs makes of it: the first group is dropped and the second waits for it.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
    Y.applyUpdate(doc, twoGroups);
    expect(doc.store.pendingStructs).not.toBeNull();
  });

  it('leaves an update that builds on changes the room does not have to the trial', () => {
    const room = newRoom();
    room.records.set('shape:a', note('shape:a', 0));
    const a = client(20);
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(room.doc), 'server');
    a.kv.set('shape:b', note('shape:b', 1));
    a.outbox.shift();
    a.kv.set('shape:a', note('shape:a', 2));
    // The second update's origin is the first one's entry, which the room never took.
    expect(readAppend(decodeUpdate(a.outbox.shift()!)!, room.records)).toBeNull();
  });
});
