/**
 * The session's merged state for the screen: a vote's counts and a poll's answers summed over every
 * instance's tally, the attendance list from its per-person keys (shared/sessionTotals.ts).
 */
import { useEffect, useState } from 'react';
import type { Attendance, PollState, VoteState } from '../../../shared/session';
import { attendanceOf, pollAnswers, voteCounts } from '../../../shared/sessionTotals';
import { useBoardTools } from './BoardContext';

/** Re-reads `read` from the whole session whenever it changes; the same JSON keeps the same value. */
function useSessionRead<T>(read: (session: Record<string, unknown>) => T, key: string): T {
  const { sessionMap } = useBoardTools();
  const [value, setValue] = useState<T>(() => read(sessionMap.toJSON()));
  useEffect(() => {
    let last = '';
    const update = () => {
      const next = read(sessionMap.toJSON());
      const text = JSON.stringify(next);
      if (text === last) return;
      last = text;
      setValue(next);
    };
    update();
    sessionMap.observe(update);
    return () => sessionMap.unobserve(update);
  }, [sessionMap, key]);
  return value;
}

export function useVoteCounts(vote: VoteState | undefined): Record<string, number> {
  return useSessionRead((session) => (vote ? voteCounts(session, vote.id, vote.counts) : {}), `${vote?.id}`);
}

export function usePollAnswers(poll: PollState | undefined): PollState | undefined {
  return useSessionRead((session) => (poll ? pollAnswers(session, poll) : undefined), JSON.stringify(poll ?? null));
}

export function useAttendance(): Attendance {
  return useSessionRead(attendanceOf, 'attendance');
}
