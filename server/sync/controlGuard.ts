/**
 * The session guard: host writes to the control room are checked field by field against the
 * shared schemas (a bad one is reverted before it is relayed), and a running timer is stamped
 * with the server's clock so every device counts down from the same instant.
 */
import * as Y from 'yjs';
import { SESSION_FIELD_SCHEMAS, SESSION_MAP, StepsRun, TimerState, VoteState, type PollState, type VoteResults } from '../../shared/session';
import { guardHostPoll, withPollFiled } from './polls';
import { Connection } from './connection';
import type { Room } from './room';

export const SESSION_GUARD_ORIGIN = Symbol('session-guard');

/** Fields only the server writes; a connection's write to them is reverted. */
const SERVER_ONLY_FIELDS = ['voteResults', 'pollResults', 'stepsRun', 'closedSummary', 'closedAt'];

export function installControlGuard(room: Room, now: () => number = Date.now): void {
  const session = room.doc.getMap<unknown>(SESSION_MAP);
  const onChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (!(transaction.origin instanceof Connection)) return;
    const fixes = new Map<string, unknown>();
    for (const [key, change] of event.changes.keys) {
      if (SERVER_ONLY_FIELDS.includes(key)) {
        if (!fixes.has(key)) fixes.set(key, change.oldValue);
        continue;
      }
      const schema = SESSION_FIELD_SCHEMAS[key];
      if (!schema || change.action === 'delete') continue;
      const value = session.get(key);
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        fixes.set(key, change.oldValue);
        continue;
      }
      if (key === 'currentStepId' && typeof parsed.data === 'string') {
        const run = StepsRun.safeParse(fixes.get('stepsRun') ?? session.get('stepsRun') ?? []);
        const steps = run.success ? run.data : [];
        if (!steps.some((s) => s.stepId === parsed.data)) fixes.set('stepsRun', [...steps, { stepId: parsed.data, at: new Date(now()).toISOString() }]);
      }
      if (key === 'poll') {
        const safe = guardHostPoll(parsed.data as PollState, change.oldValue);
        if (JSON.stringify(safe) !== JSON.stringify(parsed.data)) fixes.set('poll', safe);
        fixes.set('pollResults', withPollFiled(fixes.get('pollResults') ?? session.get('pollResults'), safe));
      }
      if (key === 'vote') for (const [field, value] of guardVote(parsed.data as VoteState, change.oldValue, session)) fixes.set(field, value);
      if (key === 'timer') {
        const timer = parsed.data as TimerState;
        const startedAt = timer.state === 'running' ? now() : null;
        if (timer.startedAt !== startedAt) fixes.set(key, { ...timer, startedAt });
      }
    }
    if (fixes.size === 0) return;
    room.doc.transact(() => {
      for (const [key, value] of fixes) {
        if (value === undefined) session.delete(key);
        else session.set(key, value);
      }
    }, SESSION_GUARD_ORIGIN);
  };
  session.observe(onChange);
  room.onDestroy(() => session.unobserve(onChange));
}

/**
 * Hosts start and end votes but never write counts: a new vote starts with none, an existing one
 * keeps the server's. Ending a vote files its counts under voteResults for the summary note.
 */
function guardVote(next: VoteState, previousValue: unknown, session: Y.Map<unknown>): [string, unknown][] {
  const fixes: [string, unknown][] = [];
  const previous = VoteState.safeParse(previousValue);
  const sameVote = previous.success && previous.data.id === next.id;
  const counts = sameVote ? previous.data.counts : {};
  if (JSON.stringify(next.counts) !== JSON.stringify(counts)) fixes.push(['vote', { ...next, counts }]);
  if (sameVote && previous.data.state === 'open' && next.state === 'closed') {
    const results = { ...((session.get('voteResults') as VoteResults | undefined) ?? {}) };
    results[next.id] = { stepId: next.stepId, frameId: next.frameId, counts };
    fixes.push(['voteResults', results]);
  }
  return fixes;
}
