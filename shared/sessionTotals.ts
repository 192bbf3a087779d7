/**
 * Reading the session's merged state: the attendance list from its per-person keys, a vote's
 * counts and a poll's answers summed over every instance's tally. The client, the summary note
 * and the report read them through here; older boards' whole values are added in.
 */
import { Attendance, AttendanceEntry, PollTally, SessionPrefix, VoteTally, type PollState } from './session';

type Session = Record<string, unknown>;

/** Every attendance entry by key: the per-person keys, and an older board's whole `attendance` value. */
export function attendanceOf(session: Session): Attendance {
  const legacy = Attendance.safeParse(session.attendance ?? {});
  const list: Attendance = legacy.success ? { ...legacy.data } : {};
  for (const [key, value] of Object.entries(session)) {
    if (!key.startsWith(SessionPrefix.attendance)) continue;
    const entry = AttendanceEntry.safeParse(value);
    if (entry.success) list[key.slice(SessionPrefix.attendance.length)] = entry.data;
  }
  return list;
}

/** A vote's counts by note: the sum of every instance's tally (and counts kept the older way). */
export function voteCounts(session: Session, voteId: string, legacy: Record<string, number> = {}): Record<string, number> {
  const totals: Record<string, number> = { ...legacy };
  const prefix = `${SessionPrefix.voteTally}${voteId}:`;
  for (const [key, value] of Object.entries(session)) {
    if (!key.startsWith(prefix)) continue;
    const tally = VoteTally.safeParse(value);
    if (!tally.success) continue;
    for (const [noteId, n] of Object.entries(tally.data)) totals[noteId] = (totals[noteId] ?? 0) + n;
  }
  for (const [noteId, n] of Object.entries(totals)) if (n <= 0) delete totals[noteId];
  return totals;
}

/** A poll with its answers summed over every instance's tally (texts sorted, so no order of arrival shows). */
export function pollAnswers<P extends PollState>(session: Session, poll: P): P {
  const slots = poll.kind === 'scale' ? 5 : poll.kind === 'text' ? 0 : poll.options.length;
  const counts = Array.from({ length: slots }, (_, i) => poll.counts[i] ?? 0);
  const texts = [...poll.texts];
  let answered = poll.answered;
  const prefix = `${SessionPrefix.pollTally}${poll.id}:`;
  for (const [key, value] of Object.entries(session)) {
    if (!key.startsWith(prefix)) continue;
    const tally = PollTally.safeParse(value);
    if (!tally.success) continue;
    tally.data.counts.forEach((n, i) => {
      if (i < slots) counts[i] = (counts[i] ?? 0) + n;
    });
    texts.push(...tally.data.texts);
    answered += tally.data.answered;
  }
  return { ...poll, counts, texts: texts.sort((a, b) => a.localeCompare(b)), answered };
}
