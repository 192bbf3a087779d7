/** The board's agreed actions in the hosts' panel: each one's what, who and date, editable in place. */
import { useState, type FormEvent } from 'react';
import { useValue, type TLShapeId } from 'tldraw';
import type { Locale } from '../../../shared/api';
import { formatDate } from '../../../shared/text/dates';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { ActionFields } from './ActionForm';
import { actionNotes, updateAction } from './actionNote';

export function ActionList() {
  const { t } = useI18n();
  const { editor } = useBoardTools();
  const boardLocale: Locale = useSessionField<string>('locale') === 'en' ? 'en' : 'pl';
  const actions = useValue('actions', () => actionNotes(editor), [editor]);
  const [editing, setEditing] = useState<string | null>(null);
  const save = (id: TLShapeId) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const action = { what: String(form.get('what') ?? '').trim(), who: String(form.get('who') ?? '').trim(), due: String(form.get('due') ?? '').trim() };
    if (!action.what) return;
    updateAction(editor, id, action, boardLocale);
    setEditing(null);
  };
  return (
    <section aria-labelledby="actions-list-heading" className="action-list">
      <h3 id="actions-list-heading">
        {t('actionsOnBoard')} ({actions.length})
      </h3>
      {actions.length === 0 && <p className="hint">{t('actionsNone')}</p>}
      <ul>
        {actions.map(({ shape, action }, i) => (
          <li key={shape.id}>
            {editing === shape.id ? (
              <form className="action-form" onSubmit={save(shape.id)} aria-label={`${t('actionEdit')} ${i + 1}`}>
                <ActionFields what={action.what} who={action.who} due={action.due} />
                <div className="row">
                  <button type="submit">{t('save')}</button>
                  <button type="button" className="secondary" onClick={() => setEditing(null)}>
                    {t('cancel')}
                  </button>
                </div>
              </form>
            ) : (
              <>
                <span className="action-text">
                  <strong>{action.what}</strong>
                  {action.who && ` — ${action.who}`}
                  {action.due && ` — ${formatDate(action.due, boardLocale)}`}
                </span>
                <button type="button" className="secondary" aria-label={`${t('actionEdit')}: ${action.what}`} onClick={() => setEditing(shape.id)}>
                  {t('actionEdit')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
