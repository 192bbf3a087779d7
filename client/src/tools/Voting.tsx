/**
 * Dot voting. Hosts start a vote on the current step's frame (N votes a person, an optional cap
 * per note), end it, and mark the top notes as agreed. Everyone else gives and takes back votes
 * on the notes with + and −; the server checks each request against the budget and keeps only
 * counts. The results appear on the notes, ranked, once the vote has ended.
 */
import { useEffect, useState } from 'react';
import { useValue, type TLShapeId } from 'tldraw';
import type { VoteState } from '../../../shared/session';
import type { ServerReply } from '../../../shared/requests';
import { useBoardTools, useCanvasAwareness, useSessionField } from '../board/BoardContext';
import { reportWork } from '../sync/workCounts';
import { useI18n } from '../i18n';
import { refusalMessage } from '../refusals';
import { stepFrameOf } from '../steps/stepFrames';
import { SUMMARY_LABELS } from '../../../shared/summary/labels';
import { useVoteCounts } from '../board/useSessionTotals';
import { MarkTop } from './MarkTop';
import { usePhoneMode } from '../phone/phoneMode';
import { VoteList, VoteResultList } from '../phone/VoteList';

/** The notes on the ballot, with where they are on the screen. */
function useBallot(vote: VoteState | undefined) {
  const { editor } = useBoardTools();
  return useValue(
    'ballot',
    () => {
      if (!vote) return [];
      return editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'note' && editor.hasAncestor(s.id, vote.frameId as TLShapeId))
        .flatMap((s) => {
          const bounds = editor.getShapePageBounds(s.id);
          if (!bounds) return [];
          const at = editor.pageToViewport({ x: bounds.midX, y: bounds.maxY });
          return [{ id: s.id as string, x: at.x, y: at.y }];
        });
    },
    [editor, vote?.frameId],
  );
}

export function VoteOverlay() {
  const { t, locale } = useI18n();
  const tools = useBoardTools();
  const awareness = useCanvasAwareness();
  const vote = useSessionField<VoteState>('vote');
  const ballot = useBallot(vote);
  const counts = useVoteCounts(vote);
  const [mine, setMine] = useState<{ voteId: string; mine: Record<string, number>; left: number } | null>(null);
  const [error, setError] = useState('');
  const open = vote?.state === 'open';
  // A participant's phone votes on a list: pills over every note merge into one row at its zoom.
  const asList = usePhoneMode() && tools.role === 'participant' && !tools.isProjector;

  const handle = (reply: ServerReply) => {
    if (reply.t === 'my-votes') {
      setMine({ voteId: reply.voteId, mine: reply.mine, left: reply.left });
      reportWork(awareness, 'votedIn', Object.values(reply.mine).some((n) => n > 0) ? reply.voteId : null);
      setError('');
    } else if (reply.t === 'refused') setError(t(refusalMessage(reply.reason)));
  };
  useEffect(() => {
    if (open && tools.role !== 'observer' && !tools.isProjector) void tools.request({ t: 'my-votes', voter: tools.personId, voteId: vote!.id }).then(handle);
  }, [open, vote?.id]);

  if (!vote) return null;
  if (!open) {
    const ranked = Object.entries(counts).sort(([, a], [, b]) => b - a);
    if (asList) return <VoteResultList noteIds={ballot.map((n) => n.id)} counts={counts} />;
    return (
      <>
        {ballot.map((note) => {
          const count = counts[note.id] ?? 0;
          const rank = ranked.findIndex(([id]) => id === note.id) + 1;
          return (
            <span key={note.id} className="vote-result" style={{ left: note.x, top: note.y }} data-note={note.id} data-count={count}>
              {rank > 0 ? `#${rank} · ` : ''}
              {SUMMARY_LABELS[locale].votes(count)}
            </span>
          );
        })}
      </>
    );
  }
  if (tools.role === 'observer' || tools.isProjector) return null;
  const cast = (noteId: string, delta: 1 | -1) => void tools.request({ t: 'vote', voter: tools.personId, voteId: vote.id, noteId, delta }).then(handle);
  const current = mine?.voteId === vote.id ? mine : null;
  if (asList) return <VoteList noteIds={ballot.map((n) => n.id)} votes={current} budget={vote.votesPerPerson} error={error} onCast={cast} />;
  return (
    <>
      <div className="vote-status" role="status">
        <strong>{t('voting')}</strong> · {t('votesLeft')}: <span data-testid="votes-left">{current?.left ?? vote.votesPerPerson}</span>
        <span className="hint"> — {t('voteHelp')}</span>
        {error && <span className="error"> {error}</span>}
      </div>
      {ballot.map((note) => (
        <span key={note.id} className="vote-buttons" style={{ left: note.x, top: note.y }} data-note={note.id}>
          <button type="button" aria-label={`${t('voteRemove')}`} onClick={() => cast(note.id, -1)} disabled={!current?.mine[note.id]}>
            −
          </button>
          <span className="mine">{current?.mine[note.id] ?? 0}</span>
          <button type="button" aria-label={`${t('voteAdd')}`} onClick={() => cast(note.id, 1)} disabled={current?.left === 0}>
            +
          </button>
        </span>
      ))}
    </>
  );
}

export function VotingControls() {
  const { t } = useI18n();
  const { editor, setSession } = useBoardTools();
  const vote = useSessionField<VoteState>('vote');
  const counts = useVoteCounts(vote);
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const [perPerson, setPerPerson] = useState(3);
  const [cap, setCap] = useState('');
  const start = () => {
    const frameId = currentStepId ? stepFrameOf(editor, currentStepId) : undefined;
    if (!frameId) return;
    setSession('vote', {
      id: crypto.randomUUID(),
      stepId: currentStepId,
      frameId,
      votesPerPerson: perPerson,
      capPerNote: cap ? Number(cap) : null,
      state: 'open',
    } satisfies VoteState);
  };
  return (
    <section aria-labelledby="voting-heading">
      <h3 id="voting-heading">{t('voting')}</h3>
      {vote?.state === 'open' ? (
        <button type="button" onClick={() => setSession('vote', { ...vote, state: 'closed' })}>
          {t('voteEnd')}
        </button>
      ) : (
        <div className="vote-form">
          <label>
            {t('votesPerPerson')}
            <input type="number" min={1} max={50} value={perPerson} onChange={(e) => setPerPerson(Math.max(1, Number(e.target.value) || 1))} />
          </label>
          <label>
            {t('capPerNote')}
            <input type="number" min={1} max={50} value={cap} onChange={(e) => setCap(e.target.value)} />
          </label>
          <button type="button" disabled={!currentStepId} onClick={start}>
            {t('voteStart')}
          </button>
          {vote?.state === 'closed' && <MarkTop vote={vote} />}
        </div>
      )}
    </section>
  );
}
