/**
 * Private writing for a step (Format 2's barriers, written alone, then revealed): while a host has
 * it on, a participant's new notes in the step's frame stay on their device — not sent to the
 * server at all — and show as private to their author; when a host reveals (or turns it off),
 * every device publishes its held notes at once.
 */
import { useEffect } from 'react';
import { react, type TLRecord } from 'tldraw';
import type { PrivateModeState } from '../../../shared/session';
import { useBoardTools, useCanvasAwareness, useSessionField } from '../board/BoardContext';
import { reportWork } from '../sync/workCounts';
import { useI18n } from '../i18n';
import { stepFrameOf } from '../steps/stepFrames';
import { heldNotes } from './privateWriting';

export function PrivateModeWatcher() {
  const { t } = useI18n();
  const { editor, binding, isHost } = useBoardTools();
  const mode = useSessionField<PrivateModeState>('privateMode');
  const active = mode?.state === 'on' && mode.stepId !== null;

  useEffect(() => {
    if (isHost || !active) {
      binding.setHoldPolicy(null);
      if (binding.held.size > 0) binding.publishHeld();
      heldNotes.set(new Set());
      return;
    }
    const frameId = stepFrameOf(editor, mode!.stepId!);
    binding.setHoldPolicy((record: TLRecord) => {
      const hold = record.typeName === 'shape' && frameId !== undefined && (record.parentId === frameId || editor.hasAncestor(record.id, frameId));
      if (hold) queueMicrotask(() => heldNotes.set(new Set(binding.held)));
      return hold;
    });
    return () => binding.setHoldPolicy(null);
  }, [editor, binding, isHost, active, mode?.stepId, mode?.revealId]);

  // The count of held notes (never their content) goes to the hosts' panel through awareness.
  const awareness = useCanvasAwareness();
  useEffect(() => {
    if (isHost) return;
    const report = () => reportWork(awareness, 'held', active ? binding.held.size : 0);
    report();
    const stopHeld = react('report held notes', () => {
      heldNotes.get();
      report();
    });
    const stopStore = editor.store.listen(() => queueMicrotask(report), { scope: 'document' });
    return () => {
      stopHeld();
      stopStore();
    };
  }, [awareness, editor, binding, isHost, active]);

  if (!active || isHost) return null;
  return <p className="private-label">{t('privateModeOn')}</p>;
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
