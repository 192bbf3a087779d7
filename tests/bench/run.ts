/**
 * `npm run bench [-- --quick]`: the workshop scenario (rooms of 40; each client drags its own note,
 * 2 canvas updates and 5 cursor updates a second) against Tablica, the batched relay (the limit
 * reference, batchedRelay.ts) and the y-websocket 1.5.4 reference server, side by side per client
 * level; then idle connections, a 5,000-note board's cold load, and — with DATABASE_URL and
 * REDIS_URL — delivery across two instances. The load generator runs in its own process; each
 * server's CPU seconds over the measured window and its peak RSS are read from /proc.
 *
 * Options:
 *   --quick               a short smoke run (4 s per level, 200 clients, small idle/cold figures)
 *   --levels 1000,2000    client levels (default 200,400,1000,2000; also BENCH_LEVELS)
 *   --servers tablica,relay,reference   which servers the workshop table measures (default all;
 *                         `none` skips the table)
 *   --server-root DIR     run Tablica's server from another checkout (e.g. a git worktree of an
 *                         older commit); the load generator stays this checkout's
 *   --workshop-only       skip the idle, cold-load and cross-instance figures
 *   --profile DIR         run Tablica's server with `--cpu-prof` into DIR (stopped with SIGTERM so
 *                         the profile is written; summarise it with tests/bench/profileSummary.ts)
 *   --profile-generator DIR   the same for the load generator (`--cpu-prof` cannot go through
 *                         NODE_OPTIONS)
 *   --generators N        load generator processes sharing the rooms (default 2, one per core)
 *   --seconds N           seconds of load per level (default 15, quick 4)
 *   --warmup N            seconds of the same load before each window, not measured (default 3,
 *                         quick 1; 0 measures the start, when every client adds its note at once)
 *   --verbose             print the load generator's full result per measurement
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { createBoard, syncUrl, TEST_SECRET, tempDataDir } from '../helpers/server';
import { noteRecord } from '../helpers/records';
import { connectStockClient } from '../helpers/clients';
import type { GeneratorResult } from './loadgen';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    levels: { type: 'string' },
    servers: { type: 'string', default: 'tablica,relay,reference' },
    'server-root': { type: 'string' },
    'workshop-only': { type: 'boolean', default: false },
    profile: { type: 'string' },
    'profile-generator': { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    generators: { type: 'string', default: '2' },
    verbose: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const SECONDS = values.seconds ? Number(values.seconds) : quick ? 4 : 15;
/** Seconds of load before each measured window (0 measures from the very first message). */
const WARMUP = values.warmup ? Number(values.warmup) : quick ? 1 : 3;
const root = path.resolve(import.meta.dirname, '..', '..');
const serverRoot = path.resolve(values['server-root'] ?? root);
const profileDir = values.profile ? path.resolve(values.profile) : undefined;
const servers = new Set(values.servers.split(','));
const levels = (values.levels ?? process.env.BENCH_LEVELS)?.split(',').map(Number) ?? (quick ? [200] : [200, 400, 1000, 2000]);
const ROOM_SIZE = 40;
/** Load generator processes (rooms dealt out among them); one per core by default. */
const GENERATORS = Math.max(1, Number(values.generators));

interface LoadResult {
  clients: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  delivered: number;
  canvas: { p50: number; p99: number; delivered: number };
  cursor: { p50: number; p99: number; delivered: number };
  updateBytes: number;
  messagesIn: number;
  notices: number;
  closes: Record<string, number>;
  /** All generator processes together. */
  loadgenCpuSeconds: number;
  docClients: number;
  /** Added here: the servers' CPU seconds over the measured window, and peak RSS at its end. */
  serverCpu: number;
  peakRss: number;
  /** CPU seconds the rest of the machine used in the window (other processes: a disturbed figure). */
  othersCpu: number;
}

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

function procStats(pid: number): { cpu: number; peakRss: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return { cpu: (Number(stat[11]) + Number(stat[12])) / 100, peakRss: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024 };
}

/** CPU seconds the whole machine has spent busy since boot (all cores, from /proc/stat). */
function machineBusy(): number {
  const [, user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
}

/** A server child that prints `{"event":"server.listening","port":N}` (Tablica, the relay, the reference). */
async function startChild(args: string[], cwd: string, env: NodeJS.ProcessEnv, graceful = false): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Read continuously: a server blocked on a full stdout pipe would be measured wrongly.
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-64 * 1024)));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-64 * 1024)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const look = () => {
      const match = /"event":"server.listening","port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', () => reject(new Error(`server exited:\n${output}`)));
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill(graceful ? 'SIGTERM' : 'SIGKILL');
      await exited;
    },
  };
}

/** The V8 flags `npm start` gives the server (package.json's start script), so the bench measures that. */
const startFlags = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(' ')
  .filter((word) => word.startsWith('--max-semi-space-size='));

/** Tablica's server (`server/main.ts`) from a checkout: this one, or `--server-root`. */
function startTablica(env: Record<string, string> = {}, from = serverRoot): Promise<Server> {
  const flags = [...startFlags, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  return startChild([...flags, '--import', 'tsx', path.join(from, 'server', 'main.ts')], from, {
    PATH: process.env.PATH ?? '',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATA_DIR: tempDataDir('bench'),
    SECRET: TEST_SECRET,
    MAX_CONNECTIONS_PER_BOARD: '20000',
    BOARD_CREATIONS_PER_HOUR: '100000',
    MAX_MESSAGES_PER_SECOND: '2000',
    ...env,
  }, profileDir !== undefined);
}

const startRelay = () => startChild(['--import', 'tsx', path.join(root, 'tests/bench/batchedRelay.ts')], root, { PATH: process.env.PATH ?? '' });
const startReference = () => startChild([path.join(root, 'tests/bench/referenceServer.cjs')], root, { PATH: process.env.PATH ?? '' });

/** Runs the load generator on these rooms; the servers' CPU is read at its start and end marks. */
/** Runs one load generator process over these rooms; resolves once it is ready to start. */
function startGenerator(urls: string[][]) {
  // The clients' addresses go through a file: a thousand of them are too long for a command line.
  const argsFile = path.join(tempDataDir('bench-args'), 'args.json');
  fs.writeFileSync(argsFile, JSON.stringify({ urls, seconds: SECONDS, warmupSeconds: WARMUP, updatesPerSecond: 2, cursorsPerSecond: 5 }));
  const profiling = values['profile-generator'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['profile-generator'])}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', path.join(root, 'tests/bench/loadgen.ts'), argsFile], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const timer = setTimeout(() => child.kill('SIGKILL'), (SECONDS + 180) * 1000);
  let onReady!: () => void;
  let onEnd!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  let onStart!: () => void;
  const started = new Promise<void>((resolve) => (onStart = resolve));
  const ended = new Promise<void>((resolve) => (onEnd = resolve));
  let last = '';
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.includes('"event":"ready"')) onReady();
    else if (line.includes('"event":"load-start"')) onStart();
    else if (line.includes('"event":"load-end"')) onEnd();
    else if (line.startsWith('{') && !line.includes('"event"')) last = line;
  });
  const result = new Promise<GeneratorResult>((resolve, reject) => {
    child.once('exit', (code) => {
      clearTimeout(timer);
      onReady();
      onStart();
      onEnd();
      if (code !== 0 || !last) reject(new Error(`load generator failed (exit ${code})`));
      else resolve(JSON.parse(last) as GeneratorResult);
    });
  });
  return { ready, started, ended, result, go: () => child.stdin!.end('go\n') };
}

/**
 * The workshop load over these rooms, split over GENERATORS processes (rooms dealt out in turn),
 * so that no single generator's event loop adds its own queueing to what is measured. The servers'
 * CPU is read from /proc when all are ready and go, and when the last one's window ends.
 */
async function runLoad(urls: string[][], pids: number[]): Promise<LoadResult> {
  const groups = Array.from({ length: Math.min(GENERATORS, urls.length) }, (_, g) => urls.filter((_, r) => r % GENERATORS === g));
  const generators = groups.map((rooms) => startGenerator(rooms));
  await Promise.all(generators.map((g) => g.ready));
  const cpu = () => pids.reduce((sum, pid) => sum + procStats(pid).cpu, 0);
  for (const g of generators) g.go();
  // The window opens when the generators' warm-up is over.
  await Promise.all(generators.map((g) => g.started));
  const cpuAtStart = cpu();
  const busyAtStart = machineBusy();
  await Promise.all(generators.map((g) => g.ended));
  const serverCpu = cpu() - cpuAtStart;
  const busy = machineBusy() - busyAtStart;
  const peakRss = Math.max(...pids.map((pid) => procStats(pid).peakRss));
  const parts = await Promise.all(generators.map((g) => g.result));

  const sorted = (values: number[]) => values.sort((x, y) => x - y);
  const pctOf = (values: number[], q: number) => (values.length ? values[Math.min(values.length - 1, Math.floor(values.length * q))]! : NaN);
  const canvas = sorted(parts.flatMap((p) => p.canvasLatencies));
  const cursor = sorted(parts.flatMap((p) => p.cursorLatencies));
  const all = sorted([...canvas, ...cursor]);
  const sum = (f: (p: GeneratorResult) => number) => parts.reduce((n, p) => n + f(p), 0);
  const expected = { canvas: sum((p) => p.expected.canvas), cursor: sum((p) => p.expected.cursor) };
  const delivered = { canvas: sum((p) => p.delivered.canvas), cursor: sum((p) => p.delivered.cursor) };
  const closes: Record<string, number> = {};
  for (const p of parts) for (const [code, n] of Object.entries(p.closes)) closes[code] = (closes[code] ?? 0) + n;
  const generatorCpu = sum((p) => p.cpuSeconds);
  return {
    clients: sum((p) => p.clients),
    p50: pctOf(all, 0.5),
    p95: pctOf(all, 0.95),
    p99: pctOf(all, 0.99),
    max: all.at(-1) ?? NaN,
    delivered: (delivered.canvas + delivered.cursor) / Math.max(1, expected.canvas + expected.cursor),
    canvas: { p50: pctOf(canvas, 0.5), p99: pctOf(canvas, 0.99), delivered: delivered.canvas / Math.max(1, expected.canvas) },
    cursor: { p50: pctOf(cursor, 0.5), p99: pctOf(cursor, 0.99), delivered: delivered.cursor / Math.max(1, expected.cursor) },
    updateBytes: sum((p) => p.updateBytesOut) / Math.max(1, sum((p) => p.updatesOut)),
    messagesIn: sum((p) => p.messagesIn),
    notices: sum((p) => p.notices),
    closes,
    loadgenCpuSeconds: generatorCpu,
    docClients: Math.max(...parts.map((p) => p.docClients)),
    serverCpu,
    peakRss,
    // The generators' own figures cover the same window, give or take their final lines.
    othersCpu: Math.max(0, busy - serverCpu - generatorCpu),
  };
}

async function tablicaRooms(server: Server, rooms: number, perRoom: number): Promise<string[][]> {
  const urls: string[][] = [];
  for (let r = 0; r < rooms; r++) {
    const board = await createBoard(server.url);
    urls.push(Array.from({ length: perRoom }, () => `${syncUrl(server.url)}/${board.id}?token=${board.tokens.participant}`));
  }
  return urls;
}

const plainRooms = (server: Server, rooms: number) => Array.from({ length: rooms }, (_, r) => Array.from({ length: ROOM_SIZE }, () => `${server.url.replace('http', 'ws')}/bench-room-${r}`));

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const fmt = (r: LoadResult) => `p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  p99 ${ms(r.p99)} ms  delivered ${pct(r.delivered)}`;
const trouble = (r: LoadResult) => {
  const closes = Object.entries(r.closes).map(([code, n]) => `${n}× ${code}`);
  return [...(closes.length ? [`connections closed: ${closes.join(', ')}`] : []), ...(r.notices ? [`${r.notices} write refusals`] : [])].join('; ');
};

type ServerKind = 'tablica' | 'relay' | 'reference';
const LABEL: Record<ServerKind, string> = {
  tablica: serverRoot === root ? 'Tablica' : `Tablica (${path.basename(serverRoot)})`,
  relay: 'batched relay',
  reference: 'y-websocket 1.5.4',
};

async function measure(kind: ServerKind, clients: number): Promise<LoadResult> {
  const rooms = clients / ROOM_SIZE;
  const server = kind === 'tablica' ? await startTablica() : kind === 'relay' ? await startRelay() : await startReference();
  try {
    const urls = kind === 'tablica' ? await tablicaRooms(server, rooms, ROOM_SIZE) : plainRooms(server, rooms);
    return await runLoad(urls, [server.child.pid!]);
  } finally {
    await server.stop();
  }
}

const kinds = (['tablica', 'relay', 'reference'] as const).filter((kind) => servers.has(kind));
if (kinds.length > 0) {
  console.log(`Workshop scenario: rooms of ${ROOM_SIZE}; each client drags its own note (2 canvas updates a second, a whole tldraw note record each) and sends 5 cursor updates a second; ${SECONDS} s measured per level after ${WARMUP} s of the same load (deliveries count from the start).`);
  if (serverRoot !== root) console.log(`Tablica's server from ${serverRoot}`);
  console.log(`The last two columns are the load generator's CPU seconds and what every other process on the machine used in the same window (well above ~0.5 s: the figure was disturbed; 1-minute load average before starting: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}).`);
  console.log('| clients | server | p50 ms | p95 ms | p99 ms | canvas p99 ms | delivered | server CPU s | peak RSS | generator CPU s | others CPU s |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const table = new Map<number, Partial<Record<ServerKind, LoadResult>>>();
  let updateBytes = 0;
  for (const clients of levels) {
    const row: Partial<Record<ServerKind, LoadResult>> = {};
    table.set(clients, row);
    for (const kind of kinds) {
      const r = await measure(kind, clients);
      row[kind] = r;
      updateBytes = r.updateBytes;
      console.log(`| ${clients.toLocaleString('en')} | ${LABEL[kind]} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.canvas.p99)} | ${pct(r.delivered)} | ${r.serverCpu.toFixed(1)} | ${mib(r.peakRss)} | ${r.loadgenCpuSeconds.toFixed(1)} | ${r.othersCpu.toFixed(1)} |`);
      const problem = trouble(r);
      if (problem) console.log(`  ${LABEL[kind]} at ${clients}: ${problem}`);
      if (values.verbose) console.log(`  ${JSON.stringify(r)}`);
    }
  }
  console.log(`\nEach canvas update carried ${updateBytes.toFixed(0)} bytes of Yjs update on average.`);
  for (const [clients, row] of table) {
    const { tablica: t, relay: r, reference: y } = row;
    const parts: string[] = [];
    if (t && r) parts.push(`Tablica / relay: p99 ${(t.p99 / r.p99).toFixed(1)}×, CPU ${(t.serverCpu / r.serverCpu).toFixed(1)}×`);
    if (t && y) parts.push(`Tablica / y-websocket: p99 ${(t.p99 / y.p99).toFixed(1)}×, CPU ${(t.serverCpu / y.serverCpu).toFixed(1)}×`);
    // A p99 counts only what arrived: beside a server that lost deliveries it flatters that server.
    const lost = ([['Tablica', t], ['relay', r], ['y-websocket', y]] as const).filter(([, x]) => x && x.delivered < 0.999).map(([name, x]) => `${name} delivered ${pct(x!.delivered)}`);
    if (parts.length) console.log(`${clients} clients: ${parts.join('; ')}${lost.length ? ` (${lost.join(', ')}: its p99 counts only what arrived)` : ''}`);
  }
}
if (values['workshop-only']) process.exit(0);

// Idle: many connected, quiet clients over many boards.
{
  const idle = quick ? 1000 : 10_000;
  const boards = quick ? 50 : 500;
  const server = await startTablica();
  const urls = await tablicaRooms(server, boards, 1);
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
  await server.stop();
}

// A board of 5,000 notes: cold load from storage plus a full sync to a new client, each time on a
// freshly started server (the first board a process opens also pays for loading code).
{
  const env = { DATA_DIR: tempDataDir('bench-cold') };
  let server = await startTablica(env);
  const board = await createBoard(server.url);
  const writer = connectStockClient(server.url, board.id, board.tokens.participant);
  await writer.synced();
  writer.doc.transact(() => {
    for (let i = 0; i < 5000; i++) writer.records.set(`shape:n${i}`, noteRecord(`shape:n${i}`, `Notatka numer ${i}: pomysł na lepszą komunikację z mieszkańcami`, { x: (i % 100) * 220, y: Math.floor(i / 100) * 220 }));
  });
  await new Promise((r) => setTimeout(r, 3000));
  writer.destroy();
  // SIGTERM: the server stores every board before it exits.
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  const samples: number[] = [];
  let notes = 0;
  for (let k = 0; k < (quick ? 1 : 3); k++) {
    server = await startTablica(env);
    const started = performance.now();
    const doc = new Y.Doc();
    const reader = connectStockClient(server.url, board.id, board.tokens.participant, doc);
    await reader.synced();
    samples.push(performance.now() - started);
    notes = new YKeyValue<unknown>(doc.getArray('tldraw')).map.size - 2;
    reader.destroy();
    await server.stop();
  }
  const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  console.log(`Cold load: a board of ${notes} notes, loaded from storage and fully synced to a new client in ${median.toFixed(0)} ms (median of ${samples.map((x) => x.toFixed(0)).join(', ')} ms, each on a fresh server; target under 300 ms)`);
}

// Across instances (issue 7): half of each room on one instance, half on the other.
if (process.env.DATABASE_URL && process.env.REDIS_URL) {
  const dbTable = `bench_${Date.now()}`;
  const env = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL, DATABASE_TABLE: dbTable };
  const a = await startTablica(env);
  const b = await startTablica(env);
  const rooms = quick ? 2 : 5;
  const urls: string[][] = [];
  for (let r = 0; r < rooms; r++) {
    const board = await createBoard(a.url);
    urls.push(Array.from({ length: ROOM_SIZE }, (_, i) => `${syncUrl(i % 2 === 0 ? a.url : b.url)}/${board.id}?token=${board.tokens.participant}`));
  }
  const cross = await runLoad(urls, [a.child.pid!, b.child.pid!]);
  const single = await runLoad(await tablicaRooms(a, rooms, ROOM_SIZE), [a.child.pid!]);
  console.log(`\nAcross two instances (PostgreSQL + Redis), ${rooms * ROOM_SIZE} clients: ${fmt(cross)}  (both servers' CPU ${cross.serverCpu.toFixed(1)} s; others ${cross.othersCpu.toFixed(1)} s)`);
  console.log(`One instance, the same load:                       ${fmt(single)}  (server CPU ${single.serverCpu.toFixed(1)} s; others ${single.othersCpu.toFixed(1)} s)`);
  for (const [label, r] of [['across', cross], ['one instance', single]] as const) {
    const problem = trouble(r);
    if (problem) console.log(`  ${label}: ${problem}`);
  }
  await a.stop();
  await b.stop();
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS ${dbTable}`);
  await client.end();
} else {
  console.log('\nAcross instances: skipped (set DATABASE_URL and REDIS_URL to measure it).');
}
process.exit(0);
