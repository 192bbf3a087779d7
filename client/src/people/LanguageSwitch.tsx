/** Polish or English, for our texts and tldraw's own. */
import type { Locale } from '../../../shared/api';
import { useI18n } from '../i18n';
import { useBoardTools } from '../board/BoardContext';

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const { editor } = useBoardTools();
  return (
    <label className="language-switch">
      {t('language')}
      <select
        value={locale}
        onChange={(e) => {
          const next = e.target.value as Locale;
          setLocale(next);
          editor.user.updateUserPreferences({ locale: next });
        }}
      >
        <option value="pl">Polski</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
