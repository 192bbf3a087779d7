import { describe, expect, it } from 'vitest';
import { buildSummaryNote } from '../../shared/summary/summaryNote';
import { escapeMarkdown, renderMarkdown } from '../../shared/summary/markdown';
import { renderHtml } from '../../shared/summary/html';
import { SUMMARY_LABELS } from '../../shared/summary/labels';
import { richTextToPlain } from '../../shared/canvas';
import { AGREED_TEXTS, NOT_AGREED_TEXTS, finishedSession, finishedSessionRecords } from '../helpers/summaryFixture';
import { noteRecord, richText } from '../helpers/records';

const build = (overrides: Partial<Parameters<typeof buildSummaryNote>[0]> = {}) =>
  buildSummaryNote({ session: finishedSession(), records: finishedSessionRecords(), locale: 'pl', ...overrides });

describe('summary note builder (R4: agreed items only)', () => {
  it('holds each step’s agreed conclusions, ranked by votes, and nothing that was not agreed', () => {
    const note = build();
    expect(note.steps).toEqual([
      { stepId: '2.3', title: 'Krok 2.3', sections: [{ title: null, conclusions: [{ text: AGREED_TEXTS[1], votes: 5 }, { text: AGREED_TEXTS[0], votes: 2 }] }] },
      { stepId: '2.6', title: 'Krok 2.6', sections: [{ title: null, conclusions: [{ text: AGREED_TEXTS[2] }] }] },
    ]);
    expect(JSON.stringify(note)).not.toMatch(/SZKIC/);
  });

  it('reads agreed actions back exactly, and leaves unagreed ones out', () => {
    expect(build().actions).toEqual([{ what: 'Przygotować kalendarz naborów', who: 'Gdynia', due: '31 stycznia' }]);
  });

  it('groups attendance by city, leaving out those who opted out and observers', () => {
    expect(build().attendance).toEqual([
      { city: 'Gdynia', people: ['Ewa Zielińska', 'Marta Lis'] },
      { city: 'Starachowice', people: ['Piotr Wiśniewski'] },
    ]);
  });

  it('titles and orders steps by the format when given', () => {
    const note = build({ steps: [{ id: '2.6', title: 'Wnioski' }, { id: '2.3', title: 'Grupowanie i wybór barier' }] });
    expect(note.steps.map((s) => s.title)).toEqual(['Wnioski', 'Grupowanie i wybór barier']);
  });

  it.each<[string, Record<string, unknown>, number]>([
    ['an empty session and board', {}, 0],
    ['a session with broken fields', { attendance: 'x', voteResults: 5, meeting: {} }, 2],
  ])('copes with %s', (_label, session, steps) => {
    const records = Object.keys(session).length === 0 ? [] : finishedSessionRecords();
    const note = buildSummaryNote({ session, records, locale: 'en' });
    expect(note.steps).toHaveLength(steps);
    expect(note.attendance).toEqual([]);
  });

  it('carries no authorship or edit times, whatever the records hold', () => {
    const records = [...finishedSessionRecords(), noteRecord('shape:meta', 'z metadanymi', { parentId: 'shape:s26', meta: { agreed: true, author: 'AUTOR-X', editedAt: 'CZAS-Y' } })];
    const text = JSON.stringify(build({ records }));
    expect(text).toContain('z metadanymi');
    expect(text).not.toContain('AUTOR-X');
    expect(text).not.toContain('CZAS-Y');
  });
});

describe('renderers', () => {
  it('Markdown: details, attendance, conclusions with votes, actions table, the not-recorded line', () => {
    const md = renderMarkdown(build());
    expect(md).toContain('# Notatka podsumowująca spotkanie nr 3: Sieć Przedsiębiorczość');
    expect(md).toContain('- **Forma:** hybrydowo');
    expect(md).toContain(`- Jedna osoba kontaktowa w urzędzie (5 głosów)`);
    expect(md).toContain('| Przygotować kalendarz naborów | Gdynia | 31 stycznia |');
    expect(md).toContain(SUMMARY_LABELS.pl.notRecorded);
    for (const text of NOT_AGREED_TEXTS) expect(md).not.toContain(text);
  });

  it.each([
    ['UZGODNIONE-MARKER', 'UZGODNIONE-MARKER'],
    ['- lista', '\\- lista'],
    ['1. punkt', '1\\. punkt'],
    ['a *b* _c_', 'a \\*b\\* \\_c\\_'],
    ['Spotkanie 15.01.2027 o 10.00', 'Spotkanie 15.01.2027 o 10.00'],
    ['15. rocznica', '15\\. rocznica'],
    ['nazwa_pliku i 5 * 3 = 15, a < b', 'nazwa_pliku i 5 * 3 = 15, a < b'],
    ['+ plus', '\\+ plus'],
    ['> cytat', '\\> cytat'],
    ['## nagłówek', '\\## nagłówek'],
    ['#hashtag', '#hashtag'],
    ['---', '\\---'],
    ['pierwszy\n- drugi', 'pierwszy  \n\\- drugi'],
    ['[zobacz](http://x)', '\\[zobacz](http://x)'],
    ['<b>pogrubione</b>', '\\<b>pogrubione\\</b>'],
    ['`kod`', '\\`kod\\`'],
    ['C:\\Dane\\plik', 'C:\\Dane\\plik'],
  ])('Markdown escapes %j as %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('Markdown escapes what people typed', () => {
    const records = [...finishedSessionRecords(), noteRecord('shape:md', '# nie nagłówek | [link](x)', { parentId: 'shape:s26', meta: { agreed: true } })];
    expect(renderMarkdown(build({ records }))).toContain('- \\# nie nagłówek | \\[link](x)');
  });

  it('HTML: A4 print CSS, escaped text, English labels in English', () => {
    const records = [...finishedSessionRecords(), noteRecord('shape:h', '<script>alert(1)</script>', { parentId: 'shape:s26', meta: { agreed: true } })];
    const html = renderHtml(build({ records, locale: 'en' }));
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Agreed conclusions');
    expect(html).toContain('(5 votes)');
  });

  it.each([
    [1, '1 głos'],
    [2, '2 głosy'],
    [5, '5 głosów'],
    [12, '12 głosów'],
    [22, '22 głosy'],
  ])('Polish vote counts: %i → %s', (n, text) => {
    expect(SUMMARY_LABELS.pl.votes(n)).toBe(text);
  });

  it('plain text of tldraw rich text keeps paragraphs apart', () => {
    const doc = { type: 'doc', content: [richText('pierwszy').content[0], richText('drugi').content[0]] };
    expect(richTextToPlain(doc)).toBe('pierwszy\ndrugi');
  });
});
