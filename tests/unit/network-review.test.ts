/** The pure parts of a network's memory: the review that opens the next meeting, and the attendance archive's tables. */
import { describe, expect, it } from 'vitest';
import { buildReview, readReview, reviewForNote, reviewText } from '../../shared/network/review';
import { archivedPeople, attendanceByCity, meetingAttendanceCsv, networkAttendanceCsv } from '../../shared/network/attendanceArchive';
import { buildSummaryNote, type SummaryNote } from '../../shared/summary/summaryNote';
import { renderMarkdown } from '../../shared/summary/markdown';
import { renderHtml } from '../../shared/summary/html';

const previousNote = (actions: SummaryNote['actions']): SummaryNote => ({
  ...buildSummaryNote({ session: { title: 'Spotkanie 1' }, records: [], locale: 'pl' }),
  steps: [{ stepId: '1.1', title: 'Wnioski', sections: [{ title: null, conclusions: [{ text: 'Wspólny katalog praktyk', votes: 4 }] }] }],
  actions,
});

describe('the review of the previous meeting', () => {
  const actions = [
    { what: 'Mapa zasobów', who: 'Gdynia', due: '15 lutego 2027 r.' },
    { what: 'Ankieta', who: 'Starachowice', due: '' },
  ];

  it('holds the agreed conclusions, the actions and the contract — nothing else', () => {
    const review = buildReview(previousNote(actions), {}, 1, 'Mówimy otwarcie.');
    expect(review).toEqual({
      fromNumber: 1,
      conclusions: [{ step: 'Wnioski', text: 'Wspólny katalog praktyk' }],
      items: [
        { id: 'a1', what: 'Mapa zasobów', who: 'Gdynia', due: '15 lutego 2027 r.' },
        { id: 'a2', what: 'Ankieta', who: 'Starachowice', due: '' },
      ],
      contract: 'Mówimy otwarcie.',
    });
    expect(reviewText(review, 'pl')).toBe(
      ['Ustalenia ze spotkania nr 1', '• Wspólny katalog praktyk', '', 'Działania do przeglądu (status ustawia osoba prowadząca)', '• Mapa zasobów — Gdynia — 15 lutego 2027 r.', '• Ankieta — Starachowice', '', 'Kontrakt sieci', 'Mówimy otwarcie.'].join('\n'),
    );
  });

  it('carries forward what the previous review left open (in progress, not done, not set), not what was done or dropped', () => {
    const session = {
      review: buildReview(previousNote([...actions, { what: 'Porzucone', who: '', due: '' }, { what: 'Bez statusu', who: '', due: '' }]), {}, 1, ''),
      'reviewStatus:a1': 'done',
      'reviewStatus:a2': 'not-done',
      'reviewStatus:a3': 'dropped',
    };
    expect(readReview(session)?.items.map((i) => [i.what, i.status])).toEqual([
      ['Mapa zasobów', 'done'],
      ['Ankieta', 'not-done'],
      ['Porzucone', 'dropped'],
      ['Bez statusu', null],
    ]);
    const next = buildReview(previousNote([{ what: 'Nowe działanie', who: 'Gdynia', due: '' }]), session, 2, '');
    expect(next.items.map((i) => i.what)).toEqual(['Ankieta', 'Bez statusu', 'Nowe działanie']);
  });

  it('goes into the meeting’s note with each status in words; a status that is not one of the four is not set', () => {
    const session = { title: 'Spotkanie 2', review: buildReview(previousNote(actions), {}, 1, ''), 'reviewStatus:a1': 'done', 'reviewStatus:a2': 'prawie' };
    expect(reviewForNote(session, 'pl')?.items.map((i) => i.status)).toEqual(['zrobione', 'nie ustalono']);
    const note = buildSummaryNote({ session, records: [], locale: 'pl' });
    const md = renderMarkdown(note);
    expect(md).toContain('## Przegląd ustaleń ze spotkania nr 1\n\n| Co | Kto | Do kiedy | Status |\n|---|---|---|---|\n| Mapa zasobów | Gdynia | 15 lutego 2027 r. | zrobione |');
    expect(renderHtml(note)).toContain('<td>Ankieta</td><td>Starachowice</td><td></td><td>nie ustalono</td>');
    expect(renderMarkdown(buildSummaryNote({ session: { title: 'Sama tablica' }, records: [], locale: 'pl' }))).not.toContain('Przegląd');
    expect(reviewForNote({ ...session, 'reviewStatus:a2': 'in-progress' }, 'en')?.items.map((i) => i.status)).toEqual(['done', 'in progress']);
  });
});

describe('the attendance archive', () => {
  const session = {
    'attendance:k1': { name: 'Ewa Zielińska', city: 'Gdynia', role: 'participant', function: 'urbanistka', invited: true, present: true },
    'attendance:k2': { name: 'Jan Nieobecny', city: 'Gdynia', role: 'participant', function: '', invited: true, present: false },
    'attendance:k3': { name: 'Anna Nowak', city: 'Warszawa', role: 'facilitator', present: true },
    'attendance:k4': { name: '@SUM(A1)', city: 'Nowa Sól', role: 'observer', present: true },
  };

  it('keeps the cities’ people (name, city, function, present) and not the hosts', () => {
    expect(archivedPeople(session, 'pl')).toEqual([
      { name: 'Ewa Zielińska', city: 'Gdynia', function: 'urbanistka', present: true },
      { name: 'Jan Nieobecny', city: 'Gdynia', function: '', present: false },
      { name: '@SUM(A1)', city: 'Nowa Sól', function: '', present: true },
    ]);
  });

  it('exports a meeting’s list and the network’s table by city, spreadsheet-safe', () => {
    const people = archivedPeople(session, 'pl');
    expect(meetingAttendanceCsv(people, 'pl')).toBe('Imię i nazwisko;Miasto;Funkcja;Obecność\r\nEwa Zielińska;Gdynia;urbanistka;obecna/obecny\r\nJan Nieobecny;Gdynia;;nieobecna/nieobecny\r\n\'@SUM(A1);Nowa Sól;;obecna/obecny\r\n');
    const meetings = [
      { number: 1, people },
      { number: 2, people: null },
    ];
    const cities = [
      { name: 'Starachowice', observer: false },
      { name: 'gdynia', observer: false },
      { name: 'Nowa Sól', observer: true },
    ];
    expect(attendanceByCity(meetings, cities, 'pl')).toEqual([
      { city: 'Starachowice', observer: false, counts: [0, null] },
      { city: 'gdynia', observer: false, counts: [1, null] },
      { city: 'Nowa Sól', observer: true, counts: [1, null] },
    ]);
    expect(networkAttendanceCsv(meetings, cities, 'en')).toBe('City;Observer city;Meeting no. 1;Meeting no. 2\r\nStarachowice;;0;\r\ngdynia;;1;\r\nNowa Sól;yes;1;\r\nTotal;;2;\r\n');
  });
});
