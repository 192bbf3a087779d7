/**
 * Live polls: a host asks (single or multiple choice, a 1–5 scale, a short text), participants
 * answer on their device — the server keeps counts and texts, never who answered what — and the
 * results show as bars (or grouped texts) for everyone when a host shows them.
 */
import { useState, type FormEvent } from 'react';
import { createShapeId, toRichText } from 'tldraw';
import { pollSlots, type PollState } from '../../../shared/session';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { refusalMessage } from '../refusals';
import { stepFrameOf } from '../steps/stepFrames';
import { usePollAnswers } from '../board/useSessionTotals';

export function pollRows(poll: PollState): { label: string; count: number }[] {
  return poll.counts.map((count, i) => ({ label: poll.kind === 'scale' ? String(i + 1) : (poll.options[i] ?? ''), count }));
}

export function PollResults({ poll }: { poll: PollState }) {
  const { t } = useI18n();
  const rows = pollRows(poll);
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <figure className="poll-results" aria-label={poll.question} data-poll={poll.id}>
      <figcaption>
        {poll.question} <span className="hint">({t('pollAnswered')}: {poll.answered})</span>
      </figcaption>
      {poll.kind === 'text' ? (
        <ul className="poll-texts">
          {poll.texts.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      ) : (
        <ul className="poll-bars">
          {rows.map((row, i) => (
            <li key={i} data-label={row.label} data-count={row.count}>
              <span className="bar-label">{row.label}</span>
              <span className="bar" style={{ width: `${(row.count / max) * 100}%` }} />
              <span className="bar-count">{row.count}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** What participants see: the question to answer, then the results when a host shows them. */
export function PollCard() {
  const { t } = useI18n();
  const tools = useBoardTools();
  // The answers are every instance's tallies, summed.
  const poll = usePollAnswers(useSessionField<PollState>('poll'));
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const pinned = useSessionField<string | null>('pollPinned') ?? null;
  const [answered, setAnswered] = useState<string | null>(null);
  const [error, setError] = useState('');
  // A card someone has answered may be put away; results shown again, or a new poll, bring it back.
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!poll) return null;
  // Results stay with the step the poll was asked in, unless a host pins them.
  const showResults = poll.shown && (poll.stepId === null || poll.stepId === currentStepId || pinned === poll.id);
  const canAnswer = poll.state === 'open' && answered !== poll.id && tools.role !== 'observer' && !tools.isProjector;
  if (!showResults && !canAnswer && answered !== poll.id) return null;
  const cardKey = `${poll.id}:${showResults}`;
  if (!canAnswer && dismissed === cardKey) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const base = { t: 'poll-answer' as const, person: tools.personId, pollId: poll.id };
    const request =
      poll.kind === 'text'
        ? { ...base, text: String(form.get('text') ?? '') }
        : poll.kind === 'scale'
          ? { ...base, scale: Number(form.get('scale')) }
          : { ...base, choices: form.getAll('choice').map(Number) };
    const reply = await tools.request(request);
    if (reply.t === 'ok' || (reply.t === 'refused' && reply.reason === 'you have answered this poll already')) {
      setAnswered(poll.id);
      setError('');
    } else if (reply.t === 'refused') setError(t(refusalMessage(reply.reason)));
  };

  return (
    <section className="poll-card" aria-label={t('poll')}>
      {canAnswer ? (
        <form onSubmit={(e) => void submit(e)}>
          <fieldset>
            <legend>{poll.question}</legend>
            {poll.kind === 'text' && <textarea name="text" required maxLength={280} aria-label={poll.question} />}
            {poll.kind === 'scale' && (
              <div className="row">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className="check">
                    <input type="radio" name="scale" value={n} required /> {n}
                  </label>
                ))}
              </div>
            )}
            {(poll.kind === 'single' || poll.kind === 'multiple') &&
              poll.options.map((option, i) => (
                <label key={i} className="check">
                  <input type={poll.kind === 'single' ? 'radio' : 'checkbox'} name="choice" value={i} required={poll.kind === 'single'} /> {option}
                </label>
              ))}
          </fieldset>
          <button type="submit">{t('pollSend')}</button>
          {error && <p className="error">{error}</p>}
        </form>
      ) : (
        answered === poll.id && !showResults && <p>{t('pollThanks')}</p>
      )}
      {showResults && <PollResults poll={poll} />}
      {!canAnswer && (
        <button type="button" className="link dismiss" onClick={() => setDismissed(cardKey)}>
          {t('dismiss')}
        </button>
      )}
    </section>
  );
}

export function PollControls() {
  const { t, locale } = useI18n();
  const { editor, setSession } = useBoardTools();
  const poll = useSessionField<PollState>('poll');
  const answers = usePollAnswers(poll);
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const pinned = useSessionField<string | null>('pollPinned') ?? null;
  // Options only for the kinds that have them: a scale is 1–5, a short answer is free text.
  const [kind, setKind] = useState<PollState['kind']>('scale');
  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kind = String(form.get('kind')) as PollState['kind'];
    const options = String(form.get('options') ?? '')
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean)
      .slice(0, 20);
    const next: PollState = { id: crypto.randomUUID(), stepId: currentStepId, question: String(form.get('question')).trim(), kind, options, state: 'open', counts: [], texts: [], answered: 0, shown: false, agreed: false };
    setSession('poll', { ...next, counts: new Array(pollSlots(next)).fill(0) });
    event.currentTarget.reset();
  };
  const keepAsShape = () => {
    if (!poll || !answers) return;
    const frameId = currentStepId ? stepFrameOf(editor, currentStepId) : undefined;
    const lines = answers.kind === 'text' ? answers.texts.map((x) => `• ${x}`) : pollRows(answers).map((r) => `${r.label}: ${'█'.repeat(r.count)} ${r.count}`);
    editor.createShape({
      id: createShapeId(),
      type: 'text',
      ...(frameId ? { parentId: frameId, x: 40, y: 200 } : { x: editor.getViewportPageBounds().midX, y: editor.getViewportPageBounds().midY }),
      props: { richText: toRichText([poll.question, ...lines].join('\n')), size: 's', autoSize: true },
      meta: {},
    });
  };
  return (
    <section aria-labelledby="poll-heading">
      <h3 id="poll-heading">{t('poll')}</h3>
      {poll && (
        <div className="row wrap">
          <span className="hint">
            {poll.question} — {t('pollAnswered')}: {answers?.answered ?? poll.answered}
          </span>
          {poll.state === 'open' && (
            <button type="button" onClick={() => setSession('poll', { ...poll, state: 'closed' })}>
              {t('pollClose')}
            </button>
          )}
          <button type="button" onClick={() => setSession('poll', { ...poll, shown: !poll.shown })}>
            {poll.shown ? t('pollHide') : t('pollShow')}
          </button>
          <button type="button" onClick={() => setSession('poll', { ...poll, agreed: !poll.agreed })}>
            {poll.agreed ? t('pollUnmarkAgreed') : t('pollMarkAgreed')}
          </button>
          <button type="button" aria-pressed={pinned === poll.id} onClick={() => setSession('pollPinned', pinned === poll.id ? null : poll.id)}>
            {t('pollPin')}
          </button>
          <button type="button" onClick={keepAsShape}>
            {t('pollKeep')}
          </button>
        </div>
      )}
      <form className="vote-form" onSubmit={ask} lang={locale}>
        <label>
          {t('pollQuestion')}
          <input name="question" required maxLength={300} />
        </label>
        <label>
          {t('pollKind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as PollState['kind'])}>
            <option value="scale">{t('pollScale')}</option>
            <option value="single">{t('pollSingle')}</option>
            <option value="multiple">{t('pollMultiple')}</option>
            <option value="text">{t('pollText')}</option>
          </select>
        </label>
        {(kind === 'single' || kind === 'multiple') && (
          <label>
            {t('pollOptions')}
            <textarea name="options" rows={3} required />
          </label>
        )}
        <button type="submit">{t('pollAsk')}</button>
      </form>
    </section>
  );
}
