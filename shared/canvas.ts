/** How the tldraw canvas lives in its Yjs document (DESIGN.md, "The board as documents"). */

/** The records, keyed by record id, in a YKeyValue over this array. */
export const CANVAS_RECORDS_ARRAY = 'tldraw';
/** A map holding the serialized tldraw schema the records were written with. */
export const CANVAS_META_MAP = 'meta';
export const CANVAS_SCHEMA_KEY = 'schema';

/** Record types that belong to the shared document; instance, camera, pointer and presence never do. */
export const SYNCED_RECORD_TYPES = ['document', 'page', 'shape', 'binding', 'asset'] as const;

export function isSyncedRecordType(typeName: string): boolean {
  return (SYNCED_RECORD_TYPES as readonly string[]).includes(typeName);
}
