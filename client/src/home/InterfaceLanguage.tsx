/** The masthead's choice of interface language (Polish or English), kept in this browser. */
import type { Locale } from '../../../shared/api';
import { useI18n } from '../i18n';

export function InterfaceLanguage() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="language">
      {t('language')}
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        <option value="pl">Polski</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
