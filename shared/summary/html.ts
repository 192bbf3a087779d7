/** The summary note as a print-ready HTML page (A4), so the browser's print gives a tidy PDF. */
import type { SummaryNote } from './summaryNote';
import { xmlSafe } from '../text/xmlSafe';
import { SUMMARY_LABELS, meetingLines, noteHeading } from './labels';
import { REVIEW_NOTE_LABELS } from '../network/review';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const PRINT_CSS = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 18pt; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; border-bottom: 1px solid #999; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
h4 { font-size: 11pt; font-weight: 600; font-style: italic; margin: 3mm 0 1mm; break-after: avoid; }
p, li { orphans: 2; widows: 2; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
ul { margin: 0 0 2mm; padding-left: 6mm; }
li { margin: 0.8mm 0; break-inside: avoid; }
.votes { color: #555; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; break-inside: auto; }
th, td { border: 1px solid #888; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
tr { break-inside: avoid; }
.not-recorded { margin-top: 10mm; font-style: italic; color: #444; border-top: 1px solid #999; padding-top: 3mm; }
@media screen { body { padding: 12mm; } }
`;

export function renderHtml(unsafe: SummaryNote): string {
  const note = xmlSafe(unsafe);
  const l = SUMMARY_LABELS[note.locale];
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(`<h1>${e(noteHeading(note, l))}</h1>`);
  parts.push(`<dl>${meetingLines(note, l, note.locale).map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`);
  parts.push(`<h2>${e(l.attendance)}</h2>`);
  const rows = [...note.attendance, ...(note.withoutCity.length > 0 ? [{ city: l.withoutCity, people: note.withoutCity }] : [])];
  parts.push(rows.length === 0 ? `<p>${e(l.noAttendance)}</p>` : `<ul>${rows.map((a) => `<li><strong>${e(a.city)}:</strong> ${e(a.people.join(', '))}</li>`).join('')}</ul>`);
  if (note.review) {
    const r = REVIEW_NOTE_LABELS[note.locale];
    parts.push(`<h2>${e(r.heading(note.review.fromNumber))}</h2><table><thead><tr><th>${e(l.what)}</th><th>${e(l.who)}</th><th>${e(l.due)}</th><th>${e(r.status)}</th></tr></thead><tbody>`);
    for (const a of note.review.items) parts.push(`<tr><td>${e(a.what)}</td><td>${e(a.who)}</td><td>${e(a.due)}</td><td>${e(a.status)}</td></tr>`);
    parts.push('</tbody></table>');
  }
  parts.push(`<h2>${e(l.conclusions)}</h2>`);
  if (note.steps.length === 0) parts.push(`<p>${e(l.nothingAgreed)}</p>`);
  for (const step of note.steps) {
    if (step.title) parts.push(`<h3>${e(step.title)}</h3>`);
    for (const section of step.sections) {
      if (section.title) parts.push(`<h4>${e(section.title)}</h4>`);
      parts.push('<ul>');
      for (const c of section.conclusions) {
        const votes = c.votes === undefined ? '' : ` <span class="votes">(${e(l.votes(c.votes))})</span>`;
        parts.push(`<li>${e(c.text).replace(/\n/g, '<br>')}${votes}</li>`);
      }
      parts.push('</ul>');
    }
  }
  if (note.polls.length > 0) {
    parts.push(`<h2>${e(l.polls)}</h2>`);
    for (const poll of note.polls) {
      parts.push(`<h3>${e(poll.question)} <span class="votes">(${e(l.answered(poll.answered))})</span></h3><ul>`);
      for (const r of poll.results) parts.push(`<li>${e(r.label)}: ${r.count}</li>`);
      for (const t of poll.texts) parts.push(`<li>${e(t)}</li>`);
      parts.push('</ul>');
    }
  }
  if (note.actions.length > 0) {
    parts.push(`<h2>${e(l.actions)}</h2><table><thead><tr><th>${e(l.what)}</th><th>${e(l.who)}</th><th>${e(l.due)}</th></tr></thead><tbody>`);
    for (const a of note.actions) parts.push(`<tr><td>${e(a.what)}</td><td>${e(a.who)}</td><td>${e(a.due)}</td></tr>`);
    parts.push('</tbody></table>');
  }
  if (note.workplan) {
    parts.push(`<h2>${e(note.workplan.title)}</h2><p><em>${e(note.workplan.subtitle)}</em></p>`);
    if (note.workplan.empty) parts.push(`<p>${e(note.workplan.empty)}</p>`);
    for (const block of note.workplan.blocks) parts.push(`<h3>${e(block.heading)}</h3><ul>${block.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`);
  }
  if (note.meeting.nextMeeting.trim()) parts.push(`<h2>${e(l.nextMeeting)}</h2><p>${e(note.meeting.nextMeeting).replace(/\n/g, '<br>')}</p>`);
  parts.push(`<p class="not-recorded">${e(l.notRecorded)}</p>`);
  return `<!doctype html>
<html lang="${note.locale}"><head><meta charset="utf-8"><title>${e(noteHeading(note, l))}</title>
<style>${PRINT_CSS}</style></head>
<body>${parts.join('\n')}</body></html>
`;
}
