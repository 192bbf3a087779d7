/**
 * Replacing a board's links on one instance reaches every instance: two server processes on the
 * real PostgreSQL and Redis; people connected to instance B with the old links are closed (4401)
 * within a second after a host replaced them through instance A, and B refuses the old links at
 * once — though B had just checked them (it keeps a board's link generation for a few seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../server/persistence/postgres';
import { CreateBoardResponse } from '../../shared/api';
import { CloseCode } from '../../shared/protocol';
import { roomName } from '../../shared/roles';
import { openRaw, waitOpen } from '../helpers/clients';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { createBoard, TEST_SECRET, tempDataDir } from '../helpers/server';
import { assertServicesReachable, databaseUrl, redisUrl, uniqueTable } from '../helpers/services';

/** How an instance answers a new connection: 'open', or the HTTP status it was refused with. */
async function answerTo(baseUrl: string, room: string, token: string): Promise<'open' | number | undefined> {
  const attempt = openRaw(baseUrl, room, token);
  const first = await Promise.race([attempt.done, waitOpen(attempt.ws).then(() => 'open' as const)]);
  attempt.ws.close();
  return first === 'open' ? first : first.status;
}

describe.skipIf(!databaseUrl || !redisUrl)('replacing links across instances (PostgreSQL and Redis)', () => {
  const table = uniqueTable('links');
  let a: ServerProcess;
  let b: ServerProcess;
  const env = () => ({ DATABASE_URL: databaseUrl!, DATABASE_TABLE: table, REDIS_URL: redisUrl!, SECRET: TEST_SECRET, DATA_DIR: tempDataDir() });

  beforeAll(async () => {
    await assertServicesReachable();
    [a, b] = await Promise.all([startServerProcess(env()), startServerProcess(env())]);
  });
  afterAll(async () => {
    for (const p of [a, b]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await new PostgresStore(databaseUrl!, table).drop();
  });

  it('closes old connections on the other instance within a second, and it refuses the old links at once', async () => {
    const board = await createBoard(a.url);
    const participant = openRaw(b.url, board.id, board.tokens.participant, { sync: true });
    const observer = openRaw(b.url, roomName(board.id, 'public'), board.tokens.observer, { sync: true });
    await Promise.all([waitOpen(participant.ws), waitOpen(observer.ws)]);
    const closedAt: number[] = [];
    for (const c of [participant, observer]) void c.done.then(() => closedAt.push(Date.now()));

    const replacedAt = Date.now();
    const res = await fetch(`${a.url}/api/boards/${board.id}/links`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.facilitator}` } });
    expect(res.status).toBe(200);
    const fresh = CreateBoardResponse.parse(await res.json());

    const closed = await Promise.race([
      Promise.all([participant.done, observer.done]),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000 - (Date.now() - replacedAt))),
    ]);
    expect(closed, 'both connections on B closed within a second').not.toBeNull();
    expect(participant.outcome.close?.code).toBe(CloseCode.linkReplaced);
    expect(observer.outcome.close?.code).toBe(CloseCode.linkReplaced);
    expect(Math.max(...closedAt) - replacedAt).toBeLessThan(1000);

    // At once, not after B's cached generation would have expired.
    expect(await answerTo(b.url, board.id, board.tokens.participant)).toBe(401);
    expect(await answerTo(b.url, roomName(board.id, 'public'), board.tokens.observer)).toBe(401);
    expect((await fetch(`${b.url}/api/boards/${board.id}/links`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })).status).toBe(401);
    expect(Date.now() - replacedAt).toBeLessThan(2000);

    // The new links work on both instances.
    for (const instance of [a, b]) expect(await answerTo(instance.url, board.id, fresh.tokens.participant)).toBe('open');
  });

  it('a replacement on B reaches A just the same, for a board A has never seen a connection of', async () => {
    const board = await createBoard(b.url);
    // A checks (and keeps) the board's generation through a host's request…
    expect((await fetch(`${a.url}/api/boards/${board.id}/links`, { headers: { authorization: `Bearer ${board.tokens.expert}` } })).status).toBe(200);
    // …then the links are replaced on B, and A refuses the old ones straight away.
    expect((await fetch(`${b.url}/api/boards/${board.id}/links`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.expert}` } })).status).toBe(200);
    // (The message travels after B answered, so allow it the same second.)
    const replacedAt = Date.now();
    const attempt = () => answerTo(a.url, board.id, board.tokens.participant);
    let result = await attempt();
    while (result !== 401 && Date.now() - replacedAt < 1000) result = await attempt();
    expect(result).toBe(401);
  });
});
