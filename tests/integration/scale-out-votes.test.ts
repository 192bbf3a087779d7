/**
 * Votes across two instances (two real server processes on the real PostgreSQL and Redis): 30
 * votes cast half on each add up exactly everywhere, because each instance writes only its own
 * tally; and one person's budget of 3 holds across both, checked atomically in Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { PostgresStore } from '../../server/persistence/postgres';
import { RefusalReason } from '../../shared/requests';
import { roomName } from '../../shared/roles';
import { SESSION_MAP, SessionPrefix } from '../../shared/session';
import { voteCounts } from '../../shared/sessionTotals';
import { connectStockClient, sendRequest, type StockClient } from '../helpers/clients';
import { controlClients, deviceId, invite, layOutBallot, openVoteAndPoll } from '../helpers/meeting';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { createBoard, TEST_SECRET, tempDataDir } from '../helpers/server';
import { assertServicesReachable, databaseUrl, redisUrl, uniqueTable } from '../helpers/services';
import { waitFor } from '../helpers/wait';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe.skipIf(!databaseUrl || !redisUrl)('votes across two instances', () => {
  const table = uniqueTable('votes');
  let a: ServerProcess;
  let b: ServerProcess;
  const open: StockClient[] = [];
  const env = () => ({ DATABASE_URL: databaseUrl!, DATABASE_TABLE: table, REDIS_URL: redisUrl!, SECRET: TEST_SECRET, DATA_DIR: tempDataDir(), STORE_DEBOUNCE_MS: '300', STORE_MAX_WAIT_MS: '1000' });

  beforeAll(async () => {
    await assertServicesReachable();
    [a, b] = await Promise.all([startServerProcess(env()), startServerProcess(env())]);
  });
  afterAll(async () => {
    for (const c of open) c.destroy();
    for (const p of [a, b]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await new PostgresStore(databaseUrl!, table).drop();
  });

  /** A board with a ballot seen on both instances, a vote open, and a host on each. */
  async function meeting(votesPerPerson: number) {
    const board = await createBoard(a.url);
    // Participants have the canvas open where they vote: the ballot is checked there.
    const canvasA = connectStockClient(a.url, board.id, board.tokens.facilitator);
    const canvasB = connectStockClient(b.url, board.id, board.tokens.facilitator);
    const hostA = connectStockClient(a.url, roomName(board.id, 'control'), board.tokens.facilitator);
    const hostB = connectStockClient(b.url, roomName(board.id, 'control'), board.tokens.expert);
    open.push(canvasA, canvasB, hostA, hostB);
    await Promise.all([canvasA, canvasB, hostA, hostB].map((c) => c.synced()));
    const notes = await layOutBallot(canvasA, 3);
    await waitFor(() => canvasB.records.has(notes[2]!), 'the ballot on B', 10_000);
    await openVoteAndPoll(hostA, hostB, { voteId: `v${votesPerPerson}`, votesPerPerson });
    return { board, notes, hostA, hostB };
  }

  it('30 votes, half on each instance, add up exactly on both', async () => {
    const { board, notes, hostA, hostB } = await meeting(1);
    const onA = await controlClients(a.url, board.id, board.tokens.participant, 15);
    const onB = await controlClients(b.url, board.id, board.tokens.participant, 15);
    open.push(...onA, ...onB);
    const replies = await Promise.all(
      [...onA, ...onB].map((c, i) => sendRequest(c, { t: 'vote', voter: deviceId(`scale${i}`), voteId: 'v1', noteId: notes[i % 3]!, delta: 1 })),
    );
    expect(replies.every((r) => r.t === 'my-votes')).toBe(true);
    for (const host of [hostA, hostB]) {
      await waitFor(() => total(voteCounts(host.doc.getMap(SESSION_MAP).toJSON(), 'v1')) === 30, 'thirty votes on each instance', 10_000);
      expect(voteCounts(host.doc.getMap(SESSION_MAP).toJSON(), 'v1')).toEqual({ [notes[0]!]: 10, [notes[1]!]: 10, [notes[2]!]: 10 });
      // Two tallies, one per instance, each written by its own instance alone.
      const tallies = [...host.doc.getMap(SESSION_MAP).keys()].filter((k) => k.startsWith(`${SessionPrefix.voteTally}v1:`));
      expect(tallies).toHaveLength(2);
    }
  });

  it('one person’s budget of 3 holds across both instances', async () => {
    const { board, notes, hostA } = await meeting(3);
    const [anna] = (await invite(a.url, board.id, board.tokens.facilitator, 'Anna Kowalska; Gdynia; koordynatorka')).people;
    const devices = [...(await controlClients(a.url, board.id, anna!.token, 5)), ...(await controlClients(b.url, board.id, anna!.token, 5))];
    open.push(...devices);
    const replies = await Promise.all(devices.map((c, i) => sendRequest(c, { t: 'vote', voter: deviceId(`anna${i}`), voteId: 'v3', noteId: notes[i % 3]!, delta: 1 })));
    expect(replies.filter((r) => r.t === 'my-votes')).toHaveLength(3);
    expect(replies.filter((r) => r.t === 'refused' && r.reason === RefusalReason.budgetSpent)).toHaveLength(7);
    await waitFor(() => total(voteCounts(hostA.doc.getMap(SESSION_MAP).toJSON(), 'v3')) === 3, 'three votes', 10_000);
    // Taking one back on one instance frees it for a device on the other.
    const back = replies.findIndex((r) => r.t === 'my-votes');
    const other = back < 5 ? 9 : 0;
    expect(await sendRequest(devices[back]!, { t: 'vote', voter: deviceId(`anna${back}`), voteId: 'v3', noteId: notes[back % 3]!, delta: -1 })).toMatchObject({ t: 'my-votes', left: 1 });
    expect(await sendRequest(devices[other]!, { t: 'vote', voter: deviceId(`anna${other}`), voteId: 'v3', noteId: notes[1]!, delta: 1 })).toMatchObject({ t: 'my-votes', left: 0 });
    await waitFor(() => total(voteCounts(hostA.doc.getMap(SESSION_MAP).toJSON(), 'v3')) === 3, 'still three votes', 10_000);

    // The ledger is in Redis, by digest: nothing there names her; closing the meeting removes it.
    const redis = new Redis(redisUrl!);
    try {
      const keys = await redis.keys(`tablica:votes:${board.id}:*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).not.toContain(anna!.key);
      expect(await redis.ttl(keys[0]!)).toBeGreaterThan(3600);
      expect(await sendRequest(hostA, { t: 'close-meeting', confirm: true })).toEqual({ t: 'ok', request: 'close-meeting' });
      expect(await redis.keys(`tablica:votes:${board.id}:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});
