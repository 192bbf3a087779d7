/**
 * A format laid out as tldraw 3.15 records: one frame per step, left to right in step order, each
 * holding the step's title, goal and instructions as a text shape, its labelled areas as geo
 * rectangles and its starter notes. Pure and deterministic: ids come from format, step and element
 * (never from the locale), so laying a format out again yields the same records. Everything but the
 * starter notes carries `meta.template: true`; the text and the areas are locked as well.
 */
import type { TLFrameShape, TLGeoShape, TLNoteShape, TLParentId, TLShape, TLShapeId, TLTextShape, TLRichText, TLDefaultColorStyle } from '@tldraw/tlschema';
import type { Locale } from '../api';
import type { Area, Format, Step } from './schema';

/** One grid unit of a step's layout, in canvas pixels. */
export const GRID_UNIT = 120;
const PADDING = 40;
const AREA_INSET = 8;
const FRAME_GAP = 240;
const NOTE_SIZE = 200;
const NOTE_GAP = 16;
/** Room left above a starter note for the area's label. */
const LABEL_SPACE = 56;
/** Rough metrics of tldraw's sans font at size "s", for reserving the header's height. */
const CHAR_WIDTH = 10;
const LINE_HEIGHT = 26;

/** tldraw's default page id, used when no page is given. */
export const DEFAULT_PAGE_ID = 'page:page';

const AREA_COLORS: readonly TLDefaultColorStyle[] = ['light-blue', 'light-green', 'yellow', 'light-violet', 'orange', 'light-red', 'blue', 'green'];

const UI = {
  goal: { pl: 'Cel', en: 'Goal' },
} as const;

export interface LayoutOrigin {
  /** The page the frames go on. */
  pageId?: string;
  /** Top-left corner of the first frame. */
  x?: number;
  y?: number;
}

export function stepFrameId(formatId: string, stepId: string): TLShapeId {
  return `shape:${formatId}-${stepId}-frame` as TLShapeId;
}

export function stepTextId(formatId: string, stepId: string): TLShapeId {
  return `shape:${formatId}-${stepId}-text` as TLShapeId;
}

export function stepAreaId(formatId: string, stepId: string, areaId: string): TLShapeId {
  return `shape:${formatId}-${stepId}-area-${areaId}` as TLShapeId;
}

/** `index` counts the step's starter notes from 0, in the order the format lists them. */
export function starterNoteId(formatId: string, stepId: string, index: number): TLShapeId {
  return `shape:${formatId}-${stepId}-note-${index + 1}` as TLShapeId;
}

/** The step id of a step's frame, or undefined for any other record. */
export function frameStepId(record: { typeName?: string; type?: string; meta?: Record<string, unknown> }): string | undefined {
  if (record.typeName !== 'shape' || record.type !== 'frame') return undefined;
  const stepId = record.meta?.stepId;
  return typeof stepId === 'string' ? stepId : undefined;
}

/** Size of a step's frame in canvas pixels, for this locale's texts. */
export function stepFrameSize(step: Step, locale: Locale): { w: number; h: number } {
  const w = PADDING * 2 + step.layout.cols * GRID_UNIT;
  return { w, h: headerHeight(step, locale, w) + step.layout.rows * GRID_UNIT + PADDING };
}

export function layoutFormat(format: Format, locale: Locale, origin: LayoutOrigin = {}): TLShape[] {
  const pageId = (origin.pageId ?? DEFAULT_PAGE_ID) as TLParentId;
  const records: TLShape[] = [];
  let x = origin.x ?? 0;
  format.steps.forEach((step, i) => {
    records.push(...layoutStep(format.id, step, locale, pageId, x, origin.y ?? 0, indexKey(i)));
    x += stepFrameSize(step, locale).w + FRAME_GAP;
  });
  return records;
}

function layoutStep(formatId: string, step: Step, locale: Locale, pageId: TLParentId, x: number, y: number, index: TLShape['index']): TLShape[] {
  const { w, h } = stepFrameSize(step, locale);
  const frameId = stepFrameId(formatId, step.id);
  const header = headerHeight(step, locale, w);
  const templateMeta = { template: true, formatId };

  // The frame is a template (the canvas guard keeps participants from moving or changing it) but
  // not locked: tldraw 3.15 lets no new shape into a locked frame (FrameShapeUtil
  // canReceiveNewChildrenOfType), so the group's notes would land on the page, outside the step.
  const frame: TLFrameShape = {
    ...base(frameId, 'frame', pageId, x, y, index, false),
    props: { w, h, name: `${step.id} ${step.title[locale]}`, color: 'black' },
    meta: { ...templateMeta, stepId: step.id, ...(step.public ? { public: true } : {}) },
  };

  let childIndex = 0;
  const nextIndex = () => indexKey(childIndex++);

  const areas = step.layout.areas.map((area, i): TLGeoShape => {
    const box = areaBox(area, header);
    return {
      ...base(stepAreaId(formatId, step.id, area.id), 'geo', frameId, box.x, box.y, nextIndex(), true),
      props: {
        geo: 'rectangle',
        dash: 'solid',
        url: '',
        w: box.w,
        h: box.h,
        growY: 0,
        scale: 1,
        labelColor: 'black',
        color: AREA_COLORS[i % AREA_COLORS.length]!,
        fill: 'semi',
        size: 's',
        font: 'sans',
        align: 'start',
        verticalAlign: 'start',
        richText: richText([[{ text: area.label[locale], bold: true }]]),
      },
      meta: { ...templateMeta, part: 'area', areaId: area.id },
    };
  });

  const text: TLTextShape = {
    ...base(stepTextId(formatId, step.id), 'text', frameId, PADDING, PADDING, nextIndex(), true),
    props: {
      color: 'black',
      size: 's',
      font: 'sans',
      textAlign: 'start',
      w: w - PADDING * 2,
      richText: richText(headerParagraphs(step, locale)),
      scale: 1,
      autoSize: false,
    },
    meta: { ...templateMeta, part: 'instructions' },
  };

  const placed = new Map<string, number>();
  const notes = (step.starterNotes ?? []).map((note, i): TLNoteShape => {
    const area = step.layout.areas.find((a) => a.id === note.areaId)!;
    const box = areaBox(area, header);
    const slot = placed.get(area.id) ?? 0;
    placed.set(area.id, slot + 1);
    const scale = Math.min(1, (box.h - LABEL_SPACE - NOTE_GAP) / NOTE_SIZE, (box.w - NOTE_GAP * 2) / NOTE_SIZE);
    const size = NOTE_SIZE * scale;
    const perRow = Math.max(1, Math.floor((box.w - NOTE_GAP) / (size + NOTE_GAP)));
    return {
      ...base(starterNoteId(formatId, step.id, i), 'note', frameId, box.x + NOTE_GAP + (slot % perRow) * (size + NOTE_GAP), box.y + LABEL_SPACE + Math.floor(slot / perRow) * (size + NOTE_GAP), nextIndex(), false),
      props: {
        color: 'yellow',
        labelColor: 'black',
        size: 's',
        font: 'sans',
        fontSizeAdjustment: 0,
        align: 'middle',
        verticalAlign: 'middle',
        growY: 0,
        url: '',
        richText: richText([[{ text: note.text[locale] }]]),
        scale,
      },
      meta: { starter: true, areaId: area.id },
    };
  });

  return [frame, ...areas, text, ...notes];
}

function base<Type extends string>(id: TLShapeId, type: Type, parentId: TLParentId, x: number, y: number, index: TLShape['index'], isLocked: boolean) {
  return { id, typeName: 'shape' as const, type, x, y, rotation: 0, index, parentId, isLocked, opacity: 1 };
}

function areaBox(area: Area, header: number) {
  return {
    x: PADDING + area.x * GRID_UNIT + AREA_INSET,
    y: header + area.y * GRID_UNIT + AREA_INSET,
    w: area.w * GRID_UNIT - AREA_INSET * 2,
    h: area.h * GRID_UNIT - AREA_INSET * 2,
  };
}

interface Run {
  text: string;
  bold?: boolean;
}

function headerParagraphs(step: Step, locale: Locale): Run[][] {
  return [
    [{ text: `${step.id} ${step.title[locale]}`, bold: true }, { text: ` · ${step.timeboxMinutes} min` }],
    [{ text: `${UI.goal[locale]}: `, bold: true }, { text: step.goal[locale] }],
    [{ text: step.instructions[locale] }],
  ];
}

/** The header's height: enough for the wrapped title, goal and instructions, on a 20 px step. */
function headerHeight(step: Step, locale: Locale, frameWidth: number): number {
  const perLine = Math.max(1, Math.floor((frameWidth - PADDING * 2) / CHAR_WIDTH));
  const lines = headerParagraphs(step, locale)
    .map((runs) => runs.reduce((n, r) => n + r.text.length, 0))
    .reduce((sum, chars) => sum + Math.ceil(chars / perLine), 0);
  return Math.ceil((PADDING * 2 + lines * LINE_HEIGHT) / 20) * 20;
}

/** A TipTap document as tldraw 3.15 stores it: one paragraph per entry, bold as a mark. */
function richText(paragraphs: Run[][]): TLRichText {
  return {
    type: 'doc',
    content: paragraphs.map((runs) => ({
      type: 'paragraph',
      content: runs.filter((r) => r.text !== '').map((r) => ({ type: 'text', text: r.text, ...(r.bold ? { marks: [{ type: 'bold' }] } : {}) })),
    })),
  };
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The n-th of an ascending run of fractional index keys: a1…az, then b00, b01 and on. */
export function indexKey(n: number): TLShape['index'] {
  if (n < 61) return `a${DIGITS[n + 1]}` as TLShape['index'];
  const m = n - 61;
  return `b${DIGITS[Math.floor(m / 62) % 62]}${DIGITS[m % 62]}` as TLShape['index'];
}
