/**
 * A network's attendance archive: what a closed meeting's attendance list keeps (name, city,
 * function, present — the cities' people, not the hosts), and the exports hosts take from it: one
 * meeting's list, and the network's table of attendance by city across meetings. CSV as a Polish
 * office opens it (semicolons, no cell a spreadsheet would run as a formula); the caller adds the BOM.
 */
import type { Locale } from '../api';
import { attendanceOf } from '../sessionTotals';
import { csvCell } from '../report/reportCsv';
import type { ArchivedPerson, NetworkCity } from './network';

/** The people of a session's attendance list as the archive keeps them, in name order. */
export function archivedPeople(session: Record<string, unknown>, locale: Locale): ArchivedPerson[] {
  const collator = new Intl.Collator(locale);
  return Object.values(attendanceOf(session))
    .filter((entry) => entry.role === 'participant' || entry.role === 'observer')
    .map((entry) => ({ name: entry.name, city: entry.city, function: entry.function, present: entry.present }))
    .sort((a, b) => collator.compare(a.city, b.city) || collator.compare(a.name, b.name))
    .slice(0, 500);
}

const LABELS = {
  pl: { name: 'Imię i nazwisko', city: 'Miasto', fn: 'Funkcja', present: 'Obecność', yes: 'obecna/obecny', no: 'nieobecna/nieobecny', meeting: (n: number) => `Spotkanie nr ${n}`, observer: 'Miasto obserwujące', total: 'Razem', yesShort: 'tak' },
  en: { name: 'Name', city: 'City', fn: 'Function', present: 'Attendance', yes: 'present', no: 'absent', meeting: (n: number) => `Meeting no. ${n}`, observer: 'Observer city', total: 'Total', yesShort: 'yes' },
} as const;

const csv = (rows: string[][]) => rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';

/** One meeting's archived list. */
export function meetingAttendanceCsv(people: ArchivedPerson[], locale: Locale): string {
  const l = LABELS[locale];
  return csv([[l.name, l.city, l.fn, l.present], ...people.map((p) => [p.name, p.city, p.function, p.present ? l.yes : l.no])]);
}

export interface MeetingAttendance {
  number: number;
  /** Null while the meeting is not closed: its list is not archived yet. */
  people: ArchivedPerson[] | null;
}

/** How many people of each city were present at each meeting: member cities first (as listed), then any other. */
export function attendanceByCity(meetings: MeetingAttendance[], cities: NetworkCity[], locale: Locale): { city: string; observer: boolean; counts: (number | null)[] }[] {
  const key = (city: string) => city.trim().toLocaleLowerCase(locale);
  const rows = new Map<string, { city: string; observer: boolean; counts: (number | null)[] }>();
  const blank = () => meetings.map((m) => (m.people ? 0 : null));
  for (const c of cities) if (!rows.has(key(c.name))) rows.set(key(c.name), { city: c.name, observer: c.observer, counts: blank() });
  meetings.forEach((meeting, i) => {
    for (const person of meeting.people ?? []) {
      if (!person.present || person.city.trim() === '') continue;
      const row = rows.get(key(person.city)) ?? { city: person.city.trim(), observer: false, counts: blank() };
      row.counts[i] = (row.counts[i] ?? 0) + 1;
      rows.set(key(person.city), row);
    }
  });
  return [...rows.values()];
}

/** The network's table: a row per city, a column per meeting (empty while a meeting is not closed), a total row. */
export function networkAttendanceCsv(meetings: MeetingAttendance[], cities: NetworkCity[], locale: Locale): string {
  const l = LABELS[locale];
  const rows = attendanceByCity(meetings, cities, locale);
  const totals = meetings.map((m) => (m.people ? m.people.filter((p) => p.present).length : null));
  const cell = (n: number | null) => (n === null ? '' : String(n));
  return csv([
    [l.city, l.observer, ...meetings.map((m) => l.meeting(m.number))],
    ...rows.map((r) => [r.city, r.observer ? l.yesShort : '', ...r.counts.map(cell)]),
    [l.total, '', ...totals.map(cell)],
  ]);
}
