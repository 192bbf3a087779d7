/**
 * The report as label–value rows in its language, the order every flat export uses: the meeting,
 * the steps run, its length, attendance, then the form's fields.
 */
import { SUMMARY_LABELS, meetingLines } from '../summary/labels';
import { formatDuration } from '../text/dates';
import type { HostReport } from './hostReport';
import { REPORT_LABELS } from './labels';

export function meetingRows(report: HostReport): [string, string][] {
  const l = REPORT_LABELS[report.locale];
  const header = { title: report.boardTitle, meeting: report.meeting, formatTitle: report.formatTitle, topics: report.topics, hosts: report.hosts };
  return [
    [l.board, report.boardTitle],
    ...meetingLines(header, SUMMARY_LABELS[report.locale], report.locale, true),
    ...(report.durationMinutes === null ? [] : [[l.duration, formatDuration(report.durationMinutes, report.locale)] as [string, string]]),
  ];
}

export function attendanceRows(report: HostReport): [string, string][] {
  const l = REPORT_LABELS[report.locale];
  const a = report.attendance;
  return [
    [l.people, String(a.people)],
    [l.cities, String(a.cities)],
    ...a.byCity.map(({ city, count }): [string, string] => [l.city(city), String(count)]),
    ...(a.withoutCity > 0 ? [[l.withoutCity, String(a.withoutCity)] as [string, string]] : []),
    [l.hosts, String(a.hosts)],
    [l.observers, String(a.observers)],
  ];
}

export function reportRows(report: HostReport): [string, string][] {
  const l = REPORT_LABELS[report.locale];
  return [
    ...meetingRows(report),
    [l.stepsRun, report.stepsRun.map((s) => `${s.stepId} ${s.title}`).join('; ')],
    ...attendanceRows(report),
    ...formRows(report),
  ];
}

/** The form's fields as rows; the number of observers is already among the attendance rows. */
export function formRows(report: HostReport, kinds?: HostReport['fields'][number]['kind'][]): [string, string][] {
  return report.fields.filter((f) => f.prefill !== 'observers' && (!kinds || kinds.includes(f.kind))).map((f) => [f.label, f.value]);
}
