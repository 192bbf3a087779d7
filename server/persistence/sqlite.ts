/** The default store: one SQLite file under DATA_DIR, WAL mode, one row per document. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentStore } from './store';

export const SQLITE_FILE_NAME = 'tablica.sqlite';

export class SqliteStore implements DocumentStore {
  readonly #db: Database.Database;
  readonly #select: Database.Statement<[string], { state: Buffer }>;
  readonly #upsert: Database.Statement<[string, Buffer, number]>;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    // Freed pages are zeroed, so text deleted from a board does not linger in the file.
    this.#db.pragma('secure_delete = ON');
    this.#db.exec(`CREATE TABLE IF NOT EXISTS documents (
      name TEXT PRIMARY KEY,
      state BLOB NOT NULL,
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID`);
    this.#select = this.#db.prepare('SELECT state FROM documents WHERE name = ?');
    this.#upsert = this.#db.prepare(
      'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
    );
  }

  static inDataDir(dataDir: string): SqliteStore {
    return new SqliteStore(path.join(dataDir, SQLITE_FILE_NAME));
  }

  async load(name: string): Promise<Uint8Array | null> {
    const row = this.#select.get(name);
    return row ? new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength) : null;
  }

  async store(name: string, state: Uint8Array): Promise<void> {
    this.#upsert.run(name, Buffer.from(state.buffer, state.byteOffset, state.byteLength), Date.now());
    // The WAL would otherwise keep superseded pages (and their old text) until some later checkpoint.
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async check(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.#db.open) {
      this.#db.pragma('wal_checkpoint(TRUNCATE)');
      this.#db.close();
    }
  }
}
