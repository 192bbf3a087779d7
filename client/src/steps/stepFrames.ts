/** The steps of the board: from its format when it has one, else from the step frames on the canvas. */
import type { Editor, TLShape, TLShapeId } from 'tldraw';
import type { Locale } from '../../../shared/api';
import { getFormat } from '../../../formats';
import { localize } from '../../../shared/formats/schema';

export interface StepInfo {
  id: string;
  title: string;
  goal: string;
  instructions: string;
  minutes: number | null;
}

export function boardSteps(editor: Editor, formatId: string | undefined, locale: Locale): StepInfo[] {
  const format = formatId ? getFormat(formatId) : undefined;
  const fromFormat = new Map((format?.steps ?? []).map((s) => [s.id, s]));
  const frames = stepFrames(editor).sort((a, b) => a.x - b.x || a.y - b.y);
  const ids = [...new Set([...(format?.steps.map((s) => s.id) ?? []), ...frames.map((f) => String(f.meta.stepId))])];
  return ids
    .filter((id) => frames.some((f) => f.meta.stepId === id))
    .map((id) => {
      const step = fromFormat.get(id);
      const frame = frames.find((f) => f.meta.stepId === id)!;
      return step
        ? { id, title: localize(step.title, locale), goal: localize(step.goal, locale), instructions: localize(step.instructions, locale), minutes: step.timeboxMinutes }
        : { id, title: String((frame.props as { name?: string }).name ?? id), goal: '', instructions: '', minutes: null };
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
