/**
 * The hosts' post-meeting report form: prefilled from the board (date, place, format, steps run,
 * the meeting's length, attendance counts), completed here on the programme's form
 * (shared/report/reportForm.ts) and kept in the session; downloads as DOCX, CSV or JSON, in the
 * board's language, for the organisation's records. Kept apart from the participants' note.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { DialogButton } from '../board/DialogButton';
import type { HostReport } from '../../../shared/report/hostReport';
import { REPORT_FORM } from '../../../shared/report/reportForm';
import { formatDuration } from '../../../shared/text/dates';
import { HostFileLink } from './HostFileLink';
import { hostFetch } from './hostDownload';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';

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
  const [report, setReport] = useState<HostReport | null>(null);
  const [saved, setSaved] = useState(false);
  const load = async () => {
    const res = await hostFetch(`${base}.json?lang=${locale}`, token);
    if (res.ok) setReport((await res.json()) as HostReport);
  };
  useEffect(() => void load(), []);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSession('report', Object.fromEntries(REPORT_FORM.fields.map((field) => [field.id, String(form.get(field.id) ?? '').trim()])));
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
          <dt>{t('reportDuration')}</dt>
          <dd>{report.durationMinutes === null ? '—' : formatDuration(report.durationMinutes, locale)}</dd>
          <dt>{t('attendanceHeading')}</dt>
          <dd data-testid="report-attendance">
            {report.attendance.people} — {report.attendance.byCity.map((c) => `${c.city}: ${c.count}`).join(', ')}
          </dd>
        </dl>
      )}
      {report && (
        <form className="meeting-form" onSubmit={submit}>
          {report.fields.map((field) => (
            <label key={field.id}>
              {field.label}
              {field.kind === 'longText' ? (
                <textarea name={field.id} rows={3} defaultValue={field.value} onChange={() => setSaved(false)} />
              ) : (
                <input name={field.id} type={field.kind} min={field.kind === 'number' ? 0 : undefined} defaultValue={field.value} onChange={() => setSaved(false)} />
              )}
            </label>
          ))}
          <button type="submit">{saved ? t('saved') : t('save')}</button>
        </form>
      )}
      <div className="row wrap">
        <HostFileLink path={`${base}.docx`} token={token}>
          {t('downloadDocx')}
        </HostFileLink>
        <HostFileLink path={`${base}.csv`} token={token}>
          {t('downloadCsv')}
        </HostFileLink>
        <HostFileLink path={`${base}.json`} token={token}>
          {t('downloadJson')}
        </HostFileLink>
      </div>
    </div>
  );
}
