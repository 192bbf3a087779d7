/** A meeting's format and day, for the first meeting (home page) and the next one (network page). */
import type { Locale } from '../../../shared/api';
import { FormatOptions } from '../home/FormatOptions';
import { useNetworkText } from './networkMessages';

export function MeetingPlanFields({ locale, formatLabel, defaultFormat, names }: { locale: Locale; formatLabel: string; defaultFormat: string; names: { format: string; date: string } }) {
  const n = useNetworkText();
  return (
    <>
      <label>
        {formatLabel}
        <select name={names.format} defaultValue={defaultFormat}>
          <FormatOptions locale={locale} blank={n('formatNone')} />
        </select>
      </label>
      <label>
        {n('meetingDate')}
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
