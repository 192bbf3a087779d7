/**
 * The hosts' panel: the format's steps (current highlighted; previous, next, jump), the timer,
 * the board lock, summon, and flags on the selection (public frames, agreed notes). The
 * facilitator and the expert hold the same powers; both write the same session fields.
 */
import { useValue, type TLShape } from 'tldraw';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { TimerControls } from './TimerControls';
import { addCustomStep, boardSteps } from './stepFrames';
import { PresenceList } from '../people/PresenceList';
import { ExportButton } from '../export/ExportDialog';
import { VotingControls } from '../tools/Voting';
import { PrivateModeControls } from '../tools/PrivateMode';
import { ActionForm } from '../tools/ActionForm';
import { PollControls } from '../tools/Polls';
import { JoinQrButton, ProjectorButton } from '../people/JoinQr';
import { ReportButton } from '../export/ReportDialog';
import { LanguageSwitch } from '../people/LanguageSwitch';
import { BinButton } from './BinDialog';

export function HostPanel() {
  const { t, locale } = useI18n();
  const tools = useBoardTools();
  const { editor, setSession } = tools;
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const formatId = useSessionField<string>('formatId');
  const locked = useSessionField<boolean>('canvasLocked') === true;
  const steps = useValue('steps', () => boardSteps(editor, formatId, locale), [editor, formatId, locale]);
  const index = steps.findIndex((s) => s.id === currentStepId);
  const selection = useValue('selection', () => editor.getSelectedShapes(), [editor]);

  const goTo = (stepId: string) => {
    setSession('currentStepId', stepId);
  };

  return (
    <aside className="host-panel" aria-label={t('hostPanel')}>
      <h2>{t('hostPanel')}</h2>
      <section aria-labelledby="steps-heading">
        <h3 id="steps-heading">{t('steps')}</h3>
        <div className="row">
          <button type="button" disabled={index <= 0} onClick={() => goTo(steps[index - 1]!.id)}>
            ← {t('previousStep')}
          </button>
          <button type="button" disabled={index >= steps.length - 1} onClick={() => goTo(steps[index + 1]!.id)}>
            {t('nextStep')} →
          </button>
        </div>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const input = e.currentTarget.elements.namedItem('stepTitle') as HTMLInputElement;
            if (input.value.trim()) {
              goTo(addCustomStep(editor, input.value.trim()));
              input.value = '';
            }
          }}
        >
          <input name="stepTitle" aria-label={t('customStepTitle')} placeholder={t('customStepTitle')} maxLength={120} />
          <button type="submit">{t('addStep')}</button>
        </form>
        <ol className="step-list">
          {steps.map((step) => (
            <li key={step.id}>
              <button type="button" className={step.id === currentStepId ? 'current' : ''} aria-current={step.id === currentStepId ? 'step' : undefined} onClick={() => goTo(step.id)}>
                <span className="step-id">{step.id}</span> {step.title}
                {step.minutes !== null && <span className="timebox"> · {step.minutes} min</span>}
              </button>
            </li>
          ))}
        </ol>
        {steps[index]?.tip && (
          <p className="step-tip" data-testid="step-tip">
            <strong>{t('stepTip')}:</strong> {steps[index]!.tip}
          </p>
        )}
      </section>
      <TimerControls defaultMinutes={steps[index]?.minutes ?? null} />
      <section>
        <label className="check">
          <input type="checkbox" checked={locked} onChange={(e) => setSession('canvasLocked', e.target.checked)} /> {t('lockBoard')}
        </label>
        <button type="button" onClick={() => summon(tools)}>
          {t('summon')}
        </button>
      </section>
      <SelectionFlags selection={selection} />
      <VotingControls />
      <PrivateModeControls />
      <ActionForm />
      <PollControls />
      <ExportButton />
      <ReportButton />
      <BinButton />
      <JoinQrButton />
      <ProjectorButton />
      <PresenceList />
      <LanguageSwitch />
    </aside>
  );
}

function summon({ editor, board, setSession }: ReturnType<typeof useBoardTools>): void {
  const camera = editor.getCamera();
  setSession('follow', {
    hostClientId: board.room('canvas').provider.awareness.clientID,
    pageId: editor.getCurrentPageId(),
    camera: { x: camera.x, y: camera.y, z: camera.z },
    summonId: crypto.randomUUID(),
  });
}

/** Public (frames) and agreed (notes) flags on what the host has selected. */
function SelectionFlags({ selection }: { selection: TLShape[] }) {
  const { t } = useI18n();
  const { editor } = useBoardTools();
  const frames = selection.filter((s) => s.type === 'frame');
  const notes = selection.filter((s) => s.type !== 'frame');
  const allPublic = frames.length > 0 && frames.every((f) => f.meta.public === true);
  const allAgreed = notes.length > 0 && notes.every((n) => n.meta.agreed === true);
  const setFlag = (shapes: TLShape[], flag: 'public' | 'agreed', on: boolean) =>
    editor.updateShapes(
      shapes.map((s) => {
        const { [flag]: _old, ...meta } = s.meta;
        return { id: s.id, type: s.type, meta: on ? { ...meta, [flag]: true } : meta };
      }),
    );
  return (
    <section className="row wrap">
      {frames.length > 0 ? (
        <button type="button" onClick={() => setFlag(frames, 'public', !allPublic)}>
          {allPublic ? t('markPrivate') : t('markPublic')}
        </button>
      ) : (
        <p className="hint">{t('selectFrame')}</p>
      )}
      {notes.length > 0 ? (
        <button type="button" onClick={() => setFlag(notes, 'agreed', !allAgreed)}>
          {allAgreed ? t('unmarkAgreed') : t('markAgreed')}
        </button>
      ) : (
        <p className="hint">{t('selectNotes')}</p>
      )}
    </section>
  );
}
