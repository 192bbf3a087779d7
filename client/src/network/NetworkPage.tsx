/**
 * A network's page, `/n/{id}#t=<network host token>`: its cities, hosts and contract, its meetings
 * in order (date, format, state, attendance, the review's statuses, links to each board, note and
 * report), the next meeting in one action, and the attendance archive's exports.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { InterfaceLanguage } from '../home/InterfaceLanguage';
import { rememberBoard } from '../home/myBoards';
import type { Locale } from '../../../shared/api';
import { NetworkView, type MeetingView } from '../../../shared/network/network';
import { readNetworkTokenPayload } from '../../../shared/network/networkToken';
import { REVIEW_STATUS_LABELS, ReviewStatusValue } from '../../../shared/network/review';
import { formatDate } from '../../../shared/text/dates';
import { getFormat } from '../../../formats';
import { useI18n } from '../i18n';
import { HostFileLink } from '../export/HostFileLink';
import type { MessageKey } from '../messages';
import { attendanceLine } from './attendanceLine';
import { BarometerChart } from './BarometerChart';
import { WorkplanSection } from './WorkplanSection';
import { MeetingPlanFields, meetingPlanOf } from './MeetingPlanFields';

const NEXT_FIELDS = { format: 'nextFormat', date: 'nextDate' };
const STATE_KEYS: Record<MeetingView['state'], MessageKey> = { planned: 'statePlanned', open: 'stateOpen', closed: 'stateClosed' };

export function NetworkPage({ networkId }: { networkId: string }) {
  const { t, locale } = useI18n();
  const token = useMemo(() => new URLSearchParams(window.location.hash.slice(1)).get('t') ?? '', []);
  const claims = useMemo(() => readNetworkTokenPayload(token), [token]);
  const [network, setNetwork] = useState<NetworkView | null>(null);
  const [failed, setFailed] = useState<'token' | 'other' | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<number | null>(null);

  const load = useCallback(async () => {
    const res = await fetch(`/api/networks/${networkId}`, { cache: 'no-store', headers: { authorization: `Bearer ${token}` } });
    if (res.status === 401 || res.status === 403 || res.status === 404) return setFailed('token');
    if (!res.ok) return setFailed('other');
    setNetwork(NetworkView.parse(await res.json()));
  }, [networkId, token]);
  useEffect(() => {
    if (claims?.n === networkId) void load().catch(() => setFailed('other'));
  }, [claims, networkId, load]);
  useEffect(() => {
    if (!network) return;
    document.title = `${network.info.title} — Tablica`;
    // Each visit renews the link (the address bar and "Moje tablice" keep the fresh one).
    history.replaceState(null, '', new URL(network.link).hash);
    rememberBoard({ id: network.id, title: `${t('listedAs')} ${network.info.title}`, at: new Date().toISOString(), role: 'facilitator', link: window.location.href });
    // Remembered once per load, in the language of that moment.
  }, [network]);

  if (!token || !claims) return <Notice text={t('networkNoToken')} />;
  if (claims.n !== networkId || failed === 'token') return <Notice text={t('networkBadToken')} />;
  if (failed === 'other') return <Notice text={t('networkError')} />;
  if (!network) return <Notice text={t('networkLoading')} busy />;

  const next = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const plan = meetingPlanOf(new FormData(event.currentTarget), NEXT_FIELDS);
    setBusy(true);
    try {
      const res = await fetch(`/api/networks/${networkId}/meetings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(plan),
      });
      if (res.status !== 201) throw new Error('refused');
      setCreated(((await res.json()) as { number: number }).number);
      await load();
    } catch {
      setFailed('other');
    } finally {
      setBusy(false);
    }
  };

  const { info } = network;
  return (
    <main className="page network-page">
      <header className="masthead">
        <p className="hint">{t('appName')}</p>
        <h1>{info.title}</h1>
        <InterfaceLanguage />
      </header>

      <section className="card" aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{t('meetingsHeading')}</h2>
        <ol className="meeting-list">
          {network.meetings.map((meeting) => (
            <MeetingItem key={meeting.boardId} meeting={meeting} locale={locale} networkId={networkId} networkToken={token} />
          ))}
        </ol>
        <p className="hint">{t('archiveHelp')}</p>
        <HostFileLink path={`/api/networks/${networkId}/attendance.csv`} token={token} className="button secondary">
          {t('attendanceTable')}
        </HostFileLink>
      </section>

      <WorkplanSection plan={network.workplan} locale={locale} networkId={networkId} token={token} />

      <BarometerChart series={network.barometer} />

      <form className="card" aria-labelledby="next-heading" onSubmit={(e) => void next(e)}>
        <h2 id="next-heading">{t('nextMeetingHeading')}</h2>
        <p className="hint">{t('nextMeetingHelp')}</p>
        <MeetingPlanFields locale={locale} formatLabel={t('meetingFormat')} defaultFormat="planning" names={NEXT_FIELDS} />
        <button type="submit" disabled={busy}>
          {busy ? t('creating') : t('createNextMeeting')}
        </button>
        {created !== null && <p role="status">{`${t('nextMeetingCreated')} ${created}`}</p>}
      </form>

      <section className="card" aria-labelledby="cities-heading">
        <h2 id="cities-heading">{t('citiesHeading')}</h2>
        <ul className="city-list">
          {info.cities.map((city) => (
            <li key={city.name}>
              {city.name}
              {city.observer && <span className="hint"> ({t('observerCity')})</span>}
            </li>
          ))}
        </ul>
        {info.hosts.length > 0 && (
          <>
            <h3>{t('hostsHeading')}</h3>
            <p>{info.hosts.join(', ')}</p>
          </>
        )}
        {info.contract && (
          <>
            <h3>{t('contractHeading')}</h3>
            <p className="contract">{info.contract}</p>
          </>
        )}
      </section>
    </main>
  );
}

function MeetingItem({ meeting, locale, networkId, networkToken }: { meeting: MeetingView; locale: Locale; networkId: string; networkToken: string }) {
  const { t } = useI18n();
  const format = meeting.formatId ? getFormat(meeting.formatId) : undefined;
  const board = `/api/boards/${meeting.boardId}`;
  const [planOpened, setPlanOpened] = useState(false);
  const openPlan = async () => {
    const res = await fetch(`/api/networks/${networkId}/meetings/${meeting.boardId}/workplan`, { method: 'POST', headers: { authorization: `Bearer ${networkToken}` } });
    setPlanOpened(res.status === 201);
  };
  return (
    <li className="meeting" data-state={meeting.state} aria-labelledby={`meeting-${meeting.number}`}>
      <h3 id={`meeting-${meeting.number}`}>
        {t('meetingNumber')} {meeting.number}
      </h3>
      <dl className="meeting-facts">
        <dt>{t('meetingDateLabel')}</dt>
        <dd>{meeting.date ? formatDate(meeting.date, locale) : t('noDate')}</dd>
        <dt>{t('meetingFormat')}</dt>
        <dd>{format ? format.shortTitle[locale] : t('blankBoard')}</dd>
        <dt>{t('meetingState')}</dt>
        <dd className="meeting-state">{t(STATE_KEYS[meeting.state])}</dd>
        <dt>{t('meetingAttendance')}</dt>
        <dd>{attendanceLine(locale, meeting.attendance.present, meeting.attendance.cities)}</dd>
      </dl>
      {meeting.review.length > 0 && (
        <div className="review-list">
          <h4>{t('reviewHeading')}</h4>
          <ul>
            {meeting.review.map((item, i) => {
              const status = ReviewStatusValue.safeParse(item.status);
              return (
                <li key={i}>
                  {[item.what, item.who, item.due].filter(Boolean).join(' — ')}: <strong>{status.success ? REVIEW_STATUS_LABELS[locale][status.data] : t('reviewNoStatus')}</strong>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="row wrap">
        <a className="button" href={meeting.links.facilitator} target="_blank" rel="noopener">
          {t('openBoard')}
        </a>
        <HostFileLink path={`${board}/summary.docx`} token={meeting.hostToken} className="button secondary">
          {t('noteDocx')}
        </HostFileLink>
        <HostFileLink path={`${board}/summary.md`} token={meeting.hostToken} className="button secondary">
          {t('noteMd')}
        </HostFileLink>
        <HostFileLink path={`${board}/report.docx`} token={meeting.hostToken} className="button secondary">
          {t('reportDocx')}
        </HostFileLink>
        {meeting.state === 'closed' ? (
          <HostFileLink path={`/api/networks/${networkId}/meetings/${meeting.boardId}/attendance.csv`} token={networkToken} className="button secondary">
            {t('attendanceCsv')}
          </HostFileLink>
        ) : (
          <button type="button" className="secondary" onClick={() => void openPlan()}>
            {t('openPlanStep')}
          </button>
        )}
      </div>
      {planOpened && <p role="status">{t('planStepOpened')}</p>}
      <label className="participant-link">
        {t('participantLink')}
        <input readOnly value={meeting.links.participant ?? ''} onFocus={(e) => e.currentTarget.select()} />
      </label>
    </li>
  );
}

function Notice({ text, busy = false }: { text: string; busy?: boolean }) {
  return (
    <main className="notice" aria-busy={busy}>
      <p role={busy ? 'status' : 'alert'}>{text}</p>
    </main>
  );
}
