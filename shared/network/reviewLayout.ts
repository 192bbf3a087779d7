/**
 * The network's steps on a meeting's board — the review of the previous meeting, and the network's
 * work plan when a meeting opens it: one frame each, to the left of the format's steps, holding a
 * locked text (a template element: only hosts change it, rule G2). Pure tldraw 3.15 records, like
 * the format layout.
 */
import type { TLFrameShape, TLParentId, TLShapeId, TLTextShape } from '@tldraw/tlschema';
import type { Locale } from '../api';
import { DEFAULT_PAGE_ID } from '../formats/layout';
import { reviewText, reviewTitle, type ReviewState } from './review';

/** The review's step id: the host panel lists it first. */
export const REVIEW_STEP_ID = 'review';
/** The work plan's step id, when a meeting opens the network's plan. */
export const PLAN_STEP_ID = 'plan';
/** The network's steps, which have no number of their own. */
export const NETWORK_STEP_IDS: readonly string[] = [REVIEW_STEP_ID, PLAN_STEP_ID];
export const REVIEW_FRAME_ID = 'shape:network-review-frame' as TLShapeId;
export const PLAN_FRAME_ID = 'shape:network-plan-frame' as TLShapeId;

const WIDTH = 1200;
const PADDING = 40;
const LINE_HEIGHT = 26;
const CHARS_PER_LINE = 110;
const GAP = 240;

export function layoutReview(review: ReviewState, locale: Locale, pageId: string = DEFAULT_PAGE_ID): [TLFrameShape, TLTextShape] {
  return layoutTextStep({ stepId: REVIEW_STEP_ID, title: reviewTitle(locale), lines: reviewText(review, locale).split('\n'), slot: 1, pageId });
}

/**
 * A step frame holding lines of text; a line after an empty one (and the first) is a heading.
 * `slot` counts frames leftwards from the format's first step.
 */
export function layoutTextStep({ stepId, title, lines, slot, pageId = DEFAULT_PAGE_ID }: { stepId: string; title: string; lines: string[]; slot: number; pageId?: string }): [TLFrameShape, TLTextShape] {
  const frameId = `shape:network-${stepId}-frame` as TLShapeId;
  const rows = lines.reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
  const height = Math.ceil((PADDING * 3 + rows * LINE_HEIGHT) / 20) * 20;
  const common = { typeName: 'shape' as const, rotation: 0, opacity: 1 };
  const frame: TLFrameShape = {
    ...common,
    id: frameId,
    type: 'frame',
    x: -(WIDTH + GAP) * slot,
    y: 0,
    index: `a0${slot}` as TLFrameShape['index'],
    parentId: pageId as TLParentId,
    isLocked: false,
    // The first word of a frame's name is its step's number; the review has none of its own.
    props: { w: WIDTH, h: height, name: `0. ${title}`, color: 'black' },
    meta: { template: true, stepId },
  };
  const heading = new Set([0, ...lines.flatMap((line, i) => (line === '' ? [i + 1] : []))]);
  const text: TLTextShape = {
    ...common,
    id: `shape:network-${stepId}-text` as TLShapeId,
    type: 'text',
    x: PADDING,
    y: PADDING,
    index: 'a1' as TLTextShape['index'],
    parentId: frameId,
    isLocked: true,
    props: {
      color: 'black',
      size: 's',
      font: 'sans',
      textAlign: 'start',
      w: WIDTH - PADDING * 2,
      scale: 1,
      autoSize: false,
      richText: {
        type: 'doc',
        content: lines
          .map((line, i) => ({ line, bold: heading.has(i) }))
          .filter(({ line }) => line !== '')
          .map(({ line, bold }) => ({ type: 'paragraph', content: [{ type: 'text', text: line, ...(bold ? { marks: [{ type: 'bold' }] } : {}) }] })),
      },
    },
    meta: { template: true, part: 'instructions' },
  };
  return [frame, text];
}
