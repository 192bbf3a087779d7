/**
 * The attendance list as people read it: the cities' representatives by city, one entry per
 * person; hosts apart (their organisation is not a city), observers only counted, and a host's
 * own test visit on a participant link not counted at all.
 */
import type { Locale } from '../api';
import { Attendance, type AttendanceEntry } from '../session';

export interface AttendanceList {
  /** Names of the hosts: those given in the meeting details, then hosts who joined. */
  hosts: string[];
  /** Cities in alphabetical order, each with its people. */
  byCity: { city: string; people: string[] }[];
  /** Participants who gave no city. */
  withoutCity: string[];
  /** Distinct observers on the list. */
  observers: number;
}

/** A name that says "this is a test" and nothing else: "test", "Test 2", "próba". */
const TEST_NAME = /^(test\w*|testowy|testowa|pr[óo]ba|sprawdzam)(\s+\d+)?$/iu;

const tidy = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
/** Two entries are one person when their names match, whatever the case and spacing. */
const personKey = (name: string) => tidy(name).toLocaleLowerCase('pl');

export interface AttendanceOptions {
  locale: Locale;
  /** Hosts named in the meeting details. */
  hosts?: readonly string[];
  /** Keep people who asked to be left out of the note (the report counts them; the note never). */
  withOptedOut?: boolean;
}

export function readAttendance(raw: unknown, options: AttendanceOptions): AttendanceList {
  const parsed = Attendance.safeParse(raw ?? {});
  const entries: AttendanceEntry[] = parsed.success ? Object.values(parsed.data) : [];
  const collator = new Intl.Collator(options.locale);

  const hosts = new Map<string, string>();
  for (const name of [...(options.hosts ?? []), ...entries.filter((e) => e.role === 'facilitator' || e.role === 'expert').map((e) => e.name)]) {
    if (tidy(name) && !hosts.has(personKey(name))) hosts.set(personKey(name), tidy(name));
  }

  const observers = new Set<string>();
  const people = new Map<string, { name: string; city: string; optOut: boolean }>();
  for (const entry of entries) {
    // Invited but never came: on the hosts' list, not in the note or the report.
    if (!entry.present) continue;
    const key = personKey(entry.name);
    if (!key || hosts.has(key) || TEST_NAME.test(tidy(entry.name))) continue;
    if (entry.role === 'observer') {
      observers.add(key);
      continue;
    }
    const seen = people.get(key);
    // One person on two devices is one entry: the first city given, and leaving out wins.
    people.set(key, { name: seen?.name ?? tidy(entry.name), city: seen?.city || tidy(entry.city), optOut: (seen?.optOut ?? false) || entry.optOut });
  }

  const byCity = new Map<string, string[]>();
  const withoutCity: string[] = [];
  for (const person of people.values()) {
    if (person.optOut && !options.withOptedOut) continue;
    if (person.city) byCity.set(person.city, [...(byCity.get(person.city) ?? []), person.name]);
    else withoutCity.push(person.name);
  }
  return {
    hosts: [...hosts.values()],
    byCity: [...byCity].map(([city, names]) => ({ city, people: names.sort(collator.compare) })).sort((a, b) => collator.compare(a.city, b.city)),
    withoutCity: withoutCity.sort(collator.compare),
    observers: observers.size,
  };
}
