/**
 * "Does the board still open?" after an attack: the canvas document holds nothing but `{ key, val }`
 * entries under their own ids that tldraw's schema accepts, with parents and bindings that hold
 * together; the records load into a real tldraw store the way the client loads them
 * (client/src/sync/canvasBinding.ts); a stock client syncs; an observer connects; the host's
 * summary and report answer.
 */
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type SerializedSchema, type TLRecord, type TLStore } from 'tldraw';
import { CANVAS_META_MAP, CANVAS_RECORDS_ARRAY, CANVAS_SCHEMA_KEY, isSyncedRecordType } from '../../shared/canvas';
import type { CreateBoardResponse } from '../../shared/api';
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';
import { tldrawSchema } from '../../shared/tldrawSchema';
import { connectPeer } from './attacker';
import { connectStockClient } from './clients';
import { waitFor } from './wait';

type AnyRecord = { id: string; typeName: string; type?: string; parentId?: string; fromId?: string; toId?: string };

export interface CanvasCheckOptions {
  /** The board must have its document record and a page (a canvas room; not the public one). */
  requireDocumentAndPage?: boolean;
  /** `meta.schema` must be tldraw's schema of the pinned version (default true). */
  requireSchema?: boolean;
  /** Top-level types besides `tldraw` and `meta` the document may hold (the public room has the session's public fields). */
  alsoAllowed?: readonly string[];
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** Everything wrong with a canvas document, in words; empty when tldraw would open it. */
export function canvasProblems(doc: Y.Doc, options: CanvasCheckOptions = {}): string[] {
  const { requireDocumentAndPage = true, requireSchema = true, alsoAllowed = [] } = options;
  const problems: string[] = [];
  for (const name of doc.share.keys()) {
    if (name !== CANVAS_RECORDS_ARRAY && name !== CANVAS_META_MAP && !alsoAllowed.includes(name)) {
      problems.push(`a top-level type "${name}" besides ${[CANVAS_RECORDS_ARRAY, CANVAS_META_MAP, ...alsoAllowed].join(', ')}`);
    }
  }
  const meta = doc.getMap<unknown>(CANVAS_META_MAP);
  for (const key of meta.keys()) if (key !== CANVAS_SCHEMA_KEY) problems.push(`meta.${key} besides meta.${CANVAS_SCHEMA_KEY}`);
  const schema = meta.get(CANVAS_SCHEMA_KEY);
  if (requireSchema && !isDeepStrictEqual(schema, tldrawSchema().serialize())) problems.push(`meta.schema is not tldraw's schema: ${show(schema)}`);

  const records = new Map<string, AnyRecord>();
  recordsOf(doc).forEach((entry, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return problems.push(`entry ${i} is not an object: ${show(entry)}`);
    const keys = Object.keys(entry).sort();
    if (keys.length !== 2 || keys[0] !== 'key' || keys[1] !== 'val') return problems.push(`entry ${i} is not { key, val }: ${show(entry)}`);
    const { key, val } = entry as { key: unknown; val: unknown };
    if (typeof key !== 'string') return problems.push(`entry ${i} has a key that is not a string: ${show(key)}`);
    if (typeof val !== 'object' || val === null || Array.isArray(val)) return problems.push(`entry ${key} has a val that is not a record: ${show(val)}`);
    const record = val as AnyRecord;
    if (record.id !== key) return problems.push(`entry ${key} holds the record ${show(record.id)}`);
    if (records.has(key)) problems.push(`two entries for ${key}`);
    const invalid = validationError(record);
    if (invalid) problems.push(`${key} fails tldraw's schema: ${invalid}`);
    records.set(key, record);
  });

  for (const record of records.values()) {
    if (record.typeName === 'shape') {
      const parent = record.parentId ? records.get(record.parentId) : undefined;
      if (!parent) problems.push(`${record.id} has no parent on the board (${show(record.parentId)})`);
      else if (parent.typeName !== 'page' && !(parent.typeName === 'shape' && (parent.type === 'frame' || parent.type === 'group'))) {
        problems.push(`${record.id} has a parent that is not a page, frame or group (${parent.id}, ${parent.type ?? parent.typeName})`);
      }
      const seen = new Set<string>();
      let at: AnyRecord | undefined = record;
      while (at?.typeName === 'shape') {
        if (seen.has(at.id)) {
          problems.push(`${record.id} is in a parent cycle`);
          break;
        }
        seen.add(at.id);
        at = at.parentId ? records.get(at.parentId) : undefined;
      }
    }
    if (record.typeName === 'binding') {
      for (const end of [record.fromId, record.toId]) {
        if (!end || records.get(end)?.typeName !== 'shape') problems.push(`${record.id} binds a shape that is not there (${show(end)})`);
      }
    }
  }
  if (requireDocumentAndPage) {
    if (records.get('document:document')?.typeName !== 'document') problems.push('no document record');
    if (![...records.values()].some((r) => r.typeName === 'page')) problems.push('no page');
  }
  return problems;
}

function recordsOf(doc: Y.Doc): unknown[] {
  return doc.getArray<unknown>(CANVAS_RECORDS_ARRAY).toArray();
}

function validationError(record: AnyRecord): string | undefined {
  if (typeof record.typeName !== 'string' || !isSyncedRecordType(record.typeName)) return `typeName ${show(record.typeName)} is not a shared record type`;
  const schema = tldrawSchema();
  try {
    schema.types[record.typeName as keyof typeof schema.types].validate(record);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0] : String(err);
  }
}

/**
 * Loads a canvas document into a real tldraw store as the client does: the stored schema's
 * migrations, then one put that validates every record. Throws what tldraw throws.
 */
export function loadIntoTldrawStore(doc: Y.Doc): TLStore {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
  const stored = recordsOf(doc).map((entry) => (entry as { val: TLRecord }).val);
  const schema = (doc.getMap<unknown>(CANVAS_META_MAP).get(CANVAS_SCHEMA_KEY) as SerializedSchema | undefined) ?? store.schema.serialize();
  const migrated = store.schema.migrateStoreSnapshot({ schema, store: Object.fromEntries(stored.map((r) => [r.id, r])) });
  if (migrated.type === 'error') throw new Error(`tldraw could not migrate the board: ${migrated.reason}`);
  store.mergeRemoteChanges(() => store.put(Object.values(migrated.value) as TLRecord[]));
  return store;
}

/** The public room: only public records (maybe none), with the session's public fields beside them. */
export const PUBLIC_ROOM_CHECK: CanvasCheckOptions = { requireDocumentAndPage: false, requireSchema: false, alsoAllowed: [SESSION_MAP] };

export interface ReopenResult {
  /** Everything that would keep someone from working on the board; empty when it reopens. */
  problems: string[];
  /** The records the fresh client received, by id (well-formed entries only). */
  records: Map<string, Record<string, unknown>>;
  /** The records a real tldraw store holds after loading the board. */
  storeRecordCount: number;
}

export interface ReopenOptions {
  /** Where the observer and the HTTP exports go (default: the same server). */
  otherUrl?: string;
  timeoutMs?: number;
}

/**
 * Opens the board as newcomers do and lists what goes wrong: a raw peer reads the canvas (so a
 * malformed entry is reported, not thrown inside a client), tldraw loads it, a stock client syncs
 * and sees the same records, an observer joins the public room, the host downloads the summary
 * (md, docx) and the report (json).
 */
export async function reopenBoard(baseUrl: string, board: Pick<CreateBoardResponse, 'id' | 'tokens'>, options: ReopenOptions = {}): Promise<ReopenResult> {
  const otherUrl = options.otherUrl ?? baseUrl;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const problems: string[] = [];
  const records = new Map<string, Record<string, unknown>>();
  let storeRecordCount = 0;

  const reader = await connectPeer(baseUrl, board.id, board.tokens.participant, { timeoutMs }).catch((err: Error) => {
    problems.push(`a fresh client could not sync the canvas: ${err.message}`);
    return undefined;
  });
  if (reader) {
    const structural = canvasProblems(reader.doc);
    problems.push(...structural);
    for (const entry of recordsOf(reader.doc)) {
      const { key, val } = (entry ?? {}) as { key?: unknown; val?: unknown };
      if (typeof key === 'string' && typeof val === 'object' && val !== null) records.set(key, val as Record<string, unknown>);
    }
    try {
      storeRecordCount = loadIntoTldrawStore(reader.doc).allRecords().length;
    } catch (err) {
      problems.push(`tldraw's store refused the board: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    await reader.disconnect();
    if (structural.length === 0) {
      // Only now: y-utility's YKeyValue in a stock client throws on entries that are not { key, val }.
      const stock = connectStockClient(baseUrl, board.id, board.tokens.participant);
      try {
        await waitFor(() => stock.provider.synced, 'a stock client to sync the reopened board', timeoutMs);
        const stockKeys = [...stock.records.map.keys()].sort();
        const readerKeys = [...records.keys()].sort();
        if (!isDeepStrictEqual(stockKeys, readerKeys)) problems.push(`the stock client sees other records: ${show(stockKeys)} vs ${show(readerKeys)}`);
      } catch (err) {
        problems.push(`a stock client did not sync: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        stock.destroy();
      }
    }
  }

  const observer = await connectPeer(otherUrl, roomName(board.id, 'public'), board.tokens.observer, { timeoutMs }).catch((err: Error) => {
    problems.push(`an observer could not join: ${err.message}`);
    return undefined;
  });
  if (observer) {
    problems.push(...canvasProblems(observer.doc, PUBLIC_ROOM_CHECK).map((p) => `public room: ${p}`));
    await observer.disconnect();
  }

  for (const path of ['summary.md', 'summary.docx', 'report.json']) {
    const status = await fetch(`${otherUrl}/api/boards/${board.id}/${path}?token=${encodeURIComponent(board.tokens.facilitator)}`, { signal: AbortSignal.timeout(timeoutMs) }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status;
      },
      (err: Error) => err.name,
    );
    if (status !== 200) problems.push(`GET ${path} answered ${status}`);
  }
  return { problems, records, storeRecordCount };
}
