/**
 * The public projection (docs/architecture.md): which canvas records observers may receive.
 * Visible: every public frame (`meta.public === true`) and its descendants, except frames marked
 * `meta.public === false` with everything inside them; bindings between visible shapes; assets
 * that visible shapes show; the document and the pages that hold visible shapes. A public frame
 * nested in shapes that are not visible brings those containers as geometry only (no name, no
 * text, no other children), so observers can draw it where hosts see it.
 */

/** The fields of a tldraw record this module reads; everything else passes through untouched. */
export interface CanvasRecord {
  id: string;
  typeName: string;
  type?: string;
  parentId?: string;
  index?: string;
  x?: number;
  y?: number;
  rotation?: number;
  isLocked?: boolean;
  opacity?: number;
  fromId?: string;
  toId?: string;
  meta?: Record<string, unknown>;
  props?: Record<string, unknown>;
}

export function isPublicFrame(record: CanvasRecord | undefined): boolean {
  return record?.typeName === 'shape' && record.type === 'frame' && record.meta?.public === true;
}

/** A frame a host explicitly hid: it and everything inside stay out even within a public frame. */
export function isHiddenFrame(record: CanvasRecord | undefined): boolean {
  return record?.typeName === 'shape' && record.type === 'frame' && record.meta?.public === false;
}

/** The shape types that may hold a public frame; anything else in its chain breaks the chain. */
const CONTAINER_TYPES = new Set(['frame', 'group']);

/**
 * The records observers may see, by id. Records passed through are the very objects of `records`;
 * derived ones (containers reduced to geometry, frames moved to their page) are new objects.
 */
export function publicRecords(records: ReadonlyMap<string, CanvasRecord>): Map<string, CanvasRecord> {
  const children = new Map<string, CanvasRecord[]>();
  for (const record of records.values()) {
    if (record.typeName !== 'shape' || !record.parentId) continue;
    const list = children.get(record.parentId);
    if (list) list.push(record);
    else children.set(record.parentId, [record]);
  }

  // Each public frame's chain of shapes up to its page; a frame that reaches no page is left out.
  const chains = new Map<CanvasRecord, { ancestors: CanvasRecord[]; pageId: string }>();
  for (const record of records.values()) {
    if (!isPublicFrame(record)) continue;
    const chain = chainToPage(record, records);
    if (chain) chains.set(record, chain);
  }

  const visible = new Set<string>();
  for (const root of chains.keys()) {
    const stack = [root];
    while (stack.length > 0) {
      const shape = stack.pop()!;
      if (visible.has(shape.id)) continue;
      visible.add(shape.id);
      for (const child of children.get(shape.id) ?? []) if (!isHiddenFrame(child)) stack.push(child);
    }
  }

  const result = new Map<string, CanvasRecord>();
  if (visible.size === 0) return result;
  for (const record of records.values()) if (record.typeName === 'document') result.set(record.id, record);
  for (const { pageId } of chains.values()) result.set(pageId, records.get(pageId)!);
  for (const id of visible) result.set(id, records.get(id)!);

  for (const [root, { ancestors, pageId }] of chains) {
    // Containers up to the nearest visible one (or the page): that anchor is placed by its own root.
    const anchorAt = ancestors.findIndex((shape) => visible.has(shape.id));
    const between = anchorAt === -1 ? ancestors : ancestors.slice(0, anchorAt);
    const anchorId = anchorAt === -1 ? pageId : ancestors[anchorAt]!.id;
    if (between.every((shape) => CONTAINER_TYPES.has(shape.type ?? ''))) {
      for (const shape of between) if (!result.has(shape.id)) result.set(shape.id, geometryOnly(shape));
    } else {
      result.set(root.id, placedIn(anchorId, [...between].reverse(), root));
    }
  }

  for (const record of records.values()) {
    if (record.typeName === 'binding' && visible.has(record.fromId ?? '') && visible.has(record.toId ?? '')) {
      result.set(record.id, record);
    }
  }
  for (const id of visible) {
    const assetId = records.get(id)!.props?.assetId;
    if (typeof assetId === 'string' && records.get(assetId)?.typeName === 'asset') result.set(assetId, records.get(assetId)!);
  }
  return result;
}

/** The ids of `publicRecords`: what survives closing a meeting. */
export function publicRecordIds(records: ReadonlyMap<string, CanvasRecord>): Set<string> {
  return new Set(publicRecords(records).keys());
}

/** The shapes above `shape`, nearest first, and its page; undefined on a cycle or a missing link. */
function chainToPage(shape: CanvasRecord, records: ReadonlyMap<string, CanvasRecord>): { ancestors: CanvasRecord[]; pageId: string } | undefined {
  const ancestors: CanvasRecord[] = [];
  const seen = new Set<string>([shape.id]);
  let parentId = shape.parentId;
  while (parentId !== undefined && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = records.get(parentId);
    if (parent?.typeName === 'page') return { ancestors, pageId: parent.id };
    if (parent?.typeName !== 'shape') return undefined;
    ancestors.push(parent);
    parentId = parent.parentId;
  }
  return undefined;
}

/** A container as observers get it: where it is and how big, and nothing it says. */
function geometryOnly(shape: CanvasRecord): CanvasRecord {
  const props = shape.props ?? {};
  const record: CanvasRecord = {
    id: shape.id,
    typeName: shape.typeName,
    type: shape.type,
    parentId: shape.parentId,
    index: shape.index,
    x: shape.x,
    y: shape.y,
    rotation: shape.rotation,
    isLocked: shape.isLocked,
    opacity: shape.opacity,
    // tldraw 3.15 requires a frame's colour; it is a style, not content.
    props: shape.type === 'frame' ? { w: props.w, h: props.h, name: '', color: props.color } : { ...props },
    meta: {},
  };
  return record;
}

/** `shape` re-parented to `anchorId` at the same place, through the dropped `between` (outermost first). */
function placedIn(anchorId: string, between: CanvasRecord[], shape: CanvasRecord): CanvasRecord {
  let x = 0;
  let y = 0;
  let rotation = 0;
  for (const step of [...between, shape]) {
    const dx = step.x ?? 0;
    const dy = step.y ?? 0;
    [x, y] = [x + dx * Math.cos(rotation) - dy * Math.sin(rotation), y + dx * Math.sin(rotation) + dy * Math.cos(rotation)];
    rotation += step.rotation ?? 0;
  }
  return { ...shape, parentId: anchorId, x, y, rotation };
}
