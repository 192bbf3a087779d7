/** Takes a local change back off the screen without sending anything (as if the server had said so). */
import type { RecordsDiff, TLRecord, TLStore } from 'tldraw';
import { isSyncedRecordType } from '../../../shared/canvas';

export function undoLocally(store: TLStore, changes: RecordsDiff<TLRecord>): void {
  const shared = (r: TLRecord) => isSyncedRecordType(r.typeName);
  const back = [...Object.values(changes.removed), ...Object.values(changes.updated).map(([from]) => from)].filter(shared);
  const added = Object.values(changes.added)
    .filter((r) => shared(r) && store.has(r.id))
    .map((r) => r.id);
  // As a remote change: the binding does not send it, and tldraw's undo stack does not take it.
  store.mergeRemoteChanges(() => {
    if (back.length > 0) store.put(back);
    if (added.length > 0) store.remove(added);
  });
}
