/** A meeting's attendance in words, with Polish plurals: "1 osoba obecna · 2 miasta", "5 osób obecnych · 5 miast". */
import type { Locale } from '../../../shared/api';
import { polishCount } from '../../../shared/summary/labels';

export function attendanceLine(locale: Locale, present: number, cities: number): string {
  if (locale === 'pl') return `${polishCount(present, 'osoba obecna', 'osoby obecne', 'osób obecnych')} · ${polishCount(cities, 'miasto', 'miasta', 'miast')}`;
  return `${present} present · ${cities === 1 ? '1 city' : `${cities} cities`}`;
}
