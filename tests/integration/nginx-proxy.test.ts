/**
 * Behind a real proxy: Debian's nginx with the site from docs/deployment.md (ip_hash over two
 * instances), two Tablica processes on the real PostgreSQL and Redis with TRUST_PROXY=1. Clients
 * connect from different loopback addresses, so nginx sees different people and spreads them:
 * (a) a note written through one instance reaches a client on the other, (b) each client has a
 * board-creation limit of its own although all of them reach Tablica from nginx's address, (c)
 * replacing links through the proxy closes the old links' connections on both instances, and
 * (d) nginx's access log, as documented, holds no token.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { programForTests } from '../../scripts/systemPackages';
import { PostgresStore } from '../../server/persistence/postgres';
import { CreateBoardResponse } from '../../shared/api';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import { CloseCode } from '../../shared/protocol';
import { roomName } from '../../shared/roles';
import { ACCESS_LOG, documentedNginxSite, requestFrom, siteForTest, startNginx, UPSTREAM_HEADER, webSocketFrom, type RunningNginx } from '../helpers/nginx';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { noteRecord } from '../helpers/records';
import { syncUrl, TEST_SECRET, tempDataDir } from '../helpers/server';
import { assertServicesReachable, databaseUrl, redisUrl, uniqueTable } from '../helpers/services';
import { waitFor } from '../helpers/wait';

const nginx = programForTests('nginx');
if (nginx.skip) console.warn(`nginx proxy test skipped: ${nginx.skip}`);

const LIMIT = 3;

describe.skipIf(!databaseUrl || !redisUrl || !nginx.path)('behind a real nginx in front of two instances', () => {
  const table = uniqueTable('proxy');
  const instances: Record<'A' | 'B', ServerProcess | undefined> = { A: undefined, B: undefined };
  let proxy: RunningNginx;
  /** Two client addresses that nginx's ip_hash sends to different instances. */
  let toA: string;
  let toB: string;
  /** Every token sent through the proxy, to look for in its log. */
  const tokensSent = new Set<string>();
  const remember = (board: CreateBoardResponse) => Object.values(board.tokens).forEach((t) => tokensSent.add(t));
  const env = () => ({
    DATABASE_URL: databaseUrl!,
    DATABASE_TABLE: table,
    REDIS_URL: redisUrl!,
    SECRET: TEST_SECRET,
    DATA_DIR: tempDataDir(),
    TRUST_PROXY: '1',
    BOARD_CREATIONS_PER_HOUR: String(LIMIT),
  });
  const hostPort = (p: ServerProcess) => p.url.replace(/^http:\/\//, '');

  /** Which instance answers `address` through the proxy (nginx names it in a header). */
  async function instanceFor(address: string): Promise<'A' | 'B'> {
    const res = await requestFrom(address, `${proxy.url}/healthz`);
    expect(res.status).toBe(200);
    const upstream = res.headers[UPSTREAM_HEADER];
    if (upstream === hostPort(instances.A!)) return 'A';
    if (upstream === hostPort(instances.B!)) return 'B';
    throw new Error(`unexpected upstream ${String(upstream)}`);
  }

  const connections = async (which: 'A' | 'B') => {
    const text = await (await fetch(`${instances[which]!.url}/metrics`)).text();
    return Number(/^tablica_connections (\d+)$/m.exec(text)?.[1]);
  };

  const createBoardFrom = async (address: string, headers: Record<string, string> = {}) =>
    requestFrom(address, `${proxy.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ title: 'Za proxy' }) });

  beforeAll(async () => {
    await assertServicesReachable();
    [instances.A, instances.B] = await Promise.all([startServerProcess(env()), startServerProcess(env())]);
    proxy = await startNginx(nginx.path!, (port, dir) => siteForTest(documentedNginxSite(), port, [hostPort(instances.A!), hostPort(instances.B!)], dir));
    // ip_hash keys an IPv4 client on its first three bytes: try 127.0.N.2 until both instances have one.
    const found: Partial<Record<'A' | 'B', string>> = {};
    for (let n = 1; n < 64 && !(found.A && found.B); n++) {
      const address = `127.0.${n}.2`;
      found[await instanceFor(address)] ??= address;
    }
    if (!found.A || !found.B) throw new Error('ip_hash sent every probed client to one instance');
    [toA, toB] = [found.A, found.B];
  });
  afterAll(async () => {
    await proxy?.stop();
    for (const p of Object.values(instances)) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await new PostgresStore(databaseUrl!, table).drop();
  });

  /** The stock y-websocket client, connecting through the proxy from `address`. */
  function clientFrom(address: string, room: string, token: string) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncUrl(proxy.url), room, doc, {
      params: { token },
      WebSocketPolyfill: webSocketFrom(address) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 200,
    });
    const records = new YKeyValue<unknown>(doc.getArray(CANVAS_RECORDS_ARRAY));
    return { doc, provider, records, destroy: () => (provider.destroy(), doc.destroy()) };
  }

  /** A raw socket through the proxy from `address`: resolves with its refusal status or its close code. */
  function rawFrom(address: string, room: string, token: string) {
    const ws = new WebSocket(`${syncUrl(proxy.url)}/${room}?token=${encodeURIComponent(token)}`, { localAddress: address });
    const opened = new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const done = new Promise<{ status?: number; close?: number; at: number }>((resolve) => {
      ws.on('unexpected-response', (_req, res) => {
        res.resume();
        resolve({ status: res.statusCode, at: Date.now() });
      });
      ws.on('close', (code) => resolve({ close: code, at: Date.now() }));
      ws.on('error', () => resolve({ at: Date.now() }));
    });
    return { ws, opened, done };
  }

  it('(a) a note written by a client on one instance reaches a client on the other', async () => {
    expect([await instanceFor(toA), await instanceFor(toB)]).toEqual(['A', 'B']);
    const created = await createBoardFrom(toA);
    expect(created.status).toBe(201);
    const board = CreateBoardResponse.parse(JSON.parse(created.body));

    const anna = clientFrom(toA, board.id, board.tokens.participant);
    const jan = clientFrom(toB, board.id, board.tokens.participant);
    await waitFor(() => anna.provider.synced && jan.provider.synced, 'both clients to sync through nginx', 10_000);
    // Each landed where nginx's header said: one connection on each instance.
    expect([await connections('A'), await connections('B')]).toEqual([1, 1]);

    anna.records.set('shape:przez-a', noteRecord('shape:przez-a', 'z instancji A'));
    jan.records.set('shape:przez-b', noteRecord('shape:przez-b', 'z instancji B'));
    await waitFor(() => jan.records.has('shape:przez-a') && anna.records.has('shape:przez-b'), 'each note on the other instance', 10_000);
    anna.destroy();
    jan.destroy();
    await waitFor(async () => (await connections('A')) + (await connections('B')) === 0, 'both connections to end');
  });

  it(`(b) each client behind nginx may create ${LIMIT} boards an hour, whatever it claims to be`, async () => {
    // These two share a /24, so ip_hash sends both to one instance: only the forwarded address tells them apart.
    expect(await instanceFor('127.0.0.2')).toBe(await instanceFor('127.0.0.3'));
    for (let i = 0; i < LIMIT; i++) expect((await createBoardFrom('127.0.0.2')).status).toBe(201);
    const refused = await createBoardFrom('127.0.0.2');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Naming someone else in X-Forwarded-For does not help: nginx appends the address it saw.
    expect((await createBoardFrom('127.0.0.2', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    expect((await createBoardFrom('127.0.0.3')).status).toBe(201);
  });

  it('(c) replacing links through the proxy closes the old links on both instances, and they are refused', async () => {
    const created = await createBoardFrom(toB);
    expect(created.status).toBe(201);
    const board = CreateBoardResponse.parse(JSON.parse(created.body));
    remember(board);
    const participant = rawFrom(toA, board.id, board.tokens.participant);
    const observer = rawFrom(toB, roomName(board.id, 'public'), board.tokens.observer);
    await Promise.all([participant.opened, observer.opened]);
    expect([await connections('A'), await connections('B')]).toEqual([1, 1]);

    const replacedAt = Date.now();
    const replaced = await requestFrom(toA, `${proxy.url}/api/boards/${board.id}/links`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.facilitator}` } });
    expect(replaced.status).toBe(200);
    expect(replaced.headers[UPSTREAM_HEADER]).toBe(hostPort(instances.A!));
    const fresh = CreateBoardResponse.parse(JSON.parse(replaced.body));
    remember(fresh);

    const both = await Promise.race([
      Promise.all([participant.done, observer.done]),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000 - (Date.now() - replacedAt))),
    ]);
    expect(both, 'both connections closed within a second').not.toBeNull();
    const [p, o] = both!;
    expect(p.close).toBe(CloseCode.linkReplaced);
    expect(o.close).toBe(CloseCode.linkReplaced);
    expect(Math.max(p.at, o.at) - replacedAt).toBeLessThan(1000);

    for (const address of [toA, toB]) {
      expect((await rawFrom(address, board.id, board.tokens.participant).done).status).toBe(401);
      const joined = rawFrom(address, board.id, fresh.tokens.participant);
      await joined.opened;
      joined.ws.close();
      await joined.done;
    }
    // A host's export link carries its token in the query string too.
    expect((await requestFrom(toA, `${proxy.url}/api/boards/${board.id}/summary.md?token=${fresh.tokens.facilitator}`)).status).toBe(200);
  });

  it('(d) the access log of the documented site records requests without their tokens', async () => {
    const log = () => (fs.existsSync(path.join(proxy.dir, ACCESS_LOG)) ? fs.readFileSync(path.join(proxy.dir, ACCESS_LOG), 'utf8') : '');
    await waitFor(() => log().includes('/sync/') && log().includes('/summary.md'), 'nginx to log the sync connections and the export');
    expect(tokensSent.size).toBeGreaterThan(0);
    for (const token of tokensSent) expect(log()).not.toContain(token);
    expect(log()).not.toContain('token=');
  });
});
