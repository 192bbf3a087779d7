/**
 * Seeded convergence fuzz through the real server: clients edit at random while others drop off
 * and come back; in the end every document must be equal. The seed is printed; replay one with
 * FUZZ_SEED=<n>. Fixed seeds run too; a seed that ever fails is added to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import { connectStockClient, type StockClient } from '../helpers/clients';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { noteRecord } from '../helpers/records';
import { mulberry32 } from '../fuzz/hostileFrames';

const snapshot = (c: StockClient) =>
  JSON.stringify(
    [...c.records.map.entries()].map(([k, v]) => [k, v.val]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

async function runFuzz(server: RunningTablica, seed: number, clientCount: number, steps: number): Promise<void> {
  const random = mulberry32(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const board = await createBoard(server.url);
  const clients = Array.from({ length: clientCount }, () => connectStockClient(server.url, board.id, board.tokens.participant));
  try {
    await Promise.all(clients.map((c) => c.synced()));
    const keys = Array.from({ length: 25 }, (_, i) => `shape:f${i}`);
    for (let step = 0; step < steps; step++) {
      const client = pick(clients);
      const roll = random();
      if (roll < 0.55) {
        const key = pick(keys);
        client.records.set(key, noteRecord(key, `s${step}`, { x: Math.round(random() * 1000) }));
      } else if (roll < 0.75) {
        client.records.delete(pick(keys));
      } else if (roll < 0.85) {
        // Several changes in one transaction, as tldraw writes a drag.
        client.doc.transact(() => {
          for (let i = 0; i < 3; i++) {
            const key = pick(keys);
            client.records.set(key, noteRecord(key, `t${step}`, { y: step * 10 + i }));
          }
        });
      } else if (roll < 0.93) {
        if (client.provider.shouldConnect) client.provider.disconnect();
      } else {
        if (!client.provider.shouldConnect) client.provider.connect();
      }
      if (random() < 0.3) await new Promise((r) => setTimeout(r, Math.floor(random() * 5)));
    }
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
    await Promise.all(clients.map((c) => c.synced()));
    await waitFor(() => new Set(clients.map(snapshot)).size === 1, `all ${clientCount} documents to converge (seed ${seed})`, 15_000);
    const late = connectStockClient(server.url, board.id, board.tokens.participant);
    await late.synced();
    await waitFor(() => snapshot(late) === snapshot(clients[0]!), `a late joiner to match (seed ${seed})`, 10_000);
    late.destroy();
    expect(clients[0]!.records.map.size).toBeGreaterThan(0);
  } finally {
    for (const c of clients) c.destroy();
  }
}

describe('convergence fuzz through the real server', () => {
  let server: RunningTablica;
  beforeAll(async () => {
    server = await startTestServer({ broadcastTickMs: 5 });
  });
  afterAll(() => server.close());

  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
  it(`random edits, disconnects and reconnects converge (seed ${seed})`, async () => {
    console.log(`convergence fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);
    await runFuzz(server, seed, 4, 600);
  });

  it.each([[1], [20261124]])('kept seed %i converges', async (kept) => {
    await runFuzz(server, kept, 3, 300);
  });
});
