/** What a report form is made of: fields with their labels, kinds and what prefills them. */
import { z } from 'zod';
import { Localized } from '../formats/schema';

/** What the board can fill a field in with before the host writes anything. */
export const PREFILL_SOURCES = ['topics', 'nextSteps', 'startTime', 'endTime', 'observers'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

export const ReportField = z
  .object({
    /** Stable: the host's answers are kept under it. */
    id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
    label: Localized,
    /** A line of text, several lines, a time of day (HH:MM) or a whole number. */
    kind: z.enum(['text', 'longText', 'time', 'number']),
    prefill: z.enum(PREFILL_SOURCES).optional(),
  })
  .strict();
export type ReportField = z.infer<typeof ReportField>;

export const ReportForm = z
  .object({ fields: z.array(ReportField).min(1).max(40) })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((field, i) => {
      if (seen.has(field.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `duplicate field ${field.id}` });
      seen.add(field.id);
    });
  });
export type ReportForm = z.infer<typeof ReportForm>;
