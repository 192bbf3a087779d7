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
  /** Forgets everything about a board's votes and polls (when its meeting is closed, rule R5). */
  forgetBoard(boardId: string): Promise<void>;
}

/** How long a person's allocation is remembered after their last vote, and an answered poll. */
export const LEDGER_TTL_SECONDS = 24 * 3600;

/** One process's ledger, for a single instance (no REDIS_URL); entries expire as Redis's do. */
export class MemoryLedger implements Ledger {
  readonly #votes = new Map<string, { mine: Map<string, number>; at: number }>();
  readonly #answered = new Map<string, number>();
  #lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.#lastSweep = now();
  }

  async vote(scope: string, person: string, noteId: string, limits: VoteLimits): Promise<{ outcome: VoteOutcome; mine: Record<string, number> }> {
    this.#sweep();
    const key = `${scope}\u0000${person}`;
    let entry = this.#votes.get(key);
    if (!entry) this.#votes.set(key, (entry = { mine: new Map(), at: this.now() }));
    const outcome = applyVote(entry.mine, noteId, limits);
    if (outcome === 'ok') entry.at = this.now();
    return { outcome, mine: Object.fromEntries(entry.mine) };
  }

  async allocation(scope: string, person: string): Promise<Record<string, number>> {
    return Object.fromEntries(this.#votes.get(`${scope}\u0000${person}`)?.mine ?? []);
  }

  async answerOnce(scope: string, person: string): Promise<boolean> {
    this.#sweep();
    const key = `${scope}\u0000${person}`;
    if (this.#answered.has(key)) return false;
    this.#answered.set(key, this.now());
    return true;
  }

  async forgetBoard(boardId: string): Promise<void> {
    const prefix = `${boardId}:`;
    for (const key of this.#votes.keys()) if (key.startsWith(prefix)) this.#votes.delete(key);
    for (const key of this.#answered.keys()) if (key.startsWith(prefix)) this.#answered.delete(key);
  }

  /** Drops what is older than the time to live, at most once a minute. */
  #sweep(): void {
    const now = this.now();
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    const oldest = now - LEDGER_TTL_SECONDS * 1000;
    for (const [key, entry] of this.#votes) if (entry.at < oldest) this.#votes.delete(key);
    for (const [key, at] of this.#answered) if (at < oldest) this.#answered.delete(key);
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
