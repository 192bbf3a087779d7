/** The steps of the board: from its format when it has one, else from the step frames on the canvas. */
import type { Editor, TLShape, TLShapeId } from 'tldraw';
import type { Locale } from '../../../shared/api';
import type { Format, Localized } from '../../../shared/formats/schema';
import { NETWORK_STEP_IDS } from '../../../shared/network/reviewLayout';

export interface StepInfo {
  id: string;
  title: string;
  goal: string;
  instructions: string;
  /** For the hosts only: how to run the step well. */
  tip: string;
  minutes: number | null;
}

/** The board's steps; `format` is the board's (boardFormat.ts), undefined for a board without one. */
export function boardSteps(editor: Editor, format: Format | undefined, locale: Locale): StepInfo[] {
  // The schema's `localize`, without loading the schema (it comes with the format's chunk).
  const localize = (text: Localized) => text[locale];
  const fromFormat = new Map((format?.steps ?? []).map((s) => [s.id, s]));
  const frames = stepFrames(editor).sort((a, b) => a.x - b.x || a.y - b.y);
  // The format's steps in order (an observer's board holds only the public frames), then any
  // steps the hosts added on the board themselves.
  // A network meeting's own steps come first: the review of the previous meeting, then the plan.
  const network = NETWORK_STEP_IDS.filter((id) => frames.some((f) => f.meta.stepId === id));
  const ids = [...new Set([...network, ...(format?.steps.map((s) => s.id) ?? []), ...frames.map((f) => String(f.meta.stepId))])];
  return ids
    .filter((id) => fromFormat.has(id) || frames.some((f) => f.meta.stepId === id))
    .map((id) => {
      const step = fromFormat.get(id);
      const frame = frames.find((f) => f.meta.stepId === id);
      return step
        ? { id, title: localize(step.title), goal: localize(step.goal), instructions: localize(step.instructions), tip: localize(step.tip), minutes: step.timeboxMinutes }
        : { id, title: String((frame?.props as { name?: string } | undefined)?.name ?? id).replace(/^\S+\s/, ''), goal: '', instructions: '', tip: '', minutes: null };
    });
}

export function stepFrames(editor: Editor): TLShape[] {
  return editor.getCurrentPageShapes().filter((s) => s.type === 'frame' && typeof s.meta.stepId === 'string');
}

export function stepFrameOf(editor: Editor, stepId: string): TLShapeId | undefined {
  return stepFrames(editor).find((f) => f.meta.stepId === stepId)?.id;
}

/** Brings the view to the step's frame. */
export function showStep(editor: Editor, stepId: string): void {
  const id = stepFrameOf(editor, stepId);
  const bounds = id && editor.getShapePageBounds(id);
  if (bounds) editor.zoomToBounds(bounds, { inset: 48, animation: { duration: 250 } });
}

/** Whether most of the step's frame is in view. */
export function isStepInView(editor: Editor, stepId: string): boolean {
  const id = stepFrameOf(editor, stepId);
  const bounds = id && editor.getShapePageBounds(id);
  if (!bounds) return true;
  const view = editor.getViewportPageBounds();
  const overlapW = Math.max(0, Math.min(view.maxX, bounds.maxX) - Math.max(view.minX, bounds.minX));
  const overlapH = Math.max(0, Math.min(view.maxY, bounds.maxY) - Math.max(view.minY, bounds.minY));
  return (overlapW * overlapH) / (bounds.w * bounds.h) > 0.5;
}

/** The id a host's own next step gets: C.1, C.2, … */
export function nextCustomStepId(editor: Editor): string {
  const used = stepFrames(editor).map((f) => String(f.meta.stepId)).filter((id) => id.startsWith('C.')).map((id) => Number(id.slice(2)));
  return `C.${Math.max(0, ...used) + 1}`;
}

/**
 * A host builds a format of their own on the board: a new step frame to the right of everything,
 * a template element like the format's (participants cannot move or change it).
 */
export function addCustomStep(editor: Editor, title: string): string {
  const stepId = nextCustomStepId(editor);
  const bounds = editor.getCurrentPageBounds();
  editor.createShape({
    type: 'frame',
    x: bounds ? bounds.maxX + 160 : 0,
    y: bounds ? bounds.minY : 0,
    props: { w: 1200, h: 800, name: `${stepId} ${title}` },
    meta: { stepId, template: true },
  });
  return stepId;
}
