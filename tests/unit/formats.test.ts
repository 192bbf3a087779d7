/**
 * The formats as data (docs/formats.md) and their layout as tldraw records. Every generated record is
 * checked with tldraw's own validators, as the canvas guard (rule G3) and every client would.
 */
import { describe, expect, it } from 'vitest';
import { createTLSchema } from '@tldraw/tlschema';
import { FORMATS, FORMAT_SOURCES, formatFor, getFormat } from '../../formats/index';
import { Format, FORMAT_KEYS, FORMAT_SCHEMA_VERSION, Localized, formatMinutes, stepTitles, type FormatKey } from '../../shared/formats/schema';
import { DEFAULT_PAGE_ID, frameStepId, indexKey, layoutFormat, starterNoteId, stepAreaId, stepFrameId, stepTextId } from '../../shared/formats/layout';
import { CITY_ZONES, FORMAT_IDS, LOCALES } from '../../shared/api';
import { buildSummaryNote } from '../../shared/summary/summaryNote';
import type { CanvasRecord } from '../../shared/projection';
import { noteRecord } from '../helpers/records';

const tlschema = createTLSchema();
const validate = (record: unknown) => tlschema.types.shape.validate(record);

/** The step plan of docs/formats.md: id, minutes, public. */
const EXPECTED: Record<FormatKey, [string, number, boolean][]> = {
  kickoff: [['0.1', 10, true], ['0.2', 20, false], ['0.3', 15, false], ['0.4', 20, false], ['0.5', 30, false], ['0.6', 15, false], ['0.7', 15, false], ['0.8', 10, true]],
  planning: [['1.1', 10, true], ['1.2', 25, false], ['1.3', 30, false], ['1.4', 25, false], ['1.5', 15, false], ['1.6', 15, false], ['1.7', 10, true]],
  solutions: [['2.1', 10, true], ['2.2', 20, false], ['2.3', 15, false], ['2.4', 30, false], ['2.5', 25, false], ['2.6', 15, false], ['2.7', 10, true]],
  practices: [['3.1', 30, true], ['3.2', 30, false], ['3.3', 20, false], ['3.4', 30, false], ['3.5', 20, false], ['3.6', 15, false], ['3.7', 10, true]],
  workplan: [['W.1', 20, false], ['W.2', 15, false], ['W.3', 20, false], ['W.4', 15, false], ['W.5', 30, false], ['W.6', 20, false], ['W.7', 10, false], ['W.8', 20, false], ['W.9', 15, false], ['W.10', 10, true]],
};

/** What feeds the note, as docs/formats.md lists it: any step not named here feeds what was agreed. */
const FEEDS: Partial<Record<string, string>> = {
  '0.1': 'none', '0.2': 'attendance', '0.5': 'none', '0.8': 'all',
  '1.2': 'none', '1.7': 'all',
  '2.2': 'none', '2.4': 'none', '2.5': 'none', '2.7': 'all',
  '3.2': 'none', '3.7': 'all',
  'W.10': 'all',
};

/** The tool hints docs/formats.md lists. */
const TOOLS: Record<string, string[]> = { '0.6': ['dotVoting'], '2.2': ['privateWriting'], '2.3': ['dotVoting'] };

const clone = (key: FormatKey) => structuredClone(FORMAT_SOURCES[key]) as Record<string, any>;

describe('formats: data', () => {
  it('has one format per API format id: the four formats and the work plan', () => {
    expect(Object.keys(FORMATS).sort()).toEqual(['kickoff', 'planning', 'practices', 'solutions', 'workplan']);
    expect([...FORMAT_IDS].sort()).toEqual(Object.keys(FORMATS).sort());
    for (const key of FORMAT_KEYS) expect(getFormat(key).id).toBe(key);
    expect(getFormat('nope')).toBeUndefined();
  });

  it.each(FORMAT_KEYS)('%s parses under schema version %i', (key) => {
    const parsed = Format.parse(FORMAT_SOURCES[key]);
    expect(parsed.schemaVersion).toBe(FORMAT_SCHEMA_VERSION);
  });

  it.each(FORMAT_KEYS)('%s: steps, timeboxes and public flags match docs/formats.md', (key) => {
    const steps = FORMATS[key].steps.map((s) => [s.id, s.timeboxMinutes, s.public]);
    expect(steps).toEqual(EXPECTED[key]);
  });

  it.each(FORMAT_KEYS)('%s: summary feeds and tool hints match docs/formats.md', (key) => {
    for (const step of FORMATS[key].steps) {
      expect(step.summary.feeds, step.id).toBe(FEEDS[step.id] ?? 'agreed');
      expect((step.tools ?? []).map((t) => t.kind), step.id).toEqual(TOOLS[step.id] ?? []);
      if (step.summary.feeds !== 'none') expect(step.summary.description, step.id).toBeDefined();
    }
  });

  it.each(FORMAT_KEYS)('%s: every text is given in Polish and English, and they differ', (key) => {
    const texts: { pl: string; en: string }[] = [];
    const walk = (value: unknown) => {
      if (Localized.safeParse(value).success) texts.push(value as { pl: string; en: string });
      else if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
    };
    walk(FORMATS[key]);
    expect(texts.length).toBeGreaterThan(20);
    // Identical texts would mean an untranslated copy; step numbers in labels are allowed to match.
    const same = texts.filter((t) => t.pl === t.en && !/^[A-D] · |^\w+ \d$/.test(t.pl));
    expect(same).toEqual([]);
  });

  it('instructions are 2–4 sentences in both languages', () => {
    for (const format of Object.values(FORMATS)) {
      for (const step of format.steps) {
        for (const locale of LOCALES) {
          const sentences = step.instructions[locale].split(/(?<=[.?!])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])/).length;
          expect(sentences, `${step.id} ${locale}`).toBeGreaterThanOrEqual(2);
          expect(sentences, `${step.id} ${locale}`).toBeLessThanOrEqual(4);
        }
      }
    }
  });

  it.each([
    ['an English step title', (f: Record<string, any>) => delete f.steps[2].title.en],
    ['an English instruction, emptied', (f: Record<string, any>) => (f.steps[0].instructions.en = '  ')],
    ['a Polish area label', (f: Record<string, any>) => delete f.steps[1].layout.areas[0].label.pl],
    ['an English format result', (f: Record<string, any>) => delete f.result.en],
    ['an English starter note', (f: Record<string, any>) => delete f.steps[3].starterNotes[0].text.en],
  ])('refuses a format missing %s', (what, mutate) => {
    const broken = clone('kickoff');
    mutate(broken);
    const result = Format.safeParse(broken);
    expect(result.success).toBe(false);
    // Refused for that text and nothing else.
    expect(result.error?.issues.map((i) => i.path.at(-1))).toEqual([what.includes('English') ? 'en' : 'pl']);
  });

  it.each([
    ['another schema version', (f: Record<string, any>) => (f.schemaVersion = FORMAT_SCHEMA_VERSION + 1)],
    ['a duplicate step id', (f: Record<string, any>) => (f.steps[1].id = f.steps[0].id)],
    ['an area outside the grid', (f: Record<string, any>) => (f.steps[0].layout.areas[0].x = 11)],
    ['overlapping areas', (f: Record<string, any>) => (f.steps[0].layout.areas[1].x = 0)],
    ['a starter note in no area', (f: Record<string, any>) => (f.steps[0].starterNotes[0].areaId = 'nowhere')],
    ['a topic area the step does not have', (f: Record<string, any>) => (f.steps[5].summary.topicAreas = ['nowhere'])],
    ['a next-meeting area the step does not have', (f: Record<string, any>) => (f.steps[7].summary.nextMeetingArea = 'nowhere')],
    ['a step without a tip for the hosts', (f: Record<string, any>) => delete f.steps[2].tip],
    ['an unknown summary feed', (f: Record<string, any>) => (f.steps[0].summary.feeds = 'everything')],
    ['an unknown field', (f: Record<string, any>) => (f.steps[0].colour = 'red')],
  ])('refuses %s', (_what, mutate) => {
    const broken = clone('kickoff');
    mutate(broken);
    expect(Format.safeParse(broken).success).toBe(false);
  });

  it('gives the summary note its step titles in order', () => {
    expect(stepTitles(FORMATS.solutions, 'en')[2]).toEqual({ id: '2.3', title: 'Clustering and choosing barriers' });
  });
});

describe('formats: closer to the handbook', () => {
  it.each(FORMAT_KEYS)('%s: every step has a tip for the hosts, in both languages, apart from its instructions', (key) => {
    for (const step of FORMATS[key].steps) {
      for (const locale of LOCALES) {
        expect(step.tip[locale].length, `${step.id} ${locale}`).toBeGreaterThan(30);
        expect(step.tip[locale], `${step.id} ${locale}`).not.toBe(step.instructions[locale]);
      }
    }
  });

  it.each(FORMAT_KEYS)('%s: has what the home page shows — a short title, goal, timing and result — and ends with a closing step', (key) => {
    const format = FORMATS[key];
    for (const text of [format.shortTitle, format.goal, format.when, format.result]) expect(text.pl.length).toBeGreaterThan(5);
    expect(formatMinutes(format)).toBeGreaterThanOrEqual(90);
    expect(formatMinutes(format)).toBeLessThanOrEqual(9 * 60);
    const last = format.steps.at(-1)!;
    expect(last.summary.feeds).toBe('all');
    expect(last.public).toBe(true);
    expect(last.layout.areas.find((a) => a.id === last.summary.nextMeetingArea)?.label.pl).toBe('Kolejne spotkanie');
  });

  it.each(FORMAT_KEYS)('%s: names where on the board the meeting’s topics are agreed', (key) => {
    expect(FORMATS[key].steps.some((s) => (s.summary.topicAreas ?? []).length > 0)).toBe(true);
  });

  it.each([10, 12, 16, 20])('the kick-off for a network of %i cities has a zone for each', (cities) => {
    const format = formatFor('kickoff', { cities });
    const zones = format.steps.find((s) => s.id === '0.2')!.layout.areas;
    expect(zones.map((a) => a.id)).toEqual(Array.from({ length: cities }, (_, i) => `city-${i + 1}`));
    expect(zones.every((a) => a.placeholder === 'city')).toBe(true);
    expect(zones.at(-1)!.label).toEqual({ pl: `Miasto ${cities}`, en: `City ${cities}` });
    // Only step 0.2 changes; the records stay valid for tldraw and inside their frame.
    expect(format.steps.filter((s) => s.id !== '0.2')).toEqual(FORMATS.kickoff.steps.filter((s) => s.id !== '0.2'));
    const records = layoutFormat(format, 'pl');
    const frame = records.find((r) => r.id === stepFrameId('kickoff', '0.2'))!;
    for (const record of records) expect(() => validate(record), record.id).not.toThrow();
    for (const zone of records.filter((r) => r.parentId === frame.id && r.type === 'geo')) {
      expect(zone.y + (zone.props as { h: number }).h).toBeLessThanOrEqual((frame.props as { h: number }).h);
    }
  });

  it('lays out 12 city zones by default, and the other formats the same whatever the size', () => {
    expect(CITY_ZONES.default).toBe(12);
    expect(FORMATS.kickoff.steps.find((s) => s.id === '0.2')!.layout.areas).toHaveLength(12);
    expect(formatFor('kickoff')).toBe(FORMATS.kickoff);
    expect(formatFor('solutions', { cities: 17 })).toBe(FORMATS.solutions);
  });

  it('Format 2 can start from the problems the cities reported', () => {
    const step = FORMATS.solutions.steps.find((s) => s.id === '2.1')!;
    expect(step.layout.areas.map((a) => a.label.pl)).toEqual(['Problemy zgłoszone przez miasta', 'Wyzwanie']);
    expect(step.instructions.pl).toContain('problemów, które miasta zgłosiły');
    expect(step.starterNotes?.map((n) => n.text.pl)).toEqual(['Jak moglibyśmy…?']);
    expect(step.summary.topicAreas).toEqual(['challenge']);
  });

  it('Format 3 adapts the practice by city size and character, and can update an existing case study', () => {
    const step = (id: string) => FORMATS.practices.steps.find((s) => s.id === id)!;
    expect(step('3.5').layout.areas.map((a) => a.label.pl)).toEqual(['Małe miasto', 'Średnie miasto', 'Duże miasto', 'Specyfika miasta']);
    expect(step('3.1').layout.areas.map((a) => a.id)).toContain('update');
    expect(step('3.1').layout.areas.find((a) => a.id === 'update')!.label.pl).toMatch(/^Aktualizacja/);
    expect(step('3.4').layout.areas.map((a) => a.id)).toContain('changes');
    expect(FORMATS.practices.when.pl).toContain('zaktualizować istniejące studium przypadku');
  });

  it('the work plan has the topics, the kinds of product, the meeting schedule and a closing step', () => {
    const steps = FORMATS.workplan.steps;
    const topics = steps.find((s) => s.id === 'W.8')!;
    expect(topics.summary.topicAreas).toEqual(['topics']);
    expect(topics.starterNotes?.map((n) => n.text.pl)).toEqual([
      'Schemat (metoda) działania',
      'Dobra praktyka – rozwiązanie',
      'Rekomendacje dla miast',
      'Propozycje zmian prawnych do krajowej polityki miejskiej',
      'Projekt uznany za innowacyjny',
    ]);
    const schedule = steps.find((s) => s.id === 'W.9')!;
    expect(schedule.title.pl).toBe('Harmonogram spotkań');
    expect(schedule.layout.areas.map((a) => a.label.pl)).toEqual(['I kwartał', 'II kwartał', 'III kwartał', 'IV kwartał']);
    expect(steps.at(-1)!.title.pl).toBe('Podsumowanie i kolejne kroki');
  });
});

describe('formats: layout as tldraw records', () => {
  const cases = FORMAT_KEYS.flatMap((key) => LOCALES.map((locale) => [key, locale] as const));

  it.each(cases)('%s (%s): every record passes tldraw 3.15 validation', (key, locale) => {
    const records = layoutFormat(FORMATS[key], locale, { pageId: 'page:board' });
    expect(records.length).toBeGreaterThan(FORMATS[key].steps.length * 2);
    for (const record of records) expect(() => validate(record), record.id).not.toThrow();
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it.each(cases)('%s (%s): one frame per step, in order, with step id and public flag', (key, locale) => {
    const format = FORMATS[key];
    const frames = layoutFormat(format, locale).filter((r) => r.type === 'frame');
    expect(frames.map((f) => frameStepId(f))).toEqual(format.steps.map((s) => s.id));
    expect(frames.map((f) => f.id)).toEqual(format.steps.map((s) => stepFrameId(key, s.id)));
    expect(frames.map((f) => f.meta.public === true)).toEqual(format.steps.map((s) => s.public));
    for (const frame of frames) {
      expect(frame.parentId).toBe(DEFAULT_PAGE_ID);
      expect('public' in frame.meta).toBe(frame.meta.public === true);
      expect(frame.meta.template).toBe(true);
    }
    const xs = frames.map((f) => f.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(frames.map((f) => f.y)).size).toBe(1);
  });

  it.each(FORMAT_KEYS)('%s: children sit in their frame, templates locked, starter notes free', (key) => {
    const format = FORMATS[key];
    const records = layoutFormat(format, 'pl');
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const step of format.steps) {
      const frameId = stepFrameId(key, step.id);
      const frame = byId.get(frameId)!;
      const children = records.filter((r) => r.parentId === frameId);
      // A locked frame takes no new children in tldraw 3.15: the group's notes must land inside.
      expect(frame.isLocked).toBe(false);
      expect(byId.get(stepTextId(key, step.id))?.parentId).toBe(frameId);
      for (const area of step.layout.areas) expect(byId.get(stepAreaId(key, step.id, area.id))?.type).toBe('geo');
      (step.starterNotes ?? []).forEach((_, i) => expect(byId.get(starterNoteId(key, step.id, i))?.type).toBe('note'));
      expect(children).toHaveLength(step.layout.areas.length + 1 + (step.starterNotes?.length ?? 0));
      for (const child of children) {
        const template = child.type !== 'note';
        expect(child.isLocked, child.id).toBe(template);
        expect(child.meta.template === true, child.id).toBe(template);
        // Children stay inside the frame's bounds.
        const { w, h } = child.props as { w?: number; h?: number };
        expect(child.x).toBeGreaterThanOrEqual(0);
        expect(child.y).toBeGreaterThanOrEqual(0);
        expect(child.x + (w ?? 200)).toBeLessThanOrEqual((frame.props as { w: number }).w);
        expect(child.y + (h ?? 200)).toBeLessThanOrEqual((frame.props as { h: number }).h);
        // Only frames carry a step id: that is how the summary and the panel find a step.
        expect(child.meta.stepId).toBeUndefined();
      }
    }
  });

  it.each(FORMAT_KEYS)('%s: ids are deterministic and the same in both languages', (key) => {
    const first = layoutFormat(FORMATS[key], 'pl', { pageId: 'page:x', x: 100, y: 50 });
    const again = layoutFormat(FORMATS[key], 'pl', { pageId: 'page:x', x: 100, y: 50 });
    expect(again).toEqual(first);
    expect(layoutFormat(FORMATS[key], 'en').map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(first.every((r) => r.id.startsWith(`shape:${key}-`))).toBe(true);
  });

  it('puts the texts of the chosen language on the board', () => {
    const text = (locale: 'pl' | 'en') => JSON.stringify(layoutFormat(FORMATS.kickoff, locale).find((r) => r.id === stepTextId('kickoff', '0.4'))!.props);
    expect(text('pl')).toContain('Kontrakt – zasady współpracy');
    expect(text('pl')).toContain('20 min');
    expect(text('en')).toContain('Contract: our rules of cooperation');
    expect(text('en')).not.toContain('Kontrakt');
  });

  it('a laid-out board feeds the summary note: agreed notes in a step frame, under its title', () => {
    const records = layoutFormat(FORMATS.kickoff, 'pl') as unknown as CanvasRecord[];
    const chosen = noteRecord('shape:topic', 'Cyfryzacja usług', { parentId: stepFrameId('kickoff', '0.6'), meta: { agreed: true } });
    const note = buildSummaryNote({ session: {}, records: [...records, chosen], locale: 'pl', steps: stepTitles(FORMATS.kickoff, 'pl') });
    // Starter notes and template texts are never agreed, so only the group's note is there.
    expect(note.steps).toEqual([{ stepId: '0.6', title: 'Wybór 2–3 tematów', sections: [{ title: null, conclusions: [{ text: 'Cyfryzacja usług' }] }] }]);
  });

  it('starts at the origin on the given page', () => {
    const [frame] = layoutFormat(FORMATS.planning, 'en', { pageId: 'page:other', x: -500, y: 300 });
    expect(frame).toMatchObject({ parentId: 'page:other', x: -500, y: 300, type: 'frame' });
  });

  it('index keys ascend and are valid', () => {
    const keys = Array.from({ length: 200 }, (_, i) => indexKey(i));
    expect([...keys].sort()).toEqual(keys);
    const [frame] = layoutFormat(FORMATS.kickoff, 'pl');
    for (const index of keys) expect(() => validate({ ...frame, index })).not.toThrow();
  });

  it.each([
    ['a text shape with plain `text` instead of richText', 'text', (p: Record<string, unknown>) => ({ ...withoutRichText(p), text: 'x' })],
    ['a geo shape with an unknown fill', 'geo', (p: Record<string, unknown>) => ({ ...p, fill: 'gradient' })],
    ['a note with a missing prop', 'note', (p: Record<string, unknown>) => withoutRichText(p)],
    ['a frame with zero width', 'frame', (p: Record<string, unknown>) => ({ ...p, w: 0 })],
  ])('the validator really checks props: refuses %s', (_what, type, mutate) => {
    const record = layoutFormat(FORMATS.kickoff, 'pl').find((r) => r.type === type)!;
    expect(() => validate(record)).not.toThrow();
    expect(() => validate({ ...record, props: mutate(record.props as Record<string, unknown>) })).toThrow();
  });
});

function withoutRichText(props: Record<string, unknown>): Record<string, unknown> {
  const { richText: _richText, ...rest } = props;
  return rest;
}
