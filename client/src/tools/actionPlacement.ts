/**
 * Where a new action goes: into the current step's actions area (the format's area whose
 * `meta.areaId` is "actions"), after the actions already there; without such an area, along the
 * bottom of the step's frame; without a frame, the middle of the view.
 */
import type { Editor, TLShape, TLShapeId } from 'tldraw';
import { stepFrameOf } from '../steps/stepFrames';

export const ACTIONS_AREA_ID = 'actions';
const NOTE = 200;
const GAP = 16;
const LABEL_SPACE = 48;

export interface ActionPlace {
  parentId?: TLShapeId;
  x: number;
  y: number;
  /** The note's scale, so it fits the area's height. */
  scale: number;
}

function actionNotesIn(editor: Editor, frameId: TLShapeId): TLShape[] {
  return editor.getSortedChildIdsForParent(frameId).flatMap((id) => {
    const shape = editor.getShape(id);
    return shape && shape.meta.action ? [shape] : [];
  });
}

export function placeForAction(editor: Editor, stepId: string | null): ActionPlace {
  const frameId = stepId ? stepFrameOf(editor, stepId) : undefined;
  const frame = frameId && editor.getShape(frameId);
  if (!frame) {
    const view = editor.getViewportPageBounds();
    return { x: view.midX - NOTE / 2, y: view.midY - NOTE / 2, scale: 1 };
  }
  const taken = actionNotesIn(editor, frame.id).length;
  const area = editor
    .getSortedChildIdsForParent(frame.id)
    .map((id) => editor.getShape(id))
    .find((s) => s?.meta.part === 'area' && s.meta.areaId === ACTIONS_AREA_ID);
  const box = area
    ? { x: area.x, y: area.y, w: (area.props as { w: number }).w, h: (area.props as { h: number }).h }
    : { x: 0, y: (frame.props as { h: number }).h - NOTE - LABEL_SPACE - GAP, w: (frame.props as { w: number }).w, h: NOTE + LABEL_SPACE + GAP };
  const scale = Math.max(0.4, Math.min(1, (box.h - LABEL_SPACE - GAP) / NOTE, (box.w - GAP * 2) / NOTE));
  const size = NOTE * scale;
  const perRow = Math.max(1, Math.floor((box.w - GAP) / (size + GAP)));
  const rows = Math.max(1, Math.floor((box.h - LABEL_SPACE) / (size + GAP)));
  // When the area is full, the next ones overlap from the start again, slightly offset.
  const slot = taken % (perRow * rows);
  const lap = Math.floor(taken / (perRow * rows));
  return {
    parentId: frame.id,
    x: box.x + GAP + (slot % perRow) * (size + GAP) + lap * 12,
    y: box.y + LABEL_SPACE + Math.floor(slot / perRow) * (size + GAP) + lap * 12,
    scale,
  };
}
