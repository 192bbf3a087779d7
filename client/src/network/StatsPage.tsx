/**
 * The programme's figures across networks, `/stats`, for whoever runs the programme: meetings held,
 * average attendance and cities per network and in total (counts only). With an organiser secret
 * set on the server, it is asked for here and sent in a header, never in the address.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ProgrammeStats } from '../../../shared/network/programmeStats';
import { useI18n } from '../i18n';
import { InterfaceLanguage } from '../home/InterfaceLanguage';

export function StatsPage() {
  const { t, locale } = useI18n();
  const [stats, setStats] = useState<ProgrammeStats | null>(null);
  const [state, setState] = useState<'loading' | 'secret' | 'refused' | 'error' | 'ready'>('loading');

  const load = useCallback(async (secret?: string) => {
    const res = await fetch('/api/networks/stats', { cache: 'no-store', headers: secret ? { authorization: `Bearer ${secret}` } : {} });
    if (res.status === 401) return setState(secret ? 'refused' : 'secret');
    if (!res.ok) return setState('error');
    setStats((await res.json()) as ProgrammeStats);
    setState('ready');
  }, []);
  useEffect(() => void load().catch(() => setState('error')), [load]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void load(String(new FormData(event.currentTarget).get('secret') ?? '')).catch(() => setState('error'));
  };
  const number = (value: number | null) => (value === null ? '—' : value.toLocaleString(locale === 'pl' ? 'pl-PL' : 'en-GB'));

  return (
    <main className="page">
      <header className="masthead">
        <p className="hint">{t('appName')}</p>
        <h1>{t('statsHeading')}</h1>
        <InterfaceLanguage />
      </header>
      {(state === 'secret' || state === 'refused') && (
        <form className="card" onSubmit={submit} aria-labelledby="secret-heading">
          <h2 id="secret-heading">{t('statsSecret')}</h2>
          <label>
            {t('statsSecret')}
            <input name="secret" type="password" required autoComplete="current-password" />
          </label>
          <button type="submit">{t('statsShow')}</button>
          {state === 'refused' && (
            <p className="error" role="alert">
              {t('statsRefused')}
            </p>
          )}
        </form>
      )}
      {state === 'error' && <p role="alert">{t('networkError')}</p>}
      {state === 'ready' && stats && (
        <section className="card" aria-labelledby="stats-table-heading">
          <h2 id="stats-table-heading">{t('statsTable')}</h2>
          <p className="hint">{t('statsHelp')}</p>
          <div className="table-scroll">
            <table className="stats-table">
              <thead>
                <tr>
                  <th scope="col">{t('statsNetwork')}</th>
                  <th scope="col">{t('statsHeld')}</th>
                  <th scope="col">{t('statsAverage')}</th>
                  <th scope="col">{t('statsCities')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.networks.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.title}</th>
                    <td>{number(row.meetingsHeld)}</td>
                    <td>{number(row.averageAttendance)}</td>
                    <td>{number(row.cities)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{`${t('statsTotal')} (${stats.total.networks})`}</th>
                  <td>{number(stats.total.meetingsHeld)}</td>
                  <td>{number(stats.total.averageAttendance)}</td>
                  <td>{number(stats.total.cities)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      )}
    </main>
  );
}
