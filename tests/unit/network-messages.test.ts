import { describe, expect, it } from 'vitest';
import { networkEn, networkPl, type NetworkMessageKey } from '../../client/src/network/networkMessages';
import { parseCities } from '../../client/src/network/parseLists';
import { attendanceLine } from '../../client/src/network/attendanceLine';
import { REVIEW_STATUS_LABELS } from '../../shared/network/review';

/** Words that are English and never Polish: one of them in a Polish text means an untranslated string. */
const ENGLISH_WORDS = /\b(the|and|of|your|you|with|is|are|this|please|click|not|has|have|board|note|vote|meeting|host|network)\b/i;
/** Wordings the Polish interface avoids (the same list the main dictionary is held to). */
const AVOIDED = [/\b[Uu]czestnik(a|ów|om|ami)?\b|\bUczestnicy\b/, /\b[Oo]bserwator(a|ów|om|ami|zy)?\b/, /\bProwadzący\b|prowadzącego\b|prowadzącym\b/];

describe('network texts', () => {
  it('has every Polish key in English, none empty, none left in English in Polish', () => {
    expect(Object.keys(networkEn).sort()).toEqual(Object.keys(networkPl).sort());
    for (const key of Object.keys(networkPl) as NetworkMessageKey[]) {
      expect(networkPl[key].trim(), key).not.toBe('');
      expect(networkEn[key].trim(), key).not.toBe('');
      expect(networkPl[key], key).not.toBe(networkEn[key]);
      expect(networkPl[key], key).not.toMatch(ENGLISH_WORDS);
    }
  });

  it('writes Polish as the rest of the interface does ("miasto obserwator" names a city, not a person)', () => {
    for (const [key, text] of Object.entries(networkPl)) for (const avoided of AVOIDED) expect(text.replace(/miasto obserwator|\(obserwator\)/g, ''), key).not.toMatch(avoided);
    expect(REVIEW_STATUS_LABELS.pl).toEqual({ done: 'zrobione', 'in-progress': 'w toku', 'not-done': 'niezrobione', dropped: 'porzucone' });
  });

  it.each([
    [0, 0, '0 osób obecnych · 0 miast'],
    [1, 1, '1 osoba obecna · 1 miasto'],
    [3, 2, '3 osoby obecne · 2 miasta'],
    [12, 5, '12 osób obecnych · 5 miast'],
    [22, 22, '22 osoby obecne · 22 miasta'],
  ])('says %i people from %i cities the Polish way', (present, cities, line) => {
    expect(attendanceLine('pl', present, cities)).toBe(line);
  });

  it.each([
    ['Gdynia\nNowa Sól (obserwator)\n\n  Starachowice  ', [{ name: 'Gdynia', observer: false }, { name: 'Nowa Sól', observer: true }, { name: 'Starachowice', observer: false }]],
    ['Oslo (observer)', [{ name: 'Oslo', observer: true }]],
    ['(obserwator)', []],
  ])('reads the cities typed one a line: %j', (text, cities) => {
    expect(parseCities(text)).toEqual(cities);
  });
});
