/**
 * The ledger in Redis, for several instances: one hash per person and vote (`n:<note>` → votes
 * given, `total`), checked and changed by one Lua script so two instances never both spend the
 * last vote; "answered once" is a SET NX. Every key expires (LEDGER_TTL_SECONDS) and is named by
 * the board's scope and a digest of the person, never by anything the person typed.
 */
import { Redis } from 'ioredis';
import { LEDGER_TTL_SECONDS, type Ledger, type VoteLimits, type VoteOutcome } from './ledger';

/** KEYS[1] the person's hash; ARGV: note, delta, budget, cap (0 = none), ttl. Returns outcome, then note/count pairs. */
const VOTE_SCRIPT = `
local key, note = KEYS[1], 'n:' .. ARGV[1]
local delta, budget, cap, ttl = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local given = tonumber(redis.call('HGET', key, note) or '0')
local total = tonumber(redis.call('HGET', key, 'total') or '0')
local outcome = 'ok'
if delta > 0 then
  if total >= budget then outcome = 'budget'
  elseif cap > 0 and given >= cap then outcome = 'cap' end
elseif given <= 0 then outcome = 'nothing' end
if outcome == 'ok' then
  if given + delta == 0 then redis.call('HDEL', key, note) else redis.call('HSET', key, note, given + delta) end
  redis.call('HSET', key, 'total', total + delta)
  redis.call('EXPIRE', key, ttl)
end
local reply = { outcome }
local all = redis.call('HGETALL', key)
for i = 1, #all, 2 do
  if string.sub(all[i], 1, 2) == 'n:' then
    table.insert(reply, string.sub(all[i], 3))
    table.insert(reply, all[i + 1])
  end
end
return reply
`;

export class RedisLedger implements Ledger {
  readonly #redis: Redis;

  constructor(url: string) {
    this.#redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
    this.#redis.defineCommand('tablicaVote', { numberOfKeys: 1, lua: VOTE_SCRIPT });
    // Errors reach the caller of each command; the client itself reconnects.
    this.#redis.on('error', () => {});
  }

  async vote(scope: string, person: string, noteId: string, { delta, budget, cap }: VoteLimits): Promise<{ outcome: VoteOutcome; mine: Record<string, number> }> {
    const run = (this.#redis as unknown as { tablicaVote(...args: (string | number)[]): Promise<string[]> }).tablicaVote;
    const reply = await run.call(this.#redis, voteKey(scope, person), noteId, delta, budget, cap ?? 0, LEDGER_TTL_SECONDS);
    return { outcome: reply[0] as VoteOutcome, mine: pairs(reply.slice(1)) };
  }

  async allocation(scope: string, person: string): Promise<Record<string, number>> {
    const all = await this.#redis.hgetall(voteKey(scope, person));
    const mine: Record<string, number> = {};
    for (const [field, value] of Object.entries(all)) if (field.startsWith('n:') && Number(value) > 0) mine[field.slice(2)] = Number(value);
    return mine;
  }

  async answerOnce(scope: string, person: string): Promise<boolean> {
    return (await this.#redis.set(`tablica:answered:${scope}:${person}`, '1', 'EX', LEDGER_TTL_SECONDS, 'NX')) === 'OK';
  }

  async forgetBoard(boardId: string): Promise<void> {
    for (const pattern of [`tablica:votes:${boardId}:*`, `tablica:answered:${boardId}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await this.#redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length > 0) await this.#redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => {});
  }
}

const voteKey = (scope: string, person: string) => `tablica:votes:${scope}:${person}`;

function pairs(flat: string[]): Record<string, number> {
  const mine: Record<string, number> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) if (Number(flat[i + 1]) > 0) mine[flat[i]!] = Number(flat[i + 1]);
  return mine;
}
