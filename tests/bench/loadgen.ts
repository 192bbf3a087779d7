/**
 * The load generator (its own process, so it does not share the server's event loop): raw
 * y-protocols clients in rooms, each sending canvas updates (~200 bytes) and cursor (awareness)
 * updates at the workshop rate. In each room two probe clients decode what they receive and
 * measure delivery latency; every client counts what it receives. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { writeUpdate } from 'y-protocols/sync';

interface Args {
  urls: string[][]; // per room, one URL per client (lets a room span instances)
  seconds: number;
  updatesPerSecond: number;
  cursorsPerSecond: number;
}
const args = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Args;
const now = () => performance.timeOrigin + performance.now();
const latencies: number[] = [];
let expected = 0;
let delivered = 0;
let messagesIn = 0;
const PAD = 'x'.repeat(150);

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

async function openClient(url: string, index: number, probe: boolean, roomSize: number) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const doc = new Y.Doc();
  const map = doc.getMap<{ t: number; pad: string }>('m');
  let pending: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && pending.push(u));
  const mirror = probe ? new Y.Doc() : null;
  mirror?.getMap<{ t: number }>('m').observe((event) => {
    const at = now();
    for (const key of event.keysChanged) {
      const value = mirror.getMap<{ t: number }>('m').get(key);
      if (value && key !== `c${index}`) {
        latencies.push(at - value.t);
        delivered++;
      }
    }
  });
  ws.on('message', (data: Buffer) => {
    messagesIn++;
    if (!probe) return;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const sub = decoding.readVarUint(decoder);
      if (sub === 1 || sub === 2) Y.applyUpdate(mirror!, decoding.readVarUint8Array(decoder), 'remote');
    } else if (type === 1) {
      const at = now();
      const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(inner);
      for (let i = 0; i < count; i++) {
        decoding.readVarUint(inner);
        decoding.readVarUint(inner);
        const state = decoding.readVarString(inner);
        const match = /"t":([0-9.]+),"i":(\d+)/.exec(state);
        if (match && Number(match[2]) !== index) {
          latencies.push(at - Number(match[1]));
          delivered++;
        }
      }
    }
  });
  let clock = 0;
  return {
    probe,
    update() {
      map.set(`c${index}`, { t: now(), pad: PAD });
      for (const u of pending) ws.send(frame(0, (e) => writeUpdate(e, u)));
      pending = [];
      expected += probesPerRoom(roomSize);
    },
    cursor() {
      clock++;
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, doc.clientID);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, `{"user":{"name":"Uczestnik ${index}"},"cursor":{"x":${clock % 900},"y":${index}},"t":${now()},"i":${index}}`);
      ws.send(frame(1, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))));
      expected += probesPerRoom(roomSize);
    },
    close: () => ws.close(),
  };
}

/** Probes in a room other than the sender: every message a client sends should reach each of them. */
const PROBES = 2;
function probesPerRoom(_roomSize: number): number {
  return PROBES;
}

const rooms = await Promise.all(args.urls.map((urls) => Promise.all(urls.map((url, i) => openClient(url, i, i < PROBES, urls.length)))));
const clients = rooms.flat();
// Probes send too but do not count their own messages: correct the expectation per room.
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
const start = now();
spread(clients.length, args.updatesPerSecond, (i) => clients[i]!.update());
spread(clients.length, args.cursorsPerSecond, (i) => clients[i]!.cursor());
await new Promise((r) => setTimeout(r, args.seconds * 1000));
for (const t of timers) clearInterval(t);
const elapsed = (now() - start) / 1000;
await new Promise((r) => setTimeout(r, 1500));
// A probe does not receive its own messages: remove those from the expectation.
const probeOwn = rooms.reduce((n, room) => n + room.filter((c) => c.probe).length, 0);
const ownSent = probeOwn * elapsed * (args.updatesPerSecond + args.cursorsPerSecond);
latencies.sort((a, b) => a - b);
const pct = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]! : NaN);
console.log(
  JSON.stringify({
    clients: clients.length,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    delivered: delivered / Math.max(1, expected - ownSent),
    messagesIn,
  }),
);
for (const c of clients) c.close();
process.exit(0);
