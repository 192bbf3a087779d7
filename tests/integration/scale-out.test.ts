/**
 * Two server processes on two ports, sharing the real PostgreSQL and Redis: clients on each
 * converge, an observer on one sees public changes made on the other, a killed instance's
 * clients carry on at the other without losing an edit, and PostgreSQL holds everything at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStore } from '../../server/persistence/postgres';
import { roomName } from '../../shared/roles';
import { connectStockClient, openRaw } from '../helpers/clients';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { documentRecord, frameRecord, noteRecord, pageRecord, shapeCount } from '../helpers/records';
import { createBoard, TEST_SECRET, tempDataDir } from '../helpers/server';
import { assertServicesReachable, databaseUrl, redisUrl, uniqueTable } from '../helpers/services';
import { waitFor } from '../helpers/wait';

describe.skipIf(!databaseUrl || !redisUrl)('several instances on PostgreSQL and Redis', () => {
  const table = uniqueTable('scale');
  let a: ServerProcess;
  let b: ServerProcess;
  const env = () => ({ DATABASE_URL: databaseUrl!, DATABASE_TABLE: table, REDIS_URL: redisUrl!, SECRET: TEST_SECRET, DATA_DIR: tempDataDir(), STORE_DEBOUNCE_MS: '300', STORE_MAX_WAIT_MS: '1000' });

  beforeAll(async () => {
    await assertServicesReachable();
    a = await startServerProcess(env());
    b = await startServerProcess(env());
  });
  afterAll(async () => {
    for (const p of [a, b]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await new PostgresStore(databaseUrl!, table).drop();
  });

  it('reports the database and Redis in /healthz', async () => {
    expect(await (await fetch(`${a.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
  });

  it('clients on two instances converge; an observer on one sees public changes made on the other', async () => {
    const board = await createBoard(a.url);
    const onA = connectStockClient(a.url, board.id, board.tokens.participant);
    const onB = connectStockClient(b.url, board.id, board.tokens.facilitator);
    await Promise.all([onA.synced(), onB.synced()]);
    onA.records.set('shape:from-a', noteRecord('shape:from-a', 'z instancji A'));
    onB.doc.transact(() => {
      onB.records.set('document:document', documentRecord());
      onB.records.set('page:main', pageRecord());
      onB.records.set('shape:from-b', noteRecord('shape:from-b', 'z instancji B'));
    });
    await waitFor(() => onA.records.has('shape:from-b') && onB.records.has('shape:from-a'), 'both notes on both instances', 10_000);

    const observer = openRaw(a.url, roomName(board.id, 'public'), board.tokens.observer, { sync: true });
    const seen = () => Buffer.concat(observer.outcome.received).toString('utf8');
    onB.doc.transact(() => {
      onB.records.set('shape:pub', frameRecord('shape:pub', 'Prezentacja', { meta: { public: true } }));
      onB.records.set('shape:in-pub', noteRecord('shape:in-pub', 'PUBLICZNE-Z-B', { parentId: 'shape:pub' }));
      onB.records.set('shape:internal', noteRecord('shape:internal', 'WEWNETRZNE-Z-B'));
    });
    await waitFor(() => seen().includes('PUBLICZNE-Z-B'), 'the public note made on B to reach the observer on A', 10_000);
    expect(seen()).not.toContain('WEWNETRZNE-Z-B');
    observer.ws.close();
    onA.destroy();
    onB.destroy();
  });

  it('kill -9 one instance: its clients carry on at the other and no edit is lost; PostgreSQL holds it all', async () => {
    const board = await createBoard(b.url);
    const doc = new Y.Doc();
    const writer = connectStockClient(a.url, board.id, board.tokens.participant, doc);
    const peer = connectStockClient(b.url, board.id, board.tokens.participant);
    await Promise.all([writer.synced(), peer.synced()]);
    for (let i = 0; i < 10; i++) writer.records.set(`shape:k${i}`, noteRecord(`shape:k${i}`, `przed ${i}`));
    await waitFor(() => shapeCount(peer.records) === 10, 'the edits on B', 10_000);
    a.child.kill('SIGKILL');
    await a.exited;
    // Written while the instance is gone; a load balancer would send the client to B.
    writer.records.set('shape:after-crash', noteRecord('shape:after-crash', 'po awarii'));
    writer.provider.destroy();
    const moved = connectStockClient(b.url, board.id, board.tokens.participant, doc);
    await moved.synced();
    await waitFor(() => peer.records.has('shape:after-crash') && shapeCount(peer.records) === 11, 'every edit at B', 10_000);
    moved.destroy();
    peer.destroy();

    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    const stored = await new PostgresStore(databaseUrl!, table).load(board.id);
    const check = new Y.Doc();
    Y.applyUpdate(check, stored!);
    const keys = check.getArray<{ key: string }>('tldraw').toArray().map((e) => e.key);
    for (let i = 0; i < 10; i++) expect(keys).toContain(`shape:k${i}`);
    expect(keys).toContain('shape:after-crash');
  });
});
