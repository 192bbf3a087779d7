/** The summary note's fixed wording, Polish first. */
import type { Locale } from '../api';
import type { MeetingDetails } from '../session';

export interface SummaryLabels {
  heading: string;
  network: string;
  meeting: string;
  date: string;
  place: string;
  mode: string;
  modes: Record<MeetingDetails['mode'], string>;
  hosts: string;
  attendance: string;
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

const polishVotes = (n: number) => {
  const lastTwo = n % 100;
  const last = n % 10;
  if (n === 1) return '1 głos';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return `${n} głosy`;
  return `${n} głosów`;
};

export const SUMMARY_LABELS: Record<Locale, SummaryLabels> = {
  pl: {
    heading: 'Notatka podsumowująca spotkanie',
    network: 'Sieć',
    meeting: 'Spotkanie',
    date: 'Data',
    place: 'Miejsce',
    mode: 'Forma',
    modes: { room: 'stacjonarnie', online: 'online', hybrid: 'hybrydowo' },
    hosts: 'Prowadzący',
    attendance: 'Obecni',
    noAttendance: 'Lista obecności nie została uzupełniona.',
    conclusions: 'Uzgodnione wnioski',
    votes: polishVotes,
    polls: 'Wyniki ankiet',
    answered: (n) => `odpowiedzi: ${n}`,
    actions: 'Uzgodnione działania',
    what: 'Co',
    who: 'Kto',
    due: 'Do kiedy',
    nextMeeting: 'Następne spotkanie',
    notRecorded: 'Wewnętrzna, robocza część spotkania nie była rejestrowana. Notatka zawiera wyłącznie wnioski uzgodnione przez uczestników.',
    nothingAgreed: 'Nie uzgodniono wniosków do notatki.',
  },
  en: {
    heading: 'Meeting summary note',
    network: 'Network',
    meeting: 'Meeting',
    date: 'Date',
    place: 'Place',
    mode: 'Mode',
    modes: { room: 'in the room', online: 'online', hybrid: 'hybrid' },
    hosts: 'Hosts',
    attendance: 'Present',
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

/** The meeting-detail lines that have a value, as [label, value] pairs. */
export function meetingLines(note: { title: string; meeting: MeetingDetails }, labels: SummaryLabels): [string, string][] {
  const m = note.meeting;
  const meetingName = [m.meetingNumber && `#${m.meetingNumber}`, m.meetingTitle || note.title].filter(Boolean).join(' ');
  const lines: [string, string][] = [
    [labels.network, m.network],
    [labels.meeting, meetingName],
    [labels.date, m.date],
    [labels.place, m.place],
    [labels.mode, labels.modes[m.mode]],
    [labels.hosts, m.hosts.join(', ')],
  ];
  return lines.filter(([, value]) => value.trim() !== '');
}
