/**
 * The public projection (DESIGN.md): which canvas records observers may receive. Everything
 * inside a frame whose `meta.public` is true — the frame, its descendants, bindings among them,
 * the assets they show, and the page and document records they need — and nothing else.
 */

/** The fields of a tldraw record this module reads; everything else passes through untouched. */
export interface CanvasRecord {
  id: string;
  typeName: string;
  type?: string;
  parentId?: string;
  fromId?: string;
  toId?: string;
  isLocked?: boolean;
  meta?: Record<string, unknown>;
  props?: Record<string, unknown>;
}

export function isPublicFrame(record: CanvasRecord | undefined): boolean {
  return record?.typeName === 'shape' && record.type === 'frame' && record.meta?.public === true;
}

export function publicRecordIds(records: ReadonlyMap<string, CanvasRecord>): Set<string> {
  const children = new Map<string, string[]>();
  for (const record of records.values()) {
    if (record.typeName !== 'shape' || !record.parentId) continue;
    const list = children.get(record.parentId);
    if (list) list.push(record.id);
    else children.set(record.parentId, [record.id]);
  }

  const included = new Set<string>();
  for (const record of records.values()) {
    if (!isPublicFrame(record) || included.has(record.id)) continue;
    const stack = [record.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (included.has(id)) continue;
      included.add(id);
      for (const child of children.get(id) ?? []) stack.push(child);
    }
    // A public frame nested in another shape needs its ancestors to have a place on the page;
    // the ancestors come without their other children.
    let parentId = record.parentId;
    const seen = new Set<string>();
    while (parentId && !seen.has(parentId)) {
      seen.add(parentId);
      const parent = records.get(parentId);
      if (!parent) break;
      included.add(parent.id);
      parentId = parent.typeName === 'shape' ? parent.parentId : undefined;
    }
  }
  if (included.size === 0) return included;

  for (const record of records.values()) {
    if (record.typeName === 'document') included.add(record.id);
    if (record.typeName === 'binding' && record.fromId && record.toId && included.has(record.fromId) && included.has(record.toId)) {
      included.add(record.id);
    }
  }
  for (const id of [...included]) {
    const assetId = records.get(id)?.props?.assetId;
    if (typeof assetId === 'string' && records.has(assetId)) included.add(assetId);
  }
  return included;
}
