/** The summary note's fixed wording, Polish first, and the meeting-detail lines it opens with. */
import type { Locale } from '../api';
import { MEETING_MODES, type MeetingDetails } from '../session';
import { formatDate } from '../text/dates';

export interface SummaryLabels {
  heading: string;
  /** What the file is, in its download name. */
  fileName: string;
  network: string;
  /** The note's title line: "Notatka podsumowująca spotkanie nr 3: …". */
  headingNumbered: (n: string) => string;
  meeting: string;
  meetingNumber: string;
  format: string;
  topics: (n: number) => string;
  date: string;
  place: string;
  mode: string;
  modes: Record<(typeof MEETING_MODES)[number], string>;
  hosts: string;
  attendance: string;
  withoutCity: string;
  noAttendance: string;
  conclusions: string;
  votes: (n: number) => string;
  polls: string;
  answered: (n: number) => string;
  actions: string;
  what: string;
  who: string;
  due: string;
  nextMeeting: string;
  notRecorded: string;
  nothingAgreed: string;
}

/** Polish plural of a counted noun: 1 głos, 2–4 głosy (but 12–14 głosów), 5+ głosów. */
export function polishCount(n: number, one: string, few: string, many: string): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (n === 1) return `1 ${one}`;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
}

export const SUMMARY_LABELS: Record<Locale, SummaryLabels> = {
  pl: {
    heading: 'Notatka podsumowująca spotkanie',
    fileName: 'Notatka',
    network: 'Sieć',
    headingNumbered: (n) => `Notatka podsumowująca spotkanie nr ${n}`,
    meeting: 'Spotkanie',
    meetingNumber: 'Numer spotkania',
    format: 'Format pracy',
    topics: (n) => (n === 1 ? 'Temat' : 'Tematy'),
    date: 'Data',
    place: 'Miejsce',
    mode: 'Forma',
    modes: { room: 'stacjonarnie', online: 'online', hybrid: 'hybrydowo' },
    hosts: 'Osoby prowadzące',
    attendance: 'Osoby obecne',
    withoutCity: 'Inne osoby',
    noAttendance: 'Lista obecności nie została uzupełniona.',
    conclusions: 'Uzgodnione wnioski',
    votes: (n) => polishCount(n, 'głos', 'głosy', 'głosów'),
    polls: 'Wyniki ankiet',
    answered: (n) => polishCount(n, 'odpowiedź', 'odpowiedzi', 'odpowiedzi'),
    actions: 'Uzgodnione działania',
    what: 'Co',
    who: 'Kto',
    due: 'Do kiedy',
    nextMeeting: 'Kolejne spotkanie',
    notRecorded: 'Wewnętrzna, robocza część spotkania nie była nagrywana. Notatka zawiera wyłącznie wnioski uzgodnione przez osoby uczestniczące.',
    nothingAgreed: 'Nie uzgodniono wniosków do notatki.',
  },
  en: {
    heading: 'Meeting summary note',
    fileName: 'Summary note',
    network: 'Network',
    headingNumbered: (n) => `Summary note of meeting no. ${n}`,
    meeting: 'Meeting',
    meetingNumber: 'Meeting number',
    format: 'Working format',
    topics: (n) => (n === 1 ? 'Topic' : 'Topics'),
    date: 'Date',
    place: 'Place',
    mode: 'Mode',
    modes: { room: 'in the room', online: 'online', hybrid: 'hybrid' },
    hosts: 'Hosts',
    attendance: 'Present',
    withoutCity: 'Others',
    noAttendance: 'The attendance list was not filled in.',
    conclusions: 'Agreed conclusions',
    votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
    polls: 'Poll results',
    answered: (n) => (n === 1 ? '1 answer' : `${n} answers`),
    actions: 'Agreed actions',
    what: 'What',
    who: 'Who',
    due: 'By when',
    nextMeeting: 'Next meeting',
    notRecorded: 'The internal working part of the meeting was not recorded. This note holds only the conclusions the participants agreed on.',
    nothingAgreed: 'No conclusions were agreed for the note.',
  },
};

/** What the opening lines are made of: the note has all of it, the host's report the same. */
export interface MeetingHeader {
  title: string;
  meeting: MeetingDetails;
  formatTitle: string | null;
  topics: string[];
  hosts: string[];
}

/** The meeting's number as the hosts gave it, without a "nr", "no." or "#" in front. */
export function meetingNumber(meeting: MeetingDetails): string {
  return meeting.meetingNumber.trim().replace(/^(nr|no\.?|#)\s*/i, '');
}

/** The note's title line, with the meeting's number when there is one. */
export function noteHeading(header: MeetingHeader, labels: SummaryLabels): string {
  const number = meetingNumber(header.meeting);
  return `${number ? labels.headingNumbered(number) : labels.heading}: ${header.title}`;
}

/**
 * The meeting-detail lines that have a value, as [label, value] pairs, in the note's language.
 * The note gives the meeting's number in its title; the report, `withNumber`, as a line.
 */
export function meetingLines(header: MeetingHeader, labels: SummaryLabels, locale: Locale, withNumber = false): [string, string][] {
  const m = header.meeting;
  const lines: [string, string][] = [
    [labels.network, m.network],
    [labels.meeting, m.meetingTitle],
    ...(withNumber ? [[labels.meetingNumber, meetingNumber(m)] as [string, string]] : []),
    [labels.format, header.formatTitle ?? ''],
    [labels.topics(header.topics.length), header.topics.join('; ')],
    [labels.date, formatDate(m.date, locale)],
    [labels.place, m.place],
    [labels.mode, m.mode ? labels.modes[m.mode] : ''],
    [labels.hosts, header.hosts.join(', ')],
  ];
  return lines.filter(([, value]) => value.trim() !== '');
}
