/**
 * Recording an agreed action (what, who, by when from a date picker, kept as an ISO date) in
 * the current step's actions area: a note whose `meta.action` the summary note reads back
 * exactly, and whose text shows the same to the room, the date the Polish way.
 */
import { type FormEvent } from 'react';
import { createShapeId, toRichText } from 'tldraw';
import type { Locale } from '../../../shared/api';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { placeForAction } from './actionPlacement';
import { actionText } from './actionNote';

export function ActionForm() {
  const { t } = useI18n();
  const { editor } = useBoardTools();
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  const boardLocale: Locale = useSessionField<string>('locale') === 'en' ? 'en' : 'pl';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const action = { what: String(form.get('what') ?? '').trim(), who: String(form.get('who') ?? '').trim(), due: String(form.get('due') ?? '').trim() };
    if (!action.what) return;
    const place = placeForAction(editor, currentStepId);
    editor.createShape({
      id: createShapeId(),
      type: 'note',
      ...(place.parentId ? { parentId: place.parentId } : {}),
      x: place.x,
      y: place.y,
      props: { color: 'light-green', size: 's', scale: place.scale, richText: toRichText(actionText(action, boardLocale)) },
      meta: { action, agreed: true },
    });
    event.currentTarget.reset();
  };
  return (
    <form className="action-form" onSubmit={submit} aria-labelledby="action-heading">
      <h3 id="action-heading">{t('actionHeading')}</h3>
      <ActionFields />
      <button type="submit">{t('actionAdd')}</button>
    </form>
  );
}

/** What, who and by when: shared by the form and the list's editor. */
export function ActionFields({ what = '', who = '', due = '' }: { what?: string; who?: string; due?: string }) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('actionWhat')}
        <input name="what" required maxLength={300} defaultValue={what} />
      </label>
      <label>
        {t('actionWho')}
        <input name="who" maxLength={120} defaultValue={who} />
      </label>
      <label>
        {t('actionDue')}
        <input name="due" type="date" min="2000-01-01" max="2100-12-31" defaultValue={/^\d{4}-\d{2}-\d{2}$/.test(due) ? due : ''} />
      </label>
    </>
  );
}
