/**
 * The hosts' export dialog: meeting details and attendance (kept in the session), a preview of
 * the summary note, downloads (.docx, .md, print), and closing the meeting (rule R5).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { DialogButton } from '../board/DialogButton';
import { MeetingDetails, MEETING_MODES } from '../../../shared/session';
import { AttendanceList } from '../people/AttendanceList';
import { HostFileLink } from './HostFileLink';
import { hostFetch } from './hostDownload';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

const MODE_LABEL: Record<(typeof MEETING_MODES)[number], MessageKey> = { room: 'modeRoom', online: 'modeOnline', hybrid: 'modeHybrid' };

export function ExportButton() {
  const { t } = useI18n();
  return (
    <DialogButton label={t('exportOpen')} labelledBy="export-heading">
      {(close) => <ExportContent onClose={close} />}
    </DialogButton>
  );
}

function ExportContent({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const tools = useBoardTools();
  const base = `/api/boards/${tools.board.boardId}/summary`;
  // No language asked for: the note is in the board's language, whoever downloads it. The host
  // token goes in a header, never in these URLs.
  const [preview, setPreview] = useState('');
  const [status, setStatus] = useState('');
  const refresh = async () => {
    const res = await hostFetch(`${base}.html`, tools.token);
    setPreview(res.ok ? await res.text() : '');
  };
  useEffect(() => void refresh(), []);

  const closeMeeting = async () => {
    if (!window.confirm(t('closeMeetingConfirm'))) return;
    const reply = await tools.request({ t: 'close-meeting', confirm: true });
    setStatus(reply.t === 'ok' ? t('meetingClosed') : t('errorGeneric'));
    await refresh();
  };

  return (
    <div className="export">
      <div className="row spread">
        <h2 id="export-heading">{t('exportHeading')}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <MeetingForm onSaved={() => void refresh()} />
      <AttendanceList onChanged={() => void refresh()} />
      <section aria-labelledby="preview-heading">
        <div className="row spread">
          <h3 id="preview-heading">{t('preview')}</h3>
          <button type="button" className="secondary" onClick={() => void refresh()}>
            {t('refreshPreview')}
          </button>
        </div>
        <iframe className="preview" title={t('preview')} sandbox="" srcDoc={preview} />
      </section>
      <div className="row wrap">
        <HostFileLink path={`${base}.docx`} token={tools.token}>
          {t('downloadDocx')}
        </HostFileLink>
        <HostFileLink path={`${base}.md`} token={tools.token}>
          {t('downloadMd')}
        </HostFileLink>
        <HostFileLink path={`${base}.html`} token={tools.token} open className="button secondary">
          {t('print')}
        </HostFileLink>
        <button type="button" className="danger" onClick={() => void closeMeeting()}>
          {t('closeMeeting')}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </div>
  );
}

function MeetingForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const { setSession } = useBoardTools();
  const stored = MeetingDetails.parse(useSessionField<unknown>('meeting') ?? {});
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setSession('meeting', {
      network: text('network'),
      meetingTitle: text('meetingTitle'),
      meetingNumber: text('meetingNumber'),
      date: text('date'),
      place: text('place'),
      mode: text('mode') as MeetingDetails['mode'],
      hosts: text('hosts').split(',').map((h) => h.trim()).filter(Boolean),
      nextMeeting: text('nextMeeting'),
    } satisfies MeetingDetails);
    setSaved(true);
    onSaved();
  };
  const field = (name: keyof MeetingDetails, label: MessageKey, value: string, type = 'text') => (
    <label>
      {t(label)}
      <input name={name} type={type} defaultValue={value} onChange={() => setSaved(false)} />
    </label>
  );
  return (
    <form className="meeting-form" onSubmit={submit} aria-labelledby="meeting-heading">
      <h3 id="meeting-heading">{t('meetingDetails')}</h3>
      <div className="grid">
        {field('network', 'mNetwork', stored.network)}
        {field('meetingTitle', 'mTitle', stored.meetingTitle)}
        {field('meetingNumber', 'mNumber', stored.meetingNumber)}
        {field('date', 'mDate', stored.date, 'date')}
        {field('place', 'mPlace', stored.place)}
        <label>
          {t('mMode')}
          <select name="mode" defaultValue={stored.mode}>
            <option value="">{t('modeNone')}</option>
            {MEETING_MODES.map((m) => (
              <option key={m} value={m}>
                {t(MODE_LABEL[m])}
              </option>
            ))}
          </select>
        </label>
        {field('hosts', 'mHosts', stored.hosts.join(', '))}
        {field('nextMeeting', 'mNext', stored.nextMeeting)}
      </div>
      <p className="hint">{t('nextMeetingHint')}</p>
      <button type="submit">{saved ? t('saved') : t('save')}</button>
    </form>
  );
}

