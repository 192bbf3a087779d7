/**
 * The real PostgreSQL and Redis, from DATABASE_URL and REDIS_URL. Without them these suites skip
 * and say how to run them; with TABLICA_REQUIRE_SERVICES=1 (set by .ci/run) they must be there.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';

export const HOW_TO_RUN =
  'set DATABASE_URL and REDIS_URL to run them, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 npm test';

export const databaseUrl = process.env.DATABASE_URL;
export const redisUrl = process.env.REDIS_URL;
const required = process.env.TABLICA_REQUIRE_SERVICES === '1';

if (required && (!databaseUrl || !redisUrl)) throw new Error('TABLICA_REQUIRE_SERVICES=1 but DATABASE_URL or REDIS_URL is not set');
if (!databaseUrl || !redisUrl) console.warn(`PostgreSQL/Redis suites skipped: ${HOW_TO_RUN}`);

/** Fails loudly when the services are configured but unreachable. */
export async function assertServicesReachable(): Promise<void> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
  }
  if (redisUrl) {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 5000 });
    try {
      await redis.ping();
    } finally {
      redis.disconnect();
    }
  }
}

/** A table of its own for this test run, so parallel runs never meet. */
export function uniqueTable(label: string): string {
  return `test_${label}_${randomBytes(4).toString('hex')}`;
}
