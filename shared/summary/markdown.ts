/**
 * The summary note as Markdown that reads cleanly as plain text: what people typed is escaped
 * only where Markdown would otherwise change its meaning — a heading, list or quote marker at the
 * start of a line, emphasis, code, links, HTML — and left alone elsewhere ("15.01.2027", "a_b").
 */
import { SUMMARY_LABELS, meetingLines, noteHeading } from './labels';
import type { SummaryNote } from './summaryNote';
import { xmlSafe } from '../text/xmlSafe';
import { REVIEW_NOTE_LABELS } from '../network/review';

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Escapes inside a line: only characters that would start or end Markdown structure there. */
function escapeInline(line: string, whole: string): string {
  const manyTildes = (whole.match(/~/g)?.length ?? 0) >= 2;
  const closesLater = (i: number) => line.indexOf(']', i) > i;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    const prev = line[i - 1];
    const next = line[i + 1];
    const loneBetweenSpaces = isSpace(prev) && isSpace(next);
    const escape =
      (c === '\\' && next !== undefined && ASCII_PUNCTUATION.test(next)) ||
      c === '`' ||
      (c === '*' && !loneBetweenSpaces) ||
      // An underscore inside a word never emphasises.
      (c === '_' && !loneBetweenSpaces && !(isWordChar(prev) && isWordChar(next))) ||
      (c === '~' && manyTildes && !loneBetweenSpaces) ||
      (c === '[' && closesLater(i)) ||
      (c === '<' && next !== undefined && /[A-Za-z/!?]/.test(next)) ||
      (c === '&' && /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(line.slice(i)));
    out += escape ? `\\${c}` : c;
  }
  return out;
}

/** Escapes what would begin a block at the start of a line: heading, list item, quote, rule. */
function escapeLineStart(line: string): string {
  if (/^([-*_])(\s*\1){2,}\s*$/.test(line) || /^=+\s*$/.test(line)) return `\\${line}`;
  return line
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([-+*>])(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Text someone typed, as Markdown saying the same; its lines become hard line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .map((line) => {
      const inline = escapeInline(line, text);
      // The line-start rules look at the raw line, so an escape added above does not hide a marker.
      return /^\\/.test(inline) ? inline : escapeLineStart(inline);
    })
    .join('  \n');
}

/** A heading's text: also a trailing run of "#", which Markdown would drop as a closing sequence. */
function escapeHeading(text: string): string {
  return escapeMarkdown(text.replace(/\n/g, ' ')).replace(/(\s)(#+)\s*$/, '$1\\$2');
}

/** A table cell: on one line, with its pipes escaped. */
function escapeCell(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' ')).replace(/\|/g, '\\|');
}

export function renderMarkdown(unsafe: SummaryNote): string {
  const note = xmlSafe(unsafe);
  const l = SUMMARY_LABELS[note.locale];
  const out: string[] = [`# ${escapeHeading(noteHeading(note, l))}`, ''];
  for (const [label, value] of meetingLines(note, l, note.locale)) out.push(`- **${label}:** ${escapeMarkdown(value)}`);
  out.push('', `## ${l.attendance}`, '');
  if (note.attendance.length === 0 && note.withoutCity.length === 0) out.push(l.noAttendance);
  for (const { city, people } of note.attendance) out.push(`- **${escapeMarkdown(city)}:** ${people.map(escapeMarkdown).join(', ')}`);
  if (note.withoutCity.length > 0) out.push(`- **${l.withoutCity}:** ${note.withoutCity.map(escapeMarkdown).join(', ')}`);
  if (note.review) {
    const r = REVIEW_NOTE_LABELS[note.locale];
    out.push('', `## ${r.heading(note.review.fromNumber)}`, '', `| ${l.what} | ${l.who} | ${l.due} | ${r.status} |`, '|---|---|---|---|');
    for (const a of note.review.items) out.push(`| ${escapeCell(a.what)} | ${escapeCell(a.who)} | ${escapeCell(a.due)} | ${escapeCell(a.status)} |`);
  }
  out.push('', `## ${l.conclusions}`, '');
  if (note.steps.length === 0) out.push(l.nothingAgreed, '');
  for (const step of note.steps) {
    if (step.title) out.push(`### ${escapeHeading(step.title)}`, '');
    for (const section of step.sections) {
      if (section.title) out.push(`#### ${escapeHeading(section.title)}`, '');
      for (const c of section.conclusions) out.push(`- ${escapeMarkdown(c.text)}${c.votes === undefined ? '' : ` (${l.votes(c.votes)})`}`);
      out.push('');
    }
  }
  if (note.polls.length > 0) {
    out.push(`## ${l.polls}`, '');
    for (const poll of note.polls) {
      out.push(`### ${escapeHeading(poll.question)} (${l.answered(poll.answered)})`, '');
      for (const r of poll.results) out.push(`- ${escapeMarkdown(r.label)}: ${r.count}`);
      for (const t of poll.texts) out.push(`- ${escapeMarkdown(t)}`);
      out.push('');
    }
  }
  if (note.actions.length > 0) {
    out.push(`## ${l.actions}`, '', `| ${l.what} | ${l.who} | ${l.due} |`, '|---|---|---|');
    for (const a of note.actions) out.push(`| ${escapeCell(a.what)} | ${escapeCell(a.who)} | ${escapeCell(a.due)} |`);
    out.push('');
  }
  if (note.workplan) {
    out.push(`## ${escapeHeading(note.workplan.title)}`, '', `_${escapeMarkdown(note.workplan.subtitle)}_`, '');
    if (note.workplan.empty) out.push(escapeMarkdown(note.workplan.empty), '');
    for (const block of note.workplan.blocks) out.push(`### ${escapeHeading(block.heading)}`, '', ...block.items.map((i) => `- ${escapeMarkdown(i)}`), '');
  }
  if (note.meeting.nextMeeting.trim()) out.push(`## ${l.nextMeeting}`, '', escapeMarkdown(note.meeting.nextMeeting), '');
  out.push('---', '', `_${l.notRecorded}_`, '');
  return out.join('\n');
}
