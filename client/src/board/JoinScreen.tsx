/** Name and city before the board, under the meeting's title, date and hosts; remembered on this device. */
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { rememberedPerson, rememberPerson } from './identity';
import type { Person } from '../sync/presence';
import { fetchMeetingInfo, type MeetingInfo } from '../phone/meetingInfo';
import { formatDate } from '../../../shared/text/dates';
import { setTabTitle } from '../phone/tabTitle';

export function JoinScreen({ boardId, token, onJoin }: { boardId: string; token: string; onJoin: (person: Person) => void }) {
  const { t, locale } = useI18n();
  const [name, setName] = useState(() => rememberedPerson()?.name ?? '');
  const [city, setCity] = useState(() => rememberedPerson()?.city ?? '');
  const [meeting, setMeeting] = useState<MeetingInfo | null>(null);
  useEffect(() => {
    // Without it the form still works: the meeting's name is a help, not a condition.
    fetchMeetingInfo(boardId, token).then(setMeeting, () => setMeeting(null));
  }, [boardId, token]);
  useEffect(() => setTabTitle(meeting?.title), [meeting]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onJoin(rememberPerson(name, city));
  };
  return (
    <main className="page join-page">
      <form className="card" onSubmit={submit} aria-labelledby="join-heading">
        {meeting?.title && (
          <p className="join-meeting" data-testid="join-meeting">
            <strong className="join-title">{meeting.title}</strong>
            {meeting.date && (
              <span>
                {t('joinMeetingDate')}: {formatDate(meeting.date, locale)}
              </span>
            )}
            {meeting.hosts.length > 0 && (
              <span>
                {t('joinMeetingHosts')}: {meeting.hosts.join(', ')}
              </span>
            )}
          </p>
        )}
        <h1 id="join-heading">{t('joinHeading')}</h1>
        <label>
          {t('joinName')}
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} autoComplete="name" autoFocus />
        </label>
        <label>
          {t('joinCity')}
          <input name="city" value={city} onChange={(e) => setCity(e.target.value)} maxLength={120} autoComplete="organization" />
        </label>
        <button type="submit">{t('joinSubmit')}</button>
        <p className="hint">{t('joinRemembered')}</p>
      </form>
    </main>
  );
}
