/**
 * One step of the run sheet: its title (a button that takes the group there), time, goal,
 * instruction and the hosts' tip; the current step's card is open and holds the step's tools
 * (timer, private writing, vote, poll, actions), the others are folded until a host opens them.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import type { StepInfo } from './stepFrames';
import { TimerControls } from './TimerControls';
import { PrivateModeControls } from '../tools/PrivateMode';
import { VotingControls } from '../tools/Voting';
import { PollControls } from '../tools/Polls';
import { ActionForm } from '../tools/ActionForm';
import { NETWORK_STEP_IDS } from '../../../shared/network/reviewLayout';
import { LiveCounters } from './LiveCounters';

export function StepCard({ step, current, cleared, onGo }: { step: StepInfo; current: boolean; cleared: boolean; onGo(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(current);
  useEffect(() => setOpen(current), [current]);
  const bodyId = `step-card-${step.id.replace(/\W/g, '-')}`;
  const hasText = Boolean(step.goal || step.instructions || step.tip);
  return (
    <li className={`step-card${current ? ' current' : ''}`} data-step={step.id}>
      <div className="step-card-head">
        <button type="button" className="step-go" aria-current={current ? 'step' : undefined} onClick={onGo}>
          {/* A network meeting's own steps (review, plan) have no number. */}
          {!NETWORK_STEP_IDS.includes(step.id) && <span className="step-id">{step.id}</span>} {step.title}
          {step.minutes !== null && <span className="timebox"> · {step.minutes} min</span>}
          {cleared && <span className="step-cleared"> · {t('stepCleared')}</span>}
        </button>
        {(hasText || current) && (
          <button type="button" className="link fold" aria-expanded={open} aria-controls={bodyId} aria-label={`${open ? t('foldStep') : t('unfoldStep')} ${step.id}`} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        )}
      </div>
      {open && (
        <div className="step-card-body" id={bodyId}>
          {step.goal && (
            <p>
              <strong>{t('formatGoal')}:</strong> {step.goal}
            </p>
          )}
          {step.instructions && (
            <p>
              <strong>{t('instructions')}:</strong> {step.instructions}
            </p>
          )}
          {step.tip && (
            <p className="step-tip" data-testid={current ? 'step-tip' : undefined}>
              <strong>{t('stepTip')}:</strong> {step.tip}
            </p>
          )}
          {current && (
            <div className="step-tools">
              <LiveCounters />
              <TimerControls defaultMinutes={step.minutes} />
              <PrivateModeControls />
              <VotingControls />
              <PollControls />
              <ActionForm />
            </div>
          )}
        </div>
      )}
    </li>
  );
}
