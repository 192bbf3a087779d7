/**
 * Binds a tldraw store to the board's canvas document (docs/architecture.md): records by id in a RecordMap
 * over `doc.getArray('tldraw')`; the serialized schema under `meta` is the server's, read and never
 * written. Local user changes go to Yjs in one transaction; remote changes come back in one
 * `mergeRemoteChanges` per Yjs event (a RecordMap event can merge an add and later updates into
 * one add; applying them one by one breaks bindings). A document stored with another schema than
 * this page's makes the binding read-only. After a refused write the document is thrown away:
 * `pause`, then `resume` with a fresh one shows the server's state, keeping held notes.
 */
import type * as Y from 'yjs';
import { RecordMap } from '../../../shared/recordMap';
import type { RecordsDiff, SerializedSchema, TLRecord, TLStore } from 'tldraw';
import { CANVAS_META_MAP, CANVAS_RECORDS_ARRAY, CANVAS_SCHEMA_KEY, isSyncedRecordType } from '../../../shared/canvas';
import type { WriteRule } from '../../../shared/writeRules';
import { sameSchema } from './sameSchema';
import { showDocument } from './showDocument';
import { undoLocally } from './undoLocally';

type Change = { action: 'add' | 'update' | 'delete'; newValue?: TLRecord; oldValue?: TLRecord };

/** What a local change would send: records written, records deleted. */
export interface OutgoingChange {
  put: TLRecord[];
  removed: TLRecord[];
}

export interface CanvasBindingOptions {
  /** The rule a change would break: it is kept from the server and undone on this screen. */
  check?: (change: OutgoingChange) => WriteRule | null;
  onRefused?: (rule: WriteRule) => void;
  /** The document was stored with another tldraw schema: the binding has turned read-only. */
  onOutdated?: () => void;
}

export interface CanvasBinding {
  /**
   * Private writing: while `hold` says so for a new record, it stays in this browser only — not
   * sent, nor are its later edits — until `publishHeld` sends every held record at once.
   */
  setHoldPolicy(hold: ((record: TLRecord) => boolean) | null): void;
  readonly held: ReadonlySet<string>;
  publishHeld(): void;
  /** True once the document holds a schema other than this page's: nothing is sent any more. */
  readonly outdated: boolean;
  /** Stops syncing both ways at once: the document is about to be thrown away. */
  pause(): void;
  /** Shows a freshly synced document (the server's state) and syncs with it from now on. */
  resume(doc: Y.Doc): void;
  /** Stops listening both ways. */
  dispose(): void;
}

interface Attached {
  doc: Y.Doc;
  records: RecordMap<TLRecord>;
  detach(): void;
}

/** Call once the canvas document has synced with the server. */
export function bindCanvas(store: TLStore, doc: Y.Doc, options: CanvasBindingOptions = {}): CanvasBinding {
  const ourSchema = store.schema.serialize();
  let hold: ((record: TLRecord) => boolean) | null = null;
  const held = new Set<string>();
  let publishOnResume = false;
  let outdated = false;
  let live: Attached | null = null;

  const markOutdated = () => {
    if (outdated) return;
    outdated = true;
    options.onOutdated?.();
  };

  const attach = (next: Y.Doc): Attached => {
    const records = new RecordMap<TLRecord>(next.getArray(CANVAS_RECORDS_ARRAY));
    const meta = next.getMap<unknown>(CANVAS_META_MAP);
    const stored = meta.get(CANVAS_SCHEMA_KEY) as SerializedSchema | undefined;
    if (stored !== undefined && !sameSchema(stored, ourSchema)) markOutdated();
    if (!showDocument(store, [...records.map.values()].map((e) => e.val), stored ?? ourSchema, held)) markOutdated();

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
      try {
        store.mergeRemoteChanges(() => {
          if (remove.length > 0) store.remove(remove.filter((id) => store.has(id)));
          if (put.length > 0) store.put(put);
        });
      } catch {
        // A record this page's schema cannot validate: the server runs a newer tldraw.
        markOutdated();
      }
    };
    const onMeta = () => {
      if (!sameSchema(meta.get(CANVAS_SCHEMA_KEY), ourSchema)) markOutdated();
    };
    records.on('change', onRemote);
    meta.observe(onMeta);
    return {
      doc: next,
      records,
      detach: () => {
        records.off('change', onRemote);
        meta.unobserve(onMeta);
      },
    };
  };

  const onLocal = ({ changes }: { changes: RecordsDiff<TLRecord> }) => {
    const added = Object.values(changes.added);
    const newlyHeld = new Set(added.filter((r) => hold?.(r)).map((r) => r.id));
    const shared = (r: TLRecord) => isSyncedRecordType(r.typeName) && !held.has(r.id) && !newlyHeld.has(r.id);
    const put = [...added, ...Object.values(changes.updated).map(([, to]) => to)].filter(shared);
    const removed = Object.values(changes.removed).filter(shared);
    const sending = live !== null && !outdated && (put.length > 0 || removed.length > 0);
    const rule = sending ? (options.check?.({ put, removed }) ?? null) : null;
    if (rule) {
      // Undone after this listener returns: the store is still reporting the change.
      queueMicrotask(() => undoLocally(store, changes));
      options.onRefused?.(rule);
      return;
    }
    for (const id of newlyHeld) held.add(id);
    for (const record of Object.values(changes.removed)) held.delete(record.id);
    if (!sending || !live) return;
    const { records } = live;
    live.doc.transact(() => {
      for (const record of put) records.set(record.id, record);
      for (const record of removed) records.delete(record.id);
    });
  };

  const publish = (target: Attached) => {
    target.doc.transact(() => {
      for (const id of held) {
        const record = store.get(id as TLRecord['id']);
        if (record) target.records.set(id, record);
      }
    });
    held.clear();
    publishOnResume = false;
  };

  live = attach(doc);
  const stopStore = store.listen(onLocal, { source: 'user', scope: 'document' });

  return {
    held,
    get outdated() {
      return outdated;
    },
    setHoldPolicy: (policy) => {
      hold = policy;
    },
    publishHeld: () => {
      // Between a refusal and the fresh document, the notes wait for it.
      if (live && !outdated) publish(live);
      else publishOnResume = true;
    },
    pause: () => {
      live?.detach();
      live = null;
    },
    resume: (next) => {
      live?.detach();
      live = attach(next);
      if (publishOnResume && !outdated) publish(live);
    },
    dispose: () => {
      stopStore();
      live?.detach();
      live = null;
    },
  };
}
