/**
 * Where a shape sits within its step's frame, which labelled area holds it, and the order a
 * person reads notes in: rows from the top (notes whose tops differ by less than half a note's
 * height share a row), each row from the left.
 */
import type { CanvasRecord } from '../projection';

export interface Placed {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** tldraw's note is 200 px square at scale 1, taller by its growY. */
const NOTE_SIZE = 200;

export function num(record: CanvasRecord | undefined, key: string): number {
  const value = (record as unknown as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function prop(record: CanvasRecord, key: string): number | undefined {
  const value = (record.props as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The shape's box in the coordinates of `ancestorId` (rotation aside), walking up its parents. */
export function placeWithin(records: Map<string, CanvasRecord>, record: CanvasRecord, ancestorId: string): Placed {
  let x = num(record, 'x');
  let y = num(record, 'y');
  let parent = records.get(String(record.parentId ?? ''));
  for (let depth = 0; parent && parent.id !== ancestorId && parent.typeName === 'shape' && depth < 50; depth++) {
    x += num(parent, 'x');
    y += num(parent, 'y');
    parent = records.get(String(parent.parentId ?? ''));
  }
  const scale = prop(record, 'scale') ?? 1;
  const w = prop(record, 'w') ?? NOTE_SIZE * scale;
  const h = prop(record, 'h') ?? (NOTE_SIZE + (prop(record, 'growY') ?? 0)) * scale;
  return { x, y, w, h };
}

/** The first area whose box holds the middle of `box`. */
export function areaHolding<A extends Placed>(areas: readonly A[], box: Placed): A | undefined {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  return areas.find((a) => cx >= a.x && cx <= a.x + a.w && cy >= a.y && cy <= a.y + a.h);
}

/** Items in reading order: rows top to bottom (half an item's height of slack), left to right. */
export function inReadingOrder<T>(items: readonly T[], boxOf: (item: T) => Placed): T[] {
  const sorted = [...items].sort((a, b) => boxOf(a).y - boxOf(b).y || boxOf(a).x - boxOf(b).x);
  const rows: T[][] = [];
  let anchor: Placed | undefined;
  for (const item of sorted) {
    const box = boxOf(item);
    if (anchor && box.y - anchor.y <= anchor.h / 2) rows.at(-1)!.push(item);
    else {
      rows.push([item]);
      anchor = box;
    }
  }
  return rows.flatMap((row) => row.sort((a, b) => boxOf(a).x - boxOf(b).x));
}
