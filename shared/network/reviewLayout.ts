/**
 * The review step on a network meeting's board: one frame, to the left of the format's steps, with
 * the review as a locked text (a template element: only hosts change it, rule G2). Pure tldraw 3.15
 * records, like the format layout.
 */
import type { TLFrameShape, TLParentId, TLShapeId, TLTextShape } from '@tldraw/tlschema';
import type { Locale } from '../api';
import { DEFAULT_PAGE_ID } from '../formats/layout';
import { reviewText, reviewTitle, type ReviewState } from './review';

/** The review's step id: the host panel lists it first. */
export const REVIEW_STEP_ID = 'review';
export const REVIEW_FRAME_ID = 'shape:network-review-frame' as TLShapeId;
const REVIEW_TEXT_ID = 'shape:network-review-text' as TLShapeId;

const WIDTH = 1200;
const PADDING = 40;
const LINE_HEIGHT = 26;
const CHARS_PER_LINE = 110;
const GAP = 240;

export function layoutReview(review: ReviewState, locale: Locale, pageId: string = DEFAULT_PAGE_ID): [TLFrameShape, TLTextShape] {
  const lines = reviewText(review, locale).split('\n');
  const rows = lines.reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
  const height = Math.ceil((PADDING * 3 + rows * LINE_HEIGHT) / 20) * 20;
  const common = { typeName: 'shape' as const, rotation: 0, opacity: 1 };
  const frame: TLFrameShape = {
    ...common,
    id: REVIEW_FRAME_ID,
    type: 'frame',
    x: -WIDTH - GAP,
    y: 0,
    index: 'a0' as TLFrameShape['index'],
    parentId: pageId as TLParentId,
    isLocked: false,
    // The first word of a frame's name is its step's number; the review has none of its own.
    props: { w: WIDTH, h: height, name: `0. ${reviewTitle(locale)}`, color: 'black' },
    meta: { template: true, stepId: REVIEW_STEP_ID },
  };
  const heading = new Set([0, lines.indexOf('') + 1, lines.lastIndexOf('') + 1]);
  const text: TLTextShape = {
    ...common,
    id: REVIEW_TEXT_ID,
    type: 'text',
    x: PADDING,
    y: PADDING,
    index: 'a1' as TLTextShape['index'],
    parentId: REVIEW_FRAME_ID,
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
