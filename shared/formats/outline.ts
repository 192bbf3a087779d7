/** What the summary note and the report need of a format's steps, in one language. */
import type { Locale } from '../api';
import type { Format } from './schema';

export interface StepOutline {
  id: string;
  title: string;
  minutes?: number;
  /** The step's areas in the format's order, labelled in the language. */
  areas?: { id: string; label: string }[];
  /** Areas whose agreed notes name the meeting's topics. */
  topicAreas?: string[];
  /** The area whose agreed notes say when the group meets next. */
  nextMeetingArea?: string;
}

export function stepOutlines(format: Format, locale: Locale): StepOutline[] {
  return format.steps.map((step) => ({
    id: step.id,
    title: step.title[locale],
    minutes: step.timeboxMinutes,
    areas: step.layout.areas.map((area) => ({ id: area.id, label: area.label[locale] })),
    topicAreas: step.summary.topicAreas ?? [],
    ...(step.summary.nextMeetingArea ? { nextMeetingArea: step.summary.nextMeetingArea } : {}),
  }));
}
