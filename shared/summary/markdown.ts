/** The summary note as Markdown. */
import { SUMMARY_LABELS, meetingLines } from './labels';
import type { SummaryNote } from './summaryNote';

/** Escapes what would turn text someone typed into Markdown structure, and nothing more. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/([\\`*_[\]<>|~])/g, '\\$1')
        // Only at the start of a line do these begin a heading, list or quote.
        .replace(/^(\s*)([#+\-=])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('  \n');
}

export function renderMarkdown(note: SummaryNote): string {
  const l = SUMMARY_LABELS[note.locale];
  const out: string[] = [`# ${l.heading}: ${escapeMarkdown(note.title)}`, ''];
  for (const [label, value] of meetingLines(note, l)) out.push(`- **${label}:** ${escapeMarkdown(value)}`);
  out.push('', `## ${l.attendance}`, '');
  if (note.attendance.length === 0) out.push(l.noAttendance);
  for (const { city, people } of note.attendance) out.push(`- **${escapeMarkdown(city || '—')}:** ${people.map(escapeMarkdown).join(', ')}`);
  out.push('', `## ${l.conclusions}`, '');
  if (note.steps.length === 0) out.push(l.nothingAgreed, '');
  for (const step of note.steps) {
    out.push(`### ${escapeMarkdown(step.title)}`, '');
    for (const c of step.conclusions) out.push(`- ${escapeMarkdown(c.text)}${c.votes === undefined ? '' : ` (${l.votes(c.votes)})`}`);
    out.push('');
  }
  if (note.polls.length > 0) {
    out.push(`## ${l.polls}`, '');
    for (const poll of note.polls) {
      out.push(`### ${escapeMarkdown(poll.question)} (${l.answered(poll.answered)})`, '');
      for (const r of poll.results) out.push(`- ${escapeMarkdown(r.label)}: ${r.count}`);
      for (const t of poll.texts) out.push(`- ${escapeMarkdown(t)}`);
      out.push('');
    }
  }
  if (note.actions.length > 0) {
    out.push(`## ${l.actions}`, '', `| ${l.what} | ${l.who} | ${l.due} |`, '|---|---|---|');
    for (const a of note.actions) out.push(`| ${escapeMarkdown(a.what)} | ${escapeMarkdown(a.who)} | ${escapeMarkdown(a.due)} |`);
    out.push('');
  }
  if (note.meeting.nextMeeting.trim()) out.push(`## ${l.nextMeeting}`, '', escapeMarkdown(note.meeting.nextMeeting), '');
  out.push('---', '', `_${l.notRecorded}_`, '');
  return out.join('\n');
}
