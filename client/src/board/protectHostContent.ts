/**
 * What a participant's editor leaves alone — the server refuses it anyway (rules G1, G2, G5, G7),
 * here it simply does not happen: the steps' template (frames, their areas and instructions) and
 * what the group agreed cannot be selected, moved, resized, edited or deleted; host flags are
 * never set; pages are neither renamed nor deleted. A note can still be made inside a step's
 * frame: a new child changes nothing on the frame's record.
 */
import type { Editor, TLShape, TLShapeId } from 'tldraw';
import { HOST_ONLY_META_KEYS } from '../../../shared/writeRules';

export function isHostContent(shape: TLShape | undefined): boolean {
  return shape?.meta.template === true || shape?.meta.agreed === true;
}

/** Registers the protection on a participant's editor; returns what removes it. */
export function protectHostContent(editor: Editor): () => void {
  const isProtected = (id: TLShapeId) => isHostContent(editor.getShape(id));
  const release = (id: TLShapeId) => {
    if (editor.getEditingShapeId() === id) editor.setEditingShape(null);
    if (editor.getSelectedShapeIds().includes(id)) editor.deselect(id);
  };
  const effects = editor.sideEffects;
  const stops = [
    // A pasted or duplicated copy of a template area or an agreed note is the participant's own.
    effects.registerBeforeCreateHandler('shape', (shape, source) => (source === 'user' ? withHostMeta(shape, undefined) : shape)),
    effects.registerBeforeChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user') return next;
      return isHostContent(prev) ? prev : withHostMeta(next, prev);
    }),
    // A note the hosts mark as agreed while it is in someone's hands is let go.
    effects.registerAfterChangeHandler('shape', (_prev, next) => {
      if (isHostContent(next)) release(next.id);
    }),
    // Deleting a shape takes what is inside it too: a frame holding agreed notes stays.
    effects.registerBeforeDeleteHandler('shape', (shape, source) => {
      if (source === 'user' && [...editor.getShapeAndDescendantIds([shape.id])].some(isProtected)) return false;
    }),
    effects.registerBeforeChangeHandler('instance_page_state', (_prev, next, source) => {
      if (source !== 'user') return next;
      const selected = next.selectedShapeIds.filter((id) => !isProtected(id));
      return selected.length === next.selectedShapeIds.length ? next : { ...next, selectedShapeIds: selected };
    }),
    effects.registerBeforeChangeHandler('page', (prev, next, source) => (source === 'user' ? prev : next)),
    effects.registerBeforeDeleteHandler('page', (_page, source) => (source === 'user' ? false : undefined)),
    effects.registerBeforeChangeHandler('document', (prev, next, source) => (source === 'user' ? prev : next)),
  ];
  // Editing is asked of the shape's util before it starts (refusing it midway crashes the select tool).
  for (const util of Object.values(editor.shapeUtils)) {
    if (!util) continue;
    const canEdit = util.canEdit;
    util.canEdit = (shape) => !isHostContent(shape) && canEdit.call(util, shape);
    stops.push(() => {
      util.canEdit = canEdit;
    });
  }
  return () => {
    for (const stop of stops) stop();
  };
}

/** The record with its host flags as they were before (none, for a new one). */
function withHostMeta(shape: TLShape, before: TLShape | undefined): TLShape {
  const changed = HOST_ONLY_META_KEYS.filter((key) => JSON.stringify(shape.meta[key]) !== JSON.stringify(before?.meta[key]));
  if (changed.length === 0) return shape;
  const meta = { ...shape.meta };
  for (const key of changed) {
    if (before?.meta[key] === undefined) delete meta[key];
    else meta[key] = before.meta[key];
  }
  return { ...shape, meta };
}
