/**
 * The step's countdown: the same for everyone (server time), with a time-up signal, and the
 * sound at the end on the devices that allowed it.
 */
import { useEffect, useRef } from 'react';
import { timerRemainingMs, type TimerState } from '../../../shared/session';
import { serverNow } from '../sync/serverClock';
import { useSessionField, useTick } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { formatClock } from './timerLength';
import { beep, useSoundAllowed } from './timerSound';

/**
 * `beeps`: this display plays the sound (one display a page does: the step banner's).
 * `showIdle`: shows a set but not yet started timer (to hosts).
 */
export function TimerDisplay({ beeps = false, showIdle = false }: { beeps?: boolean; showIdle?: boolean }) {
  const { t } = useI18n();
  const timer = useSessionField<TimerState>('timer');
  const [sound] = useSoundAllowed();
  useTick(timer?.state === 'running');
  const remaining = timer ? timerRemainingMs(timer, serverNow()) : 0;
  const timeUp = timer?.state === 'running' && remaining === 0;
  const beeped = useRef(false);
  useEffect(() => {
    if (!timeUp) {
      beeped.current = false;
      return;
    }
    if (beeps && sound && !beeped.current) {
      beeped.current = true;
      beep();
    }
  }, [timeUp, sound, beeps]);
  if (!timer || (timer.state === 'idle' && !showIdle)) return null;
  return (
    <div className={`timer${timeUp ? ' time-up' : ''}`} role="timer" aria-live={timeUp ? 'assertive' : 'off'} data-state={timer.state}>
      <span className="timer-value">{formatClock(remaining)}</span>
      {timer.state === 'paused' && <span className="timer-paused">{t('timerPaused')}</span>}
      {timeUp && <span className="timer-up">{t('timeUp')}</span>}
    </div>
  );
}

/** Everyone's own choice: a sound at the end of the time on this device. */
export function SoundToggle() {
  const { t } = useI18n();
  const [sound, setSound] = useSoundAllowed();
  return (
    <label className="check sound-toggle">
      <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} /> {t('sound')}
    </label>
  );
}
