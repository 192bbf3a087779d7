/**
 * The network's living work plan (plan pracy sieci, chapter II.6): its goals, topics, kinds of
 * product, meeting schedule and actions. Each section is what the group last agreed on the work
 * plan's steps at one of the network's meetings (read from that meeting's summary note at closing,
 * so only agreed notes get in); the actions to monitor come with the status the latest review
 * gave them. Every meeting's note records the plan as it stood when the meeting was made or
 * opened it as a step.
 */
import { z } from 'zod';
import type { Locale } from '../api';
import type { SummaryNote } from '../summary/summaryNote';
import { REVIEW_STATUS_LABELS, type ReviewedItem } from './review';

export const PLAN_SECTIONS = ['goals', 'topics', 'productTypes', 'schedule', 'actions'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** Which step of the work plan format (and which of its areas) feeds each section. */
export const PLAN_SOURCES: Record<PlanSection, { stepId: string; areaId?: string }> = {
  goals: { stepId: 'W.4' },
  topics: { stepId: 'W.8', areaId: 'topics' },
  productTypes: { stepId: 'W.8', areaId: 'product-types' },
  schedule: { stepId: 'W.9' },
  actions: { stepId: 'W.5' },
};

export const PlanSectionValue = z.object({
  /** The meeting whose agreed notes it holds. */
  fromNumber: z.number().int().min(1),
  items: z.array(z.string().max(4000)).max(200),
});
export type PlanSectionValue = z.infer<typeof PlanSectionValue>;

export const MonitoredAction = z.object({ what: z.string().max(4000), who: z.string().max(4000), due: z.string().max(200), status: z.string().nullable() });
export type MonitoredAction = z.infer<typeof MonitoredAction>;

/** The plan as it stood on a day: written into a meeting's session (`workplan`) by the server. */
export const PlanSnapshot = z.object({
  asOf: z.string().max(40),
  sections: z.partialRecord(z.enum(PLAN_SECTIONS), PlanSectionValue),
  actions: z.array(MonitoredAction).max(400),
});
export type PlanSnapshot = z.infer<typeof PlanSnapshot>;

/**
 * The sections a meeting's note agreed on the work plan's steps. `areaLabel` names an area of the
 * work plan format in the note's language (the note heads an area's notes with its label).
 */
export function planFromNote(note: SummaryNote, areaLabel: (stepId: string, areaId: string) => string | undefined): Partial<Record<PlanSection, string[]>> {
  const found: Partial<Record<PlanSection, string[]>> = {};
  for (const section of PLAN_SECTIONS) {
    const source = PLAN_SOURCES[section];
    const step = note.steps.find((s) => s.stepId === source.stepId);
    if (!step) continue;
    const label = source.areaId ? areaLabel(source.stepId, source.areaId) : undefined;
    const parts = source.areaId ? step.sections.filter((s) => s.title === label) : step.sections;
    // The schedule's areas are the quarters: each entry says which.
    const items = parts.flatMap((part) => part.conclusions.map((c) => (section === 'schedule' && part.title ? `${part.title}: ${c.text}` : c.text)));
    if (items.length > 0) found[section] = items.slice(0, 200);
  }
  return found;
}

/**
 * Every action the network agreed, each with the status its latest review gave it: the items of
 * each meeting's review in order (a later status wins), then the last meeting's own actions.
 */
export function monitoredActions(meetings: { review: ReviewedItem[] | null; actions: SummaryNote['actions'] }[]): MonitoredAction[] {
  const key = (a: { what: string; who: string; due: string }) => `${a.what}\u0000${a.who}\u0000${a.due}`;
  const byKey = new Map<string, MonitoredAction>();
  for (const meeting of meetings) for (const item of meeting.review ?? []) byKey.set(key(item), { what: item.what, who: item.who, due: item.due, status: item.status });
  for (const action of meetings.at(-1)?.actions ?? []) if (!byKey.has(key(action))) byKey.set(key(action), { ...action, status: null });
  return [...byKey.values()].slice(0, 400);
}

const LABELS = {
  pl: {
    title: 'Plan pracy sieci',
    asOf: (day: string) => `Stan na ${day}`,
    sections: { goals: 'Cele i założenia', topics: 'Tematy pracy sieci', productTypes: 'Rodzaje produktów', schedule: 'Harmonogram spotkań', actions: 'Działania' },
    monitored: 'Działania do monitorowania i ich stan',
    from: (n: number) => `ze spotkania nr ${n}`,
    empty: 'Plan nie ma jeszcze uzgodnionych elementów.',
    noStatus: 'bez statusu',
  },
  en: {
    title: 'The network’s work plan',
    asOf: (day: string) => `As of ${day}`,
    sections: { goals: 'Goals and assumptions', topics: 'The network’s topics', productTypes: 'Kinds of product', schedule: 'Meeting schedule', actions: 'Actions' },
    monitored: 'Actions to monitor and their status',
    from: (n: number) => `from meeting no. ${n}`,
    empty: 'The plan has nothing agreed yet.',
    noStatus: 'no status',
  },
} as const;

export interface PlanBlocks {
  title: string;
  subtitle: string;
  blocks: { heading: string; items: string[] }[];
  empty: string | null;
}

/** The plan as headed lists, in a language: what every rendering (note, .md, .docx, page) prints. */
export function planBlocks(plan: PlanSnapshot, locale: Locale, day: string): PlanBlocks {
  const l = LABELS[locale];
  const blocks = PLAN_SECTIONS.flatMap((section) => {
    const value = plan.sections[section];
    return value && value.items.length > 0 ? [{ heading: `${l.sections[section]} (${l.from(value.fromNumber)})`, items: value.items }] : [];
  });
  if (plan.actions.length > 0) {
    blocks.push({
      heading: l.monitored,
      items: plan.actions.map((a) => `${[a.what, a.who, a.due].filter(Boolean).join(' — ')}: ${a.status && a.status in REVIEW_STATUS_LABELS[locale] ? REVIEW_STATUS_LABELS[locale][a.status as keyof (typeof REVIEW_STATUS_LABELS)['pl']] : l.noStatus}`),
    });
  }
  return { title: l.title, subtitle: l.asOf(day), blocks, empty: blocks.length === 0 ? l.empty : null };
}
