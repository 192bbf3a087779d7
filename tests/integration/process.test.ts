import { describe, expect, it } from 'vitest';
import { connectStockClient } from '../helpers/clients';
import { startServerProcess, spawnServer } from '../helpers/process';
import { createBoard, TEST_SECRET, tempDataDir } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { noteRecord } from '../helpers/records';

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
