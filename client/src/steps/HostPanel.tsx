/**
 * The hosts' run sheet: a top bar (QR, projector, links, the meeting's papers, the bin), then one
 * card per step of the format — the current one open with its tools — and the board's own
 * controls. It folds away to a narrow tab; the facilitator and the expert hold the same powers.
 */
import { useEffect, useState } from 'react';
import { useValue } from 'tldraw';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { addCustomStep, boardSteps, stepFrameOf } from './stepFrames';
import { PresenceList } from '../people/PresenceList';
import { RunSheetTopBar } from './RunSheetTopBar';
import { StepCard } from './StepCard';
import { SelectionFlags } from './SelectionFlags';
import { ActionList } from '../tools/ActionList';
import { ReviewCard } from '../network/ReviewCard';
import { BarometerCard } from '../network/BarometerCard';
import { rememberBoard } from '../home/myBoards';
import { useBoardFormat } from './boardFormat';

/** Narrow screens (and 200 % zoom) start with the panel folded, so the canvas stays usable. */
const startsFolded = () => window.matchMedia('(max-width: 900px)').matches;

export function HostPanel() {
  const { t, locale } = useI18n();
  const tools = useBoardTools();
  const { editor, setSession } = tools;
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const formatId = useSessionField<string>('formatId');
  const locked = useSessionField<boolean>('canvasLocked') === true;
  const closedAt = useSessionField<string>('closedAt');
  const [folded, setFolded] = useState(startsFolded);
  const { format, loading } = useBoardFormat(formatId);
  const steps = useValue('steps', () => boardSteps(editor, format, locale), [editor, format, locale]);
  // After closing, a step whose frame was not public is gone from the board: it is marked cleared.
  const present = useValue('step frames', () => new Set(steps.filter((s) => stepFrameOf(editor, s.id)).map((s) => s.id)), [editor, steps]);
  const index = steps.findIndex((s) => s.id === currentStepId);
  // "Moje tablice" on this browser's home page: the boards it hosted (kept here only).
  const title = useSessionField<string>('title');
  useEffect(() => {
    if (title && (tools.role === 'facilitator' || tools.role === 'expert')) rememberBoard({ id: tools.board.boardId, title, at: new Date().toISOString(), role: tools.role, link: window.location.href });
  }, [title, tools]);
  const goTo = (stepId: string) => setSession('currentStepId', stepId);

  // The format's steps are on their way: the panel's place is held as while its code loads.
  if (loading) return <aside className="host-panel" aria-busy="true" />;
  return (
    <aside className="host-panel" aria-label={t('hostPanel')} data-folded={folded}>
      <div className="host-panel-head">
        <button type="button" className="secondary" aria-expanded={!folded} aria-controls="run-sheet" onClick={() => setFolded(!folded)}>
          {folded ? t('panelUnfold') : t('panelFold')}
        </button>
        {!folded && <h2>{t('hostPanel')}</h2>}
      </div>
      <div id="run-sheet" className="run-sheet" hidden={folded}>
        <RunSheetTopBar />
        <section aria-labelledby="steps-heading">
          <div className="row spread">
            <h3 id="steps-heading">{t('steps')}</h3>
            <div className="row">
              <button type="button" className="secondary" disabled={index <= 0} aria-describedby={index <= 0 ? 'step-nav-why' : undefined} onClick={() => goTo(steps[index - 1]!.id)}>
                ← {t('previousStep')}
              </button>
              <button type="button" className="secondary" disabled={index >= steps.length - 1} aria-describedby={index >= steps.length - 1 ? 'step-nav-why' : undefined} onClick={() => goTo(steps[index + 1]!.id)}>
                {t('nextStep')} →
              </button>
            </div>
          </div>
          {(index <= 0 || index >= steps.length - 1) && (
            <p id="step-nav-why" className="hint">
              {index < 0 ? t('stepNavNone') : index === 0 ? t('stepNavFirst') : t('stepNavLast')}
            </p>
          )}
          <ol className="step-cards">
            {steps.map((step) => (
              <StepCard key={step.id} step={step} current={step.id === currentStepId} cleared={closedAt !== undefined && !present.has(step.id)} onGo={() => goTo(step.id)} />
            ))}
          </ol>
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
        </section>
        <ReviewCard />
        <ActionList />
        <BarometerCard />
        <section aria-labelledby="board-heading" className="board-controls">
          <h3 id="board-heading">{t('boardControls')}</h3>
          <label className="check">
            <input type="checkbox" checked={locked} onChange={(e) => setSession('canvasLocked', e.target.checked)} /> {t('lockBoard')}
          </label>
          <button type="button" onClick={() => summon(tools)}>
            {t('summon')}
          </button>
          <SelectionFlags />
        </section>
        <PresenceList />
      </div>
    </aside>
  );
}

function summon({ editor, board, setSession }: ReturnType<typeof useBoardTools>): void {
  const camera = editor.getCamera();
  const view = editor.getViewportPageBounds();
  setSession('follow', {
    hostClientId: board.room('canvas').provider.awareness.clientID,
    pageId: editor.getCurrentPageId(),
    camera: { x: camera.x, y: camera.y, z: camera.z },
    bounds: { x: view.x, y: view.y, w: view.w, h: view.h },
    summonId: crypto.randomUUID(),
  });
}
