/**
 * The session room's hooks. Check before apply: a host's update may only set known session fields
 * (shared/session.ts) to values their schemas accept, never a field only the server writes, and
 * nothing outside the session map. After apply, the server stamps what it owns: a running timer
 * gets the server's clock, a new step is added to the steps run, vote counts stay the server's,
 * and a finished vote or poll is filed for the summary note.
 */
import * as Y from 'yjs';
import { Attendance, KEY_PART, SESSION_FIELD_SCHEMAS, SESSION_MAP, SessionPrefix, StepsRun, TimerState, VoteState, sessionFieldSchema, type PollState, type VoteResults } from '../../shared/session';
import { CloseCode, CloseReason } from '../../shared/protocol';
import { WriteRule } from '../../shared/writeRules';
import { guardHostPoll, withPollFiled } from './polls';
import { isWriter, Origin } from './origin';
import type { Room } from './room';
import { ACCEPTED, type RoomHooks, type WriteVerdict } from './roomHooks';
import { ScratchCopy, type TrialCollector } from './scratch';

/**
 * Fields only the server writes: results, steps run, the note kept at closing, the attendance list
 * (hosts edit it through requests), the board's place in a network, the review it opened
 * with and the network's work plan as it stood, and every per-person and per-instance key.
 */
const SERVER_ONLY_FIELDS = ['voteResults', 'pollResults', 'stepsRun', 'closedSummary', 'closedAt', 'attendance', 'closedAttendance', 'network', 'review', 'workplan'];
const SERVER_ONLY_PREFIXES = Object.values(SessionPrefix);

export function isServerOnly(key: string): boolean {
  return SERVER_ONLY_FIELDS.includes(key) || SERVER_ONLY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

const collector: TrialCollector<Set<string>, Y.Map<unknown>> = {
  attach: (copy) => copy.getMap<unknown>(SESSION_MAP),
  begin(session) {
    const keys = new Set<string>();
    const onChange = (event: Y.YMapEvent<unknown>) => {
      for (const key of event.keysChanged) keys.add(key);
    };
    session.observe(onChange);
    return {
      end: () => {
        session.unobserve(onChange);
        return keys;
      },
    };
  },
};

const refuse = (reason: string): WriteVerdict => ({
  ok: false,
  rule: WriteRule.structure,
  reason,
  close: { code: CloseCode.malformedMessage, reason: CloseReason.invalidUpdate },
});

export function sessionCheck(room: Room): RoomHooks {
  const scratch = new ScratchCopy(room.doc, collector, (listener) => room.onUpdate(listener));
  const judge = (update: Uint8Array): WriteVerdict => {
    const trial = scratch.try(update);
    if (trial.failed || trial.pending || trial.newRoots.length > 0) return refuse('not an update of the session');
    for (const type of trial.changedTypes) if (type !== scratch.view) return refuse('only the session map is writable');
    for (const key of trial.collected) {
      if (isServerOnly(key)) return refuse('a field only the server writes');
      const schema = sessionFieldSchema(key);
      if (!schema) return refuse('an unknown session field');
      const value = scratch.view.get(key);
      if (value !== undefined && !schema.safeParse(value).success) return refuse('an invalid session value');
    }
    return ACCEPTED;
  };
  return {
    name: 'session-check',
    check(update) {
      const verdict = judge(update);
      if (!verdict.ok) scratch.discard();
      return verdict;
    },
    applying: (writer, apply) => scratch.commit(writer, apply),
    destroy: () => scratch.dispose(),
  };
}

/** The server's stamps on a host's (already checked) session write. */
export function sessionStamps(room: Room, now: () => number = Date.now): RoomHooks {
  const session = room.doc.getMap<unknown>(SESSION_MAP);
  const onChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (!isWriter(transaction.origin)) return;
    const fixes = new Map<string, unknown>();
    for (const [key, change] of event.changes.keys) {
      const schema = SESSION_FIELD_SCHEMAS[key];
      if (!schema || change.action === 'delete') continue;
      const parsed = schema.safeParse(session.get(key));
      if (!parsed.success) continue;
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
    }, Origin.session);
  };
  const observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => room.safely('session-stamps', () => onChange(event, transaction));
  return {
    name: 'session-stamps',
    load: () => {
      splitOldAttendance(room);
      session.observe(observer);
    },
    destroy: () => session.unobserve(observer),
  };
}

/**
 * Hosts start and end votes but never write counts (they are the instances' tallies): counts an
 * older board kept in the vote stay as they were, a new vote has none. Ending a vote files where
 * it was held under voteResults for the summary note, which sums its tallies.
 */
function guardVote(next: VoteState, previousValue: unknown, session: Y.Map<unknown>): [string, unknown][] {
  const fixes: [string, unknown][] = [];
  const previous = VoteState.safeParse(previousValue);
  const sameVote = previous.success && previous.data.id === next.id;
  const counts = sameVote ? previous.data.counts : undefined;
  if (JSON.stringify(next.counts) !== JSON.stringify(counts)) {
    const { counts: _forged, ...rest } = next;
    fixes.push(['vote', counts ? { ...rest, counts } : rest]);
  }
  if (sameVote && previous.data.state === 'open' && next.state === 'closed') {
    const results = { ...((session.get('voteResults') as VoteResults | undefined) ?? {}) };
    results[next.id] = { stepId: next.stepId, frameId: next.frameId, ...(counts ? { counts } : {}) };
    fixes.push(['voteResults', results]);
  }
  return fixes;
}

/**
 * A board stored before the attendance list was one key per person kept it as one whole value:
 * it is split into `attendance:<key>` entries when the room loads, so hosts can edit it.
 */
function splitOldAttendance(room: Room): void {
  const session = room.doc.getMap<unknown>(SESSION_MAP);
  if (!session.has('attendance')) return;
  const old = Attendance.safeParse(session.get('attendance'));
  room.doc.transact(() => {
    if (old.success) for (const [key, entry] of Object.entries(old.data)) if (KEY_PART.test(key) && !session.has(SessionPrefix.attendance + key)) session.set(SessionPrefix.attendance + key, entry);
    session.delete('attendance');
  }, Origin.load);
}
