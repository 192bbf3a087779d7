/**
 * `npm run soak [-- --minutes 30 --clients 40 --speed 10]`: a time-compressed workshop. One board,
 * N clients moving their notes and cursors at `speed` times the workshop rate (2 canvas updates
 * and 5 cursor updates a second each), for the given minutes (30 minutes at 10× ≈ a 5-hour
 * meeting; 54 at 10× ≈ 9 hours). The server runs as its own process; its RSS is sampled every
 * few seconds and the trend of the second half is printed. Then everyone leaves and the room
 * must be unloaded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { WebSocket } from 'ws';
import { writeUpdate } from 'y-protocols/sync';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import { MessageType } from '../../shared/protocol';
import { noteRecord } from '../helpers/records';
import { createBoard, TEST_SECRET } from '../helpers/server';
import { startServerProcess } from '../helpers/process';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '30' }, clients: { type: 'string', default: '40' }, speed: { type: 'string', default: '10' } },
});
const minutes = Number(values.minutes);
const clientCount = Number(values.clients);
const speed = Number(values.speed);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablica-soak-'));
const proc = await startServerProcess({ DATA_DIR: dataDir, SECRET: TEST_SECRET, ROOM_UNLOAD_GRACE_MS: '1000', MAX_MESSAGES_PER_SECOND: '1000' });
const server = proc.child;
const url = proc.url;
const rssOf = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

const board = await createBoard(url);
let received = 0;
const clients = await Promise.all(
  Array.from({ length: clientCount }, async (_, i) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/sync/${board.id}?token=${board.tokens.participant}`);
    ws.on('message', (data: Buffer) => (received += data.length));
    await new Promise((r) => ws.once('open', r));
    const doc = new Y.Doc();
    const records = new YKeyValue<unknown>(doc.getArray(CANVAS_RECORDS_ARRAY));
    let pending: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => pending.push(u));
    let clock = 0;
    let step = 0;
    const moveNote = () => {
      step++;
      records.set(`shape:soak${i}`, noteRecord(`shape:soak${i}`, `Notatka ${i}: pomysł numer ${step % 50}`, { x: (step * 7) % 2000, y: i * 120 }));
      for (const update of pending) {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.sync);
        writeUpdate(e, update);
        ws.send(encoding.toUint8Array(e));
      }
      pending = [];
    };
    const moveCursor = () => {
      clock++;
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, doc.clientID);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, JSON.stringify({ user: { name: `Uczestnik ${i}`, color: '#3366cc' }, cursor: { x: clock % 1500, y: i * 10 } }));
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      ws.send(encoding.toUint8Array(e));
    };
    const timers = [setInterval(moveNote, 1000 / (2 * speed)), setInterval(moveCursor, 1000 / (5 * speed))];
    return { ws, stop: () => timers.forEach(clearInterval) };
  }),
);

const samples: [number, number][] = [];
const started = Date.now();
const sampler = setInterval(() => samples.push([(Date.now() - started) / 60_000, rssOf()]), 5000);
await new Promise((r) => setTimeout(r, minutes * 60_000));
clearInterval(sampler);
for (const c of clients) c.stop();
for (const c of clients) c.ws.close();

// Least-squares slope of RSS over the second half, in MiB per minute.
const half = samples.slice(Math.floor(samples.length / 2));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const mx = mean(half.map(([t]) => t));
const my = mean(half.map(([, r]) => r));
const slope = half.reduce((s, [t, r]) => s + (t - mx) * (r - my), 0) / Math.max(1e-9, half.reduce((s, [t]) => s + (t - mx) ** 2, 0));

const metrics = async () => (await (await fetch(`${url}/metrics`)).text()).match(/tablica_rooms_loaded (\d+)/)?.[1];
let roomsLoaded = await metrics();
for (let i = 0; i < 50 && roomsLoaded !== '0'; i++) {
  await new Promise((r) => setTimeout(r, 200));
  roomsLoaded = await metrics();
}
const mib = (b: number) => (b / 2 ** 20).toFixed(1);
console.log(`soak: ${clientCount} clients, ${minutes} min at ${speed}× (≈ ${((minutes * speed) / 60).toFixed(1)} h of a workshop)`);
console.log(`server RSS: first ${mib(samples[0]?.[1] ?? 0)} MiB, max ${mib(Math.max(...samples.map(([, r]) => r)))} MiB, last ${mib(samples.at(-1)?.[1] ?? 0)} MiB`);
console.log(`RSS trend over the second half: ${(slope / 2 ** 20).toFixed(3)} MiB/min`);
console.log(`bytes delivered to clients: ${mib(received)} MiB`);
console.log(`rooms loaded after everyone left: ${roomsLoaded}`);
const ok = roomsLoaded === '0' && slope / 2 ** 20 < 1;
console.log(ok ? 'PASS: no growth trend, the room was unloaded' : 'FAIL');
server.kill('SIGTERM');
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
