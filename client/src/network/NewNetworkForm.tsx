/** The home page's second way in: a network and its first meeting, as quick as a lone board (only the name is required). */
import { useState, type FormEvent } from 'react';
import { FormError } from '../home/FormError';
import type { Locale } from '../../../shared/api';
import { CreateNetworkResponse } from '../../../shared/network/network';
import { useI18n } from '../i18n';
import { lines, parseCities } from './parseLists';
import { MeetingPlanFields, meetingPlanOf } from './MeetingPlanFields';
import { rememberBoard } from '../home/myBoards';

const FIRST_FIELDS = { format: 'networkFormat', date: 'networkDate' };

export function NewNetworkForm({ locale }: { locale: Locale }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [created, setCreated] = useState<CreateNetworkResponse | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    setError('');
    try {
      const res = await fetch('/api/networks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: text('networkTitle'),
          locale,
          cities: parseCities(text('networkCities')),
          hosts: lines(text('networkHosts')),
          contract: text('networkContract').trim(),
          firstMeeting: meetingPlanOf(form, FIRST_FIELDS),
        }),
      });
      if (res.status === 429) throw new Error(t('errorTooMany'));
      if (res.status === 401) throw new Error(t('errorOrganiser'));
      if (res.status !== 201) throw new Error(t('networkError'));
      const network = CreateNetworkResponse.parse(await res.json());
      // The network's link is the way back to all its meetings: "Moje tablice" keeps it in this browser.
      rememberBoard({ id: network.id, title: `${t('listedAs')} ${text('networkTitle').trim()}`, at: new Date().toISOString(), role: 'facilitator', link: network.link });
      setCreated(network);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('networkError'));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <section className="card" aria-labelledby="network-created-heading">
        <h2 id="network-created-heading">{t('newNetworkHeading')}</h2>
        <p role="status">{t('networkCreated')}</p>
        <label>
          {t('networkLink')}
          <input readOnly value={created.link} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <a className="button" href={created.link}>
          {t('openNetwork')}
        </a>
      </section>
    );
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="network-heading">
      <h2 id="network-heading">{t('newNetworkHeading')}</h2>
      <p className="hint">{t('newNetworkHelp')}</p>
      <label>
        {t('networkTitle')}
        <input name="networkTitle" required maxLength={200} placeholder={t('networkTitlePlaceholder')} />
      </label>
      <label>
        {t('networkCities')}
        <textarea name="networkCities" rows={5} />
      </label>
      <label>
        {t('networkHosts')}
        <textarea name="networkHosts" rows={2} />
      </label>
      <label>
        {t('networkContract')}
        <textarea name="networkContract" rows={3} maxLength={4000} />
      </label>
      <MeetingPlanFields locale={locale} formatLabel={t('firstMeetingFormat')} defaultFormat="kickoff" names={FIRST_FIELDS} />
      <button type="submit" disabled={busy}>
        {busy ? t('creating') : t('createNetwork')}
      </button>
      <FormError error={error} />
    </form>
  );
}
