/** The one-instance ledger: budget, cap, taking back, answered once, and forgetting after its time to live. */
import { describe, expect, it } from 'vitest';
import { LEDGER_TTL_SECONDS, MemoryLedger } from '../../server/people/ledger';

describe('the memory ledger', () => {
  it('holds a budget and a per-note cap, and takes back only what was given', async () => {
    const ledger = new MemoryLedger();
    const limits = { delta: 1 as const, budget: 2, cap: 1 };
    expect((await ledger.vote('b:v', 'p', 'n1', limits)).outcome).toBe('ok');
    expect((await ledger.vote('b:v', 'p', 'n1', limits)).outcome).toBe('cap');
    expect((await ledger.vote('b:v', 'p', 'n2', limits)).outcome).toBe('ok');
    expect((await ledger.vote('b:v', 'p', 'n3', limits)).outcome).toBe('budget');
    expect((await ledger.vote('b:v', 'p', 'n3', { ...limits, delta: -1 })).outcome).toBe('nothing');
    expect(await ledger.vote('b:v', 'p', 'n1', { ...limits, delta: -1 })).toEqual({ outcome: 'ok', mine: { n2: 1 } });
    // Another person, another vote: budgets of their own.
    expect((await ledger.vote('b:v', 'q', 'n1', limits)).outcome).toBe('ok');
    expect(await ledger.allocation('b:other', 'p')).toEqual({});
  });

  it('lets a person answer a poll once, and forgets after the time to live', async () => {
    let now = 1_000_000;
    const ledger = new MemoryLedger(() => now);
    expect(await ledger.answerOnce('b:poll:p1', 'p')).toBe(true);
    expect(await ledger.answerOnce('b:poll:p1', 'p')).toBe(false);
    expect(await ledger.answerOnce('b:poll:p2', 'p')).toBe(true);
    now += LEDGER_TTL_SECONDS * 1000 + 120_000;
    expect(await ledger.answerOnce('b:poll:p1', 'p')).toBe(true);
  });
});
