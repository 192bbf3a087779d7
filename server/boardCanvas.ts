/** Laying a facilitation format out on a board's canvas document (new boards, or added later). */
import * as Y from 'yjs';
import { RecordMap } from '../shared/recordMap';
import { CANVAS_META_MAP, CANVAS_RECORDS_ARRAY, CANVAS_SCHEMA_KEY } from '../shared/canvas';
import type { Locale } from '../shared/api';
import type { CanvasRecord } from '../shared/projection';
import { DEFAULT_PAGE_ID, layoutFormat } from '../shared/formats/layout';
import type { Format } from '../shared/formats/schema';
import { tldrawSchema } from '../shared/tldrawSchema';

const PAGE_NAME: Record<Locale, string> = { pl: 'Strona 1', en: 'Page 1' };
/** Space between what is on the board and a format added to it. */
const GAP = 240;

/** The key-value view of a canvas document that has none yet (a live room has its own: `room.records`). */
export function canvasRecords(doc: Y.Doc): RecordMap<CanvasRecord> {
  return new RecordMap<CanvasRecord>(doc.getArray(CANVAS_RECORDS_ARRAY));
}

/** Gives a canvas the records every tldraw board needs (document, first page) and the schema. */
export function seedCanvas(records: RecordMap<CanvasRecord>, locale: Locale): string {
  const existing = [...records.map.values()].map((e) => e.val);
  const pageId = existing.find((r) => r.typeName === 'page')?.id ?? DEFAULT_PAGE_ID;
  records.doc.transact(() => {
    if (!records.has('document:document')) records.set('document:document', { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} } as CanvasRecord);
    if (!records.has(pageId)) records.set(pageId, { id: pageId, typeName: 'page', name: PAGE_NAME[locale], index: 'a1', meta: {} } as CanvasRecord);
    const meta = records.doc.getMap(CANVAS_META_MAP);
    if (!meta.has(CANVAS_SCHEMA_KEY)) meta.set(CANVAS_SCHEMA_KEY, tldrawSchema().serialize());
  });
  return pageId;
}

/** Adds the format's frames to the canvas, to the right of anything already there. */
export function addFormatToCanvas(records: RecordMap<CanvasRecord>, format: Format, locale: Locale): { added: number } | { conflict: true } {
  const doc = records.doc;
  const pageId = seedCanvas(records, locale);
  const existing = [...records.map.values()].map((e) => e.val);
  let right = Number.NEGATIVE_INFINITY;
  for (const r of existing) {
    if (r.typeName !== 'shape' || r.parentId !== pageId) continue;
    const x = (r as unknown as { x: number }).x;
    const w = Number((r.props as { w?: number } | undefined)?.w ?? 0);
    right = Math.max(right, x + w);
  }
  const shapes = layoutFormat(format, locale, { pageId, x: Number.isFinite(right) ? right + GAP : 0, y: 0 }) as unknown as CanvasRecord[];
  if (shapes.some((s) => records.has(s.id))) return { conflict: true };
  doc.transact(() => {
    for (const shape of shapes) records.set(shape.id, shape);
  });
  return { added: shapes.length };
}
