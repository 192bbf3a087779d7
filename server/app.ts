/** Composes one Tablica process: HTTP API, static client and WebSocket sync on one port. */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadConfig, writeLimitsOf, type Config } from './config';
import { refusalCounts } from './sync/writeMetrics';
import { createLogger, errorFields, type Logger } from './log';
import { resolveSecret } from './auth/secret';
import { TokenSigner } from './auth/tokens';
import { BoardAccess } from './auth/boardAccess';
import { JoinCodes } from './auth/joinCodes';
import { joinRouter } from './http/joinRoutes';
import type { DocumentStore } from './persistence/store';
import { createStore } from './persistence';
import { RedisRelay } from './scale/redisRelay';
import { BoardEvents } from './scale/boardEvents';
import { MemoryLedger } from './people/ledger';
import { RedisLedger } from './people/redisLedger';
import { apiRouter, jsonErrors } from './http/api';
import { invitationsRouter } from './http/invitations';
import { staticClientRouter } from './http/staticClient';
import { securityHeaders } from './http/securityHeaders';
import { summaryOf, summaryRouter } from './export/summaryRoute';
import { reportRouter } from './export/reportRoute';
import { getFormat } from '../formats';
import { createDemoBoard } from './demo/demoBoard';
import { localize } from '../shared/formats/schema';
import { stepOutlines } from '../shared/formats/outline';
import type { Locale } from '../shared/api';
import { RoomRegistry, type RoomExtension } from './sync/rooms';
import type { Room } from './sync/room';
import { SyncServer } from './sync/syncServer';
import { NetworkStore } from './network/networkStore';
import { NetworkTokenSigner } from './network/networkTokens';
import { networkRouter } from './network/networkRoutes';
import { archiveOnClose } from './network/archiveOnClose';

export interface StartOptions {
  logger?: Logger;
  /** A store to use instead of the one the config selects (tests wrap the real one). */
  store?: DocumentStore;
  /** Joined to every stored room before it answers (see RoomExtension). */
  roomExtensions?: RoomExtension[];
}

export interface RunningTablica {
  url: string;
  port: number;
  config: Config;
  rooms: RoomRegistry;
  /** Closes every connection, stores every room, closes storage; idempotent. */
  close(): Promise<void>;
}

const formatStepTitles = (formatId: string, locale: Locale) => {
  const format = getFormat(formatId);
  return format && stepOutlines(format, locale);
};
const formatTitle = (formatId: string, locale: Locale) => {
  const format = getFormat(formatId);
  return format && localize(format.title, locale);
};

/** Connections whose unsent backlog grows past this are dropped (a client that stopped reading). */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export async function startTablica(overrides: Partial<Config> = {}, options: StartOptions = {}): Promise<RunningTablica> {
  const config: Config = { ...loadConfig({}), ...overrides };
  const log = options.logger ?? createLogger(config.logLevel);
  const secret = resolveSecret(config.secret, config.dataDir);
  const signer = new TokenSigner(secret);
  const networkSigner = new NetworkTokenSigner(secret);
  const store = options.store ?? createStore(config);
  const networks = new NetworkStore(store);
  const relay = config.redisUrl ? new RedisRelay(config.redisUrl, log) : undefined;
  // With several instances, budgets and "answered once" are checked in Redis; alone, in memory.
  const ledger = config.redisUrl ? new RedisLedger(config.redisUrl) : new MemoryLedger();
  const instanceId = randomBytes(9).toString('base64url');
  const extensions: RoomExtension[] = [...(options.roomExtensions ?? []), ...(relay ? [(room: Room) => relay.hooks(room)] : [])];
  const rooms: RoomRegistry = new RoomRegistry(
    store,
    {
      ...config,
      ledger,
      instanceId,
      writeLimits: writeLimitsOf(config),
      summary: (boardId) => summaryOf({ store, rooms, stepTitles: formatStepTitles, formatTitle }, boardId),
      meetingClosed: (boardId, session, note) => archiveOnClose(networks, boardId, session, note),
    },
    log,
    extensions,
  );
  const access = new BoardAccess(store);
  const joinCodes = new JoinCodes(store);
  const sync = new SyncServer(
    rooms,
    signer,
    access,
    {
      maxMessageBytes: config.maxMessageBytes,
      maxConnectionsPerBoard: config.maxConnectionsPerBoard,
      limits: {
        maxAwarenessBytes: config.maxAwarenessBytes,
        maxMessagesPerSecond: config.maxMessagesPerSecond,
        maxBufferedBytes: MAX_BUFFERED_BYTES,
        maxStateVectorBytes: config.maxStateVectorBytes,
      },
    },
    log,
  );
  rooms.onBoardReload = (boardId) => sync.closeBoard(boardId);
  // Replaced links are refused, and their connections closed, on every instance at once.
  const boardEvents = config.redisUrl
    ? new BoardEvents(
        config.redisUrl,
        {
          linksReplaced: (boardId, generation) => {
            access.learn(boardId, generation);
            sync.closeReplacedLinks(boardId, generation);
          },
        },
        log,
      )
    : undefined;
  await boardEvents?.start();

  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy, the client is the address the trusted proxies name in X-Forwarded-For (and the
  // scheme X-Forwarded-Proto's): the per-address board limit counts people, not the proxy.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders);
  app.use(
    apiRouter({
      signer,
      access,
      health: {
        [config.databaseUrl ? 'database' : 'storage']: () => store.check(),
        ...(relay ? { redis: () => Promise.all([relay.check(), boardEvents?.check()]).then(() => {}) } : {}),
      },
      closeReplacedLinks: (boardId, generation) => {
        sync.closeReplacedLinks(boardId, generation);
        boardEvents?.linksReplaced(boardId, generation);
      },
      linkTtlMs: config.linkTtlMs,
      joinCodes,
      openCanvas: (boardId) => rooms.hold(boardId, 'canvas'),
      createDemo: (publicUrl) => createDemoBoard(publicUrl, signer, store, rooms, config.linkTtlMs),
      store,
      log,
      publicUrl: config.publicUrl,
      organiserSecret: config.organiserSecret,
      boardCreationsPerHour: config.boardCreationsPerHour,
      metrics: () => ({
        tablica_rooms_loaded: rooms.size,
        tablica_connections: sync.connectionCount,
        process_resident_memory_bytes: process.memoryUsage.rss(),
        tablica_room_faults_total: rooms.faults,
        ...Object.fromEntries([...refusalCounts()].map(([rule, count]) => [`tablica_writes_refused_total{rule="${rule}"}`, count])),
      }),
    }),
  );
  const exportDeps = { signer, access, store, rooms, log, stepTitles: formatStepTitles, formatTitle };
  app.use(
    invitationsRouter({
      signer,
      access,
      linkTtlMs: config.linkTtlMs,
      publicUrl: config.publicUrl,
      openControl: (boardId) => rooms.hold(boardId, 'control'),
      log,
    }),
  );
  app.use(
    networkRouter({
      ...exportDeps,
      networks,
      networkSigner,
      linkTtlMs: config.linkTtlMs,
      publicUrl: config.publicUrl,
      organiserSecret: config.organiserSecret,
      creationsPerHour: config.boardCreationsPerHour,
    }),
  );
  app.use(joinRouter({ signer, access, codes: joinCodes, linkTtlMs: config.linkTtlMs, publicUrl: config.publicUrl, joinMissesPerHour: config.joinCodeMissesPerHour, openControl: (boardId) => rooms.hold(boardId, 'control'), log }));
  app.use(summaryRouter(exportDeps));
  app.use(reportRouter(exportDeps));
  app.use(staticClientRouter(config.clientDir));
  app.use(jsonErrors);

  const server = http.createServer(app);
  // Longer than load balancers' idle timeouts (often 60 s), so a proxy never reuses a socket we just closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${port}`;
  log.info('server.listening', { port });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      sync.close();
      server.closeAllConnections();
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      try {
        await rooms.persistAll();
      } catch (err) {
        log.error('server.store_on_close_failed', errorFields(err));
      }
      await serverClosed;
      await relay?.close();
      await boardEvents?.close();
      if (ledger instanceof RedisLedger) await ledger.close();
      if (!options.store) await store.close();
      log.info('server.closed', { port });
    })());

  return { url, port, config, rooms, close };
}
