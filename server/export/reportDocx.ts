/** The host's post-meeting report as a Word document. */
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { HostReport } from '../../shared/report/hostReport';
import { REPORT_LABELS } from '../../shared/report/labels';
import { SUMMARY_LABELS, meetingLines } from '../../shared/summary/labels';

const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const cell = (text: string, bold = false) =>
  new TableCell({ borders: { top: border, bottom: border, left: border, right: border }, children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })) });
const twoColumns = (rows: [string, string][]) =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] })) });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });

export async function renderReportDocx(report: HostReport): Promise<Buffer> {
  const l = REPORT_LABELS[report.locale];
  const role = (r: string) => l[r] ?? r;
  const details: [string, string][] = [
    [l.board!, report.boardTitle],
    ...meetingLines({ title: report.boardTitle, meeting: report.meeting }, SUMMARY_LABELS[report.locale]),
    [l.format!, report.formatTitle ?? report.formatId ?? '—'],
  ];
  const body = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(l.heading!)] }),
    twoColumns(details),
    heading(l.stepsRun!),
    ...(report.stepsRun.length === 0 ? [new Paragraph('—')] : report.stepsRun.map((s) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${s.stepId} ${s.title}`)] }))),
    heading(l.attendance!),
    twoColumns([
      [l.total!, String(report.attendance.total)],
      ...report.attendance.byCity.map(({ city, count }): [string, string] => [`${l.byCity}: ${city}`, String(count)]),
      ...report.attendance.byRole.map(({ role: r, count }): [string, string] => [`${l.byRole}: ${role(r)}`, String(count)]),
    ]),
    ...(['topics', 'products', 'problems', 'nextSteps', 'notes'] as const).flatMap((field) => [
      heading(l[field]!),
      ...(report.fields[field] || '—').split('\n').map((line) => new Paragraph(line)),
    ]),
  ];
  return Packer.toBuffer(new Document({ creator: 'Tablica', title: l.heading, sections: [{ children: body }] }));
}
