/**
 * The canvas rules (shared/writeRules.ts, docs/architecture.md): a pure decision on the record
 * changes one update would make, read from the state the update would leave. The server tries
 * each client update on a scratch copy, hands the changes here, and applies the update only when
 * this returns null. Structural rules hold for everyone; the host rules for participants.
 */
import { tldrawSchema } from './tldrawSchema';
import { isHost, type Role } from './roles';
import type { CanvasRecord } from './projection';
import { isSyncedRecordType, richTextToPlain } from './canvas';
import { HOST_ONLY_META_KEYS, MAX_PARTICIPANT_DELETES, WriteRule, type WriteLimits } from './writeRules';

export interface RecordChange {
  action: 'add' | 'update' | 'delete';
  oldValue?: CanvasRecord;
  newValue?: CanvasRecord;
}

export interface Refusal {
  rule: WriteRule;
  /** Short English for logs and stock clients; never content. */
  reason: string;
}

/** The board as the update would leave it, and its size before. */
export interface CanvasState {
  get(id: string | undefined): CanvasRecord | undefined;
  records(): Iterable<CanvasRecord>;
  /** Records and bytes of JSON before the update. */
  totals: { records: number; bytes: number };
}

export interface CheckContext {
  role: Role;
  /** The session's `canvasLocked` flag. */
  locked: boolean;
  limits: WriteLimits;
}

/** Shape types that may hold other shapes (tldraw's frame and group). */
const CONTAINER_TYPES = new Set(['frame', 'group']);
/** Nesting of a record's JSON; tldraw's deepest honest records stay far below. */
const MAX_JSON_DEPTH = 48;

export function isTemplateElement(record: CanvasRecord | undefined): boolean {
  return record?.meta?.template === true;
}

export function isAgreed(record: CanvasRecord | undefined): boolean {
  return record?.meta?.agreed === true;
}

/**
 * Sizes already counted, by record object: a record's old value was measured when it arrived, and
 * the board's totals measure the same objects again (records are never mutated in place).
 */
const measured = new WeakMap<object, number>();

/** The JSON size of a record in bytes (what rule G9 and the board's totals count). */
export function recordBytes(record: unknown): number {
  if (typeof record !== 'object' || record === null) return utf8Length(JSON.stringify(record) ?? '');
  let bytes = measured.get(record);
  if (bytes === undefined) {
    bytes = utf8Length(JSON.stringify(record));
    measured.set(record, bytes);
  }
  return bytes;
}

/**
 * Records the size of a record object measured as another object with the same JSON (the room's
 * copy of a record whose size the check measured on the update's copy), so it is not measured again.
 */
export function rememberRecordBytes(record: object, bytes: number): void {
  measured.set(record, bytes);
}

/** UTF-8 length of a string without encoding it (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function checkCanvasChanges(changes: ReadonlyMap<string, RecordChange>, state: CanvasState, context: CheckContext): Refusal | null {
  // What only hosts may do is decided first: a participant's attempt on a template is a G2 notice
  // even when it would also break the structure (its honest client would not send the latter).
  return (isHost(context.role) ? null : checkParticipant(changes, context)) ?? checkStructure(changes, state, context.limits);
}

function refuse(rule: WriteRule, reason: string): Refusal {
  return { rule, reason };
}

/** G3, G7 (for everyone: the document stays), G8, G9. */
function checkStructure(changes: ReadonlyMap<string, RecordChange>, state: CanvasState, limits: WriteLimits): Refusal | null {
  let bytes = state.totals.bytes;
  let count = state.totals.records;
  const removedContainers: string[] = [];
  let removedShapes = false;
  for (const [key, { oldValue, newValue }] of changes) {
    if (oldValue) {
      bytes -= recordBytes(oldValue);
      count--;
    }
    if (!newValue) {
      if (oldValue?.typeName === 'document') return refuse(WriteRule.pages, 'the document record stays');
      if (oldValue?.typeName === 'page' || CONTAINER_TYPES.has(oldValue?.type ?? '')) removedContainers.push(key);
      if (oldValue?.typeName === 'shape') removedShapes = true;
      continue;
    }
    if (jsonDepth(newValue) > MAX_JSON_DEPTH) return refuse(WriteRule.validRecord, 'record nested too deeply');
    if (!isValidRecord(key, newValue, oldValue)) return refuse(WriteRule.validRecord, 'not a valid tldraw record');
    const size = recordBytes(newValue);
    if (size > limits.maxRecordBytes) return refuse(WriteRule.size, 'record too large');
    if (textLength(newValue) > limits.maxTextChars) return refuse(WriteRule.size, 'text too long');
    bytes += size;
    count++;
    const parentProblem = checkPlace(newValue, state);
    if (parentProblem) return parentProblem;
  }
  if (count > limits.maxRecords) return refuse(WriteRule.size, 'too many records on the board');
  if (bytes > limits.maxBoardBytes && bytes > state.totals.bytes) return refuse(WriteRule.size, 'board too large');
  if (removedContainers.length > 0 || removedShapes) {
    const gone = new Set(removedContainers);
    let pages = 0;
    for (const record of state.records()) {
      if (record.typeName === 'page') pages++;
      if (record.typeName === 'shape' && record.parentId && gone.has(record.parentId)) return refuse(WriteRule.parents, 'a shape would lose its parent');
      if (record.typeName === 'binding' && (!isShape(state.get(record.fromId)) || !isShape(state.get(record.toId)))) {
        return refuse(WriteRule.parents, 'a binding would lose its shape');
      }
    }
    if (pages === 0) return refuse(WriteRule.pages, 'the board keeps a page');
  }
  return null;
}

/** G8: a shape sits on a page or in a frame or group, and following parents reaches the page. */
function checkPlace(record: CanvasRecord, state: CanvasState): Refusal | null {
  if (record.typeName === 'binding') {
    if (!isShape(state.get(record.fromId)) || !isShape(state.get(record.toId))) return refuse(WriteRule.parents, 'a binding joins missing shapes');
    return null;
  }
  if (record.typeName !== 'shape') return null;
  const seen = new Set<string>([record.id]);
  let parentId = record.parentId;
  while (parentId) {
    if (seen.has(parentId)) return refuse(WriteRule.parents, 'parents form a cycle');
    seen.add(parentId);
    const parent = state.get(parentId);
    if (!parent) return refuse(WriteRule.parents, 'the parent does not exist');
    if (parent.typeName === 'page') return null;
    if (parent.typeName !== 'shape' || !CONTAINER_TYPES.has(parent.type ?? '')) return refuse(WriteRule.parents, 'only a page, frame or group holds shapes');
    parentId = parent.parentId;
  }
  return refuse(WriteRule.parents, 'the parent does not exist');
}

/** G1, G2, G4, G5, G6, G7: what only hosts may do. */
function checkParticipant(changes: ReadonlyMap<string, RecordChange>, context: CheckContext): Refusal | null {
  if (context.locked) return refuse(WriteRule.locked, 'the board is locked by a host');
  let deletedShapes = 0;
  for (const { oldValue, newValue } of changes.values()) {
    // Writing a record again unchanged (a client re-setting what it has) changes nothing.
    if (oldValue && newValue && isProtected(oldValue) && JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    const typeName = (oldValue ?? newValue)?.typeName;
    if (typeName === 'page' || typeName === 'document') return refuse(WriteRule.pages, 'pages are the hosts’');
    if (isTemplateElement(oldValue)) return refuse(WriteRule.template, 'template elements are the hosts’');
    if (isAgreed(oldValue)) return refuse(WriteRule.agreed, 'agreed content is the hosts’');
    if (newValue && hostMetaChanged(oldValue, newValue)) return refuse(WriteRule.hostMeta, 'host flags are the hosts’');
    if (!newValue && oldValue?.typeName === 'shape') deletedShapes++;
  }
  if (deletedShapes > MAX_PARTICIPANT_DELETES) return refuse(WriteRule.bulkDelete, 'deleting this many shapes at once is a host action');
  return null;
}

function isProtected(record: CanvasRecord): boolean {
  return isTemplateElement(record) || isAgreed(record) || record.typeName === 'page' || record.typeName === 'document';
}

function hostMetaChanged(before: CanvasRecord | undefined, after: CanvasRecord): boolean {
  return HOST_ONLY_META_KEYS.some((key) => JSON.stringify(before?.meta?.[key]) !== JSON.stringify(after.meta?.[key]));
}

function isShape(record: CanvasRecord | undefined): boolean {
  return record?.typeName === 'shape';
}

/** The longest plain text a record carries: rich text, a plain `text` prop, or a frame's name. */
export function textLength(record: CanvasRecord): number {
  const props = record.props ?? {};
  let longest = 0;
  if (props.richText !== undefined) longest = richTextToPlain(props.richText).length;
  for (const field of ['text', 'name'] as const) {
    const value = props[field] ?? (record as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string') longest = Math.max(longest, value.length);
  }
  return longest;
}

/** How deeply a JSON value nests, counted without recursion (a hostile value may nest deeply). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Whether tldraw (the pinned version, as every client runs it) would accept this record. */
/**
 * `before`: the record as the board holds it (valid: checked when it came in, or repaired on load);
 * then only the fields that differ from it are validated, as tldraw's own store does on change.
 */
export function isValidRecord(key: string, record: unknown, before?: CanvasRecord): boolean {
  if (typeof record !== 'object' || record === null) return false;
  const { id, typeName } = record as { id?: unknown; typeName?: unknown };
  if (id !== key || typeof typeName !== 'string' || !isSyncedRecordType(typeName)) return false;
  const schema = tldrawSchema();
  const type = schema.types[typeName as keyof typeof schema.types];
  try {
    type.validate(record, before?.typeName === typeName ? (before as never) : undefined);
    return true;
  } catch {
    return false;
  }
}
