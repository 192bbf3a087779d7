/**
 * The review that opens a network's next meeting ("Przegląd ustaleń"): the previous meeting's
 * agreed conclusions, its open actions with a status to set, and the network's contract. Only what
 * the group agreed crosses over — it is read from the previous meeting's summary note (rule R4).
 * The server writes the review once into the new board's session (`review`); hosts set each
 * item's status under its own key (`reviewStatus:<itemId>`), so two hosts never overwrite each other.
 */
import { z } from 'zod';
import type { Locale } from '../api';
import type { SummaryNote } from '../summary/summaryNote';

export const REVIEW_STATUSES = ['done', 'in-progress', 'not-done', 'dropped'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const ReviewStatusValue = z.enum(REVIEW_STATUSES);

export const REVIEW_STATUS_LABELS: Record<Locale, Record<ReviewStatus, string>> = {
  pl: { done: 'zrobione', 'in-progress': 'w toku', 'not-done': 'niezrobione', dropped: 'porzucone' },
  en: { done: 'done', 'in-progress': 'in progress', 'not-done': 'not done', dropped: 'dropped' },
};

/** The session key of one item's status. */
export const REVIEW_STATUS_PREFIX = 'reviewStatus:';

export const ReviewItem = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  what: z.string().max(4000),
  who: z.string().max(4000),
  due: z.string().max(200),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewState = z.object({
  /** The number of the meeting reviewed. */
  fromNumber: z.number().int().min(1),
  conclusions: z.array(z.object({ step: z.string().max(300), text: z.string().max(4000) })).max(500),
  items: z.array(ReviewItem).max(200),
  contract: z.string().max(4000),
});
export type ReviewState = z.infer<typeof ReviewState>;

/** A review item with the status its meeting gave it (null: not set yet). */
export interface ReviewedItem extends ReviewItem {
  status: ReviewStatus | null;
}

/** The review of a session, with each item's status; null when the board opened no review. */
export function readReview(session: Record<string, unknown>): { fromNumber: number; items: ReviewedItem[]; conclusions: ReviewState['conclusions']; contract: string } | null {
  const parsed = ReviewState.safeParse(session.review);
  if (!parsed.success) return null;
  const items = parsed.data.items.map((item) => {
    const status = ReviewStatusValue.safeParse(session[REVIEW_STATUS_PREFIX + item.id]);
    return { ...item, status: status.success ? status.data : null };
  });
  return { ...parsed.data, items };
}

/** Whether an item still needs doing after this review: not done and not dropped. */
export function isOpen(item: ReviewedItem): boolean {
  return item.status !== 'done' && item.status !== 'dropped';
}

/**
 * The review of meeting `fromNumber`, from its summary note and its own review: its agreed
 * conclusions, its agreed actions, the items it reviewed that are still open, and the contract.
 */
export function buildReview(previous: SummaryNote, previousSession: Record<string, unknown>, fromNumber: number, contract: string): ReviewState {
  const carried = (readReview(previousSession)?.items ?? []).filter(isOpen).map(({ what, who, due }) => ({ what, who, due }));
  const actions = [...carried, ...previous.actions.map(({ what, who, due }) => ({ what, who, due }))];
  return {
    fromNumber,
    conclusions: previous.steps.flatMap((step) => step.sections.flatMap((section) => section.conclusions.map((c) => ({ step: step.title, text: c.text })))).slice(0, 500),
    items: actions.slice(0, 200).map((a, i) => ({ id: `a${i + 1}`, ...a })),
    contract,
  };
}

const TEXT = {
  pl: { title: 'Przegląd ustaleń', conclusions: (n: number) => `Ustalenia ze spotkania nr ${n}`, actions: 'Działania do przeglądu (status ustawia osoba prowadząca)', contract: 'Kontrakt sieci', none: 'brak' },
  en: { title: 'Review of what was agreed', conclusions: (n: number) => `Agreed at meeting no. ${n}`, actions: 'Actions to review (the hosts set each status)', contract: 'The network’s contract', none: 'none' },
} as const;

export function reviewTitle(locale: Locale): string {
  return TEXT[locale].title;
}

/** The review as the step's frame shows it on the board, in plain lines. */
export function reviewText(review: ReviewState, locale: Locale): string {
  const t = TEXT[locale];
  const bullet = (lines: string[]) => (lines.length > 0 ? lines.map((l) => `• ${l}`) : [`• ${t.none}`]);
  return [
    t.conclusions(review.fromNumber),
    ...bullet(review.conclusions.map((c) => c.text)),
    '',
    t.actions,
    ...bullet(review.items.map((a) => [a.what, a.who, a.due].filter(Boolean).join(' — '))),
    ...(review.contract ? ['', t.contract, review.contract] : []),
  ].join('\n');
}

/** The review as a meeting's summary note holds it: the actions reviewed, each with the status set. */
export interface NoteReview {
  fromNumber: number;
  items: { what: string; who: string; due: string; status: string }[];
}

export const REVIEW_NOTE_LABELS = {
  pl: { heading: (n: number) => `Przegląd ustaleń ze spotkania nr ${n}`, status: 'Status', unset: 'nie ustalono' },
  en: { heading: (n: number) => `Review of meeting no. ${n}`, status: 'Status', unset: 'not set' },
} as const;

export function reviewForNote(session: Record<string, unknown>, locale: Locale): NoteReview | undefined {
  const review = readReview(session);
  if (!review || review.items.length === 0) return undefined;
  const l = REVIEW_NOTE_LABELS[locale];
  return {
    fromNumber: review.fromNumber,
    items: review.items.map(({ what, who, due, status }) => ({ what, who, due, status: status ? REVIEW_STATUS_LABELS[locale][status] : l.unset })),
  };
}
