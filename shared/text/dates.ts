/** Dates and lengths of time as a Polish (or English) office writes them. */
import type { Locale } from '../api';

const MONTHS: Record<Locale, readonly string[]> = {
  // Polish dates take the month in the genitive: "29 listopada 2026 r."
  pl: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD, as a date field gives it) in words; anything else as it was typed. */
export function formatDate(date: string, locale: Locale): string {
  const match = ISO_DATE.exec(date.trim());
  const month = match ? MONTHS[locale][Number(match[2]) - 1] : undefined;
  if (!match || !month || Number(match[3]) < 1 || Number(match[3]) > 31) return date.trim();
  const day = Number(match[3]);
  return locale === 'pl' ? `${day} ${month} ${match[1]} r.` : `${day} ${month} ${match[1]}`;
}

/** Whether the text is a calendar date in the YYYY-MM-DD form. */
export function isIsoDate(date: string): boolean {
  return ISO_DATE.test(date.trim());
}

/** A length of time in whole minutes: "4 godz. 30 min", "45 min". */
export function formatDuration(minutes: number, locale: Locale): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const h = locale === 'pl' ? 'godz.' : 'h';
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} ${h}` : `${hours} ${h} ${rest} min`;
}

/** The networks meet in Poland: times of day in the report are Polish time. */
export const MEETING_TIME_ZONE = 'Europe/Warsaw';

function partsAt(instant: string, timeZone: string): Record<string, string> | undefined {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return undefined;
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

/** The calendar day (YYYY-MM-DD) of an instant, in the meeting's time zone. */
export function dayOf(instant: string, timeZone = MEETING_TIME_ZONE): string {
  const p = partsAt(instant, timeZone);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}

/** The time of day (HH:MM) of an instant, in the meeting's time zone. */
export function timeOf(instant: string, timeZone = MEETING_TIME_ZONE): string {
  const p = partsAt(instant, timeZone);
  return p ? `${p.hour}:${p.minute}` : '';
}

/** Minutes from one HH:MM to a later one the same day; undefined when either is not a time. */
export function minutesBetween(start: string, end: string): number | undefined {
  const parse = (t: string) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(t.trim());
    return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : undefined;
  };
  const a = parse(start);
  const b = parse(end);
  return a === undefined || b === undefined || b < a ? undefined : b - a;
}
