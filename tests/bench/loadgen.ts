/**
 * The load generator (its own process, so it does not share the server's event loop): raw
 * y-protocols clients in rooms, doing what a workshop's tldraw clients do to a board. Each client
 * first syncs the room (sync step 1, applies step 2), then owns one note and drags it: every canvas
 * update sets that note's whole record again through a YKeyValue over the `tldraw` array of its own
 * Y.Doc (a valid tldraw 3.15 note on the board's page, with the send time in `meta`), and it sends
 * cursor (awareness) updates. In each room two probe clients keep a mirror of the document, decode
 * the record changes they receive and time them, and decode every awareness update; every client
 * counts what it receives. The bench runs several of these processes over disjoint rooms: each
 * prints `{"event":"ready"}` once its clients are synced, starts on a `go` line on stdin, prints
 * `{"event":"load-start"}` and `{"event":"load-end"}` around the measured window, then one JSON
 * line of raw results (GeneratorResult) that the bench merges.
 */
import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { writeUpdate } from 'y-protocols/sync';
import { noteRecord, PAGE_ID } from '../helpers/records';
import type { CanvasRecord } from '../../shared/projection';

interface Args {
  urls: string[][]; // per room, one URL per client (lets a room span instances)
  seconds: number;
  /** Seconds of the same load before the measured window (every client has added its note by then). */
  warmupSeconds: number;
  updatesPerSecond: number;
  cursorsPerSecond: number;
}

/** One generator process's figures (printed as the last line). */
export interface GeneratorResult {
  clients: number;
  canvasLatencies: number[];
  cursorLatencies: number[];
  expected: { canvas: number; cursor: number };
  delivered: { canvas: number; cursor: number };
  updatesOut: number;
  updateBytesOut: number;
  messagesIn: number;
  bytesIn: number;
  notices: number;
  closes: Record<string, number>;
  cpuSeconds: number;
  docClients: number;
}

/** What a note carries in `meta` (keys that are free for participants): send time, sender, sequence. */
interface DragMeta {
  t: number;
  i: number;
  s: number;
}

const args = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Args;
const now = () => performance.timeOrigin + performance.now();
/** Probes per room: they decode and time everything they receive (other clients only count). */
const PROBES = 2;
const REMOTE = Symbol('remote');
const canvasLatencies: number[] = [];
const cursorLatencies: number[] = [];
const expected = { canvas: 0, cursor: 0 };
const delivered = { canvas: 0, cursor: 0 };
let messagesIn = 0;
let bytesIn = 0;
let updateBytesOut = 0;
let updatesOut = 0;
let notices = 0;
const closes = new Map<number, number>();
let measuring = false;
/** Messages sent from here on are timed (the end of the warm-up); deliveries count from the sync on. */
let windowStart = Infinity;

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/** A client's note: the same valid record each time, at a new place and with a new `meta`. */
function noteTemplate(room: number, index: number): CanvasRecord {
  return noteRecord(`shape:bench-${room}-${index}`, `Pomysł ${index}`, { parentId: PAGE_ID });
}

async function openClient(url: string, room: number, index: number, probesInRoom: number) {
  const probe = index < probesInRoom;
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('close', (code) => {
    if (measuring || code !== 1005) closes.set(code, (closes.get(code) ?? 0) + 1);
  });
  ws.on('error', () => {});
  const doc = new Y.Doc();
  const records = new YKeyValue<CanvasRecord>(doc.getArray('tldraw') as Y.Array<{ key: string; val: CanvasRecord }>);
  // Our own changes go out as they are made; what came from the server does not go back.
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    const message = frame(0, (e) => writeUpdate(e, u));
    updateBytesOut += u.byteLength;
    updatesOut++;
    ws.send(message);
  });

  // A probe's mirror holds everything the room sends it; its record changes are what it times.
  const mirror = probe ? new Y.Doc() : null;
  let receivedAt = 0;
  let counting = false;
  const lastSeen = new Map<string, number>();
  const lastClock = new Map<number, number>();
  if (mirror) {
    const mirrored = new YKeyValue<CanvasRecord>(mirror.getArray('tldraw') as Y.Array<{ key: string; val: CanvasRecord }>);
    mirrored.on('change', (changes: Map<string, { newValue?: CanvasRecord }>) => {
      if (!counting) return;
      for (const [key, { newValue }] of changes) {
        const meta = newValue?.meta as DragMeta | undefined;
        if (!meta || typeof meta.t !== 'number' || meta.i === index) continue;
        // Sequence numbers: a value another replaced within the same server tick arrives merged
        // into the newer one (Yjs keeps a client's changes in order, so a newer value implies the
        // older ones were integrated); it counts as delivered, only the newest is timed.
        delivered.canvas += meta.s - (lastSeen.get(key) ?? 0);
        lastSeen.set(key, meta.s);
        if (meta.t >= windowStart) canvasLatencies.push(receivedAt - meta.t);
      }
    });
  }

  let synced!: () => void;
  const whenSynced = new Promise<void>((resolve) => (synced = resolve));
  let isSynced = false;
  ws.on('message', (data: Buffer) => {
    messagesIn++;
    bytesIn += data.byteLength;
    if (isSynced && !probe) return; // after the sync, an ordinary client only counts
    const at = now();
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === 0) {
        // The server's sync step 1: answer with what we have, as a stock client does.
        ws.send(frame(0, (e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, payload));
        }));
      } else if (sub === 1 && !isSynced) {
        Y.applyUpdate(doc, payload, REMOTE);
        if (mirror) Y.applyUpdate(mirror, payload, REMOTE);
        isSynced = true;
        counting = true;
        synced();
      } else if (mirror && (sub === 1 || sub === 2)) {
        receivedAt = at;
        Y.applyUpdate(mirror, payload, REMOTE);
      }
    } else if (type === 1 && probe && isSynced) {
      const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(inner);
      for (let i = 0; i < count; i++) {
        const client = decoding.readVarUint(inner);
        const clock = decoding.readVarUint(inner);
        const state = decoding.readVarString(inner);
        const match = /"t":([0-9.]+),"i":(\d+)/.exec(state);
        if (match && Number(match[2]) !== index) {
          // As with records: a state replaced by a newer one within a tick counts as delivered.
          delivered.cursor += clock - (lastClock.get(client) ?? 0);
          lastClock.set(client, clock);
          if (Number(match[1]) >= windowStart) cursorLatencies.push(at - Number(match[1]));
        }
      }
    } else if (type === 101) {
      notices++;
    }
  });
  // Sync step 1 with our (empty) state vector: "send me everything".
  ws.send(frame(0, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  }));
  await whenSynced;

  const base = noteTemplate(room, index);
  const id = base.id;
  // Probes are not sent their own messages' worth of expectations.
  const receivers = probe ? probesInRoom - 1 : probesInRoom;
  let seq = 0;
  let clock = 0;
  return {
    update() {
      seq++;
      const meta: DragMeta = { t: now(), i: index, s: seq };
      records.set(id, { ...base, x: 100 + ((seq * 7) % 600), y: 100 + index * 24, meta } as unknown as CanvasRecord);
      expected.canvas += receivers;
    },
    cursor() {
      clock++;
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, doc.clientID);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, `{"user":{"name":"Uczestnik ${index}"},"cursor":{"x":${clock % 900},"y":${index}},"t":${now()},"i":${index}}`);
      ws.send(frame(1, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))));
      expected.cursor += receivers;
    },
    close: () => ws.close(),
    /** Writers (Yjs client ids) in the probe's mirror of the room's document. */
    docClients: () => mirror?.store.clients.size ?? 0,
  };
}

const rooms = await Promise.all(args.urls.map((urls, r) => Promise.all(urls.map((url, i) => openClient(url, r, i, Math.min(PROBES, urls.length))))));
const clients = rooms.flat();
const timers: NodeJS.Timeout[] = [];
const spread = (count: number, perSecond: number, act: (i: number) => void) => {
  // Each client on its own phase, so traffic is even rather than in bursts.
  const period = 1000 / perSecond;
  for (let i = 0; i < count; i++) {
    timers.push(
      setTimeout(() => {
        act(i);
        timers.push(setInterval(() => act(i), period));
      }, (i / count) * period),
    );
  }
};
await new Promise((r) => setTimeout(r, 1000));
// Several generator processes share the load: each says when its clients are ready, and all
// start when the bench says go (a line on stdin).
console.log(JSON.stringify({ event: 'ready' }));
await new Promise<void>((resolve) => {
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => chunk.includes('go') && resolve());
});
spread(clients.length, args.updatesPerSecond, (i) => clients[i]!.update());
spread(clients.length, args.cursorsPerSecond, (i) => clients[i]!.cursor());
// The first seconds, when every client adds its note at once and both processes warm up, are
// load but not measured (the bench reports them on their own with --warmup 0).
await new Promise((r) => setTimeout(r, args.warmupSeconds * 1000));
const cpuBefore = process.cpuUsage();
measuring = true;
windowStart = now();
console.log(JSON.stringify({ event: 'load-start' }));
await new Promise((r) => setTimeout(r, args.seconds * 1000));
for (const t of timers) clearInterval(t);
// What was sent in the window may still arrive: wait, then stop counting.
await new Promise((r) => setTimeout(r, 1500));
console.log(JSON.stringify({ event: 'load-end' }));
measuring = false;
const cpu = process.cpuUsage(cpuBefore);

// Raw figures (latencies to 0.01 ms): the bench merges the generators' and takes percentiles.
const round = (values: number[]) => values.map((v) => Math.round(v * 100) / 100);
const result: GeneratorResult = {
  clients: clients.length,
  canvasLatencies: round(canvasLatencies),
  cursorLatencies: round(cursorLatencies),
  expected,
  delivered,
  updatesOut,
  updateBytesOut,
  messagesIn,
  bytesIn,
  notices,
  closes: Object.fromEntries(closes),
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  docClients: Math.max(...clients.map((c) => c.docClients())),
};
for (const c of clients) c.close();
// A pipe takes a long line asynchronously: exit only once it has been written whole.
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
