/**
 * The meeting summary note, built by one pure function from the session and canvas documents.
 * It holds only what the group agreed (rule R4): meeting details, attendance, each step's agreed
 * conclusions with vote counts, agreed actions and the next meeting — never notes that were not
 * agreed, private drafts, authorship or edit times. It keeps the board's structure: steps in the
 * format's order, within a step its labelled areas, within an area the notes in reading order.
 */
import { readActionItem, richTextToPlain, type ActionItem } from '../canvas';
import type { CanvasRecord } from '../projection';
import type { Locale } from '../api';
import type { StepOutline } from '../formats/outline';
import { MeetingDetails, PollResults, VoteResults } from '../session';
import { xmlSafe } from '../text/xmlSafe';
import { formatDate } from '../text/dates';
import { readAttendance } from './attendance';
import { attendanceOf, pollAnswers, voteCounts } from '../sessionTotals';
import { areaHolding, inReadingOrder, num, placeWithin, type Placed } from './readingOrder';
import { reviewForNote, type NoteReview } from '../network/review';
import { planBlocks, PlanSnapshot, type PlanBlocks } from '../network/workplan';

/** A step as the note names it; the richer fields come from the format (shared/formats/outline.ts). */
export type StepTitle = StepOutline;

export interface SummaryInput {
  /** The control room's session map as plain JSON. */
  session: Record<string, unknown>;
  /** The canvas records. */
  records: Iterable<CanvasRecord>;
  locale: Locale;
  /** The format's steps in order, with titles in `locale`; frames' names are used otherwise. */
  steps?: StepTitle[];
  /** The format's title in `locale`. */
  formatTitle?: string;
}

export interface Conclusion {
  text: string;
  votes?: number;
}

/** The agreed notes of one labelled area of a step (title null: the step's notes in no area). */
export interface ConclusionSection {
  title: string | null;
  conclusions: Conclusion[];
}

export interface StepConclusions {
  stepId: string;
  title: string;
  sections: ConclusionSection[];
}

export interface PollSummary {
  question: string;
  answered: number;
  /** Counts per option (or per scale value 1–5); empty for a text poll. */
  results: { label: string; count: number }[];
  texts: string[];
}

export interface SummaryNote {
  locale: Locale;
  title: string;
  formatTitle: string | null;
  /** What the meeting worked on, from the areas the format names for it. */
  topics: string[];
  /** The details the hosts gave; `nextMeeting` is the board's when the group agreed one there. */
  meeting: MeetingDetails;
  hosts: string[];
  attendance: { city: string; people: string[] }[];
  withoutCity: string[];
  steps: StepConclusions[];
  /** Polls whose results the hosts marked agreed. */
  polls: PollSummary[];
  actions: ActionItem[];
  /** A network meeting's review of the previous one: its actions with the statuses set here. */
  review?: NoteReview;
  /** A network meeting's record of the network's work plan as it stood. */
  workplan?: PlanBlocks;
}

interface AreaBox extends Placed {
  areaId: string;
  label: string;
}

interface Agreed {
  text: string;
  box: Placed;
  votes?: number;
}

export function buildSummaryNote(input: SummaryInput): SummaryNote {
  const records = new Map([...input.records].map((r) => [r.id, r]));
  const meeting = MeetingDetails.parse(input.session.meeting ?? {});
  const votes = VoteResults.safeParse(input.session.voteResults ?? {});
  const title = typeof input.session.title === 'string' ? input.session.title : '';
  const outline = new Map((input.steps ?? []).map((s, i) => [s.id, { ...s, rank: i }]));
  const shapes = [...records.values()].filter((r) => r.typeName === 'shape');
  const children = new Map<string, CanvasRecord[]>();
  for (const r of shapes) if (r.parentId) children.set(String(r.parentId), [...(children.get(String(r.parentId)) ?? []), r]);

  const frames = shapes.filter((r) => r.type === 'frame');
  const stepOf = (frame: CanvasRecord) => (typeof frame.meta?.stepId === 'string' ? frame.meta.stepId : '');
  const rank = (frame: CanvasRecord) => outline.get(stepOf(frame))?.rank ?? (stepOf(frame) ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER);
  frames.sort((a, b) => rank(a) - rank(b) || num(a, 'y') - num(b, 'y') || num(a, 'x') - num(b, 'x'));

  const steps: StepConclusions[] = [];
  const actions: ActionItem[] = [];
  const topics: string[] = [];
  const nextMeeting: Agreed[] = [];
  const seen = new Set<string>();

  /** An agreed note's text (actions go to their own list), or nothing. */
  const take = (record: CanvasRecord): string => {
    seen.add(record.id);
    const action = readActionItem(record.meta);
    // A date from the date picker reads the Polish way ("15 stycznia 2027 r."); typed text as typed.
    if (action) actions.push({ ...action, due: formatDate(action.due, input.locale) });
    return action ? '' : richTextToPlain(record.props?.richText);
  };

  for (const frame of frames) {
    const stepId = stepOf(frame);
    const step = outline.get(stepId);
    const areas = areasOf(children.get(frame.id) ?? [], step);
    const counts = latestCounts(input.session, votes.success ? votes.data : {}, frame.id);
    const groups = new Map<string | null, Agreed[]>();
    const stack = [...(children.get(frame.id) ?? [])];
    while (stack.length > 0) {
      const record = stack.pop()!;
      // A frame inside a frame is a step of its own, collected in its turn.
      if (record.type === 'frame') continue;
      stack.push(...(children.get(record.id) ?? []));
      if (seen.has(record.id) || record.meta?.agreed !== true) continue;
      const text = take(record);
      if (!text) continue;
      const box = placeWithin(records, record, frame.id);
      const area = areaHolding(areas, box);
      if (area && area.areaId === step?.nextMeetingArea) nextMeeting.push({ text, box });
      else groups.set(area?.areaId ?? null, [...(groups.get(area?.areaId ?? null) ?? []), { text, box, ...(counts ? { votes: counts[record.id] ?? 0 } : {}) }]);
    }
    for (const areaId of step?.topicAreas ?? []) topics.push(...inReadingOrder(groups.get(areaId) ?? [], (n) => n.box).map((n) => n.text));
    // Areas are worth a heading only where the step has more than one.
    const sections: ConclusionSection[] =
      areas.length > 1
        ? [null, ...areas.map((a) => a.areaId)]
            .filter((areaId) => groups.has(areaId))
            .map((areaId) => ({ title: sectionTitle(areas.find((a) => a.areaId === areaId)?.label, step?.title), conclusions: ordered(groups.get(areaId)!) }))
        : groups.size > 0
          ? [{ title: null, conclusions: ordered([...groups.values()].flat()) }]
          : [];
    if (sections.length > 0) steps.push({ stepId, title: step?.title ?? String(frame.props?.name ?? stepId), sections });
  }
  // Agreed notes outside every frame (a board without a format) still belong in the note.
  const loose = shapes.flatMap((r): Agreed[] => {
    if (seen.has(r.id) || r.type === 'frame' || r.meta?.agreed !== true) return [];
    const text = take(r);
    return text ? [{ text, box: placeWithin(records, r, '') }] : [];
  });
  if (loose.length > 0) steps.push({ stepId: '', title: '', sections: [{ title: null, conclusions: ordered(loose) }] });

  const attendance = readAttendance(attendanceOf(input.session), { locale: input.locale, hosts: meeting.hosts });
  const pollResults = PollResults.safeParse(input.session.pollResults ?? {});
  const polls = Object.values(pollResults.success ? pollResults.data : {})
    .filter((p) => p.agreed)
    .map((p) => pollAnswers(input.session, p))
    .map((p) => ({
      question: p.question,
      answered: p.answered,
      results: p.kind === 'text' ? [] : p.counts.map((count, i) => ({ label: p.kind === 'scale' ? String(i + 1) : (p.options[i] ?? ''), count })),
      texts: p.kind === 'text' ? p.texts : [],
    }));

  return xmlSafe({
    locale: input.locale,
    title,
    formatTitle: input.formatTitle ?? null,
    topics: [...new Set(topics)],
    meeting: nextMeeting.length > 0 ? { ...meeting, nextMeeting: inReadingOrder(nextMeeting, (n) => n.box).map((n) => n.text).join('; ') } : meeting,
    hosts: attendance.hosts,
    attendance: attendance.byCity,
    withoutCity: attendance.withoutCity,
    steps,
    polls,
    actions,
    ...withReview(reviewForNote(input.session, input.locale)),
    ...withPlan(input.session.workplan, input.locale),
  });
}

const withReview = (review: NoteReview | undefined) => (review ? { review } : {});
const withPlan = (raw: unknown, locale: Locale) => {
  const plan = PlanSnapshot.safeParse(raw);
  return plan.success ? { workplan: planBlocks(plan.data, locale, formatDate(plan.data.asOf, locale)) } : {};
};

/** An area's heading, unless it would only repeat the step's title. */
function sectionTitle(label: string | undefined, stepTitle: string | undefined): string | null {
  return label && label.toLocaleLowerCase() !== stepTitle?.toLocaleLowerCase() ? label : null;
}

/** Ranked by votes where the step held a vote, else (and among equals) in reading order. */
function ordered(notes: Agreed[]): Conclusion[] {
  const reading = inReadingOrder(notes, (n) => n.box);
  return reading
    .map((n, i) => ({ n, i }))
    .sort((a, b) => (b.n.votes ?? 0) - (a.n.votes ?? 0) || a.i - b.i)
    .map(({ n }) => (n.votes === undefined ? { text: n.text } : { text: n.text, votes: n.votes }));
}

/** The labelled areas on a step's frame, in the format's order (else in reading order). */
function areasOf(children: CanvasRecord[], step: StepTitle | undefined): AreaBox[] {
  const boxes = children
    .filter((r) => r.type === 'geo' && r.meta?.part === 'area' && typeof r.meta.areaId === 'string')
    .map((r): AreaBox => {
      const areaId = String(r.meta!.areaId);
      const label = step?.areas?.find((a) => a.id === areaId)?.label ?? richTextToPlain(r.props?.richText);
      return { areaId, label: label || areaId, x: num(r, 'x'), y: num(r, 'y'), w: Number(r.props?.w ?? 0), h: Number(r.props?.h ?? 0) };
    });
  const order = step?.areas?.map((a) => a.id) ?? [];
  const known = (a: AreaBox) => (order.includes(a.areaId) ? order.indexOf(a.areaId) : Number.MAX_SAFE_INTEGER);
  return order.length > 0 ? boxes.sort((a, b) => known(a) - known(b)) : inReadingOrder(boxes, (a) => a);
}

/** The counts of the last finished vote held on this frame (summed over its tallies), if any. */
function latestCounts(session: Record<string, unknown>, results: VoteResults, frameId: string): Record<string, number> | undefined {
  let found: Record<string, number> | undefined;
  for (const [voteId, result] of Object.entries(results)) if (result.frameId === frameId) found = voteCounts(session, voteId, result.counts);
  return found;
}
