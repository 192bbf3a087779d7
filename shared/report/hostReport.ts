/**
 * The host's post-meeting report on the organisation's set form: prefilled from the board (date,
 * place, mode, format and steps run, attendance counts by city and role) and completed by the
 * host. Kept apart from the participants' summary note; it holds counts, not names.
 */
import type { Locale } from '../api';
import { Attendance, HostReportFields, MeetingDetails, StepsRun } from '../session';
import type { SummaryNote, StepTitle } from '../summary/summaryNote';
import { SUMMARY_LABELS } from '../summary/labels';

export interface HostReport {
  locale: Locale;
  boardTitle: string;
  meeting: MeetingDetails;
  formatId: string | null;
  formatTitle: string | null;
  stepsRun: { stepId: string; title: string; at: string }[];
  attendance: {
    total: number;
    byCity: { city: string; count: number }[];
    byRole: { role: string; count: number }[];
  };
  fields: HostReportFields;
}

export interface HostReportInput {
  session: Record<string, unknown>;
  locale: Locale;
  formatTitle?: string;
  steps?: StepTitle[];
  /** The participants' note, to prefill topics and next steps the host has not written yet. */
  summary?: SummaryNote;
}

export function buildHostReport(input: HostReportInput): HostReport {
  const { session, locale } = input;
  const meeting = MeetingDetails.parse(session.meeting ?? {});
  const attendance = Attendance.safeParse(session.attendance ?? {});
  const people = Object.values(attendance.success ? attendance.data : {});
  const run = StepsRun.safeParse(session.stepsRun ?? []);
  const stepsRun = (run.success ? run.data : []).map((s) => ({ ...s, title: input.steps?.find((t) => t.id === s.stepId)?.title ?? s.stepId }));
  const collator = new Intl.Collator(locale);
  const tally = (keyOf: (p: (typeof people)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const p of people) counts.set(keyOf(p), (counts.get(keyOf(p)) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => collator.compare(a, b));
  };
  const stored = HostReportFields.parse(session.report ?? {});
  const fields: HostReportFields = {
    ...stored,
    topics: stored.topics || (input.summary?.steps.map((s) => s.title).join('\n') ?? ''),
    nextSteps: stored.nextSteps || (input.summary ? prefillNextSteps(input.summary, locale) : ''),
  };
  return {
    locale,
    boardTitle: typeof session.title === 'string' ? session.title : '',
    meeting,
    formatId: typeof session.formatId === 'string' ? session.formatId : null,
    formatTitle: input.formatTitle ?? null,
    stepsRun,
    attendance: {
      total: people.length,
      byCity: tally((p) => p.city.trim() || '—').map(([city, count]) => ({ city, count })),
      byRole: tally((p) => p.role).map(([role, count]) => ({ role, count })),
    },
    fields,
  };
}

function prefillNextSteps(summary: SummaryNote, locale: Locale): string {
  const lines = summary.actions.map((a) => [a.what, a.who, a.due].filter(Boolean).join(' — '));
  if (summary.meeting.nextMeeting) lines.push(`${SUMMARY_LABELS[locale].nextMeeting}: ${summary.meeting.nextMeeting}`);
  return lines.join('\n');
}

/** The report as one flat record per line (field, value) for spreadsheets: RFC 4180 CSV. */
export function hostReportCsv(report: HostReport): string {
  const rows: [string, string | number][] = [
    ['board', report.boardTitle],
    ['network', report.meeting.network],
    ['meeting', report.meeting.meetingTitle],
    ['meeting_number', report.meeting.meetingNumber],
    ['date', report.meeting.date],
    ['place', report.meeting.place],
    ['mode', report.meeting.mode],
    ['hosts', report.meeting.hosts.join('; ')],
    ['format', report.formatId ?? ''],
    ['steps_run', report.stepsRun.map((s) => s.stepId).join('; ')],
    ['attendance_total', report.attendance.total],
    ...report.attendance.byCity.map(({ city, count }): [string, number] => [`attendance_city:${city}`, count]),
    ...report.attendance.byRole.map(({ role, count }): [string, number] => [`attendance_role:${role}`, count]),
    ['topics', report.fields.topics],
    ['products', report.fields.products],
    ['problems', report.fields.problems],
    ['next_steps', report.fields.nextSteps],
    ['notes', report.fields.notes],
  ];
  const cell = (v: string | number) => {
    const text = String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return ['field,value', ...rows.map(([k, v]) => `${cell(k)},${cell(v)}`)].join('\r\n') + '\r\n';
}
