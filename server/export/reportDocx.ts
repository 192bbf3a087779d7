/** The hosts' post-meeting report as a Word document: the facts from the board, then the form. */
import type { Paragraph, Table } from 'docx';
import type { HostReport } from '../../shared/report/hostReport';
import { REPORT_LABELS } from '../../shared/report/labels';
import { attendanceRows, formRows, meetingRows } from '../../shared/report/reportRows';
import { xmlSafe } from '../../shared/text/xmlSafe';
import { bullet, heading, lines, packDocument, paragraph, title, twoColumns } from './docxParts';

export async function renderReportDocx(unsafe: HostReport): Promise<Buffer> {
  const report = xmlSafe(unsafe);
  const l = REPORT_LABELS[report.locale];
  const short = formRows(report, ['text', 'time', 'number']);
  const long = formRows(report, ['longText']);
  const body: (Paragraph | Table)[] = [
    title(l.heading),
    twoColumns([...meetingRows(report), ...short.map(([label, value]): [string, string] => [label, value || '—'])]),
    heading(1, l.stepsRun),
    ...(report.stepsRun.length === 0 ? [paragraph('—')] : report.stepsRun.map((s) => bullet(lines(`${s.stepId} ${s.title}`)))),
    heading(1, l.attendance),
    twoColumns(attendanceRows(report)),
    ...long.flatMap(([label, value]) => [heading(1, label), paragraph({ children: lines(value || '—') })]),
  ];
  return packDocument(report.locale, l.heading, body);
}
