/**
 * The note keeps the board's structure and reads like a note: a step's areas as sub-headings,
 * notes in reading order, the format's name and the topics, the meeting's number, a Polish date,
 * the form only when chosen, and the next meeting from the board's own area.
 */
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../formats';
import { stepOutlines } from '../../shared/formats/outline';
import { layoutFormat, stepAreaId, stepFrameId } from '../../shared/formats/layout';
import { localize } from '../../shared/formats/schema';
import type { CanvasRecord } from '../../shared/projection';
import { buildSummaryNote } from '../../shared/summary/summaryNote';
import { renderMarkdown } from '../../shared/summary/markdown';
import { renderHtml } from '../../shared/summary/html';
import { inReadingOrder } from '../../shared/summary/readingOrder';
import { noteRecord } from '../helpers/records';

const board = (formatId: keyof typeof FORMATS) => layoutFormat(FORMATS[formatId], 'pl') as unknown as CanvasRecord[];
/** An agreed note in a step's area, at a place given relative to the area's top-left corner. */
function agreedIn(records: CanvasRecord[], formatId: string, stepId: string, areaId: string, id: string, text: string, dx: number, dy: number): CanvasRecord {
  const area = records.find((r) => r.id === stepAreaId(formatId, stepId, areaId)) as unknown as { x: number; y: number };
  return noteRecord(`shape:${id}`, text, { parentId: stepFrameId(formatId, stepId), x: area.x + dx, y: area.y + dy, meta: { agreed: true } });
}
const build = (formatId: keyof typeof FORMATS, notes: CanvasRecord[], session: Record<string, unknown> = {}) =>
  buildSummaryNote({ session, records: [...board(formatId), ...notes], locale: 'pl', steps: stepOutlines(FORMATS[formatId], 'pl'), formatTitle: localize(FORMATS[formatId].title, 'pl') });

describe('reading order', () => {
  it.each<[string, [number, number][], number[]]>([
    ['tops a few pixels apart are one row, read left to right', [[300, 240], [0, 236], [150, 238]], [1, 2, 0]],
    ['a note half its height lower starts a new row', [[500, 150], [0, 0]], [1, 0]],
    ['a lower row comes after, however far left', [[0, 260], [400, 0], [200, 10]], [2, 1, 0]],
  ])('%s', (_label, places, order) => {
    const items = places.map(([x, y], i) => ({ i, x, y, w: 200, h: 200 }));
    expect(inReadingOrder(items, (b) => b).map((b) => b.i)).toEqual(order);
  });
});

describe('the note keeps the board’s structure', () => {
  it('notes at heights 240, 236, 238, left to right, read Krok 1, 2, 3', () => {
    const records = board('planning');
    const notes = [
      agreedIn(records, 'planning', '1.6', 'scheme', 'k3', 'Krok 3', 500, 238 - 56),
      agreedIn(records, 'planning', '1.6', 'scheme', 'k1', 'Krok 1', 20, 240 - 56),
      agreedIn(records, 'planning', '1.6', 'scheme', 'k2', 'Krok 2', 260, 236 - 56),
    ];
    const step = build('planning', notes).steps.find((s) => s.stepId === '1.6')!;
    expect(step.sections).toEqual([{ title: null, conclusions: [{ text: 'Krok 1' }, { text: 'Krok 2' }, { text: 'Krok 3' }] }]);
  });

  it('gives each area of a step its own sub-heading, in the format’s order', () => {
    const records = board('kickoff');
    const notes = [
      agreedIn(records, 'kickoff', '0.3', 'concerns', 'c1', 'Za mało czasu między spotkaniami', 20, 60),
      agreedIn(records, 'kickoff', '0.3', 'expectations', 'e2', 'Kontakty z innymi miastami', 20, 300),
      agreedIn(records, 'kickoff', '0.3', 'expectations', 'e1', 'Sprawdzone rozwiązania', 20, 60),
    ];
    const note = build('kickoff', notes);
    expect(note.steps.find((s) => s.stepId === '0.3')!.sections).toEqual([
      { title: 'Oczekiwania', conclusions: [{ text: 'Sprawdzone rozwiązania' }, { text: 'Kontakty z innymi miastami' }] },
      { title: 'Obawy', conclusions: [{ text: 'Za mało czasu między spotkaniami' }] },
    ]);
    const md = renderMarkdown(note);
    expect(md).toMatch(/### Oczekiwania i obawy\n\n#### Oczekiwania\n\n- Sprawdzone rozwiązania\n- Kontakty z innymi miastami\n\n#### Obawy\n\n- Za mało czasu/);
    expect(renderHtml(note)).toContain('<h4>Oczekiwania</h4>');
  });

  it('takes the next meeting from the board’s area and leaves it out of the conclusions', () => {
    const records = board('solutions');
    const notes = [
      agreedIn(records, 'solutions', '2.7', 'next-meeting', 'n1', '12 lutego 2027, Gdynia', 20, 60),
      agreedIn(records, 'solutions', '2.7', 'conclusions', 'w1', 'Warto mieć jedną osobę kontaktową', 20, 60),
    ];
    const note = build('solutions', notes, { meeting: { nextMeeting: 'wpisane w formularzu' } });
    expect(note.meeting.nextMeeting).toBe('12 lutego 2027, Gdynia');
    expect(JSON.stringify(note.steps)).not.toContain('12 lutego');
    expect(note.steps.find((s) => s.stepId === '2.7')!.sections).toEqual([{ title: 'Wnioski', conclusions: [{ text: 'Warto mieć jedną osobę kontaktową' }] }]);
    // Without a note there, what the hosts typed stays.
    expect(build('solutions', [], { meeting: { nextMeeting: 'wpisane w formularzu' } }).meeting.nextMeeting).toBe('wpisane w formularzu');
  });
});

describe('the note’s opening lines', () => {
  const session = { title: 'Sieć Przedsiębiorczość', meeting: { network: 'Sieć Przedsiębiorczość', meetingNumber: '4', date: '2026-11-29', place: 'Gdynia' } };

  it('name the format and the topic from the board, the meeting by number, the date in Polish', () => {
    const records = board('solutions');
    const topic = agreedIn(records, 'solutions', '2.1', 'challenge', 't1', 'Jak moglibyśmy skrócić nabór?', 20, 60);
    const md = renderMarkdown(build('solutions', [topic], session));
    expect(md).toContain('# Notatka podsumowująca spotkanie nr 4: Sieć Przedsiębiorczość');
    expect(md).toContain('- **Format pracy:** Generowanie rozwiązań');
    expect(md).toContain('- **Temat:** Jak moglibyśmy skrócić nabór?');
    expect(md).toContain('- **Data:** 29 listopada 2026 r.');
    expect(md).not.toContain('#4');
  });

  it('name the form only when the hosts chose one', () => {
    expect(renderMarkdown(build('solutions', [], session))).not.toContain('**Forma:**');
    expect(renderMarkdown(build('solutions', [], { ...session, meeting: { ...session.meeting, mode: 'online' } }))).toContain('- **Forma:** online');
    expect(renderMarkdown(build('solutions', [], { ...session, meeting: { ...session.meeting, mode: 'room' } }))).toContain('- **Forma:** stacjonarnie');
  });

  it('read in English when the note is', () => {
    const note = buildSummaryNote({ session, records: [], locale: 'en' });
    expect(renderMarkdown(note)).toContain('# Summary note of meeting no. 4: Sieć Przedsiębiorczość');
    expect(renderMarkdown(note)).toContain('- **Date:** 29 November 2026');
  });
});
