/**
 * A short run of the hostile-frame fuzz (the full 100,000-frame run: npm run fuzz): byte garbage
 * and valid Yjs updates with hostile content through real connections. The server never crashes
 * nor faults a room, every hostile connection is closed with a documented code, each content
 * attack gets the answer its rule demands, the attacked board opens again in tldraw (live and
 * after an unload), and the other rooms and their clients are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { roomName } from '../../shared/roles';
import { connectStockClient, type StockClient } from '../helpers/clients';
import { createBoard, startTestServer, syncUrl } from '../helpers/server';
import { DEFAULT_PAGE_ID as BOARD_PAGE_ID } from '../../shared/formats/layout';
import { noteRecord, shapeCount } from '../helpers/records';
import { waitFor } from '../helpers/wait';
import { DOCUMENTED_CLOSE_CODES, reopenAttackedBoard, runHostileFuzz, watchProcessFaults } from '../fuzz/runHostileFuzz';

describe('hostile frames through real connections', () => {
  let server: RunningTablica;
  let bystander: StockClient;
  let bystanderBoard: CreateBoardResponse;
  const bystanderRoom = () => [...server.rooms.rooms()].find((r) => r.name === bystanderBoard.id)!;
  /** Rooms that met a fault in a hook and were reloaded (0 on a server that does not count them). */
  const roomFaults = () => (server.rooms as { faults?: number }).faults ?? 0;

  beforeAll(async () => {
    server = await startTestServer({ maxMessagesPerSecond: 100_000 });
    bystanderBoard = await createBoard(server.url);
    bystander = connectStockClient(server.url, bystanderBoard.id, bystanderBoard.tokens.participant);
    await bystander.synced();
    for (let i = 0; i < 10; i++) bystander.records.set(`shape:b${i}`, noteRecord(`shape:b${i}`, `notatka ${i}`, { parentId: BOARD_PAGE_ID, x: i * 220 }));
    await waitFor(() => bystanderRoom() !== undefined && shapeCount(bystanderRoom().records) === 10, 'the bystander’s notes on the server');
  });
  afterAll(async () => {
    bystander.destroy();
    await server.close();
  });

  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
  it(`3,000 hostile frames, byte garbage and bad content in valid updates (seed ${seed}): no crash or room fault, each rule's answer, the attacked board reopens, other rooms untouched`, async () => {
    console.log(`hostile-frame fuzz seed: ${seed} (replay with FUZZ_SEED=${seed})`);
    const target = await createBoard(server.url);
    const before = Y.encodeStateAsUpdate(bystanderRoom().doc);
    const faultsBefore = roomFaults();
    const watch = watchProcessFaults();
    let result: Awaited<ReturnType<typeof runHostileFuzz>>;
    try {
      result = await runHostileFuzz(`${syncUrl(server.url)}/${target.id}?token=${target.tokens.participant}`, seed, 3000, {
        content: { maxTextChars: server.config.maxTextChars, maxRecordBytes: server.config.maxRecordBytes },
      });
    } finally {
      watch.stop();
    }

    expect(watch.faults, 'uncaught errors in the server’s process').toEqual([]);
    expect(roomFaults() - faultsBefore, 'rooms faulted (and reloaded) by hostile input').toBe(0);
    expect(result.framesSent).toBeGreaterThanOrEqual(3000);
    expect(result.contentFrames, 'content attacks in valid updates').toBeGreaterThan(500);
    for (const [code, count] of result.closeCodes) {
      if (code !== 0) expect(DOCUMENTED_CLOSE_CODES.has(code), `close code ${code} (${count}×)`).toBe(true);
    }
    expect(Object.fromEntries(result.mismatches), 'content attacks answered otherwise than their rule demands (with counts)').toEqual({});

    // The process is alive: health, and the bystander room untouched and still syncing.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const after = Y.encodeStateAsUpdate(bystanderRoom().doc);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    expect(bystander.provider.wsconnected).toBe(true);
    bystander.records.set('shape:after', noteRecord('shape:after', 'po fuzzie', { parentId: BOARD_PAGE_ID, x: 3000 }));
    const late = connectStockClient(server.url, bystanderBoard.id, bystanderBoard.tokens.participant);
    await waitFor(() => late.records.has('shape:after') && shapeCount(late.records) === 11, 'the bystander room to keep working');
    late.destroy();

    // The attacked board opens again, as it is in memory and as storage gives it back.
    expect(await reopenAttackedBoard(server.url, target, 'while loaded')).toEqual([]);
    await waitFor(() => !server.rooms.get(target.id) && !server.rooms.get(roomName(target.id, 'control')), 'the attacked board to be unloaded', 10_000);
    expect(await reopenAttackedBoard(server.url, target, 'after an unload')).toEqual([]);
  }, 120_000);
});
