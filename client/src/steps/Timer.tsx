/** The step's countdown: the same for everyone (server time), with a time-up signal. */
import { useEffect, useRef } from 'react';
import { timerRemainingMs, type TimerState } from '../../../shared/session';
import { serverNow } from '../sync/serverClock';
import { useSessionField, useTick } from '../board/BoardContext';
import { useI18n } from '../i18n';

export function formatDuration(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function TimerDisplay({ sound = false }: { sound?: boolean }) {
  const { t } = useI18n();
  const timer = useSessionField<TimerState>('timer');
  useTick(timer?.state === 'running');
  const remaining = timer ? timerRemainingMs(timer, serverNow()) : 0;
  const timeUp = timer?.state === 'running' && remaining === 0;
  const beeped = useRef(false);
  useEffect(() => {
    if (!timeUp) {
      beeped.current = false;
      return;
    }
    if (sound && !beeped.current) {
      beeped.current = true;
      beep();
    }
  }, [timeUp, sound]);
  if (!timer || timer.state === 'idle') return null;
  return (
    <div className={`timer${timeUp ? ' time-up' : ''}`} role="timer" aria-live={timeUp ? 'assertive' : 'off'} data-state={timer.state}>
      <span className="timer-value">{formatDuration(remaining)}</span>
      {timeUp && <span className="timer-up">{t('timeUp')}</span>}
    </div>
  );
}

function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.8);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.8);
  } catch {
    // No sound on this device: the visual signal stays.
  }
}
