/**
 * A short run of the hostile-frame fuzz (the full 100,000-frame run: npm run fuzz). The server
 * never crashes, every hostile connection is closed with a documented code, and the other rooms
 * and their clients are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningTablica } from '../../server/app';
import { connectStockClient, type StockClient } from '../helpers/clients';
import { createBoard, startTestServer, syncUrl } from '../helpers/server';
import { noteRecord, shapeCount } from '../helpers/records';
import { waitFor } from '../helpers/wait';
import { DOCUMENTED_CLOSE_CODES, runHostileFuzz } from '../fuzz/runHostileFuzz';

describe('hostile frames through real connections', () => {
  let server: RunningTablica;
  let bystander: StockClient;
  let bystanderBoard: string;

  beforeAll(async () => {
    server = await startTestServer({ maxMessagesPerSecond: 100_000 });
    const board = await createBoard(server.url);
    bystanderBoard = board.id;
    bystander = connectStockClient(server.url, board.id, board.tokens.participant);
    await bystander.synced();
    for (let i = 0; i < 10; i++) bystander.records.set(`shape:b${i}`, noteRecord(`shape:b${i}`, `notatka ${i}`));
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.name === board.id && shapeCount(r.records) === 10), 'the bystander’s notes on the server');
  });
  afterAll(async () => {
    bystander.destroy();
    await server.close();
  });

  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
  it(`3,000 hostile frames (seed ${seed}): no crash, documented close codes, other rooms untouched`, async () => {
    console.log(`hostile-frame fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);
    const target = await createBoard(server.url);
    const before = Y.encodeStateAsUpdate([...server.rooms.rooms()].find((r) => r.name === bystanderBoard)!.doc);
    const result = await runHostileFuzz(`${syncUrl(server.url)}/${target.id}?token=${target.tokens.participant}`, seed, 3000);
    expect(result.framesSent).toBeGreaterThanOrEqual(3000);
    for (const [code, count] of result.closeCodes) {
      if (code !== 0) expect(DOCUMENTED_CLOSE_CODES.has(code), `close code ${code} (${count}×)`).toBe(true);
    }
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const after = Y.encodeStateAsUpdate([...server.rooms.rooms()].find((r) => r.name === bystanderBoard)!.doc);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    expect(bystander.provider.wsconnected).toBe(true);
    bystander.records.set('shape:after', noteRecord('shape:after', 'po fuzzie'));
    const late = connectStockClient(server.url, bystanderBoard, bystander.provider.params.token!);
    await waitFor(() => late.records.has('shape:after') && shapeCount(late.records) === 11, 'the bystander room to keep working');
    late.destroy();
  });
});
