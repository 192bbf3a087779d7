/**
 * Polish as a Polish facilitator writes it, in every text a person reads: the interface, the
 * formats, the note and the report. Each pair is a wording that was reviewed away, with the
 * wording that replaced it; the first must not come back.
 */
import { describe, expect, it } from 'vitest';
import { pl } from '../../client/src/messages';
import { FORMATS } from '../../formats';
import { Localized } from '../../shared/formats/schema';
import { SUMMARY_LABELS } from '../../shared/summary/labels';
import { REPORT_LABELS } from '../../shared/report/labels';
import { REPORT_FORM } from '../../shared/report/reportForm';

const REVIEWED: [RegExp, string][] = [
  [/po powrocie sieci/, 'po przywróceniu połączenia'],
  [/Przywołaj wszystkich/, 'Pokaż wszystkim mój widok'],
  [/Dodaj głos/, 'Oddaj głos'],
  [/Jeden wybór|Wiele wyborów/, 'Jednokrotny / Wielokrotny wybór'],
  [/bez nazwiska w notatce/, 'nie umieszczaj w notatce'],
  [/pójść źle/, 'pójść nie tak'],
  [/Jak możemy/, 'Jak moglibyśmy'],
  [/wysiłek|wysiłku|wpływ/i, 'nakład / efekt'],
  [/jako wybrane/, 'jako uzgodnione (as the interface says)'],
  [/w ciszy/, 'w milczeniu'],
  [/\bProwadzący\b|prowadzącego\b|prowadzącym\b/, 'osoby prowadzące'],
  [/\b[Uu]czestnik(a|ów|om|ami)?\b|\bUczestnicy\b/, 'osoby uczestniczące'],
  [/\b[Oo]bserwator(a|ów|om|ami|zy)?\b/, 'osoby obserwujące'],
  [/\bKażdy (ma|pisze|zapisuje)\b/, 'każda osoba'],
  [/[Pp]rzedstawiciel(e|i)? miast/, 'osoby reprezentujące miasta'],
];

function polishTexts(): [string, string][] {
  const texts: [string, string][] = Object.entries(pl).map(([key, text]) => [`messages.${key}`, text]);
  const walk = (where: string, value: unknown) => {
    if (Localized.safeParse(value).success) texts.push([where, (value as Localized).pl]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(`${where}[${i}]`, v));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(`${where}.${k}`, v);
  };
  walk('formats', FORMATS);
  walk('reportForm', REPORT_FORM);
  const labels = (where: string, value: Record<string, unknown>) => {
    for (const [key, text] of Object.entries(value)) {
      if (typeof text === 'string') texts.push([`${where}.${key}`, text]);
      else if (typeof text === 'function') texts.push([`${where}.${key}`, String((text as (x: unknown) => string)(2))]);
      else if (typeof text === 'object' && text !== null) labels(`${where}.${key}`, text as Record<string, unknown>);
    }
  };
  labels('summary', SUMMARY_LABELS.pl as unknown as Record<string, unknown>);
  labels('report', REPORT_LABELS.pl as unknown as Record<string, unknown>);
  return texts;
}

describe('Polish wording', () => {
  it('reads all the texts (a sanity check on the walk itself)', () => {
    const texts = polishTexts();
    expect(texts.length).toBeGreaterThan(400);
    expect(texts.some(([, t]) => t.includes('Jak moglibyśmy'))).toBe(true);
  });

  it.each(REVIEWED)('no text says %s (now: %s)', (wording) => {
    expect(polishTexts().filter(([, text]) => wording.test(text)).map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });

  it('has no two buttons saying “Zamknij…” in the note’s dialog', () => {
    expect(pl.close.split(' ')[0]).toBe('Zamknij');
    expect(pl.closeMeeting.split(' ')[0]).not.toBe('Zamknij');
  });
});
