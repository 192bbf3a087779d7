/**
 * `npm run bench:history`: what one note move costs a document that has seen a long meeting. A
 * board of 2,000 notes is moved around by 40 writers; at each checkpoint the time to take one move
 * (apply the Yjs update and read its record change) is measured in a document read with our
 * RecordMap and in one read with y-utility's YKeyValue, which walks every entry ever written.
 */
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { RecordMap } from '../../shared/recordMap';

const NOTES = 2000;
const WRITERS = 40;
const CHECKPOINTS = [0, 10_000, 25_000];
const SAMPLE = 400;

interface Note {
  id: string;
  x: number;
  y: number;
}

const writers = Array.from({ length: WRITERS }, () => new Y.Doc());
const views = writers.map((doc) => new RecordMap<Note>(doc.getArray('tldraw')));
const ours = new Y.Doc();
const stock = new Y.Doc();
let oursChanges = 0;
let stockChanges = 0;
new RecordMap<Note>(ours.getArray('tldraw')).on('change', (changes) => (oursChanges += changes.size));
new YKeyValue<Note>(stock.getArray('tldraw')).on('change', (changes: Map<string, unknown>) => (stockChanges += changes.size));

writers[0]!.transact(() => {
  for (let i = 0; i < NOTES; i++) views[0]!.set(`shape:${i}`, { id: `shape:${i}`, x: i, y: 0 });
});
const seed = Y.encodeStateAsUpdate(writers[0]!);
for (const doc of [...writers.slice(1), ours, stock]) Y.applyUpdate(doc, seed);

let moves = 0;
/** One writer moves one note; every writer and both readers take the update. */
function move(measure: boolean): [number, number] {
  const w = moves % WRITERS;
  const id = `shape:${(moves * 7919) % NOTES}`;
  // What a client sends: the update of its own transaction (not a diff, which carries every deletion ever made).
  let update: Uint8Array = new Uint8Array();
  const capture = (u: Uint8Array) => (update = u);
  writers[w]!.once('update', capture);
  views[w]!.set(id, { id, x: moves, y: w });
  moves++;
  for (const doc of writers) if (doc !== writers[w]) Y.applyUpdate(doc, update);
  if (!measure) {
    Y.applyUpdate(ours, update);
    Y.applyUpdate(stock, update);
    return [0, 0];
  }
  let t = performance.now();
  Y.applyUpdate(ours, update);
  const oursMs = performance.now() - t;
  t = performance.now();
  Y.applyUpdate(stock, update);
  return [oursMs, performance.now() - t];
}

console.log(`A board of ${NOTES} notes moved by ${WRITERS} writers: the time one document takes to apply one move and read its change (mean of ${SAMPLE}).`);
console.log('| moves so far | RecordMap ms | YKeyValue ms |');
console.log('|---|---|---|');
for (const checkpoint of CHECKPOINTS) {
  while (moves < checkpoint) move(false);
  let a = 0;
  let b = 0;
  for (let i = 0; i < SAMPLE; i++) {
    const [x, y] = move(true);
    a += x;
    b += y;
  }
  console.log(`| ${checkpoint.toLocaleString('en')} | ${(a / SAMPLE).toFixed(3)} | ${(b / SAMPLE).toFixed(3)} |`);
}
if (oursChanges !== stockChanges) throw new Error(`the two readers saw different changes (${oursChanges} vs ${stockChanges})`);
