/**
 * PostgreSQL storage, for several instances: one row per document. Writes merge with what is
 * stored (under a per-document advisory lock, in one transaction), so two instances that both
 * had a room open never lose each other's changes. The merge goes through a fresh gc'd Y.Doc,
 * so deleted content does not come back from the older state.
 */
import pg from 'pg';
import * as Y from 'yjs';
import type { DocumentStore } from './store';

export class PostgresStore implements DocumentStore {
  readonly #pool: pg.Pool;
  readonly #table: string;
  #ready: Promise<void> | undefined;

  constructor(connectionString: string, table = 'tablica_documents') {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad table name ${table}`);
    this.#table = table;
    this.#pool = new pg.Pool({ connectionString, max: 10 });
    // A pool error (a dropped connection) must not crash the process; the next query retries.
    this.#pool.on('error', () => {});
    // Started now; every call waits for it, and a failure (no database yet) is retried by the next.
    this.#tableReady().catch(() => {});
  }

  /**
   * Creates the table once. Instances starting together on a fresh database would race in
   * `CREATE TABLE IF NOT EXISTS` (PostgreSQL then fails one with a duplicate type): an advisory
   * lock lets one create it while the others wait.
   */
  #tableReady(): Promise<void> {
    this.#ready ??= this.#underLock(`create:${this.#table}`, async (client) => {
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.#table} (name TEXT PRIMARY KEY, state BYTEA NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    }).catch((err: unknown) => {
      this.#ready = undefined;
      throw err;
    });
    return this.#ready;
  }

  /** `work` in one transaction that holds the advisory lock named `lock` (released at its end). */
  async #underLock(lock: string, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
      await work(client);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async load(name: string): Promise<Uint8Array | null> {
    await this.#tableReady();
    const { rows } = await this.#pool.query<{ state: Buffer }>(`SELECT state FROM ${this.#table} WHERE name = $1`, [name]);
    const state = rows[0]?.state;
    return state ? new Uint8Array(state.buffer, state.byteOffset, state.byteLength) : null;
  }

  async store(name: string, state: Uint8Array): Promise<void> {
    await this.#tableReady();
    await this.#underLock(`${this.#table}:${name}`, async (client) => {
      const { rows } = await client.query<{ state: Buffer }>(`SELECT state FROM ${this.#table} WHERE name = $1`, [name]);
      const merged = rows[0] ? mergeStates(rows[0].state, state) : state;
      await client.query(
        `INSERT INTO ${this.#table} (name, state, updated_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
        [name, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength)],
      );
    });
  }

  async check(): Promise<void> {
    await this.#tableReady();
    await this.#pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.#ready?.catch(() => {});
    await this.#pool.end();
  }

  /** For tests: drops the table. */
  async drop(): Promise<void> {
    await this.#pool.query(`DROP TABLE IF EXISTS ${this.#table}`);
  }
}

/** Both states in one compacted state: through a fresh gc'd document, so deletions hold. */
export function mergeStates(stored: Uint8Array, incoming: Uint8Array): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, stored);
  Y.applyUpdate(doc, incoming);
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
