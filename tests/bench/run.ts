/**
 * `npm run bench [-- --quick]`: Tablica against the y-websocket 1.5.4 reference server in the
 * workshop scenario (rooms of 40, 2 canvas updates and 5 cursor updates a second per client),
 * then idle connections, a 5,000-note board's cold load, and — with DATABASE_URL and REDIS_URL —
 * delivery across two instances. The load generator runs in its own process; the server's CPU
 * seconds and peak RSS are read from /proc.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { createBoard, syncUrl, TEST_SECRET, tempDataDir } from '../helpers/server';
import { noteRecord } from '../helpers/records';
import { connectStockClient } from '../helpers/clients';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick;
const SECONDS = quick ? 4 : 15;
const root = path.resolve(import.meta.dirname, '..', '..');

interface LoadResult {
  clients: number;
  p50: number;
  p95: number;
  p99: number;
  delivered: number;
}

function procStats(pid: number): { cpu: number; peakRss: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return { cpu: (Number(stat[11]) + Number(stat[12])) / 100, peakRss: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024 };
}

function runLoad(urls: string[][]): LoadResult {
  // The clients' addresses go through a file: a thousand of them are too long for a command line.
  const argsFile = path.join(tempDataDir('bench-args'), 'args.json');
  fs.writeFileSync(argsFile, JSON.stringify({ urls, seconds: SECONDS, updatesPerSecond: 2, cursorsPerSecond: 5 }));
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'tests/bench/loadgen.ts'), argsFile], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
    timeout: (SECONDS + 120) * 1000,
  });
  return JSON.parse(out.toString().trim().split('\n').at(-1)!) as LoadResult;
}

async function startReference(): Promise<{ child: ReturnType<typeof spawn>; url: string }> {
  const child = spawn(process.execPath, [path.join(root, 'tests/bench/referenceServer.cjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()).port)));
  return { child, url: `http://127.0.0.1:${port}` };
}

const ours = (env: Record<string, string> = {}) => startServerProcess({ DATA_DIR: tempDataDir('bench'), SECRET: TEST_SECRET, MAX_CONNECTIONS_PER_BOARD: '20000', BOARD_CREATIONS_PER_HOUR: '100000', MAX_MESSAGES_PER_SECOND: '2000', ...env });

async function ourRoomUrls(server: ServerProcess, rooms: number, perRoom: number): Promise<string[][]> {
  const urls: string[][] = [];
  for (let r = 0; r < rooms; r++) {
    const board = await createBoard(server.url);
    urls.push(Array.from({ length: perRoom }, () => `${syncUrl(server.url)}/${board.id}?token=${board.tokens.participant}`));
  }
  return urls;
}

const fmt = (r: LoadResult) => `p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  delivered ${(r.delivered * 100).toFixed(1)}%`;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

console.log(`Workshop scenario: rooms of 40, 2 canvas updates (~200 B) + 5 cursor updates per client per second, ${SECONDS} s per level.`);
console.log('| clients | server | p50 | p95 | p99 | delivered | server CPU s | peak RSS |');
console.log('|---|---|---|---|---|---|---|---|');
const levels = quick ? [200] : process.env.BENCH_LEVELS ? process.env.BENCH_LEVELS.split(',').map(Number) : [200, 400, 1000];
const table: Record<number, { ours?: LoadResult; reference?: LoadResult }> = {};
for (const clients of levels) {
  const rooms = clients / 40;
  const server = await ours();
  const before = procStats(server.child.pid!);
  const result = runLoad(await ourRoomUrls(server, rooms, 40));
  const after = procStats(server.child.pid!);
  console.log(`| ${clients} | Tablica | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} | ${(result.delivered * 100).toFixed(1)}% | ${(after.cpu - before.cpu).toFixed(1)} | ${mib(after.peakRss)} |`);
  server.child.kill('SIGKILL');
  table[clients] = { ours: result };
  if (clients <= 400) {
    const reference = await startReference();
    const rBefore = procStats(reference.child.pid!);
    const rResult = runLoad(Array.from({ length: rooms }, (_, r) => Array.from({ length: 40 }, () => `${reference.url.replace('http', 'ws')}/bench-room-${r}`)));
    const rAfter = procStats(reference.child.pid!);
    console.log(`| ${clients} | y-websocket 1.5.4 | ${rResult.p50.toFixed(1)} | ${rResult.p95.toFixed(1)} | ${rResult.p99.toFixed(1)} | ${(rResult.delivered * 100).toFixed(1)}% | ${(rAfter.cpu - rBefore.cpu).toFixed(1)} | ${mib(rAfter.peakRss)} |`);
    reference.child.kill('SIGKILL');
    table[clients]!.reference = rResult;
  }
}
for (const [clients, { ours: o, reference: r }] of Object.entries(table)) {
  if (o && r) console.log(`${clients} clients: reference p99 / Tablica p99 = ${(r.p99 / o.p99).toFixed(1)}×`);
}

// Idle: many connected, quiet clients over many boards.
{
  const idle = quick ? 1000 : 10_000;
  const boards = quick ? 50 : 500;
  const server = await ours();
  const urls = await ourRoomUrls(server, boards, 1);
  const sockets: WebSocket[] = [];
  for (let i = 0; i < idle; i++) {
    const ws = new WebSocket(urls[i % boards]![0]!, { perMessageDeflate: false });
    sockets.push(ws);
    await new Promise((r) => ws.once('open', r));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const { peakRss } = procStats(server.child.pid!);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  console.log(`\nIdle: ${idle} connected clients over ${boards} boards — server RSS ${mib(rss)} (peak ${mib(peakRss)}; target under 1 GiB)`);
  for (const ws of sockets) ws.terminate();
  server.child.kill('SIGKILL');
}

// A board of 5,000 notes: cold load from storage plus a full sync to a new client.
{
  const env = { DATA_DIR: tempDataDir('bench-cold') };
  let server = await ours(env);
  const board = await createBoard(server.url);
  const writer = connectStockClient(server.url, board.id, board.tokens.participant);
  await writer.synced();
  writer.doc.transact(() => {
    for (let i = 0; i < 5000; i++) writer.records.set(`shape:n${i}`, noteRecord(`shape:n${i}`, `Notatka numer ${i}: pomysł na lepszą komunikację z mieszkańcami`, { x: (i % 100) * 220, y: Math.floor(i / 100) * 220 }));
  });
  await new Promise((r) => setTimeout(r, 3000));
  writer.destroy();
  server.child.kill('SIGTERM');
  await server.exited;
  server = await ours(env);
  const started = performance.now();
  const doc = new Y.Doc();
  const reader = connectStockClient(server.url, board.id, board.tokens.participant, doc);
  await reader.synced();
  const ms = performance.now() - started;
  const notes = new YKeyValue<unknown>(doc.getArray('tldraw')).map.size;
  console.log(`Cold load: a board of ${notes - 2} notes, loaded from storage and fully synced to a new client in ${ms.toFixed(0)} ms (target under 300 ms)`);
  reader.destroy();
  server.child.kill('SIGKILL');
}

// Across instances (issue 7): half of each room on one instance, half on the other.
if (process.env.DATABASE_URL && process.env.REDIS_URL) {
  const table = `bench_${Date.now()}`;
  const env = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL, DATABASE_TABLE: table };
  const a = await ours(env);
  const b = await ours(env);
  const rooms = quick ? 2 : 5;
  const urls: string[][] = [];
  for (let r = 0; r < rooms; r++) {
    const board = await createBoard(a.url);
    urls.push(Array.from({ length: 40 }, (_, i) => `${syncUrl(i % 2 === 0 ? a.url : b.url)}/${board.id}?token=${board.tokens.participant}`));
  }
  const cross = runLoad(urls);
  const single = runLoad(await ourRoomUrls(a, rooms, 40));
  console.log(`\nAcross two instances (PostgreSQL + Redis), ${rooms * 40} clients: ${fmt(cross)}`);
  console.log(`One instance, the same load:                       ${fmt(single)}`);
  a.child.kill('SIGKILL');
  b.child.kill('SIGKILL');
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  await client.end();
} else {
  console.log('\nAcross instances: skipped (set DATABASE_URL and REDIS_URL to measure it).');
}
process.exit(0);
