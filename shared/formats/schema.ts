/**
 * A facilitation format as data (docs/formats.md): the steps of a meeting, each with its texts in
 * Polish and English, a timebox, a frame laid out in labelled areas, whether observers see it and
 * what it gives the summary note. The format files in `formats/` are parsed with this schema, so
 * a missing translation or an area outside its frame fails at load time, not in front of a group.
 */
import { z } from 'zod';
import { FORMAT_IDS, type Locale } from '../api';

/** Bump when a format file written for the old shape would no longer mean the same thing. */
export const FORMAT_SCHEMA_VERSION = 1;

/** The four formats of the Vademecum, plus the network's work plan (chapter II.6). */
export const FORMAT_KEYS = FORMAT_IDS;
export type FormatKey = (typeof FORMAT_KEYS)[number];

const Text = z
  .string()
  .max(2000)
  .refine((s) => s.trim().length > 0, { message: 'must not be empty' });

/** A user-facing text: Polish (primary) and English, both required and non-empty. */
export const Localized = z.object({ pl: Text, en: Text }).strict();
export type Localized = z.infer<typeof Localized>;

/** "0.1", "2.3", or "W.1" for the work plan. */
export const StepId = z.string().regex(/^[0-9A-Z]\.\d{1,2}$/, 'a step id looks like "2.3"');

const Slug = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes');

/**
 * A labelled area on a step's frame, in grid units of the layout (see GRID_UNIT in layout.ts):
 * a column, a zone or a cell of a grid. `placeholder` marks an area that stands for one of a
 * number of things known only at the meeting (a city, a chosen barrier, a case, a step).
 */
export const Area = z
  .object({
    id: Slug,
    label: Localized,
    x: z.number().int().min(0),
    y: z.number().int().min(0),
    w: z.number().int().min(1),
    h: z.number().int().min(1),
    placeholder: z.enum(['city', 'barrier', 'case', 'step']).optional(),
  })
  .strict();
export type Area = z.infer<typeof Area>;
export type AreaInput = z.input<typeof Area>;

export const FrameLayout = z
  .object({
    /** The grid's size in units; the frame is this big plus its header. */
    cols: z.number().int().min(6).max(24),
    rows: z.number().int().min(1).max(16),
    areas: z.array(Area).min(1).max(40),
  })
  .strict()
  .superRefine((layout, ctx) => {
    const seen = new Set<string>();
    layout.areas.forEach((area, i) => {
      if (seen.has(area.id)) ctx.addIssue({ code: 'custom', path: ['areas', i, 'id'], message: `duplicate area id ${area.id}` });
      seen.add(area.id);
      if (area.x + area.w > layout.cols || area.y + area.h > layout.rows) {
        ctx.addIssue({ code: 'custom', path: ['areas', i], message: `area ${area.id} lies outside the ${layout.cols}×${layout.rows} grid` });
      }
      layout.areas.slice(0, i).forEach((other) => {
        const apart = area.x >= other.x + other.w || other.x >= area.x + area.w || area.y >= other.y + other.h || other.y >= area.y + area.h;
        if (!apart) ctx.addIssue({ code: 'custom', path: ['areas', i], message: `area ${area.id} overlaps ${other.id}` });
      });
    });
  });
export type FrameLayout = z.infer<typeof FrameLayout>;

/**
 * What a step gives the summary note: nothing, the attendance list, the notes the group marked
 * agreed, or everything agreed in it including actions and the next meeting.
 */
export const SUMMARY_FEEDS = ['none', 'attendance', 'agreed', 'all'] as const;
export const StepSummary = z
  .object({
    feeds: z.enum(SUMMARY_FEEDS),
    /** What exactly, e.g. "chosen topics with votes". */
    description: Localized.optional(),
    /** Areas whose agreed notes name what the meeting worked on (the note's and report's topics). */
    topicAreas: z.array(Slug).max(10).optional(),
    /** The area whose agreed notes say when and where the group meets next. */
    nextMeetingArea: Slug.optional(),
  })
  .strict();
export type StepSummary = z.infer<typeof StepSummary>;

/** Group tools the step is meant to use (docs/formats.md lists them); the host panel offers them. */
export const ToolHint = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('dotVoting'),
      votesPerPerson: z.number().int().min(1).max(50),
      /** The most votes one person may give one note; null for no cap. */
      capPerNote: z.number().int().min(1).max(50).nullable(),
    })
    .strict(),
  /** Everyone writes alone, unseen, then all notes are revealed at once. */
  z.object({ kind: z.literal('privateWriting') }).strict(),
]);
export type ToolHint = z.infer<typeof ToolHint>;

/** A note put on the frame when the board is created; the group may edit or remove it. */
export const StarterNote = z.object({ areaId: Slug, text: Localized }).strict();
export type StarterNote = z.infer<typeof StarterNote>;

export const Step = z
  .object({
    id: StepId,
    title: Localized,
    goal: Localized,
    /** Short instructions for the group, shown on the frame and in the panel. */
    instructions: Localized,
    /** A facilitation tip for the hosts only, shown in the host panel. */
    tip: Localized,
    timeboxMinutes: z.number().int().min(1).max(240),
    /** Shown to observers (and may be transmitted). */
    public: z.boolean(),
    layout: FrameLayout,
    summary: StepSummary,
    starterNotes: z.array(StarterNote).max(20).optional(),
    tools: z.array(ToolHint).max(4).optional(),
  })
  .strict()
  .superRefine((step, ctx) => {
    const areaIds = new Set(step.layout.areas.map((a) => a.id));
    step.starterNotes?.forEach((note, i) => {
      if (!areaIds.has(note.areaId)) ctx.addIssue({ code: 'custom', path: ['starterNotes', i, 'areaId'], message: `no area ${note.areaId}` });
    });
    step.summary.topicAreas?.forEach((areaId, i) => {
      if (!areaIds.has(areaId)) ctx.addIssue({ code: 'custom', path: ['summary', 'topicAreas', i], message: `no area ${areaId}` });
    });
    const next = step.summary.nextMeetingArea;
    if (next !== undefined && !areaIds.has(next)) ctx.addIssue({ code: 'custom', path: ['summary', 'nextMeetingArea'], message: `no area ${next}` });
  });
export type Step = z.infer<typeof Step>;
export type StepInput = z.input<typeof Step>;

export const Format = z
  .object({
    schemaVersion: z.literal(FORMAT_SCHEMA_VERSION),
    id: z.enum(FORMAT_KEYS),
    title: Localized,
    /** The name in a list of formats, e.g. "Format 2 — Generowanie rozwiązań". */
    shortTitle: Localized,
    goal: Localized,
    /** When in a network's life the format fits. */
    when: Localized,
    result: Localized,
    steps: z.array(Step).min(1).max(30),
  })
  .strict()
  .superRefine((format, ctx) => {
    const seen = new Set<string>();
    format.steps.forEach((step, i) => {
      if (seen.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id ${step.id}` });
      seen.add(step.id);
    });
  });
export type Format = z.infer<typeof Format>;
/** What a format file is written as (before parsing). */
export type FormatInput = z.input<typeof Format>;

export function localize(text: Localized, locale: Locale): string {
  return text[locale];
}

export function findStep(format: Format, stepId: string): Step | undefined {
  return format.steps.find((s) => s.id === stepId);
}

/** The steps in order with titles in `locale`, as the summary note builder takes them. */
export function stepTitles(format: Format, locale: Locale): { id: string; title: string }[] {
  return format.steps.map((s) => ({ id: s.id, title: s.title[locale] }));
}

/** Total of the step timeboxes, in minutes. */
export function formatMinutes(format: Format): number {
  return format.steps.reduce((sum, s) => sum + s.timeboxMinutes, 0);
}
