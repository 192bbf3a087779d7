/** The home page's network form: cities and hosts typed one a line. */
import type { NetworkCity } from '../../../shared/network/network';

/** "(obserwujące)", "(obserwator)" or "(observer)" after a city's name marks an observer city. */
const OBSERVER_MARK = /\s*\((obserwujące|obserwator|observer)\)\s*$/iu;

export function parseCities(text: string): NetworkCity[] {
  return lines(text).map((line) => ({ name: line.replace(OBSERVER_MARK, '').trim(), observer: OBSERVER_MARK.test(line) })).filter((c) => c.name !== '');
}

export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
