/** For the hosts, in the current step: how many have voted, answered, and how many notes are held in private writing. */
import type { PollState, PrivateModeState, VoteState } from '../../../shared/session';
import { useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { useWorkCounts } from '../sync/workCounts';
import { usePollAnswers } from '../board/useSessionTotals';

export function LiveCounters() {
  const { t } = useI18n();
  const counts = useWorkCounts();
  const vote = useSessionField<VoteState>('vote');
  // Answers are every instance's tallies, summed (the poll field itself holds none).
  const poll = usePollAnswers(useSessionField<PollState>('poll'));
  const mode = useSessionField<PrivateModeState>('privateMode');
  const rows: [string, string][] = [];
  if (mode?.state === 'on') rows.push([t('countHeld'), `${counts.heldNotes} (${t('countFromPeople')}: ${counts.heldPeople})`]);
  if (vote?.state === 'open') rows.push([t('countVoted'), `${counts.votedIn(vote.id)} / ${counts.participants}`]);
  if (poll?.state === 'open') rows.push([t('countAnswered'), `${poll.answered} / ${counts.participants}`]);
  if (rows.length === 0) return null;
  return (
    <dl className="live-counters" aria-label={t('countsHeading')} aria-live="polite">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
