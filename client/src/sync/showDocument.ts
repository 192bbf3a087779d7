/**
 * Puts a canvas document's records on screen as the new truth: migrated from the schema they were
 * stored with, and whatever shared record the document lacks taken off — except the notes this
 * person holds privately. Nothing is written back: the server owns the stored schema.
 */
import type { SerializedSchema, StoreSnapshot, TLRecord, TLStore } from 'tldraw';
import { isSyncedRecordType } from '../../../shared/canvas';

/** False when this page's tldraw cannot read the records (they were stored by a newer one). */
export function showDocument(store: TLStore, stored: TLRecord[], schema: SerializedSchema, keep: ReadonlySet<string>): boolean {
  // The server seeds every board, so an empty document is one that has not loaded.
  if (stored.length === 0) return true;
  const snapshot: StoreSnapshot<TLRecord> = { schema, store: Object.fromEntries(stored.map((r) => [r.id, r])) as StoreSnapshot<TLRecord>['store'] };
  const migrated = store.schema.migrateStoreSnapshot(snapshot);
  if (migrated.type === 'error') return false;
  const current = Object.values(migrated.value) as TLRecord[];
  const ids = new Set<string>(current.map((r) => r.id));
  const stale = store
    .allRecords()
    .filter((r) => isSyncedRecordType(r.typeName) && !ids.has(r.id) && !keep.has(r.id))
    .map((r) => r.id);
  // Put before removing: a page that goes is replaced, never left without one.
  store.mergeRemoteChanges(() => {
    store.put(current);
    if (stale.length > 0) store.remove(stale);
  });
  return true;
}
