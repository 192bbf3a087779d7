import { describe, expect, it } from 'vitest';
import { networkEn, networkPl } from '../../client/src/network/networkMessages';
import { en, pl } from '../../client/src/messages';
import { parseCities } from '../../client/src/network/parseLists';
import { attendanceLine } from '../../client/src/network/attendanceLine';
import { REVIEW_STATUS_LABELS } from '../../shared/network/review';

describe('network texts', () => {
  it('are in the interface’s dictionary as written (no other text has their keys)', () => {
    for (const [key, text] of Object.entries(networkPl)) expect(pl[key as keyof typeof pl], key).toBe(text);
    for (const [key, text] of Object.entries(networkEn)) expect(en[key as keyof typeof en], key).toBe(text);
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
    ['Oslo (observer)\nKielce (obserwujące)', [{ name: 'Oslo', observer: true }, { name: 'Kielce', observer: true }]],
    ['(obserwator)', []],
  ])('reads the cities typed one a line: %j', (text, cities) => {
    expect(parseCities(text)).toEqual(cities);
  });
});
