/** What every export does to text: no XML-invalid characters, Polish dates, download names. */
import { describe, expect, it } from 'vitest';
import { withoutXmlInvalid, xmlSafe } from '../../shared/text/xmlSafe';
import { formatDate, formatDuration, minutesBetween, timeOf } from '../../shared/text/dates';
import { asciiFallback, contentDisposition, exportBaseName } from '../../server/export/fileName';
import { buildSummaryNote } from '../../shared/summary/summaryNote';
import { renderMarkdown } from '../../shared/summary/markdown';
import { renderHtml } from '../../shared/summary/html';
import { noteRecord } from '../helpers/records';

/** Every character XML 1.0 forbids, one of each kind. */
const XML_INVALID = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF'];

describe('XML-invalid characters', () => {
  it.each(XML_INVALID.map((c) => [c.charCodeAt(0).toString(16).padStart(4, '0'), c]))('U+%s is removed', (_code, c) => {
    expect(withoutXmlInvalid(`Ewa${c} Zielińska`)).toBe('Ewa Zielińska');
  });

  it('keeps tab, line breaks, Polish letters and paired surrogates (emoji)', () => {
    const text = 'a\tb\nc\rd ąęłńóśźż 👍';
    expect(withoutXmlInvalid(text)).toBe(text);
  });

  it('cleans every string of a value, keys included', () => {
    expect(xmlSafe({ ['k\uFFFE']: ['x\u0001', { y: 'z\uFFFF' }], n: 3, b: true, none: null })).toEqual({ k: ['x', { y: 'z' }], n: 3, b: true, none: null });
  });

  it('leaves none in the note, whatever people typed', () => {
    const records = [noteRecord('shape:bad', `Zły${XML_INVALID.join('x')} znak`, { meta: { agreed: true } })];
    const session = { title: 'T\uFFFE', attendance: { a: { name: 'Ewa\uFFFE', city: 'Gdy\u0007nia', role: 'participant', optOut: false } } };
    const note = buildSummaryNote({ session, records, locale: 'pl' });
    for (const text of [JSON.stringify(note), renderMarkdown(note), renderHtml(note)]) {
      for (const c of XML_INVALID) expect(text.includes(c), `U+${c.charCodeAt(0).toString(16)}`).toBe(false);
    }
    expect(renderMarkdown(note)).toContain('- **Gdynia:** Ewa');
  });
});

describe('dates and times', () => {
  it.each([
    ['2026-11-29', 'pl', '29 listopada 2026 r.'],
    ['2027-01-05', 'pl', '5 stycznia 2027 r.'],
    ['2026-11-29', 'en', '29 November 2026'],
    ['koniec listopada', 'pl', 'koniec listopada'],
    ['2026-13-01', 'pl', '2026-13-01'],
  ] as const)('%s (%s) reads %s', (date, locale, text) => {
    expect(formatDate(date, locale)).toBe(text);
  });

  it.each([
    [270, 'pl', '4 godz. 30 min'],
    [45, 'pl', '45 min'],
    [120, 'en', '2 h'],
  ] as const)('%i minutes (%s) read %s', (minutes, locale, text) => {
    expect(formatDuration(minutes, locale)).toBe(text);
  });

  it('gives times of day in Polish time, summer and winter', () => {
    expect(timeOf('2026-11-29T09:05:00Z')).toBe('10:05');
    expect(timeOf('2026-06-01T09:05:00Z')).toBe('11:05');
    expect(minutesBetween('10:05', '14:35')).toBe(270);
    expect(minutesBetween('14:35', '10:05')).toBeUndefined();
    expect(minutesBetween('', '10:05')).toBeUndefined();
  });
});

describe('download names', () => {
  it('come from the date, the kind and the title, without characters a file system refuses', () => {
    expect(exportBaseName('2026-11-29', 'Notatka', 'Sieć: Przedsiębiorczość / Gdynia?')).toBe('2026-11-29 Notatka – Sieć Przedsiębiorczość Gdynia');
    expect(exportBaseName('', 'Sprawozdanie', '')).toBe('Sprawozdanie');
    expect([...exportBaseName('2026-11-29', 'Notatka', 'ż'.repeat(500))]).toHaveLength(120);
  });

  it('fall back to ASCII without losing the Polish letters’ shapes', () => {
    expect(asciiFallback('2026-11-29 Notatka – Łódź, Żółć')).toBe('2026-11-29 Notatka - Lodz, Zolc');
  });

  it('go out as RFC 6266 asks: an ASCII filename and the UTF-8 filename*', () => {
    const header = contentDisposition("2026-11-29 Notatka – Sieć (nr 3) O'Neill.docx");
    expect(header).toBe(
      "attachment; filename=\"2026-11-29 Notatka - Siec (nr 3) O'Neill.docx\"; filename*=UTF-8''2026-11-29%20Notatka%20%E2%80%93%20Sie%C4%87%20%28nr%203%29%20O%27Neill.docx",
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe("2026-11-29 Notatka – Sieć (nr 3) O'Neill.docx");
  });
});
