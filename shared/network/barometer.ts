/**
 * The network's barometer: the same short surveys asked at every meeting (expectations, concerns,
 * trust in the network), so the network's page can show how answers move from meeting to meeting —
 * "od konkurencji do współpracy". A barometer question is an ordinary poll whose id names its
 * template (`bar-<template>-<random>`); only its counts are read, never who answered.
 */
import type { Locale } from '../api';
import { PollResults, PollState } from '../session';
import { pollAnswers } from '../sessionTotals';

interface Template {
  id: string;
  kind: 'scale' | 'multiple';
  question: Record<Locale, string>;
  options: Record<Locale, string[]>;
}

export const BAROMETER: readonly Template[] = [
  {
    id: 'trust',
    kind: 'scale',
    question: { pl: 'Na ile ufasz innym miastom w naszej sieci? (1 — wcale, 5 — w pełni)', en: 'How much do you trust the other cities in our network? (1 — not at all, 5 — fully)' },
    options: { pl: [], en: [] },
  },
  {
    id: 'expectations',
    kind: 'scale',
    question: { pl: 'Na ile sieć spełnia Twoje oczekiwania? (1 — wcale, 5 — w pełni)', en: 'How far does the network meet your expectations? (1 — not at all, 5 — fully)' },
    options: { pl: [], en: [] },
  },
  {
    id: 'concerns',
    kind: 'multiple',
    question: { pl: 'Co najbardziej utrudnia Ci udział w pracach sieci?', en: 'What makes taking part in the network’s work hardest for you?' },
    options: {
      pl: ['Brak czasu', 'Brak wsparcia w urzędzie', 'Niejasne cele sieci', 'Konkurencja między miastami', 'Nic mi nie utrudnia'],
      en: ['Lack of time', 'Lack of support at my city hall', 'Unclear goals of the network', 'Competition between cities', 'Nothing gets in the way'],
    },
  },
];

const ID = /^bar-([a-z]+)-[A-Za-z0-9_-]+$/;

/** A new barometer poll of `templateId`, ready for the session's `poll` field. */
export function barometerPoll(templateId: string, locale: Locale, random: string, stepId: string | null): PollState | null {
  const template = BAROMETER.find((t) => t.id === templateId);
  if (!template) return null;
  const options = template.options[locale];
  const slots = template.kind === 'scale' ? 5 : options.length;
  return { id: `bar-${template.id}-${random}`.slice(0, 64), stepId, question: template.question[locale], kind: template.kind, options, state: 'open', counts: new Array<number>(slots).fill(0), texts: [], answered: 0, shown: true, agreed: false };
}

export interface BarometerSeries {
  templateId: string;
  question: string;
  /** The answers' labels: "1"…"5" for a scale, else the options. */
  labels: string[];
  /** One row per meeting that asked it (the last time it was asked there). */
  meetings: { number: number; answered: number; counts: number[] }[];
}

/** Each template's answers across the meetings (given in order), counts only. */
export function barometerSeries(meetings: { number: number; session: Record<string, unknown> }[], locale: Locale): BarometerSeries[] {
  return BAROMETER.map((template) => {
    const rows = meetings.flatMap(({ number, session }) => {
      const filed = PollResults.safeParse(session.pollResults ?? {});
      const current = PollState.safeParse(session.poll);
      const polls = [...Object.values(filed.success ? filed.data : {}), ...(current.success ? [current.data] : [])].filter((p) => ID.exec(p.id)?.[1] === template.id);
      const last = polls.at(-1);
      if (!last) return [];
      const answers = pollAnswers(session, last);
      return [{ number, answered: answers.answered, counts: answers.counts }];
    });
    const labels = template.kind === 'scale' ? ['1', '2', '3', '4', '5'] : template.options[locale];
    return { templateId: template.id, question: template.question[locale], labels, meetings: rows };
  }).filter((series) => series.meetings.length > 0);
}
