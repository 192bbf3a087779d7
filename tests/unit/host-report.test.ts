/**
 * The hosts' report right after the meeting: topics from the board, observers counted, the
 * meeting's length, the programme's form as data, and a CSV a Polish spreadsheet opens safely.
 */
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../formats';
import { stepOutlines } from '../../shared/formats/outline';
import { layoutFormat, stepAreaId, stepFrameId } from '../../shared/formats/layout';
import type { CanvasRecord } from '../../shared/projection';
import { buildSummaryNote } from '../../shared/summary/summaryNote';
import { buildHostReport, type HostReport } from '../../shared/report/hostReport';
import { csvCell, hostReportCsv } from '../../shared/report/reportCsv';
import { REPORT_FORM } from '../../shared/report/reportForm';
import { ReportForm } from '../../shared/report/formSchema';
import { noteRecord } from '../helpers/records';

const steps = stepOutlines(FORMATS.solutions, 'pl');
const session = {
  title: 'Sieć Przedsiębiorczość',
  locale: 'pl',
  formatId: 'solutions',
  meeting: { network: 'Sieć Przedsiębiorczość', meetingNumber: '3', place: 'Gdynia', mode: 'hybrid' },
  attendance: {
    a: { name: 'Ewa Zielińska', city: 'Gdynia', role: 'participant', optOut: false },
    b: { name: 'Anna Nowak', city: 'ZMP', role: 'facilitator', optOut: false },
    c: { name: 'Olga Obserwatorka', city: 'Kraków', role: 'observer', optOut: false },
  },
  // 10:00 and 13:20 in Warsaw; the last step (2.7) has ten minutes.
  stepsRun: [
    { stepId: '2.1', at: '2026-11-29T09:00:00.000Z' },
    { stepId: '2.7', at: '2026-11-29T12:20:00.000Z' },
  ],
};

function summaryWithTopic() {
  const records = layoutFormat(FORMATS.solutions, 'pl') as unknown as CanvasRecord[];
  const area = records.find((r) => r.id === stepAreaId('solutions', '2.1', 'challenge')) as unknown as { x: number; y: number };
  const topic = noteRecord('shape:topic', 'Jak moglibyśmy skrócić nabór wniosków?', { parentId: stepFrameId('solutions', '2.1'), x: area.x + 20, y: area.y + 60, meta: { agreed: true } });
  return buildSummaryNote({ session, records: [...records, topic], locale: 'pl', steps, formatTitle: 'Generowanie rozwiązań' });
}
const build = (extra: Record<string, unknown> = {}, summary = summaryWithTopic()) => buildHostReport({ session: { ...session, ...extra }, locale: 'pl', steps, summary, formatTitle: 'Generowanie rozwiązań' });
const field = (report: HostReport, id: string) => report.fields.find((f) => f.id === id)?.value;

describe('the report right after the meeting', () => {
  it('takes the topics from the board, not the step titles', () => {
    const report = build();
    expect(field(report, 'topics')).toBe('Jak moglibyśmy skrócić nabór wniosków?');
    expect(report.topics).toEqual(['Jak moglibyśmy skrócić nabór wniosków?']);
    expect(field(report, 'topics')).not.toContain('Wyzwanie');
    // What the hosts wrote wins.
    expect(field(build({ report: { topics: 'Nabory' } }), 'topics')).toBe('Nabory');
  });

  it('counts observers, and takes the hosts’ number when they give one', () => {
    expect(build().attendance.observers).toBe(1);
    expect(field(build(), 'observers')).toBe('1');
    const given = build({ report: { observers: '7' } });
    expect(given.attendance.observers).toBe(7);
    expect(given.attendance.people).toBe(1);
  });

  it('knows how long the meeting was: from the first step to the end of the last one', () => {
    const report = build();
    expect([field(report, 'startTime'), field(report, 'endTime'), report.durationMinutes]).toEqual(['10:00', '13:30', 210]);
    // Closed soon after: the closing is the end. Closed the next day: the last step's time is.
    expect(field(build({ closedAt: '2026-11-29T12:45:00.000Z' }), 'endTime')).toBe('13:45');
    expect(field(build({ closedAt: '2026-11-30T08:00:00.000Z' }), 'endTime')).toBe('13:30');
    expect(build({ report: { startTime: '09:30', endTime: '15:00' } }).durationMinutes).toBe(330);
    expect(build().meeting.date).toBe('2026-11-29');
  });

  it('after the meeting was closed, reads attendance and details from the note kept at closing', () => {
    const kept = summaryWithTopic();
    const closed = { title: session.title, locale: 'pl', formatId: 'solutions', stepsRun: session.stepsRun, closedAt: '2026-11-29T12:40:00.000Z' };
    const report = buildHostReport({ session: closed, locale: 'pl', steps, summary: kept });
    expect(report.meeting.place).toBe('Gdynia');
    expect(report.attendance).toMatchObject({ people: 1, cities: 1, hosts: 1 });
  });
});

describe('the programme’s form', () => {
  it('is data: its fields, in order, are what the report holds', () => {
    expect(build().fields.map((f) => f.id)).toEqual(REPORT_FORM.fields.map((f) => f.id));
    const form = ReportForm.parse({
      fields: [
        { id: 'partners', label: { pl: 'Zaangażowani partnerzy', en: 'Partners involved' }, kind: 'longText' },
        { id: 'topics', label: { pl: 'Temat przewodni', en: 'Main topic' }, kind: 'text', prefill: 'topics' },
      ],
    });
    const report = buildHostReport({ session: { ...session, report: { partners: 'Urząd Marszałkowski' } }, locale: 'pl', steps, summary: summaryWithTopic(), form });
    expect(report.fields).toEqual([
      { id: 'partners', label: 'Zaangażowani partnerzy', kind: 'longText', value: 'Urząd Marszałkowski' },
      { id: 'topics', label: 'Temat przewodni', kind: 'text', value: 'Jak moglibyśmy skrócić nabór wniosków?', prefill: 'topics' },
    ]);
    expect(hostReportCsv(report)).toContain('Zaangażowani partnerzy;Urząd Marszałkowski');
  });

  it('refuses two fields with one id', () => {
    const field = { id: 'a', label: { pl: 'A', en: 'A' }, kind: 'text' };
    expect(ReportForm.safeParse({ fields: [field, field] }).success).toBe(false);
  });
});

describe('the CSV', () => {
  it.each([
    ['=SUMA(A1:A9)', "'=SUMA(A1:A9)"],
    ['+48 123', "'+48 123"],
    ['-1', "'-1"],
    ['@konto', "'@konto"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a;b', '"a;b"'],
    ['cytat "x"', '"cytat ""x"""'],
    ['zwykły tekst, z przecinkiem', 'zwykły tekst, z przecinkiem'],
  ])('cell %j is written %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('is semicolon-separated, in the board’s language, with nothing a spreadsheet would run', () => {
    const report = build({ report: { problems: '=HYPERLINK("http://zły.example")', notes: '-- brak --' } });
    const csv = hostReportCsv(report);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('Pole;Wartość');
    expect(rows).toContain('Forma;hybrydowo');
    expect(rows).toContain('Numer spotkania;3');
    expect(rows).toContain('Miasto: Gdynia;1');
    expect(rows).toContain('Osoby obserwujące;1');
    expect(rows).toContain('Czas trwania;3 godz. 30 min');
    expect(rows).toContain(`Napotkane problemy;"'=HYPERLINK(""http://zły.example"")"`);
    expect(rows).toContain("Uwagi;'-- brak --");
    for (const row of rows) expect(row.split(';')[1] ?? '', row).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).not.toContain('ZMP');
  });
});
