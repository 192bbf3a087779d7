/** A meeting's format and day, for the first meeting (home page) and the next one (network page). */
import type { Locale } from '../../../shared/api';
import { useI18n } from '../i18n';
import { FormatOptions } from '../home/FormatOptions';

export function MeetingPlanFields({ locale, formatLabel, defaultFormat, names }: { locale: Locale; formatLabel: string; defaultFormat: string; names: { format: string; date: string } }) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {formatLabel}
        <select name={names.format} defaultValue={defaultFormat}>
          <FormatOptions locale={locale} blank={t('blankBoard')} />
        </select>
      </label>
      <label>
        {t('meetingDate')}
        <input name={names.date} type="date" />
      </label>
    </>
  );
}

/** The plan the fields hold, as the API takes it. */
export function meetingPlanOf(form: FormData, names: { format: string; date: string }): { formatId?: string; date?: string } {
  const formatId = String(form.get(names.format) ?? '');
  const date = String(form.get(names.date) ?? '');
  return { ...(formatId ? { formatId } : {}), ...(date ? { date } : {}) };
}
