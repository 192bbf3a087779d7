/**
 * Attendance as a list of people: the cities' representatives by city, one entry per person,
 * hosts apart (their organisation never becomes a city), a host's test visit not counted,
 * observers only counted, nobody under an empty city.
 */
import { describe, expect, it } from 'vitest';
import { readAttendance } from '../../shared/summary/attendance';
import { buildSummaryNote } from '../../shared/summary/summaryNote';
import { renderMarkdown } from '../../shared/summary/markdown';
import { renderHtml } from '../../shared/summary/html';
import { buildHostReport } from '../../shared/report/hostReport';

type Role = 'facilitator' | 'expert' | 'participant' | 'observer';
const person = (name: string, city: string, role: Role = 'participant', optOut = false) => ({ name, city, role, optOut });
const list = (...people: ReturnType<typeof person>[]) => Object.fromEntries(people.map((p, i) => [`k${i}`, p]));

const meeting = list(
  person('Anna Nowak', 'ZMP', 'facilitator'),
  person('Jan Kowalski', 'ZMP', 'expert'),
  // The facilitator opened the participant link to see what the group sees.
  person('Anna Nowak', 'ZMP', 'participant'),
  person('test', 'Gdynia'),
  person('Ewa Zielińska', 'Gdynia'),
  // The same person on a phone and a laptop.
  person('Ewa  Zielińska', 'Gdynia'),
  person('ewa zielińska', ''),
  person('Piotr Wiśniewski', 'Starachowice'),
  person('Marek Bez Miasta', ''),
  person('Olga Obserwatorka', 'Kraków', 'observer'),
  person('Adam Ukryty', 'Cieszyn', 'participant', true),
);

describe('attendance as a list of people', () => {
  it('lists each city’s people once, hosts apart, without test visits or observers', () => {
    expect(readAttendance(meeting, { locale: 'pl' })).toEqual({
      hosts: ['Anna Nowak', 'Jan Kowalski'],
      byCity: [
        { city: 'Gdynia', people: ['Ewa Zielińska'] },
        { city: 'Starachowice', people: ['Piotr Wiśniewski'] },
      ],
      withoutCity: ['Marek Bez Miasta'],
      observers: 1,
    });
  });

  it('counts hosts named in the meeting details as hosts, not as a city’s people', () => {
    const attendance = readAttendance(list(person('Jan Kowalski', 'Warszawa')), { locale: 'pl', hosts: ['Jan Kowalski'] });
    expect(attendance.byCity).toEqual([]);
    expect(attendance.hosts).toEqual(['Jan Kowalski']);
  });

  it('the note shows no empty city and no host’s organisation as a city', () => {
    const note = buildSummaryNote({ session: { title: 'Sieć', attendance: meeting }, records: [], locale: 'pl' });
    const md = renderMarkdown(note);
    expect(md).toContain('- **Osoby prowadzące:** Anna Nowak, Jan Kowalski');
    expect(md).toContain('- **Gdynia:** Ewa Zielińska\n- **Starachowice:** Piotr Wiśniewski\n- **Inne osoby:** Marek Bez Miasta');
    expect(md).not.toMatch(/—:|\*\*:\*\*/);
    expect(md).not.toContain('ZMP');
    expect(md).not.toContain('Adam Ukryty');
    expect(md.match(/Ewa Zielińska/g)).toHaveLength(1);
    expect(renderHtml(note)).not.toContain('ZMP');
  });

  it('the report counts people and cities the same way, with those who left themselves out of the note', () => {
    const report = buildHostReport({ session: { title: 'Sieć', attendance: meeting }, locale: 'pl' });
    expect(report.attendance).toEqual({
      people: 4,
      cities: 3,
      byCity: [
        { city: 'Cieszyn', count: 1 },
        { city: 'Gdynia', count: 1 },
        { city: 'Starachowice', count: 1 },
      ],
      withoutCity: 1,
      hosts: 2,
      observers: 1,
    });
  });
});
