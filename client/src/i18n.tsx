/** The interface language: Polish for Polish browsers (and by default), English otherwise; switchable. */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../shared/api';
import { MESSAGES, type MessageKey } from './messages';

const STORAGE_KEY = 'tablica.locale';

export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'pl' || saved === 'en') return saved;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  if (languages.some((l) => l.toLowerCase().startsWith('pl'))) return 'pl';
  return languages.some((l) => l.toLowerCase().startsWith('en')) ? 'en' : 'pl';
}

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
      t: (key) => MESSAGES[locale][key],
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
