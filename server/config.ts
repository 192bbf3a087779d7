/** All configuration comes from the environment, parsed here once; a bad value stops start-up. */
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_WRITE_LIMITS, type WriteLimits } from '../shared/writeRules';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** One field per environment variable; the keys are the variable names. */
const EnvSchema = z.object({
  /** TCP port for HTTP and WebSocket; 0 picks a free one. */
  PORT: intFrom(0, 65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Where the SQLite file and the generated secret live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** HMAC secret for board tokens (at least 32 chars); generated into DATA_DIR when unset. */
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Base URL put into board links, e.g. https://tablica.example.org; defaults to the request's host. */
  PUBLIC_URL: z.string().url().optional(),
  /** When set, creating a board requires `Authorization: Bearer <ORGANISER_SECRET>`. */
  ORGANISER_SECRET: z.string().min(8).optional(),
  /** The built client to serve. */
  CLIENT_DIR: z.string().min(1).default(path.join(projectRoot, 'client', 'dist')),
  /** PostgreSQL for the boards (several instances); unset: the SQLite file in DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** The table that holds the boards in PostgreSQL. */
  DATABASE_TABLE: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a plain lower-case SQL name').default('tablica_documents'),
  /** Redis for relaying rooms between instances; unset: one instance. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  /** Debounce of snapshot writes after a change, and the most a change may wait. */
  STORE_DEBOUNCE_MS: intFrom(0, 60_000).default(2000),
  STORE_MAX_WAIT_MS: intFrom(0, 600_000).default(10_000),
  /** How long an empty room stays in memory after its last client left (it is stored at once). */
  ROOM_UNLOAD_GRACE_MS: intFrom(0, 3_600_000).default(5000),
  /** Outgoing updates and awareness of a room are coalesced and sent once per tick. */
  BROADCAST_TICK_MS: intFrom(0, 1000).default(10),
  /** Largest WebSocket frame accepted (bytes); above the largest honest offline sync. */
  MAX_MESSAGE_BYTES: intFrom(1024, 512 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Largest Yjs update one client may send (bytes); an honest offline sync of a full board fits. */
  MAX_UPDATE_BYTES: intFrom(1024, 512 * 1024 * 1024).default(DEFAULT_WRITE_LIMITS.maxUpdateBytes),
  /** Characters of text in one record (a note, a frame's name). */
  MAX_TEXT_CHARS: intFrom(10, 1_000_000).default(DEFAULT_WRITE_LIMITS.maxTextChars),
  /** Bytes of one record as JSON. */
  MAX_RECORD_BYTES: intFrom(1024, 64 * 1024 * 1024).default(DEFAULT_WRITE_LIMITS.maxRecordBytes),
  /** Records on one board. */
  MAX_RECORDS: intFrom(10, 10_000_000).default(DEFAULT_WRITE_LIMITS.maxRecords),
  /** Bytes of all of a board's records as JSON. */
  MAX_BOARD_BYTES: intFrom(64 * 1024, 4 * 1024 * 1024 * 1024).default(DEFAULT_WRITE_LIMITS.maxBoardBytes),
  /** Bytes of the state vector a client sends when it connects. */
  MAX_STATE_VECTOR_BYTES: intFrom(64, 64 * 1024 * 1024).default(DEFAULT_WRITE_LIMITS.maxStateVectorBytes),
  /** Largest awareness state of one client (bytes of JSON). */
  MAX_AWARENESS_BYTES: intFrom(256, 1024 * 1024).default(16 * 1024),
  /** Messages one connection may send per second on average (bursts of twice that pass). */
  MAX_MESSAGES_PER_SECOND: intFrom(1, 100_000).default(300),
  /** Connections one board may have at once, over its three rooms. */
  MAX_CONNECTIONS_PER_BOARD: intFrom(1, 100_000).default(300),
  /** How long board links (their tokens) stay valid; hosts can rotate them sooner. */
  LINK_TTL_DAYS: intFrom(1, 3650).default(90),
  /** Boards one client address may create per hour. */
  BOARD_CREATIONS_PER_HOUR: intFrom(1, 1_000_000).default(60),
  /** Unknown join codes (`/j/CODE`) one client address may try per hour before it is refused. */
  JOIN_CODE_MISSES_PER_HOUR: intFrom(1, 1_000_000).default(30),
  /** Which proxies in front may name the client (X-Forwarded-For): a hop count, or their addresses. */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((v) => /^\d{1,2}$/.test(v) || v.split(',').every((item) => isProxyAddress(item.trim())), {
      message: 'must be a hop count like 1, or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.5,10.1.0.0/16)',
    })
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  secret?: string;
  publicUrl?: string;
  organiserSecret?: string;
  clientDir: string;
  databaseUrl?: string;
  databaseTable: string;
  redisUrl?: string;
  storeDebounceMs: number;
  storeMaxWaitMs: number;
  roomUnloadGraceMs: number;
  broadcastTickMs: number;
  maxMessageBytes: number;
  maxUpdateBytes: number;
  maxTextChars: number;
  maxRecordBytes: number;
  maxRecords: number;
  maxBoardBytes: number;
  maxStateVectorBytes: number;
  maxAwarenessBytes: number;
  maxMessagesPerSecond: number;
  maxConnectionsPerBoard: number;
  boardCreationsPerHour: number;
  joinCodeMissesPerHour: number;
  /**
   * Express's `trust proxy`: false trusts no proxy (the socket's address is the client), a number
   * trusts that many hops of X-Forwarded-For, a list trusts proxies at those addresses or CIDRs.
   */
  trustProxy: false | number | string[];
  linkTtlMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "unset", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    secret: e.SECRET,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    organiserSecret: e.ORGANISER_SECRET,
    clientDir: path.resolve(e.CLIENT_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseTable: e.DATABASE_TABLE,
    redisUrl: e.REDIS_URL,
    storeDebounceMs: e.STORE_DEBOUNCE_MS,
    storeMaxWaitMs: Math.max(e.STORE_MAX_WAIT_MS, e.STORE_DEBOUNCE_MS),
    roomUnloadGraceMs: e.ROOM_UNLOAD_GRACE_MS,
    broadcastTickMs: e.BROADCAST_TICK_MS,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxUpdateBytes: e.MAX_UPDATE_BYTES,
    maxTextChars: e.MAX_TEXT_CHARS,
    maxRecordBytes: e.MAX_RECORD_BYTES,
    maxRecords: e.MAX_RECORDS,
    maxBoardBytes: e.MAX_BOARD_BYTES,
    maxStateVectorBytes: e.MAX_STATE_VECTOR_BYTES,
    maxAwarenessBytes: e.MAX_AWARENESS_BYTES,
    maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
    maxConnectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD,
    boardCreationsPerHour: e.BOARD_CREATIONS_PER_HOUR,
    joinCodeMissesPerHour: e.JOIN_CODE_MISSES_PER_HOUR,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    linkTtlMs: e.LINK_TTL_DAYS * 86_400_000,
    logLevel: e.LOG_LEVEL,
  };
}

/** Names express and proxy-addr know for whole ranges of addresses. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, an address with a prefix length (`10.0.0.0/8`, `fd00::/8`), or a range's name. */
function isProxyAddress(item: string): boolean {
  if (PROXY_RANGE_NAMES.has(item)) return true;
  const [address, prefix, ...rest] = item.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function trustProxyOf(value: string | undefined): Config['trustProxy'] {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
  return value.split(',').map((item) => item.trim());
}

/** The bounds of rule G9 from the configuration. */
export function writeLimitsOf(config: Config): WriteLimits {
  return {
    maxTextChars: config.maxTextChars,
    maxRecordBytes: config.maxRecordBytes,
    maxUpdateBytes: config.maxUpdateBytes,
    maxRecords: config.maxRecords,
    maxBoardBytes: config.maxBoardBytes,
    maxStateVectorBytes: config.maxStateVectorBytes,
  };
}
