/**
 * The hosts' attendance list (lista obecności): who was invited and who came, edited through
 * requests the server checks — correct a name or city, mark present, leave out of the note, merge
 * two entries of one person, remove one, add someone who never opened the board.
 */
import { useState, type FormEvent } from 'react';
import type { AttendanceEntry } from '../../../shared/session';
import type { RequestBody } from '../../../shared/requests';
import { useBoardTools } from '../board/BoardContext';
import { useAttendance } from '../board/useSessionTotals';
import { useI18n } from '../i18n';
import { refusalMessage } from '../refusals';

type Edit = Extract<RequestBody, { t: 'attendance-edit' }>['edit'];

export function AttendanceList({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const { request } = useBoardTools();
  const attendance = useAttendance();
  const [error, setError] = useState('');
  const [mergeFrom, setMergeFrom] = useState<string | null>(null);
  const edit = async (change: Edit) => {
    const reply = await request({ t: 'attendance-edit', edit: change });
    setError(reply.t === 'refused' ? t(refusalMessage(reply.reason)) : '');
    onChanged();
  };
  const set = (key: string, patch: Partial<Pick<AttendanceEntry, 'name' | 'city' | 'present' | 'optOut'>>) => void edit({ op: 'set', key, ...patch });
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    if (!name) return;
    void edit({ op: 'add', name, city: String(form.get('city') ?? '').trim(), function: String(form.get('function') ?? '').trim() });
    event.currentTarget.reset();
  };
  const entries = Object.entries(attendance).sort(([, a], [, b]) => a.city.localeCompare(b.city) || a.name.localeCompare(b.name));
  const invited = entries.filter(([, p]) => p.invited).length;
  const present = entries.filter(([, p]) => p.present).length;
  return (
    <section aria-labelledby="attendance-heading">
      <h3 id="attendance-heading">
        {t('attendanceHeading')} ({entries.length})
      </h3>
      <p className="hint" data-testid="attendance-counts">
        {t('attendanceCounts').replace('{invited}', String(invited)).replace('{present}', String(present))}
      </p>
      {error && <p className="error">{error}</p>}
      <ul className="attendance">
        {entries.map(([key, person]) => (
          <li key={key} data-key={key} data-present={person.present} data-invited={person.invited}>
            <input aria-label={t('joinName')} defaultValue={person.name} onBlur={(e) => e.target.value.trim() && e.target.value !== person.name && set(key, { name: e.target.value.trim() })} />
            <input aria-label={t('joinCity')} defaultValue={person.city} onBlur={(e) => e.target.value !== person.city && set(key, { city: e.target.value.trim() })} />
            <span className="row">
              <label className="check">
                <input type="checkbox" checked={person.present} onChange={(e) => set(key, { present: e.target.checked })} /> {t('attendancePresent')}
              </label>
              <label className="check">
                <input type="checkbox" checked={person.optOut} onChange={(e) => set(key, { optOut: e.target.checked })} /> {t('attendanceOptOut')}
              </label>
              {person.invited && <span className="hint">{t('attendanceInvited')}</span>}
              {mergeFrom === key ? (
                <select aria-label={t('attendanceMergeInto')} defaultValue="" onChange={(e) => e.target.value && void edit({ op: 'merge', from: key, into: e.target.value }).then(() => setMergeFrom(null))}>
                  <option value="">{t('attendanceMergeInto')}</option>
                  {entries
                    .filter(([other]) => other !== key)
                    .map(([other, p]) => (
                      <option key={other} value={other}>
                        {p.name}
                        {p.city ? ` (${p.city})` : ''}
                      </option>
                    ))}
                </select>
              ) : (
                <button type="button" className="secondary" onClick={() => setMergeFrom(key)}>
                  {t('attendanceMerge')}
                </button>
              )}
              <button type="button" className="secondary" aria-label={`${t('attendanceRemove')}: ${person.name}`} onClick={() => void edit({ op: 'remove', key })}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={add} aria-label={t('attendanceAdd')}>
        <input name="name" aria-label={t('joinName')} placeholder={t('joinName')} />
        <input name="city" aria-label={t('joinCity')} placeholder={t('joinCity')} />
        <input name="function" aria-label={t('attendanceFunction')} placeholder={t('attendanceFunction')} />
        <button type="submit">{t('attendanceAdd')}</button>
      </form>
      <p className="hint">{t('attendanceAddHint')}</p>
    </section>
  );
}
