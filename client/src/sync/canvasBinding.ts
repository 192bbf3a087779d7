/**
 * Binds a tldraw store to the board's canvas document (DESIGN.md): records by id in a YKeyValue
 * over `doc.getArray('tldraw')`, the serialized schema under `meta`. Local user changes go to Yjs
 * in one transaction; remote changes come back in one `mergeRemoteChanges` per Yjs event (a
 * YKeyValue event can merge an add and later updates into one add; applying them one by one
 * breaks bindings). An older stored schema is migrated on load and written back.
 */
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type { TLRecord, TLStore, SerializedSchema } from 'tldraw';
import { CANVAS_META_MAP, CANVAS_RECORDS_ARRAY, CANVAS_SCHEMA_KEY, isSyncedRecordType } from '../../../shared/canvas';

type Change = { action: 'add' | 'update' | 'delete'; newValue?: TLRecord; oldValue?: TLRecord };

export interface CanvasBinding {
  records: YKeyValue<TLRecord>;
  /**
   * Private writing: while `hold` says so for a new record, it stays in this browser only — not
   * sent, nor are its later edits — until `publishHeld` sends every held record at once.
   */
  setHoldPolicy(hold: ((record: TLRecord) => boolean) | null): void;
  readonly held: ReadonlySet<string>;
  publishHeld(): void;
  /** Stops listening both ways. */
  dispose(): void;
}

/** Call once the canvas document has synced with the server. */
export function bindCanvas(store: TLStore, doc: Y.Doc): CanvasBinding {
  const records = new YKeyValue<TLRecord>(doc.getArray(CANVAS_RECORDS_ARRAY));
  const meta = doc.getMap<unknown>(CANVAS_META_MAP);
  const ourSchema = store.schema.serialize();

  loadInto(store, doc, records, meta, ourSchema);

  let hold: ((record: TLRecord) => boolean) | null = null;
  const held = new Set<string>();
  const shared = (record: TLRecord) => isSyncedRecordType(record.typeName) && !held.has(record.id);

  const stopStore = store.listen(
    ({ changes }) => {
      doc.transact(() => {
        for (const record of Object.values(changes.added)) {
          if (hold?.(record)) held.add(record.id);
          else if (shared(record)) records.set(record.id, record);
        }
        for (const [, record] of Object.values(changes.updated)) if (shared(record)) records.set(record.id, record);
        for (const record of Object.values(changes.removed)) {
          if (held.delete(record.id)) continue;
          if (isSyncedRecordType(record.typeName)) records.delete(record.id);
        }
      });
    },
    { source: 'user', scope: 'document' },
  );

  const onRemote = (changes: Map<string, Change>, transaction: Y.Transaction) => {
    if (transaction.local) return;
    const put: TLRecord[] = [];
    const remove: TLRecord['id'][] = [];
    for (const [id, change] of changes) {
      if (change.action === 'delete') remove.push(id as TLRecord['id']);
      else {
        const record = records.get(id);
        if (record) put.push(record);
      }
    }
    store.mergeRemoteChanges(() => {
      if (remove.length > 0) store.remove(remove.filter((id) => store.has(id)));
      if (put.length > 0) store.put(put);
    });
  };
  records.on('change', onRemote);

  return {
    records,
    held,
    setHoldPolicy: (policy) => {
      hold = policy;
    },
    publishHeld: () => {
      doc.transact(() => {
        for (const id of held) {
          const record = store.get(id as TLRecord['id']);
          if (record) records.set(id, record);
        }
      });
      held.clear();
    },
    dispose: () => {
      stopStore();
      records.off('change', onRemote);
    },
  };
}

function loadInto(store: TLStore, doc: Y.Doc, records: YKeyValue<TLRecord>, meta: Y.Map<unknown>, ourSchema: SerializedSchema): void {
  const stored = [...records.map.values()].map((entry) => entry.val);
  // The server seeds every new board with its document, first page and schema.
  if (stored.length === 0) return;
  const storedSchema = (meta.get(CANVAS_SCHEMA_KEY) as SerializedSchema | undefined) ?? ourSchema;
  const snapshot = { schema: storedSchema, store: Object.fromEntries(stored.map((r) => [r.id, r])) };
  const migrated = store.schema.migrateStoreSnapshot(snapshot);
  if (migrated.type === 'error') throw new Error(`the board was written by an incompatible tldraw version (${migrated.reason})`);
  const current = Object.values(migrated.value) as TLRecord[];
  store.mergeRemoteChanges(() => {
    const keep = store.allRecords().filter((r) => !isSyncedRecordType(r.typeName));
    store.clear();
    store.put([...keep, ...current]);
  });
  if (JSON.stringify(storedSchema) !== JSON.stringify(ourSchema)) {
    // Written back once, so every client after this one reads the current schema.
    doc.transact(() => {
      for (const record of current) records.set(record.id, record);
      meta.set(CANVAS_SCHEMA_KEY, ourSchema);
    });
  }
}
