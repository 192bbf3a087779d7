/** Valid tldraw 3.15 records for tests (the server refuses invalid ones, rule G3). */
import { DEFAULT_PAGE_ID } from '../../shared/formats/layout';
import type { CanvasRecord } from '../../shared/projection';

/** The first page every new board is seeded with. */
export const PAGE_ID = DEFAULT_PAGE_ID;

export function documentRecord(): CanvasRecord {
  return { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} } as CanvasRecord;
}

export function pageRecord(id = 'page:main'): CanvasRecord {
  return { id, typeName: 'page', name: 'Strona 1', index: 'a1', meta: {} } as CanvasRecord;
}

export function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] };
}

const shapeBase = (id: string, type: string, parentId: string, x: number, y: number, meta: Record<string, unknown>) => ({
  id,
  typeName: 'shape',
  type,
  x,
  y,
  rotation: 0,
  index: 'a1',
  parentId,
  isLocked: false,
  opacity: 1,
  meta,
});

export function noteRecord(id: string, text: string, options: { parentId?: string; x?: number; y?: number; meta?: Record<string, unknown> } = {}): CanvasRecord {
  return {
    ...shapeBase(id, 'note', options.parentId ?? PAGE_ID, options.x ?? 0, options.y ?? 0, options.meta ?? {}),
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: richText(text),
      scale: 1,
    },
  } as CanvasRecord;
}

export function frameRecord(id: string, name: string, options: { x?: number; y?: number; isLocked?: boolean; meta?: Record<string, unknown> } = {}): CanvasRecord {
  return {
    ...shapeBase(id, 'frame', PAGE_ID, options.x ?? 0, options.y ?? 0, options.meta ?? {}),
    isLocked: options.isLocked ?? false,
    props: { w: 800, h: 600, name, color: 'black' },
  } as CanvasRecord;
}

/** How many shapes a key-value view holds (every board also has its document and page records). */
export function shapeCount(records: { map: Map<string, unknown> }): number {
  let n = 0;
  for (const key of records.map.keys()) if (key.startsWith('shape:')) n++;
  return n;
}
