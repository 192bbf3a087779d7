/**
 * The hosts' post-meeting report on the programme's form (reportForm.ts): prefilled from the
 * board — date, place, form, format, topics, steps run, the meeting's length, attendance counts —
 * and completed by the hosts. Kept apart from the participants' summary note; it holds counts,
 * not names. Right after the meeting it reads the session; once the meeting is closed (and the
 * session's attendance and details cleared), the note kept at closing.
 */
import { z } from 'zod';
import type { Locale } from '../api';
import { HostReportFields, MeetingDetails, StepsRun } from '../session';
import type { SummaryNote, StepTitle } from '../summary/summaryNote';
import { SUMMARY_LABELS } from '../summary/labels';
import { readAttendance } from '../summary/attendance';
import { attendanceOf } from '../sessionTotals';
import { dayOf, minutesBetween, timeOf } from '../text/dates';
import { xmlSafe } from '../text/xmlSafe';
import type { PrefillSource, ReportForm } from './formSchema';
import { REPORT_FORM } from './reportForm';

export interface HostReportField {
  id: string;
  label: string;
  kind: ReportForm['fields'][number]['kind'];
  value: string;
  /** What the board filled it in with, when the hosts wrote nothing. */
  prefill?: PrefillSource;
}

export interface HostReport {
  locale: Locale;
  boardTitle: string;
  meeting: MeetingDetails;
  formatId: string | null;
  formatTitle: string | null;
  topics: string[];
  hosts: string[];
  stepsRun: { stepId: string; title: string; at: string }[];
  /** From the start and end times on the form; null when either is missing. */
  durationMinutes: number | null;
  attendance: {
    /** The cities' representatives, one per person (hosts and test visits not among them). */
    people: number;
    cities: number;
    byCity: { city: string; count: number }[];
    withoutCity: number;
    hosts: number;
    observers: number;
  };
  /** The form's fields in order, with the hosts' answers or what the board suggests. */
  fields: HostReportField[];
}

export interface HostReportInput {
  session: Record<string, unknown>;
  locale: Locale;
  formatTitle?: string;
  steps?: StepTitle[];
  /** The participants' note (or the one kept at closing), for topics, next steps and attendance. */
  summary?: SummaryNote;
  form?: ReportForm;
}

/** How long after the last step opened a closing still counts as the meeting's end. */
const CLOSING_GRACE_MS = 60 * 60_000;

export function buildHostReport(input: HostReportInput): HostReport {
  const { session, locale, summary } = input;
  const form = input.form ?? REPORT_FORM;
  const stored = MeetingDetails.parse(session.meeting ?? summary?.meeting ?? {});
  const run = StepsRun.safeParse(session.stepsRun ?? []);
  const steps = run.success ? run.data : [];
  const meeting = { ...stored, date: stored.date || (steps[0] ? dayOf(steps[0].at) : '') };
  const attendance = countAttendance(session, summary, locale, meeting.hosts);

  const prefills: Record<PrefillSource, string> = {
    topics: (summary?.topics ?? []).join('\n'),
    nextSteps: summary ? nextSteps(summary, locale) : '',
    startTime: steps[0] ? timeOf(steps[0].at) : '',
    endTime: endTime(session, steps, input.steps),
    observers: attendance.observers > 0 ? String(attendance.observers) : '',
  };
  const answers = HostReportFields.safeParse(session.report ?? {});
  const fields = form.fields.map((field) => {
    const answer = (answers.success ? answers.data[field.id] : undefined)?.trim() ?? '';
    return { id: field.id, label: field.label[locale], kind: field.kind, value: answer || (field.prefill ? prefills[field.prefill] : ''), ...(field.prefill ? { prefill: field.prefill } : {}) };
  });
  const valueOf = (source: PrefillSource) => fields.find((f) => f.prefill === source)?.value ?? prefills[source];
  const observers = Number.parseInt(valueOf('observers'), 10);

  return xmlSafe({
    locale,
    boardTitle: typeof session.title === 'string' ? session.title : (summary?.title ?? ''),
    meeting,
    formatId: typeof session.formatId === 'string' ? session.formatId : null,
    formatTitle: input.formatTitle ?? summary?.formatTitle ?? null,
    topics: summary?.topics ?? [],
    hosts: summary?.hosts ?? meeting.hosts,
    stepsRun: steps.map((s) => ({ ...s, title: input.steps?.find((t) => t.id === s.stepId)?.title ?? s.stepId })),
    durationMinutes: minutesBetween(valueOf('startTime'), valueOf('endTime')) ?? null,
    attendance: { ...attendance, observers: Number.isFinite(observers) && observers >= 0 ? observers : attendance.observers },
    fields,
  });
}

/** The attendance counts kept at closing, when the list of names is cleared (no names in it). */
export const KeptAttendance = z.object({
  people: z.number().int().min(0),
  cities: z.number().int().min(0),
  byCity: z.array(z.object({ city: z.string().max(120), count: z.number().int().min(0) })).max(500),
  withoutCity: z.number().int().min(0),
  hosts: z.number().int().min(0),
  observers: z.number().int().min(0),
});

/** What the report will need of the attendance list once it is gone: counts by city, hosts and observers apart. */
export function attendanceToKeep(session: Record<string, unknown>, locale: Locale): HostReport['attendance'] {
  const meeting = MeetingDetails.safeParse(session.meeting ?? {});
  return countAttendance(session, undefined, locale, meeting.success ? meeting.data.hosts : []);
}

function countAttendance(session: Record<string, unknown>, summary: SummaryNote | undefined, locale: Locale, hosts: string[]): HostReport['attendance'] {
  const kept = session.attendance ? undefined : KeptAttendance.safeParse(session.closedAttendance);
  if (kept?.success) return kept.data;
  // People who left themselves out of the note were there all the same: the report counts them.
  const entries = attendanceOf(session);
  const list = Object.keys(entries).length > 0
    ? readAttendance(entries, { locale, hosts, withOptedOut: true })
    : { byCity: summary?.attendance ?? [], withoutCity: summary?.withoutCity ?? [], hosts: summary?.hosts ?? hosts, observers: 0 };
  const byCity = list.byCity.map(({ city, people }) => ({ city, count: people.length }));
  return {
    people: byCity.reduce((sum, c) => sum + c.count, 0) + list.withoutCity.length,
    cities: byCity.length,
    byCity,
    withoutCity: list.withoutCity.length,
    hosts: list.hosts.length,
    observers: list.observers,
  };
}

/** When the meeting ended: at closing, if the hosts closed it soon after the last step; else when the last step's time ran out. */
function endTime(session: Record<string, unknown>, steps: StepsRun, outline: StepTitle[] | undefined): string {
  const last = steps.at(-1);
  const closedAt = typeof session.closedAt === 'string' ? Date.parse(session.closedAt) : Number.NaN;
  if (!last) return Number.isFinite(closedAt) ? timeOf(new Date(closedAt).toISOString()) : '';
  const minutes = outline?.find((s) => s.id === last.stepId)?.minutes ?? 0;
  const planned = Date.parse(last.at) + minutes * 60_000;
  if (Number.isNaN(planned)) return '';
  const end = Number.isFinite(closedAt) && closedAt <= planned + CLOSING_GRACE_MS ? closedAt : planned;
  return timeOf(new Date(end).toISOString());
}

function nextSteps(summary: SummaryNote, locale: Locale): string {
  const lines = summary.actions.map((a) => [a.what, a.who, a.due].filter(Boolean).join(' — '));
  if (summary.meeting.nextMeeting) lines.push(`${SUMMARY_LABELS[locale].nextMeeting}: ${summary.meeting.nextMeeting}`);
  return lines.join('\n');
}
