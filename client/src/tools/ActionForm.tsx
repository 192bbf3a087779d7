/**
 * Recording an agreed action (what, who, by when) in the current step's frame: a note whose
 * `meta.action` the summary note reads back exactly, and whose text shows the same to the room.
 */
import { useState, type FormEvent } from 'react';
import { createShapeId, toRichText } from 'tldraw';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { stepFrameOf } from '../steps/stepFrames';

export function ActionForm() {
  const { t } = useI18n();
  const { editor } = useBoardTools();
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const [count, setCount] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const action = { what: String(form.get('what') ?? '').trim(), who: String(form.get('who') ?? '').trim(), due: String(form.get('due') ?? '').trim() };
    const frameId = currentStepId ? stepFrameOf(editor, currentStepId) : undefined;
    const frame = frameId && editor.getShape(frameId);
    if (!action.what || !frame) return;
    const size = frame.props as { w: number; h: number };
    editor.createShape({
      id: createShapeId(),
      type: 'note',
      parentId: frame.id,
      x: 40 + ((count * 220) % Math.max(220, size.w - 260)),
      y: size.h - 260,
      props: { color: 'light-green', size: 's', richText: toRichText([action.what, action.who, action.due].filter(Boolean).join(' — ')) },
      meta: { action, agreed: true },
    });
    setCount(count + 1);
    event.currentTarget.reset();
  };
  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="action-heading">
      <h3 id="action-heading">{t('actionHeading')}</h3>
      <label>
        {t('actionWhat')}
        <input name="what" required maxLength={300} />
      </label>
      <label>
        {t('actionWho')}
        <input name="who" maxLength={120} />
      </label>
      <label>
        {t('actionDue')}
        <input name="due" maxLength={60} />
      </label>
      <button type="submit" disabled={!currentStepId}>
        {t('actionAdd')}
      </button>
    </form>
  );
}
