/** An agreed action on the board: a note whose `meta.action` the summary reads back, and whose text shows the same. */
import { toRichText, type Editor, type TLShape, type TLShapeId } from 'tldraw';
import type { Locale } from '../../../shared/api';
import { readActionItem, type ActionItem } from '../../../shared/canvas';
import { formatDate } from '../../../shared/text/dates';

export function actionText(action: ActionItem, locale: Locale): string {
  return [action.what, action.who, action.due ? formatDate(action.due, locale) : ''].filter(Boolean).join(' — ');
}

export function actionNotes(editor: Editor): { shape: TLShape; action: ActionItem }[] {
  return editor.getCurrentPageShapes().flatMap((shape) => {
    const action = readActionItem(shape.meta);
    return action ? [{ shape, action }] : [];
  });
}

export function updateAction(editor: Editor, id: TLShapeId, action: ActionItem, locale: Locale): void {
  const shape = editor.getShape(id);
  if (!shape) return;
  editor.updateShape({ id, type: shape.type, meta: { ...shape.meta, action: { ...action } }, props: { richText: toRichText(actionText(action, locale)) } });
}
