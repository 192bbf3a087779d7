/** The store the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
import type { DocumentStore } from './store';
import { SqliteStore } from './sqlite';
import { PostgresStore } from './postgres';

export function createStore(config: { databaseUrl?: string; databaseTable: string; dataDir: string }): DocumentStore {
  return config.databaseUrl ? new PostgresStore(config.databaseUrl, config.databaseTable) : SqliteStore.inDataDir(config.dataDir);
}
