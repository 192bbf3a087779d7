/**
 * New notes where the group works: "+ Karteczka" puts one into the current step's area that is in
 * view, at the first free place there, and double-click inside a step's frame puts one under the
 * pointer. Either way the note opens for typing. A note is a plain tldraw note: no author.
 */
import { Box, createShapeId, toRichText, type Editor, type TLShape, type TLShapeId, type VecLike } from 'tldraw';
import { isStepInView, stepFrameOf, stepFrames } from '../steps/stepFrames';
import { ACTIONS_AREA_ID } from '../tools/actionPlacement';

const NOTE = 200;
const GAP = 16;
/** Room left at an area's top for its label. */
const LABEL_SPACE = 56;
/** Below this size on screen a note is hard to type into on a phone: the view comes closer. */
const READABLE_PX = 150;

interface NotePlace {
  parentId?: TLShapeId;
  /** In the parent's space (the page's without a parent). */
  x: number;
  y: number;
  scale: number;
}

const boxOf = (shape: TLShape) => new Box(shape.x, shape.y, (shape.props as { w: number }).w, (shape.props as { h: number }).h);

/** Where "+ Karteczka" puts a note: the current step's area most in view, first free slot; brings the step into view when it is not. */
export function placeForNewNote(editor: Editor, stepId: string | null): NotePlace {
  const frameId = stepId ? stepFrameOf(editor, stepId) : undefined;
  const frame = frameId && editor.getShape(frameId);
  if (!frame || !stepId) {
    const view = editor.getViewportPageBounds();
    return { x: view.midX - NOTE / 2, y: view.midY - NOTE / 2, scale: 1 };
  }
  const frameBounds = editor.getShapePageBounds(frame.id)!;
  if (!isStepInView(editor, stepId)) editor.zoomToBounds(frameBounds, { inset: 16 });
  // The view in the frame's own space (step frames sit on the page, unrotated).
  const view = editor.getViewportPageBounds().clone().translate({ x: -frameBounds.minX, y: -frameBounds.minY });
  const areas = editor
    .getSortedChildIdsForParent(frame.id)
    .map((id) => editor.getShape(id))
    .filter((s): s is TLShape => !!s && s.meta.part === 'area' && s.meta.areaId !== ACTIONS_AREA_ID)
    .map(boxOf);
  const visible = (box: Box) => (box.collides(view) ? intersection(box, view) : null);
  const best = areas
    .map((box) => ({ box, seen: visible(box) }))
    .filter((a): a is { box: Box; seen: Box } => a.seen !== null)
    .sort((a, b) => b.seen.w * b.seen.h - a.seen.w * a.seen.h)[0];
  const whole = new Box(0, 0, (frame.props as { w: number }).w, (frame.props as { h: number }).h);
  const area = best?.box ?? whole;
  const seen = best?.seen ?? visible(whole) ?? whole;
  const top = seen.minY <= area.minY + 1 ? area.minY + LABEL_SPACE : seen.minY + GAP;
  const scale = Math.max(0.4, Math.min(1, (seen.maxY - top - GAP) / NOTE, (seen.w - GAP * 2) / NOTE));
  const size = NOTE * scale;
  const taken = editor
    .getSortedChildIdsForParent(frame.id)
    .map((id) => editor.getShape(id))
    .filter((s): s is TLShape => !!s && s.type === 'note')
    .map((s) => new Box(s.x, s.y, NOTE * ((s.props as { scale?: number }).scale ?? 1), NOTE * ((s.props as { scale?: number }).scale ?? 1)));
  for (let y = top; y + size <= seen.maxY; y += size + GAP) {
    for (let x = seen.minX + GAP; x + size <= seen.maxX; x += size + GAP) {
      const slot = new Box(x, y, size, size);
      if (!taken.some((t) => t.collides(slot))) return { parentId: frame.id, x, y, scale };
    }
  }
  // The visible part is full: on top, in the middle, shifted a little for each note already there.
  const lap = (taken.length % 8) * 12;
  return { parentId: frame.id, x: seen.midX - size / 2 + lap, y: Math.max(top, seen.midY - size / 2) + lap, scale };
}

function intersection(a: Box, b: Box): Box {
  const minX = Math.max(a.minX, b.minX);
  const minY = Math.max(a.minY, b.minY);
  return new Box(minX, minY, Math.max(0, Math.min(a.maxX, b.maxX) - minX), Math.max(0, Math.min(a.maxY, b.maxY) - minY));
}

/** The step frame under a point of the page, if any. */
export function stepFrameAt(editor: Editor, point: VecLike): TLShape | undefined {
  return stepFrames(editor).find((f) => editor.getShapePageBounds(f.id)?.containsPoint(point));
}

/** Creates the note, selects it and opens it for typing; `comeCloser` zooms in when it is too small to type into. */
export function createNoteForTyping(editor: Editor, place: NotePlace, comeCloser: boolean): TLShapeId {
  const id = createShapeId();
  editor.markHistoryStoppingPoint('new note');
  editor.createShape({ id, type: 'note', ...(place.parentId ? { parentId: place.parentId } : {}), x: place.x, y: place.y, props: { richText: toRichText(''), scale: place.scale } });
  const bounds = editor.getShapePageBounds(id);
  if (comeCloser && bounds && bounds.w * editor.getZoomLevel() < READABLE_PX) {
    editor.zoomToBounds(bounds.clone().expandBy(bounds.w * 0.6), { animation: { duration: 200 } });
  }
  editor.setCurrentTool('select');
  editor.select(id);
  editor.setEditingShape(id);
  editor.setCurrentTool('select.editing_shape', {});
  return id;
}

/**
 * Double-click inside a step's frame makes a note there (tldraw would make free text, which
 * cannot be voted on and runs over the frame); outside the steps it still makes text.
 */
export function noteOnDoubleClick(editor: Editor): () => void {
  const onEvent = (info: { type: string; name: string; phase?: string; target?: string; shiftKey?: boolean; ctrlKey?: boolean }) => {
    if (info.type !== 'click' || info.name !== 'double_click' || info.phase !== 'up') return;
    if (info.shiftKey || info.ctrlKey || editor.getIsReadonly()) return;
    // tldraw handled it (editing a shape, say) unless the select tool is still idle.
    if (!editor.isIn('select.idle') || editor.getEditingShapeId()) return;
    const point = editor.inputs.currentPagePoint.clone();
    // On someone's shape that this person may not edit (an agreed note, say): nothing, as in tldraw.
    const hit = editor.getShapesAtPoint(point, { hitInside: true, margin: editor.options.hitTestMargin / editor.getZoomLevel() });
    if (hit.some((shape) => shape.type !== 'frame' && shape.meta.template !== true)) return;
    const frame = stepFrameAt(editor, point);
    if (frame) {
      const inFrame = editor.getPointInShapeSpace(frame, point);
      createNoteForTyping(editor, { parentId: frame.id, x: inFrame.x - NOTE / 2, y: inFrame.y - NOTE / 2, scale: 1 }, false);
      return;
    }
    const id = createShapeId();
    editor.markHistoryStoppingPoint('creating text shape');
    editor.createShape({ id, type: 'text', x: point.x, y: point.y, props: { richText: toRichText(''), autoSize: true } });
    editor.select(id);
    editor.setEditingShape(id);
    editor.setCurrentTool('select.editing_shape', {});
  };
  editor.on('event', onEvent);
  return () => void editor.off('event', onEvent);
}
