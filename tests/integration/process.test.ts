import { describe, expect, it } from 'vitest';
import { connectStockClient } from '../helpers/clients';
import { startServerProcess, spawnServer } from '../helpers/process';
import { createBoard, TEST_SECRET, tempDataDir } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { noteRecord, shapeCount } from '../helpers/records';

describe('the server process', () => {
  it('refuses to start on a bad variable, naming it', async () => {
    const proc = spawnServer({ PORT: 'trzy tysiące', DATA_DIR: tempDataDir() });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/PORT/);
    expect(proc.output()).toMatch(/did not start/);
  });

  it('stores every room on SIGTERM, even before the debounced write is due', async () => {
    const env = { DATA_DIR: tempDataDir(), SECRET: TEST_SECRET, STORE_DEBOUNCE_MS: '60000', STORE_MAX_WAIT_MS: '60000' };
    const first = await startServerProcess(env);
    const board = await createBoard(first.url);
    const writer = connectStockClient(first.url, board.id, board.tokens.facilitator);
    await writer.synced();
    writer.records.set('shape:sigterm', noteRecord('shape:sigterm', 'zapisane przy zamknięciu'));
    // The write is applied on the server once the echo of a second client shows it.
    const witness = connectStockClient(first.url, board.id, board.tokens.participant);
    await waitFor(() => witness.records.has('shape:sigterm'), 'the edit to reach the server');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    writer.destroy();
    witness.destroy();

    const second = await startServerProcess(env);
    const reader = connectStockClient(second.url, board.id, board.tokens.participant);
    await reader.synced();
    expect(reader.records.get('shape:sigterm')).toEqual(noteRecord('shape:sigterm', 'zapisane przy zamknięciu'));
    reader.destroy();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('generates a token secret into DATA_DIR on first start and keeps it', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const first = await startServerProcess(env);
    const board = await createBoard(first.url);
    first.child.kill('SIGTERM');
    await first.exited;
    const second = await startServerProcess(env);
    const client = connectStockClient(second.url, board.id, board.tokens.participant);
    await client.synced();
    client.destroy();
    second.child.kill('SIGTERM');
    await second.exited;
  });
});

describe('crash safety', () => {
  it('kill -9 mid-session: clients reconnect to the restarted server and no edit is lost', async () => {
    const port = String(await freePort());
    const env = { DATA_DIR: tempDataDir(), SECRET: TEST_SECRET, PORT: port, STORE_DEBOUNCE_MS: '60000', STORE_MAX_WAIT_MS: '60000' };
    const first = await startServerProcess(env);
    const board = await createBoard(first.url);
    const a = connectStockClient(first.url, board.id, board.tokens.participant);
    const b = connectStockClient(first.url, board.id, board.tokens.facilitator);
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 10; i++) a.records.set(`shape:a${i}`, noteRecord(`shape:a${i}`, `przed awarią ${i}`));
    await waitFor(() => shapeCount(b.records) === 10, 'b to see a’s notes');
    // Nothing was stored yet (a minute's debounce): the edits live only in memory and in the clients.
    first.child.kill('SIGKILL');
    await first.exited;
    // Written while the server is down: kept by the client, sent when it is back.
    b.records.set('shape:offline', noteRecord('shape:offline', 'w trakcie awarii'));
    const second = await startServerProcess(env);
    await waitFor(() => a.provider.wsconnected && b.provider.wsconnected, 'both clients to reconnect', 10_000);
    await waitFor(() => a.records.has('shape:offline'), 'the offline edit to reach a', 10_000);
    a.destroy();
    b.destroy();
    // Both left: the server stored the room. A fresh reader sees every edit.
    const reader = connectStockClient(second.url, board.id, board.tokens.participant);
    await reader.synced();
    await waitFor(() => shapeCount(reader.records) === 11, 'all eleven notes for a new reader');
    reader.destroy();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}
