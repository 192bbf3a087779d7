/**
 * The hosts' timer: a length they type (minutes or minutes:seconds), start, pause and resume,
 * one more minute, and a reset that asks first. A step change never touches it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { timerRemainingMs, type TimerState } from '../../../shared/session';
import { serverNow } from '../sync/serverClock';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { SoundToggle, TimerDisplay } from './Timer';
import { formatClock, parseTimerLength } from './timerLength';

export function TimerControls({ defaultMinutes }: { defaultMinutes: number | null }) {
  const { t } = useI18n();
  const { setSession } = useBoardTools();
  const timer = useSessionField<TimerState>('timer');
  // What the host typed; until then (and after a step change) the step's timebox.
  const [typed, setTyped] = useState<string | null>(null);
  useEffect(() => setTyped(null), [defaultMinutes]);
  const length = typed ?? formatClock((defaultMinutes ?? 10) * 60_000);
  const [invalid, setInvalid] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remaining = () => (timer ? timerRemainingMs(timer, serverNow()) : 0);
  const write = (state: TimerState['state'], remainingMs: number) =>
    // Whole milliseconds: the clock offset can make the time left fractional, and the server takes integers only.
    setSession('timer', { stepId: timer?.stepId ?? null, state, remainingMs: Math.max(0, Math.round(remainingMs)), startedAt: null } satisfies TimerState);
  const lengthMs = () => parseTimerLength(length);

  const set = (event: FormEvent) => {
    event.preventDefault();
    const ms = lengthMs();
    setInvalid(ms === null);
    if (ms !== null) write('idle', ms);
  };
  const started = timer !== undefined && timer.state !== 'idle';
  // Until the server's start time arrives, a change would race its stamp (and could be lost).
  const starting = timer?.state === 'running' && timer.startedAt === null;
  return (
    <section aria-labelledby="timer-heading" className="timer-controls">
      <h3 id="timer-heading">{t('timer')}</h3>
      <TimerDisplay showIdle />
      <form className="row wrap" onSubmit={set}>
        <label className="inline">
          {t('timerLength')}
          <input
            name="length"
            inputMode="numeric"
            size={6}
            value={length}
            aria-invalid={invalid}
            aria-describedby="timer-length-help"
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <button type="submit" className="secondary">
          {t('timerSet')}
        </button>
      </form>
      <p id="timer-length-help" className={invalid ? 'error' : 'hint'}>
        {t('timerLengthHelp')}
      </p>
      <div className="row wrap">
        {timer?.state === 'running' ? (
          <button type="button" disabled={starting} aria-describedby={starting ? 'timer-starting' : undefined} onClick={() => write('paused', remaining())}>
            {t('timerPause')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              const ms = timer ? remaining() : lengthMs();
              if (ms) write('running', ms);
            }}
          >
            {timer?.state === 'paused' ? t('timerResume') : t('timerStart')}
          </button>
        )}
        <button type="button" disabled={!started || starting} aria-describedby={!started ? 'timer-reset-why' : starting ? 'timer-starting' : undefined} onClick={() => timer && write(timer.state === 'running' ? 'running' : 'paused', remaining() + 60_000)}>
          {t('timerPlusMinute')}
        </button>
        {!confirming ? (
          <button type="button" className="secondary" disabled={!started || starting} aria-describedby={!started ? 'timer-reset-why' : starting ? 'timer-starting' : undefined} onClick={() => setConfirming(true)}>
            {t('timerReset')}
          </button>
        ) : (
          <span role="group" aria-label={t('timerResetConfirm')} className="row confirm">
            <span>{t('timerResetConfirm')}</span>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                write('idle', lengthMs() ?? (defaultMinutes ?? 10) * 60_000);
              }}
            >
              {t('timerResetYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </span>
        )}
      </div>
      {!started && (
        <p id="timer-reset-why" className="hint">
          {t('timerResetWhy')}
        </p>
      )}
      {starting && (
        <p id="timer-starting" className="hint" role="status">
          {t('timerStarting')}
        </p>
      )}
      <SoundToggle />
    </section>
  );
}
