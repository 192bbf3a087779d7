/**
 * Tablica as real server processes for the attack suites: one instance on its SQLite file, or two
 * instances sharing PostgreSQL and Redis. Each is a child process (server/main.ts), so an input
 * that crashes or hangs the server shows as a dead or silent process, as in production.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../../server/persistence/sqlite';
import { DEFAULT_PAGE_ID } from '../../shared/formats/layout';
import { PostgresStore } from '../../server/persistence/postgres';
import { connectStockClient } from './clients';
import { startServerProcess, type ServerProcess } from './process';
import { noteRecord } from './records';
import { createBoard, TEST_SECRET, tempDataDir } from './server';
import { waitFor } from './wait';

/** The first page of every board the server creates (shared/formats/layout.ts DEFAULT_PAGE_ID). */
export const BOARD_PAGE_ID = DEFAULT_PAGE_ID;

export interface Instance {
  proc: ServerProcess;
  url: string;
  readonly env: Record<string, string>;
  readonly dataDir: string;
}

export interface Cluster {
  readonly kind: 'sqlite' | 'postgres';
  readonly instances: Instance[];
  /** The instance the attacker uses. */
  readonly a: Instance;
  /** Where the rest of the room is (the same instance on SQLite). */
  readonly b: Instance;
  /** The stored state of a document, read from the storage itself. */
  storedState(name: string): Promise<Uint8Array | null>;
  /** Restarts any instance that died or stopped answering (so one failure does not take the rest down). */
  ensureRunning(): Promise<void>;
  stop(): Promise<void>;
}

/** Environment every attack-suite instance gets: quick stores and unloads. */
export const QUICK_ENV = { STORE_DEBOUNCE_MS: '200', STORE_MAX_WAIT_MS: '1000', ROOM_UNLOAD_GRACE_MS: '100', LOG_LEVEL: 'info' };

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const proc = await startServerProcess(env);
  return { proc, url: proc.url, env, dataDir: env.DATA_DIR! };
}

async function restart(instance: Instance): Promise<void> {
  if (instance.proc.child.exitCode === null && instance.proc.child.signalCode === null) {
    instance.proc.child.kill('SIGKILL');
    await instance.proc.exited;
  }
  instance.proc = await startServerProcess(instance.env);
  instance.url = instance.proc.url;
}

/** Whether the process runs and answers /healthz with 200 within `timeoutMs`. */
export async function isAlive(instance: Instance, timeoutMs = 3000): Promise<boolean> {
  if (instance.proc.child.exitCode !== null || instance.proc.child.signalCode !== null) return false;
  try {
    const res = await fetch(`${instance.url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** One instance on a SQLite file of its own. */
export async function startSqliteCluster(env: Record<string, string> = {}): Promise<Cluster> {
  const instance = await startInstance({ ...QUICK_ENV, SECRET: TEST_SECRET, DATA_DIR: tempDataDir('tablica-attack'), ...env });
  return makeCluster('sqlite', [instance], async (name) => readSqliteState(instance.dataDir, name), async () => {});
}

/** Two instances on the real PostgreSQL (a table of their own) and Redis (tests/helpers/services.ts gives the URLs). */
export async function startScaleOutCluster(services: { databaseUrl: string; redisUrl: string }, env: Record<string, string> = {}): Promise<Cluster> {
  const { databaseUrl, redisUrl } = services;
  const table = `test_attack_${randomBytes(4).toString('hex')}`;
  const base = { ...QUICK_ENV, SECRET: TEST_SECRET, DATABASE_URL: databaseUrl, DATABASE_TABLE: table, REDIS_URL: redisUrl, ...env };
  const instances = await Promise.all([startInstance({ ...base, DATA_DIR: tempDataDir('tablica-a') }), startInstance({ ...base, DATA_DIR: tempDataDir('tablica-b') })]);
  const store = new PostgresStore(databaseUrl, table);
  return makeCluster('postgres', instances, (name) => store.load(name), async () => {
    await store.drop();
    await store.close();
  });
}

function makeCluster(kind: Cluster['kind'], instances: Instance[], storedState: Cluster['storedState'], dispose: () => Promise<void>): Cluster {
  return {
    kind,
    instances,
    a: instances[0]!,
    b: instances[instances.length - 1]!,
    storedState,
    ensureRunning: async () => {
      for (const instance of instances) if (!(await isAlive(instance))) await restart(instance);
    },
    stop: async () => {
      for (const instance of instances) {
        if (instance.proc.child.exitCode === null && instance.proc.child.signalCode === null) {
          instance.proc.child.kill('SIGKILL');
          await instance.proc.exited;
        }
      }
      await dispose();
    },
  };
}

/** Reads a document straight from an instance's SQLite file (the server may keep it open). */
export function readSqliteState(dataDir: string, name: string): Uint8Array | null {
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as { state: Buffer } | undefined;
    return row ? new Uint8Array(row.state) : null;
  } finally {
    db.close();
  }
}

/** Bytes of the SQLite file with its WAL and shared-memory files. */
export function sqliteBytes(dataDir: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    const file = path.join(dataDir, SQLITE_FILE_NAME + suffix);
    if (fs.existsSync(file)) total += fs.statSync(file).size;
  }
  return total;
}

/** The instance's /metrics as numbers by name. */
export async function metrics(instance: { url: string }): Promise<Record<string, number>> {
  const res = await fetch(`${instance.url}/metrics`, { signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((parts) => parts.length === 2 && !parts[0]!.startsWith('#'))
      .map(([name, value]) => [name!, Number(value)]),
  );
}

/** Waits until no instance has a room in memory (every client gone and the unload grace passed). */
export async function waitUnloaded(cluster: Cluster, timeoutMs = 10_000): Promise<void> {
  for (const instance of cluster.instances) {
    await waitFor(async () => (await metrics(instance)).tablica_rooms_loaded === 0, `every room to be unloaded at ${instance.url}`, timeoutMs);
  }
}

/** Resident memory of the server process now and at its peak (Linux /proc), in bytes. */
export function processMemory(instance: { proc: ServerProcess }): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${instance.proc.child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * The server is alive: every instance's process runs, answers /healthz with 200 and has had no room
 * fault, and another board still syncs (a note written on the attacker's instance reaches a client
 * on the other).
 */
export async function expectServerAlive(cluster: Cluster): Promise<void> {
  for (const instance of cluster.instances) {
    if (instance.proc.child.exitCode !== null || instance.proc.child.signalCode !== null) {
      throw new Error(`the server process at ${instance.url} died (${instance.proc.child.exitCode ?? instance.proc.child.signalCode}):\n${instance.proc.output().slice(-2000)}`);
    }
    const res = await fetch(`${instance.url}/healthz`, { signal: AbortSignal.timeout(5000) });
    if (res.status !== 200) throw new Error(`/healthz at ${instance.url} answered ${res.status}`);
    // A room fault (a hook threw; the board was reloaded, clients closed with 4503) is survivable, but never the answer to input.
    const faults = (await metrics(instance)).tablica_room_faults_total;
    if (faults !== undefined && faults !== 0) throw new Error(`${faults} room fault(s) at ${instance.url}:\n${instance.proc.output().slice(-2000)}`);
  }
  const other = await createBoard(cluster.a.url);
  const writer = connectStockClient(cluster.a.url, other.id, other.tokens.participant);
  const reader = connectStockClient(cluster.b.url, other.id, other.tokens.participant);
  try {
    await Promise.all([writer.synced(), reader.synced()]);
    writer.records.set('shape:alive', noteRecord('shape:alive', 'inna tablica działa', { parentId: BOARD_PAGE_ID }));
    await waitFor(() => reader.records.has('shape:alive'), 'a note on another board to sync', 10_000);
  } finally {
    writer.destroy();
    reader.destroy();
  }
}
