/**
 * The one canvas guard (DESIGN.md, Server): what a role may not do to a canvas record. The server
 * runs it on every change a connection makes and reverts what it refuses before relaying.
 * Rules: G1 only hosts set or clear the host flags in `meta` (public, agreed, template, stepId);
 * G2 only hosts change, move, unlock or delete a template element (`meta.template`);
 * G3 every record written is a valid tldraw record of a shared type, stored under its own id, and
 * nobody deletes the document record (one invalid record stops every tldraw client from syncing);
 * G4 while a host has locked the board, only hosts change it.
 */
import { tldrawSchema } from './tldrawSchema';
import { isHost, type Role } from './roles';
import type { CanvasRecord } from './projection';
import { isSyncedRecordType } from './canvas';

export const HOST_ONLY_META_KEYS = ['public', 'agreed', 'template', 'stepId'] as const;

export interface RecordChange {
  action: 'add' | 'update' | 'delete';
  oldValue?: CanvasRecord;
  newValue?: CanvasRecord;
}

export type GuardVerdict =
  | { allow: true }
  /** Put this record back (or remove the key, when `restore` is undefined). */
  | { allow: false; restore: CanvasRecord | undefined; rule: 'G1' | 'G2' | 'G3' | 'G4' };

export interface GuardContext {
  /** The session's `canvasLocked` flag. */
  locked: boolean;
}

export function isTemplateElement(record: CanvasRecord | undefined): boolean {
  return record?.meta?.template === true;
}

export function guardCanvasChange(role: Role, key: string, change: RecordChange, context: GuardContext = { locked: false }): GuardVerdict {
  const { oldValue, newValue } = change;
  if (newValue ? !isValidRecord(key, newValue) : oldValue?.typeName === 'document') {
    return { allow: false, restore: oldValue, rule: 'G3' };
  }
  if (isHost(role)) return { allow: true };
  if (context.locked) return { allow: false, restore: oldValue, rule: 'G4' };
  if (isTemplateElement(oldValue)) return { allow: false, restore: oldValue, rule: 'G2' };
  if (newValue && hostMetaChanged(oldValue, newValue)) {
    return { allow: false, restore: withHostMetaOf(newValue, oldValue), rule: 'G1' };
  }
  return { allow: true };
}

function hostMetaChanged(before: CanvasRecord | undefined, after: CanvasRecord): boolean {
  return HOST_ONLY_META_KEYS.some((key) => JSON.stringify(before?.meta?.[key]) !== JSON.stringify(after.meta?.[key]));
}

/** The record as the participant wrote it, but with the host flags as they were before. */
function withHostMetaOf(record: CanvasRecord, source: CanvasRecord | undefined): CanvasRecord {
  const meta: Record<string, unknown> = { ...record.meta };
  for (const key of HOST_ONLY_META_KEYS) {
    const previous = source?.meta?.[key];
    if (previous === undefined) delete meta[key];
    else meta[key] = previous;
  }
  return { ...record, meta };
}

/** Whether tldraw (the pinned version, as every client runs it) would accept this record. */
export function isValidRecord(key: string, record: unknown): boolean {
  if (typeof record !== 'object' || record === null) return false;
  const { id, typeName } = record as { id?: unknown; typeName?: unknown };
  if (id !== key || typeof typeName !== 'string' || !isSyncedRecordType(typeName)) return false;
  const schema = tldrawSchema();
  const type = schema.types[typeName as keyof typeof schema.types];
  try {
    type.validate(record);
    return true;
  } catch {
    return false;
  }
}
