/**
 * The host's post-meeting report form: prefilled from the board (date, place, mode, format and
 * steps run, attendance by city and role), completed here and kept in the session; downloads as
 * DOCX, CSV or JSON for the organisation's records. Kept apart from the participants' note.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { DialogButton } from '../board/DialogButton';
import { HostReportFields } from '../../../shared/session';
import type { HostReport } from '../../../shared/report/hostReport';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

const FIELDS: [keyof HostReportFields, MessageKey][] = [
  ['topics', 'reportTopics'],
  ['products', 'reportProducts'],
  ['problems', 'reportProblems'],
  ['nextSteps', 'reportNextSteps'],
  ['notes', 'reportNotes'],
];

export function ReportButton() {
  const { t } = useI18n();
  return (
    <DialogButton label={t('reportOpen')} labelledBy="report-heading">
      {(close) => <ReportForm onClose={close} />}
    </DialogButton>
  );
}

function ReportForm({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const { board, token, setSession } = useBoardTools();
  const base = `/api/boards/${board.boardId}/report`;
  const query = `?token=${encodeURIComponent(token)}&lang=${locale}`;
  const [report, setReport] = useState<HostReport | null>(null);
  const [saved, setSaved] = useState(false);
  const load = async () => {
    const res = await fetch(`${base}.json${query}`, { cache: 'no-store' });
    if (res.ok) setReport((await res.json()) as HostReport);
  };
  useEffect(() => void load(), []);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSession('report', Object.fromEntries(FIELDS.map(([field]) => [field, String(form.get(field) ?? '').trim()])));
    setSaved(true);
    void load();
  };
  return (
    <div className="export">
      <div className="row spread">
        <h2 id="report-heading">{t('reportHeading')}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {report && (
        <dl className="report-facts">
          <dt>{t('mDate')}</dt>
          <dd>{report.meeting.date || '—'}</dd>
          <dt>{t('mPlace')}</dt>
          <dd>{report.meeting.place || '—'}</dd>
          <dt>{t('format')}</dt>
          <dd>{report.formatTitle ?? report.formatId ?? '—'}</dd>
          <dt>{t('reportStepsRun')}</dt>
          <dd>{report.stepsRun.map((s) => s.stepId).join(', ') || '—'}</dd>
          <dt>{t('attendanceHeading')}</dt>
          <dd data-testid="report-attendance">
            {report.attendance.total} — {report.attendance.byCity.map((c) => `${c.city}: ${c.count}`).join(', ')}
          </dd>
        </dl>
      )}
      {report && (
        <form className="meeting-form" onSubmit={submit}>
          {FIELDS.map(([field, label]) => (
            <label key={field}>
              {t(label)}
              <textarea name={field} rows={3} defaultValue={report.fields[field]} onChange={() => setSaved(false)} />
            </label>
          ))}
          <button type="submit">{saved ? t('saved') : t('save')}</button>
        </form>
      )}
      <div className="row wrap">
        <a className="button" href={`${base}.docx${query}`} download>
          DOCX
        </a>
        <a className="button" href={`${base}.csv${query}`} download>
          CSV
        </a>
        <a className="button" href={`${base}.json${query}`} download>
          JSON
        </a>
      </div>
    </div>
  );
}
