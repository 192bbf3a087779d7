/**
 * The files a Polish office opens: the note and the report as .docx from the real server, opened
 * by LibreOffice (headless) and read back as text — in Polish, in the board's structure, and
 * still opening when a name or a note holds a character XML cannot carry (U+FFFE).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { getFormat } from '../../formats';
import { layoutFormat, stepAreaId, stepFrameId } from '../../shared/formats/layout';
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';
import { connectStockClient } from '../helpers/clients';
import { officeText } from '../helpers/office';
import { noteRecord } from '../helpers/records';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const BAD = '\uFFFE';
const areas = new Map(layoutFormat(getFormat('solutions'), 'pl').map((r) => [r.id, r as unknown as { x: number; y: number }]));
/** An agreed note in an area of a Format 2 step, `dx`, `dy` from the area's corner. */
function agreed(id: string, stepId: string, areaId: string, text: string, dx: number, dy: number, meta: Record<string, unknown> = {}) {
  const area = areas.get(stepAreaId('solutions', stepId, areaId))!;
  return noteRecord(`shape:${id}`, text, { parentId: stepFrameId('solutions', stepId), x: area.x + dx, y: area.y + dy, meta: { agreed: true, ...meta } });
}

describe('the .docx files, opened by LibreOffice', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let texts: Record<string, string>;
  const files: Record<string, Uint8Array> = {};
  const download = async (path: string) => {
    const res = await fetch(`${server.url}/api/boards/${board.id}/${path}?token=${board.tokens.facilitator}`);
    expect(res.status, path).toBe(200);
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url, { title: 'Sieć Przedsiębiorczość', formatId: 'solutions', locale: 'pl' });
    const canvas = connectStockClient(server.url, board.id, board.tokens.facilitator);
    const control = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    await Promise.all([canvas.synced(), control.synced()]);
    const notes = [
      agreed('topic', '2.1', 'challenge', 'Jak moglibyśmy skrócić nabór wniosków?', 20, 60),
      agreed('q1', '2.5', 'low-effort-high-impact', 'Krok 1', 20, 184),
      agreed('q3', '2.5', 'low-effort-high-impact', 'Krok 3', 480, 182),
      agreed('q2', '2.5', 'low-effort-high-impact', `Krok 2 z błędnym znakiem${BAD}`, 250, 180),
      agreed('q4', '2.5', 'high-effort-high-impact', 'Wspólna platforma naborów', 20, 60),
      agreed('next', '2.7', 'next-meeting', '12 lutego 2027 r., Gdynia', 20, 60),
      agreed('act', '2.7', 'actions', 'Kalendarz — Gdynia', 20, 60, { action: { what: 'Przygotować kalendarz naborów', who: 'Gdynia', due: '31 stycznia' } }),
    ];
    canvas.doc.transact(() => {
      for (const note of notes) canvas.records.set(note.id, note);
    });
    const session = control.doc.getMap(SESSION_MAP);
    control.doc.transact(() => {
      session.set('meeting', { network: 'Sieć Przedsiębiorczość', meetingTitle: '', meetingNumber: '3', date: '2026-11-24', place: 'Starachowice', mode: 'hybrid', hosts: ['Anna Nowak'], nextMeeting: '' });
      session.set('report', { problems: `Słaby internet${BAD} w sali`, products: '', topics: '', nextSteps: '', notes: '' });
    });
    // The attendance list is the server's (people join, hosts edit through requests): the
    // entries go in as the server writes them, one key per person.
    const held = await server.rooms.hold(board.id, 'control');
    const people = {
      a: { name: `Ewa${BAD} Zielińska`, city: 'Gdynia', role: 'participant', optOut: false },
      b: { name: 'Marta Lis', city: 'Gdynia', role: 'participant', optOut: false },
      c: { name: 'Piotr Wiśniewski', city: 'Starachowice', role: 'participant', optOut: false },
      d: { name: 'Anna Nowak', city: 'ZMP', role: 'facilitator', optOut: false },
    };
    held.room.doc.transact(() => {
      for (const [key, entry] of Object.entries(people)) held.room.doc.getMap(SESSION_MAP).set(`attendance:${key}`, entry);
    });
    held.release();
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.name === board.id && r.records.has('shape:act')), 'the notes on the server');
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.name === roomName(board.id, 'control') && r.doc.getMap(SESSION_MAP).has('report')), 'the session on the server');
    canvas.destroy();
    control.destroy();

    const note = await download('summary.docx');
    const report = await download('report.docx');
    expect(decodeURIComponent(note.res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('2026-11-24 Notatka – Sieć Przedsiębiorczość.docx');
    files['notatka.docx'] = note.bytes;
    files['sprawozdanie.docx'] = report.bytes;
    texts = await officeText(files);
  }, 180_000);
  afterAll(() => server.close());

  const linesOf = (name: string) => texts[name]!.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

  it('opens the note and reads it back in the board’s structure', () => {
    expect(linesOf('notatka.docx')).toEqual([
      'Notatka podsumowująca spotkanie nr 3: Sieć Przedsiębiorczość',
      ...['Sieć', 'Sieć Przedsiębiorczość', 'Format pracy', 'Generowanie rozwiązań', 'Temat', 'Jak moglibyśmy skrócić nabór wniosków?'],
      ...['Data', '24 listopada 2026 r.', 'Miejsce', 'Starachowice', 'Forma', 'hybrydowo', 'Osoby prowadzące', 'Anna Nowak'],
      'Osoby obecne',
      '• Gdynia: Ewa Zielińska, Marta Lis',
      '• Starachowice: Piotr Wiśniewski',
      'Uzgodnione wnioski',
      'Wyzwanie',
      '• Jak moglibyśmy skrócić nabór wniosków?',
      // The step, its areas as sub-headings, the notes in reading order (tops 184, 180, 182).
      'Testowanie rozwiązań',
      'Mały nakład, duży efekt',
      '• Krok 1',
      '• Krok 2 z błędnym znakiem',
      '• Krok 3',
      'Duży nakład, duży efekt',
      '• Wspólna platforma naborów',
      'Uzgodnione działania',
      ...['Co', 'Kto', 'Do kiedy', 'Przygotować kalendarz naborów', 'Gdynia', '31 stycznia'],
      'Kolejne spotkanie',
      '12 lutego 2027 r., Gdynia',
      'Wewnętrzna, robocza część spotkania nie była nagrywana. Notatka zawiera wyłącznie wnioski uzgodnione przez osoby uczestniczące.',
    ]);
  });

  it('opens the report and reads back its facts and the hosts’ answers', () => {
    expect(linesOf('sprawozdanie.docx')).toEqual([
      'Sprawozdanie ze spotkania',
      ...['Tablica', 'Sieć Przedsiębiorczość', 'Sieć', 'Sieć Przedsiębiorczość', 'Numer spotkania', '3', 'Format pracy', 'Generowanie rozwiązań'],
      ...['Temat', 'Jak moglibyśmy skrócić nabór wniosków?', 'Data', '24 listopada 2026 r.', 'Miejsce', 'Starachowice', 'Forma', 'hybrydowo'],
      ...['Osoby prowadzące', 'Anna Nowak', 'Godzina rozpoczęcia', '—', 'Godzina zakończenia', '—'],
      ...['Przeprowadzone kroki', '—'],
      'Frekwencja',
      ...['Osoby reprezentujące miasta', '3', 'Liczba miast', '2', 'Miasto: Gdynia', '2', 'Miasto: Starachowice', '1', 'Osoby prowadzące', '1', 'Osoby obserwujące', '0'],
      ...['Tematy, nad którymi pracowano', 'Jak moglibyśmy skrócić nabór wniosków?', 'Wypracowane produkty', '—', 'Napotkane problemy', 'Słaby internet w sali'],
      ...['Kolejne kroki', 'Przygotować kalendarz naborów — Gdynia — 31 stycznia', 'Kolejne spotkanie: 12 lutego 2027 r., Gdynia', 'Uwagi', '—'],
    ]);
  });

  it('marks the documents Polish and keeps headings with what follows and no lone lines', () => {
    for (const bytes of Object.values(files)) {
      const docx = unzipSync(bytes);
      expect(strFromU8(docx['word/styles.xml']!)).toMatch(/<w:rPrDefault>.*<w:lang w:val="pl-PL"/s);
      const xml = strFromU8(docx['word/document.xml']!);
      const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? [];
      expect(paragraphs.length).toBeGreaterThan(10);
      for (const p of paragraphs) expect(p).toContain('<w:widowControl/>');
      for (const p of paragraphs.filter((p) => /<w:pStyle w:val="Heading\d"\/>/.test(p))) expect(p).toContain('<w:keepNext/>');
    }
  });

  it.each([
    ['summary.md', 'Ewa Zielińska'],
    ['summary.html', 'Ewa Zielińska'],
    ['summary.md', 'Krok 2 z błędnym znakiem'],
    ['report.csv', 'Słaby internet w sali'],
    ['report.json', 'Słaby internet w sali'],
  ])('leaves no XML-invalid character in %s either (%s)', async (path, probe) => {
    const text = new TextDecoder().decode((await download(path)).bytes);
    expect(text).toContain(probe);
    expect(text).not.toContain(BAD);
  });
});
