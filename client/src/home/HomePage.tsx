/** The home page: create a board (optionally from a format) and get its four role links. */
import { useState, type FormEvent } from 'react';
import { FormError } from './FormError';
import { InterfaceLanguage } from './InterfaceLanguage';
import { FormatOptions } from './FormatOptions';
import { CITY_ZONES, CreateBoardResponse, type Locale } from '../../../shared/api';
import { getFormat } from '../../../formats';
import { useI18n } from '../i18n';
import { FormatGuide } from './FormatGuide';
import { RoleLinkList } from '../people/RoleLinks';
import { MyBoards } from './MyBoards';
import { rememberBoard } from './myBoards';
import { NewNetworkForm } from '../network/NewNetworkForm';

export function HomePage() {
  const { t, locale } = useI18n();
  const [title, setTitle] = useState('');
  const [formatId, setFormatId] = useState<string>('');
  const [boardLocale, setBoardLocale] = useState<Locale>(locale);
  const [cities, setCities] = useState<number>(CITY_ZONES.default);
  const format = getFormat(formatId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [board, setBoard] = useState<CreateBoardResponse | null>(null);

  const request = async (path: string, body?: unknown) => {
    setBusy(true);
    setError('');
    try {
      const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = (await res.json()) as { error?: string };
      // Plain words for what a person can act on; anything else is "try again".
      if (res.status === 429) throw new Error(t('errorTooMany'));
      if (res.status === 401) throw new Error(t('errorOrganiser'));
      if (res.status !== 201) throw new Error(t('errorGeneric'));
      const created = CreateBoardResponse.parse(json);
      setBoard(created);
      rememberBoard({ id: created.id, title: (body as { title?: string } | undefined)?.title || t('myBoardsDemo'), at: new Date().toISOString(), role: 'facilitator', link: created.links.facilitator });
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void request('/api/boards', { title, locale: boardLocale, ...(formatId ? { formatId } : {}), ...(formatId === 'kickoff' ? { cities } : {}) });
  };

  return (
    <main className="page">
      <header className="masthead">
        <h1>{t('appName')}</h1>
        <p>{t('tagline')}</p>
        <InterfaceLanguage />
      </header>
      {!board ? (
        <form className="card" onSubmit={submit} aria-labelledby="create-heading">
          <h2 id="create-heading">{t('createHeading')}</h2>
          <label>
            {t('boardTitle')}
            <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('boardTitlePlaceholder')} required maxLength={200} />
          </label>
          <label>
            {t('format')}
            <select name="format" value={formatId} onChange={(e) => setFormatId(e.target.value)}>
              <FormatOptions locale={locale} blank={t('formatNone')} />
            </select>
          </label>
          {format && <FormatGuide format={format} />}
          {formatId === 'kickoff' && (
            <label>
              {t('cities')}
              <input name="cities" type="number" min={CITY_ZONES.min} max={CITY_ZONES.max} value={cities} onChange={(e) => setCities(Number(e.target.value))} required />
            </label>
          )}
          <label>
            {t('language')}
            <select name="locale" value={boardLocale} onChange={(e) => setBoardLocale(e.target.value as Locale)}>
              <option value="pl">Polski</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t('creating') : t('create')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void request('/api/demo')}>
            {t('demo')}
          </button>
          <FormError error={error} />
        </form>
      ) : (
        <section className="card" aria-labelledby="links-heading">
          <h2 id="links-heading">{t('linksHeading')}</h2>
          <p className="hint">{t('linksHelp')}</p>
          <RoleLinkList links={board.links} />
        </section>
      )}
      {!board && <NewNetworkForm locale={locale} />}
      <MyBoards />
    </main>
  );
}
