/** The summary note as a Word document (docx): headings, lists, and tables for actions. */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { SUMMARY_LABELS, meetingLines } from '../../shared/summary/labels';
import type { SummaryNote } from '../../shared/summary/summaryNote';

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(text: string, bold = false): TableCell {
  return new TableCell({ borders, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

const bullet = (children: TextRun[]) => new Paragraph({ bullet: { level: 0 }, children });

export async function renderDocx(note: SummaryNote): Promise<Buffer> {
  const l = SUMMARY_LABELS[note.locale];
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${l.heading}: ${note.title}`)] })];
  const details = meetingLines(note, l);
  if (details.length > 0) body.push(detailsTable(details));

  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.attendance)] }));
  if (note.attendance.length === 0) body.push(new Paragraph(l.noAttendance));
  for (const { city, people } of note.attendance) body.push(bullet([new TextRun({ text: `${city || '—'}: `, bold: true }), new TextRun(people.join(', '))]));

  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.conclusions)] }));
  if (note.steps.length === 0) body.push(new Paragraph(l.nothingAgreed));
  for (const step of note.steps) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(step.title)] }));
    for (const c of step.conclusions) {
      const runs = c.text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));
      if (c.votes !== undefined) runs.push(new TextRun({ text: ` (${l.votes(c.votes)})`, color: '555555' }));
      body.push(bullet(runs));
    }
  }
  if (note.polls.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.polls)] }));
    for (const poll of note.polls) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${poll.question} (${l.answered(poll.answered)})`)] }));
      for (const r of poll.results) body.push(bullet([new TextRun(`${r.label}: ${r.count}`)]));
      for (const t of poll.texts) body.push(bullet([new TextRun(t)]));
    }
  }
  if (note.actions.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.actions)] }));
    body.push(table([l.what, l.who, l.due], note.actions.map((a) => [a.what, a.who, a.due])));
  }
  if (note.meeting.nextMeeting.trim()) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.nextMeeting)] }));
    body.push(new Paragraph(note.meeting.nextMeeting));
  }
  body.push(new Paragraph({ spacing: { before: 400 }, alignment: AlignmentType.LEFT, children: [new TextRun({ text: l.notRecorded, italics: true })] }));

  const doc = new Document({
    creator: 'Tablica',
    title: `${l.heading}: ${note.title}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}

function detailsTable(lines: [string, string][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: lines.map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] })),
  });
}
