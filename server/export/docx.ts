/** The summary note as a Word document (docx): headings, lists, and a table for the actions. */
import { TextRun, type Paragraph, type Table } from 'docx';
import { SUMMARY_LABELS, meetingLines, noteHeading } from '../../shared/summary/labels';
import type { SummaryNote } from '../../shared/summary/summaryNote';
import { xmlSafe } from '../../shared/text/xmlSafe';
import { REVIEW_NOTE_LABELS } from '../../shared/network/review';
import type { PlanBlocks } from '../../shared/network/workplan';
import { bullet, heading, lines, packDocument, paragraph, table, title, twoColumns } from './docxParts';

export async function renderDocx(unsafe: SummaryNote): Promise<Buffer> {
  const note = xmlSafe(unsafe);
  const l = SUMMARY_LABELS[note.locale];
  const body: (Paragraph | Table)[] = [title(noteHeading(note, l))];
  const details = meetingLines(note, l, note.locale);
  if (details.length > 0) body.push(twoColumns(details));

  body.push(heading(1, l.attendance));
  if (note.attendance.length === 0 && note.withoutCity.length === 0) body.push(paragraph(l.noAttendance));
  for (const { city, people } of [...note.attendance, ...(note.withoutCity.length > 0 ? [{ city: l.withoutCity, people: note.withoutCity }] : [])]) {
    body.push(bullet([new TextRun({ text: `${city}: `, bold: true }), new TextRun(people.join(', '))]));
  }

  if (note.review) {
    const r = REVIEW_NOTE_LABELS[note.locale];
    body.push(heading(1, r.heading(note.review.fromNumber)));
    body.push(table([l.what, l.who, l.due, r.status], note.review.items.map((a) => [a.what, a.who, a.due, a.status])));
  }
  body.push(heading(1, l.conclusions));
  if (note.steps.length === 0) body.push(paragraph(l.nothingAgreed));
  for (const step of note.steps) {
    if (step.title) body.push(heading(2, step.title));
    for (const section of step.sections) {
      if (section.title) body.push(heading(3, section.title));
      for (const c of section.conclusions) {
        body.push(bullet([...lines(c.text), ...(c.votes === undefined ? [] : [new TextRun({ text: ` (${l.votes(c.votes)})`, color: '555555' })])]));
      }
    }
  }
  if (note.polls.length > 0) {
    body.push(heading(1, l.polls));
    for (const poll of note.polls) {
      body.push(heading(2, `${poll.question} (${l.answered(poll.answered)})`));
      for (const r of poll.results) body.push(bullet([new TextRun(`${r.label}: ${r.count}`)]));
      for (const t of poll.texts) body.push(bullet(lines(t)));
    }
  }
  if (note.actions.length > 0) {
    body.push(heading(1, l.actions));
    body.push(table([l.what, l.who, l.due], note.actions.map((a) => [a.what, a.who, a.due])));
  }
  if (note.workplan) body.push(...planParagraphs(note.workplan, 1));
  if (note.meeting.nextMeeting.trim()) {
    body.push(heading(1, l.nextMeeting));
    body.push(paragraph({ children: lines(note.meeting.nextMeeting) }));
  }
  body.push(paragraph({ spacing: { before: 400 }, keepLines: true, children: [new TextRun({ text: l.notRecorded, italics: true })] }));
  return packDocument(note.locale, noteHeading(note, l), body);
}

/** The network's work plan as headed lists, under a heading of `level`. */
export function planParagraphs(plan: PlanBlocks, level: 1 | 2): (Paragraph | Table)[] {
  return [
    heading(level, plan.title),
    paragraph({ children: [new TextRun({ text: plan.subtitle, italics: true })] }),
    ...(plan.empty ? [paragraph(plan.empty)] : []),
    ...plan.blocks.flatMap((block) => [heading((level + 1) as 2 | 3, block.heading), ...block.items.map((item) => bullet(lines(item)))]),
  ];
}
