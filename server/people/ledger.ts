/**
 * The vote and poll ledger: each person's budget and "answered once", checked and changed in one
 * atomic step. The person is a digest (of a personal link's person id, or of a device id on the
 * shared link); what a person gave which note lives only here — in this process's memory, or in
 * Redis with a time to live when several instances share the board — never in a document or on disk
 * of Tablica's own.
 */
export type VoteOutcome = 'ok' | 'budget' | 'cap' | 'nothing';

export interface VoteLimits {
  /** +1 gives a vote, -1 takes one back. */
  delta: 1 | -1;
  budget: number;
  /** The most one person may give one note; null for none. */
  cap: number | null;
}

export interface Ledger {
  /** Gives or takes back one vote of `person` on `noteId` in the vote `scope`, if the limits allow. */
  vote(scope: string, person: string, noteId: string, limits: VoteLimits): Promise<{ outcome: VoteOutcome; mine: Record<string, number> }>;
  /** What `person` has given in the vote `scope`, by note. */
  allocation(scope: string, person: string): Promise<Record<string, number>>;
  /** True the first time `person` answers the poll `scope`; false ever after. */
  answerOnce(scope: string, person: string): Promise<boolean>;
}

/** How long a person's allocation is remembered after their last vote, and an answered poll. */
export const LEDGER_TTL_SECONDS = 24 * 3600;

/** One process's ledger, for a single instance (no REDIS_URL). */
export class MemoryLedger implements Ledger {
  readonly #votes = new Map<string, Map<string, number>>();
  readonly #answered = new Set<string>();

  async vote(scope: string, person: string, noteId: string, limits: VoteLimits): Promise<{ outcome: VoteOutcome; mine: Record<string, number> }> {
    const key = `${scope}\u0000${person}`;
    let mine = this.#votes.get(key);
    if (!mine) this.#votes.set(key, (mine = new Map()));
    const outcome = applyVote(mine, noteId, limits);
    return { outcome, mine: Object.fromEntries(mine) };
  }

  async allocation(scope: string, person: string): Promise<Record<string, number>> {
    return Object.fromEntries(this.#votes.get(`${scope}\u0000${person}`) ?? []);
  }

  async answerOnce(scope: string, person: string): Promise<boolean> {
    const key = `${scope}\u0000${person}`;
    if (this.#answered.has(key)) return false;
    this.#answered.add(key);
    return true;
  }

  /** Forgets a vote's or poll's allocations (when it is over), by scope prefix. */
  forget(scopePrefix: string): void {
    for (const key of this.#votes.keys()) if (key.startsWith(scopePrefix)) this.#votes.delete(key);
    for (const key of this.#answered) if (key.startsWith(scopePrefix)) this.#answered.delete(key);
  }
}

/** The budget and cap check, on one person's allocation (changed in place when allowed). */
export function applyVote(mine: Map<string, number>, noteId: string, { delta, budget, cap }: VoteLimits): VoteOutcome {
  const given = mine.get(noteId) ?? 0;
  if (delta === 1) {
    let total = 0;
    for (const n of mine.values()) total += n;
    if (total >= budget) return 'budget';
    if (cap !== null && given >= cap) return 'cap';
  } else if (given === 0) {
    return 'nothing';
  }
  if (given + delta === 0) mine.delete(noteId);
  else mine.set(noteId, given + delta);
  return 'ok';
}
