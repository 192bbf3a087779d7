/** Name and city before the board; remembered in this browser. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { rememberPerson } from './identity';
import type { Person } from '../sync/presence';

export function JoinScreen({ onJoin }: { onJoin: (person: Person) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [city, setCity] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onJoin(rememberPerson(name, city));
  };
  return (
    <main className="page">
      <form className="card" onSubmit={submit} aria-labelledby="join-heading">
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
