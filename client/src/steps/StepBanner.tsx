/**
 * What everyone sees of the current step: its title, timebox, instructions and the countdown;
 * the view moves to the step's frame when a host moves the group on, and a "back" button appears
 * for anyone who has looked elsewhere.
 */
import { useEffect, useState } from 'react';
import { useValue } from 'tldraw';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { SoundToggle, TimerDisplay } from './Timer';
import { boardSteps, isStepInView, showStep } from './stepFrames';
import { usePhoneMode } from '../phone/phoneMode';
import { useBoardFormat } from './boardFormat';

export function StepBanner() {
  const { t, locale } = useI18n();
  const { editor, isHost, isProjector, role } = useBoardTools();
  // On a phone the banner starts folded to its one line: the canvas needs the room.
  const folded = usePhoneMode() && role === 'participant' && !isProjector;
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const formatId = useSessionField<string>('formatId');
  const [open, setOpen] = useState(!folded);
  const { format, loading } = useBoardFormat(formatId);
  const steps = useValue('steps', () => boardSteps(editor, format, locale), [editor, format, locale]);
  const step = steps.find((s) => s.id === currentStepId);
  const inView = useValue('step in view', () => (currentStepId ? isStepInView(editor, currentStepId) : true), [editor, currentStepId]);

  useEffect(() => {
    if (currentStepId) showStep(editor, currentStepId);
  }, [editor, currentStepId]);

  // The step's texts are on their way (a moment): nothing rather than a title without them.
  if (loading) return null;
  if (!step) {
    return isHost ? null : (
      <section className="step-banner" aria-label={t('currentStep')}>
        <p className="hint">{t('noStep')}</p>
      </section>
    );
  }
  return (
    <section className="step-banner" aria-label={t('currentStep')} data-step={step.id} data-open={open}>
      <div className="step-head">
        <h2>
          {step.id} {step.title}
          {step.minutes !== null && <span className="timebox"> · {step.minutes} min</span>}
        </h2>
        <TimerDisplay beeps />
        {!inView && folded && (
          <button type="button" className="back-short" title={t('backToStep')} onClick={() => showStep(editor, step.id)}>
            {t('backToStepShort')}
          </button>
        )}
        {!isHost && !isProjector && <SoundToggle />}
        {(step.instructions || step.goal) && (
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('instructions')}
          </button>
        )}
      </div>
      {open && step.instructions && <p className="step-instructions">{step.instructions}</p>}
      {!inView && !folded && (
        <button type="button" onClick={() => showStep(editor, step.id)}>
          {t('backToStep')}
        </button>
      )}
    </section>
  );
}
