/**
 * Private writing for a step (Format 2's barriers, written alone, then revealed): the banner a
 * participant cannot miss while it is on, and the hosts' controls. The participant's side is in
 * usePrivateWriting.ts.
 */
import type { PrivateModeState } from '../../../shared/session';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { usePrivateWriting } from './usePrivateWriting';

export function PrivateModeWatcher() {
  const { t } = useI18n();
  const mode = useSessionField<PrivateModeState>('privateMode');
  const active = usePrivateWriting(mode);
  if (!active) return null;
  return (
    <p className="private-label" role="status">
      {t('privateModeOn')}
    </p>
  );
}

export function PrivateModeControls() {
  const { t } = useI18n();
  const { setSession } = useBoardTools();
  const mode = useSessionField<PrivateModeState>('privateMode');
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const on = mode?.state === 'on';
  return (
    <section aria-labelledby="private-heading">
      <h3 id="private-heading">{t('privateMode')}</h3>
      {on ? (
        <button type="button" onClick={() => setSession('privateMode', { stepId: mode!.stepId, state: 'revealed', revealId: crypto.randomUUID() } satisfies PrivateModeState)}>
          {t('privateReveal')}
        </button>
      ) : (
        <button type="button" disabled={!currentStepId} onClick={() => setSession('privateMode', { stepId: currentStepId, state: 'on', revealId: null } satisfies PrivateModeState)}>
          {t('privateStart')}
        </button>
      )}
    </section>
  );
}
