/**
 * Hostile content in VALID Yjs updates, from a seed: each frame is a well-formed sync update that
 * Yjs integrates without complaint, but whose content breaks a write rule (shared/writeRules.ts):
 * malformed entries and other shared types (G10), records tldraw refuses (G3), parents that loop
 * or do not hold shapes (G8) — each must close the connection with 4400 — and host flags, pages,
 * sizes and missing dependencies (G1, G7, G9, G11), each answered with a notice. Every update comes
 * from a fresh document with a client id of its own, so one refusal never explains another.
 */
import * as Y from 'yjs';
import { SyncMessageType } from '../../shared/protocol';
import { HOST_ONLY_META_KEYS, WriteRule } from '../../shared/writeRules';
import { tldrawSchema } from '../../shared/tldrawSchema';
import { encodeSync, recordsArray, setRecord, updateOf } from './attacker';
import { DEFAULT_PAGE_ID as BOARD_PAGE_ID } from '../../shared/formats/layout';
import { frameRecord, noteRecord } from './records';
import { mulberry32 } from '../fuzz/hostileFrames';

export interface ContentFrame {
  binary: true;
  data: Uint8Array;
  /** What the attack is, for reports. */
  label: string;
  /** What the server must answer: close the connection (4400) or a notice naming `rule`. */
  expect: { close: number } | { notice: WriteRule };
}

export interface ContentAttackOptions {
  /** The board's page (the server's first page by default). */
  pageId?: string;
  /** The server's MAX_TEXT_CHARS. */
  maxTextChars?: number;
  /** The server's MAX_RECORD_BYTES. */
  maxRecordBytes?: number;
}


const CLOSE = { close: 4400 } as const;

export function contentAttackGenerator(seed: number, options: ContentAttackOptions = {}): () => ContentFrame {
  const random = mulberry32(seed ^ 0x2f6b_a3c1);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const pageId = options.pageId ?? BOARD_PAGE_ID;
  const maxTextChars = options.maxTextChars ?? 4000;
  const maxRecordBytes = options.maxRecordBytes ?? 32 * 1024;
  // Client ids unique within a run (a reused id could meet the server's memory of an earlier refusal).
  let nextClient = 1_000_000 + int(1_000_000_000);
  let serial = 0;
  const id = (kind = 'f') => `shape:${kind}${seed.toString(36)}-${(serial++).toString(36)}`;
  const note = (shapeId: string, extra: Record<string, unknown> = {}) => ({ ...noteRecord(shapeId, `fuzz ${shapeId}`, { parentId: pageId, x: int(4000), y: int(4000) }), ...extra }) as unknown as { id: string; [k: string]: unknown };
  const frame = (shapeId: string, parentId: string, meta: Record<string, unknown> = {}) => ({ ...frameRecord(shapeId, `fuzz ${shapeId}`, { x: int(4000), y: int(4000), meta }), parentId }) as unknown as { id: string; [k: string]: unknown };
  const nested = (depth: number): unknown => (depth === 0 ? 'deep' : { d: nested(depth - 1) });

  const freshDoc = () => {
    const doc = new Y.Doc();
    doc.clientID = nextClient++;
    return doc;
  };
  const frameOf = (label: string, expect: ContentFrame['expect'], change: (doc: Y.Doc) => void): ContentFrame => ({
    binary: true,
    data: encodeSync(SyncMessageType.update, updateOf(freshDoc(), change)),
    label,
    expect,
  });

  const attacks: (() => ContentFrame)[] = [
    // G10: what goes into the tldraw array, and where else clients may not write.
    () => frameOf('G10 null entry', CLOSE, (d) => recordsArray(d).push([null])),
    () => frameOf('G10 entry without val', CLOSE, (d) => recordsArray(d).push([{ key: id() }])),
    () => frameOf('G10 entry without key', CLOSE, (d) => recordsArray(d).push([{ val: note(id()) }])),
    () => frameOf('G10 key differs from val.id', CLOSE, (d) => recordsArray(d).push([{ key: id(), val: note(id()) }])),
    () => frameOf('G10 entry with a third field', CLOSE, (d) => {
      const shapeId = id();
      recordsArray(d).push([{ key: shapeId, val: note(shapeId), extra: pick([1, 'x', null, {}]) }]);
    }),
    () => frameOf('G10 entry that is not an object', CLOSE, (d) => recordsArray(d).push([pick<unknown>([42, 'shape:x', true, [1, 2], 1.5])])),
    () => frameOf('G10 a Yjs type as an entry', CLOSE, (d) => recordsArray(d).push([pick([() => new Y.Map(), () => new Y.Array(), () => new Y.Text('t')])()])),
    () => frameOf('G10 val that is not an object', CLOSE, (d) => recordsArray(d).push([{ key: id(), val: pick<unknown>([null, 7, 'note', [note(id())]]) }])),
    () => frameOf('G10 meta.schema overwritten', CLOSE, (d) => {
      const schema = tldrawSchema().serialize() as { sequences: Record<string, number> };
      const value = pick<unknown>([{ ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape': 999 } }, { schemaVersion: 2, sequences: {} }, 'schema', null, 1]);
      d.getMap('meta').set('schema', value);
    }),
    () => frameOf('G10 another key in meta', CLOSE, (d) => d.getMap('meta').set(pick(['other', 'schema2', '__proto__']), { x: 1 })),
    () => frameOf('G10 another top-level map', CLOSE, (d) => d.getMap(pick(['x', 'session', 'records', 'constructor'])).set('k', pick<unknown>(['v', 1, { a: 1 }]))),
    () => frameOf('G10 another top-level array', CLOSE, (d) => d.getArray(pick(['x', 'tldraw2', 'meta2'])).push([{ key: 'shape:x', val: {} }])),
    () => frameOf('G10 top-level text or xml', CLOSE, (d) => {
      if (random() < 0.5) d.getText(pick(['t', 'tldraw-text'])).insert(0, 'fuzz');
      else d.getXmlFragment('x').insert(0, [new Y.XmlText('fuzz')]);
    }),
    // G3: records tldraw would refuse.
    () => frameOf('G3 note with bad props', CLOSE, (d) => {
      const record = note(id());
      setRecord(d, { ...record, props: { ...(record.props as object), color: pick(['plaid', 1, null]) } });
    }),
    () => frameOf('G3 record of a type that is not shared', CLOSE, (d) => {
      const typeName = pick(['instance', 'camera', 'pointer', 'instance_presence', 'bogus']);
      setRecord(d, { id: `${typeName}:${serial++}`, typeName });
    }),
    () => frameOf('G3 unknown shape type', CLOSE, (d) => setRecord(d, { ...note(id()), type: pick(['bogus', 'script', '']) })),
    () => frameOf('G3 shape without its fields', CLOSE, (d) => {
      const shapeId = id();
      setRecord(d, { id: shapeId, typeName: 'shape' });
    }),
    () => frameOf('G3 record nested too deeply', CLOSE, (d) => setRecord(d, { ...note(id()), meta: { deep: nested(60 + int(200)) } })),
    // G8: parents.
    () => frameOf("G8 frames that are each other's parent", CLOSE, (d) => {
      const [a, b] = [id(), id()];
      setRecord(d, frame(a, b));
      setRecord(d, frame(b, a));
    }),
    () => frameOf('G8 a cycle of three frames under the page', CLOSE, (d) => {
      const [a, b, c] = [id(), id(), id()];
      setRecord(d, frame(a, c));
      setRecord(d, frame(b, a));
      setRecord(d, frame(c, b));
    }),
    () => frameOf('G8 shape parented to itself', CLOSE, (d) => {
      const self = id();
      setRecord(d, random() < 0.5 ? frame(self, self) : note(self, { parentId: self }));
    }),
    () => frameOf('G8 shape parented to a note', CLOSE, (d) => {
      const holder = id();
      setRecord(d, note(holder));
      setRecord(d, note(id(), { parentId: holder }));
    }),
    () => frameOf('G8 parent that does not exist', CLOSE, (d) => setRecord(d, note(id(), { parentId: pick(['shape:nowhere', 'page:nowhere']) }))),
    () => frameOf('G8 binding between missing shapes', CLOSE, (d) =>
      setRecord(d, {
        id: `binding:${seed.toString(36)}-${serial++}`,
        typeName: 'binding',
        type: 'arrow',
        fromId: 'shape:missing-from',
        toId: 'shape:missing-to',
        props: { terminal: 'start', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
        meta: {},
      }),
    ),
    // Honest rules a participant's tldraw can break: a notice, the connection stays.
    () => frameOf('G1 host flag on a new note', { notice: WriteRule.hostMeta }, (d) => {
      const key = pick(HOST_ONLY_META_KEYS);
      const value = key === 'action' ? { what: 'fuzz', who: 'fuzz', due: '2030-01-01' } : key === 'stepId' || key === 'areaId' ? 'fuzz' : true;
      setRecord(d, note(id(), { meta: { [key]: value } }));
    }),
    () => frameOf('G7 a new page', { notice: WriteRule.pages }, (d) => setRecord(d, { id: `page:fuzz-${seed.toString(36)}-${serial++}`, typeName: 'page', name: 'fuzz', index: 'a9', meta: {} })),
    () => frameOf('G9 text over maxTextChars', { notice: WriteRule.size }, (d) => {
      const shapeId = id();
      setRecord(d, noteRecord(shapeId, 'x'.repeat(maxTextChars + 1 + int(1000)), { parentId: pageId }) as unknown as { id: string });
    }),
    () => frameOf('G9 record over maxRecordBytes', { notice: WriteRule.size }, (d) => setRecord(d, note(id(), { meta: { blob: 'b'.repeat(maxRecordBytes + int(1000)) } }))),
    () => {
      // G11: the second of a client's updates without the first.
      const doc = freshDoc();
      updateOf(doc, (d) => setRecord(d, note(id())));
      const second = updateOf(doc, (d) => setRecord(d, note(id())));
      return { binary: true, data: encodeSync(SyncMessageType.update, second), label: 'G11 an update whose dependencies never came', expect: { notice: WriteRule.missing } };
    },
  ];
  return () => pick(attacks)();
}
