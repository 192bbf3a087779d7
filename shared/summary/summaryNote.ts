/**
 * The meeting summary note, built by one pure function from the session and canvas documents.
 * It holds only what the group agreed (rule R4): meeting details, attendance, each step's agreed
 * conclusions with vote counts, agreed actions and the next meeting — never notes that were not
 * agreed, private drafts, authorship or edit times.
 */
import { readActionItem, richTextToPlain, type ActionItem } from '../canvas';
import type { CanvasRecord } from '../projection';
import type { Locale } from '../api';
import { Attendance, MeetingDetails, PollResults, VoteResults } from '../session';

export interface StepTitle {
  id: string;
  title: string;
}

export interface SummaryInput {
  /** The control room's session map as plain JSON. */
  session: Record<string, unknown>;
  /** The canvas records. */
  records: Iterable<CanvasRecord>;
  locale: Locale;
  /** The format's steps in order, with titles in `locale`; frames' names are used otherwise. */
  steps?: StepTitle[];
}

export interface Conclusion {
  text: string;
  votes?: number;
}

export interface StepConclusions {
  stepId: string;
  title: string;
  conclusions: Conclusion[];
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
  meeting: MeetingDetails;
  attendance: { city: string; people: string[] }[];
  steps: StepConclusions[];
  /** Polls whose results the hosts marked agreed. */
  polls: PollSummary[];
  actions: ActionItem[];
}

export function buildSummaryNote(input: SummaryInput): SummaryNote {
  const records = new Map([...input.records].map((r) => [r.id, r]));
  const meeting = MeetingDetails.parse(input.session.meeting ?? {});
  const attendance = Attendance.safeParse(input.session.attendance ?? {});
  const votes = VoteResults.safeParse(input.session.voteResults ?? {});
  const title = typeof input.session.title === 'string' ? input.session.title : '';

  const frames = [...records.values()].filter((r) => r.typeName === 'shape' && r.type === 'frame' && typeof r.meta?.stepId === 'string');
  const order = new Map((input.steps ?? []).map((s, i) => [s.id, i]));
  frames.sort((a, b) => rank(a, order) - rank(b, order) || num(a, 'y') - num(b, 'y') || num(a, 'x') - num(b, 'x'));

  const steps: StepConclusions[] = [];
  const actions: ActionItem[] = [];
  const seen = new Set<string>();
  const collect = (stepId: string, title: string, frameId: string, members: Iterable<CanvasRecord>) => {
    const counts = latestCounts(votes.success ? votes.data : {}, frameId);
    const conclusions: (Conclusion & { order: number })[] = [];
    for (const record of members) {
      if (seen.has(record.id) || record.meta?.agreed !== true) continue;
      seen.add(record.id);
      const action = readActionItem(record.meta);
      if (action) {
        actions.push(action);
        continue;
      }
      const text = richTextToPlain(record.props?.richText);
      if (!text) continue;
      const voteCount = counts?.[record.id];
      conclusions.push({ text, ...(counts ? { votes: voteCount ?? 0 } : {}), order: num(record, 'y') * 1e6 + num(record, 'x') });
    }
    if (conclusions.length === 0) return;
    conclusions.sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.order - b.order);
    steps.push({ stepId, title, conclusions: conclusions.map(({ order: _order, ...c }) => c) });
  };
  for (const frame of frames) {
    const stepId = frame.meta!.stepId as string;
    const title = input.steps?.find((s) => s.id === stepId)?.title ?? String(frame.props?.name ?? stepId);
    collect(stepId, title, frame.id, descendants(records, frame.id));
  }
  // Agreed items outside the format's frames (a board without a format, a frame the hosts drew)
  // still belong in the note: under their frame's name, or on their own.
  for (const frame of [...records.values()].filter((r) => r.typeName === 'shape' && r.type === 'frame' && !frames.includes(r))) {
    collect('', String(frame.props?.name ?? ''), frame.id, descendants(records, frame.id));
  }
  collect('', '', '', [...records.values()].filter((r) => r.typeName === 'shape'));

  const byCity = new Map<string, string[]>();
  if (attendance.success) {
    for (const person of Object.values(attendance.data)) {
      if (person.optOut || person.role === 'observer') continue;
      const city = person.city.trim();
      byCity.set(city, [...(byCity.get(city) ?? []), person.name.trim()]);
    }
  }
  const collator = new Intl.Collator(input.locale);
  const attendanceByCity = [...byCity]
    .map(([city, people]) => ({ city, people: people.sort(collator.compare) }))
    .sort((a, b) => collator.compare(a.city, b.city));

  const pollResults = PollResults.safeParse(input.session.pollResults ?? {});
  const polls = Object.values(pollResults.success ? pollResults.data : {})
    .filter((p) => p.agreed)
    .map((p) => ({
      question: p.question,
      answered: p.answered,
      results: p.kind === 'text' ? [] : p.counts.map((count, i) => ({ label: p.kind === 'scale' ? String(i + 1) : (p.options[i] ?? ''), count })),
      texts: p.kind === 'text' ? p.texts : [],
    }));

  return { locale: input.locale, title, meeting, attendance: attendanceByCity, steps, polls, actions };
}

function rank(frame: CanvasRecord, order: Map<string, number>): number {
  return order.get(frame.meta!.stepId as string) ?? Number.MAX_SAFE_INTEGER;
}

function num(record: CanvasRecord, key: 'x' | 'y'): number {
  const value = (record as unknown as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : 0;
}

function* descendants(records: Map<string, CanvasRecord>, rootId: string): Generator<CanvasRecord> {
  const children = new Map<string, CanvasRecord[]>();
  for (const r of records.values()) if (r.typeName === 'shape' && r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const stack = [...(children.get(rootId) ?? [])];
  while (stack.length > 0) {
    const record = stack.pop()!;
    yield record;
    stack.push(...(children.get(record.id) ?? []));
  }
}

/** The counts of the last finished vote held on this frame, if any. */
function latestCounts(results: VoteResults, frameId: string): Record<string, number> | undefined {
  let found: Record<string, number> | undefined;
  for (const result of Object.values(results)) if (result.frameId === frameId) found = result.counts;
  return found;
}
