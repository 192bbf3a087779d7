import { describe, expect, it } from 'vitest';
import { publicRecordIds, type CanvasRecord } from '../../shared/projection';

const doc: CanvasRecord = { id: 'document:document', typeName: 'document' };
const page: CanvasRecord = { id: 'page:p', typeName: 'page' };
const frame = (id: string, isPublic: boolean, parentId = 'page:p'): CanvasRecord => ({
  id,
  typeName: 'shape',
  type: 'frame',
  parentId,
  meta: isPublic ? { public: true } : {},
});
const note = (id: string, parentId: string, extra: Partial<CanvasRecord> = {}): CanvasRecord => ({ id, typeName: 'shape', type: 'note', parentId, ...extra });
const binding = (id: string, fromId: string, toId: string): CanvasRecord => ({ id, typeName: 'binding', fromId, toId });

const run = (records: CanvasRecord[]) => [...publicRecordIds(new Map(records.map((r) => [r.id, r])))].sort();

describe('public projection', () => {
  it.each<[string, CanvasRecord[], string[]]>([
    ['nothing public: nothing at all, not even the page', [doc, page, frame('shape:f', false), note('shape:n', 'shape:f')], []],
    [
      'a public frame brings its notes, its page and the document',
      [doc, page, frame('shape:f', true), note('shape:n', 'shape:f'), note('shape:loose', 'page:p')],
      ['document:document', 'page:p', 'shape:f', 'shape:n'],
    ],
    [
      'descendants at any depth',
      [doc, page, frame('shape:f', true), { id: 'shape:g', typeName: 'shape', type: 'group', parentId: 'shape:f' }, note('shape:deep', 'shape:g')],
      ['document:document', 'page:p', 'shape:deep', 'shape:f', 'shape:g'],
    ],
    [
      'a private frame beside a public one stays out',
      [doc, page, frame('shape:pub', true), frame('shape:priv', false), note('shape:a', 'shape:pub'), note('shape:b', 'shape:priv')],
      ['document:document', 'page:p', 'shape:a', 'shape:pub'],
    ],
    [
      'bindings only between public shapes',
      [doc, page, frame('shape:f', true), note('shape:a', 'shape:f'), note('shape:b', 'shape:f'), note('shape:out', 'page:p'), binding('binding:in', 'shape:a', 'shape:b'), binding('binding:cross', 'shape:a', 'shape:out')],
      ['binding:in', 'document:document', 'page:p', 'shape:a', 'shape:b', 'shape:f'],
    ],
    [
      'assets shown by public images, not others',
      [doc, page, frame('shape:f', true), note('shape:img', 'shape:f', { type: 'image', props: { assetId: 'asset:1' } }), note('shape:img2', 'page:p', { type: 'image', props: { assetId: 'asset:2' } }), { id: 'asset:1', typeName: 'asset' }, { id: 'asset:2', typeName: 'asset' }],
      ['asset:1', 'document:document', 'page:p', 'shape:f', 'shape:img'],
    ],
    [
      'a public frame inside a private one brings the container, not its other children',
      [doc, page, frame('shape:outer', false), frame('shape:inner', true, 'shape:outer'), note('shape:in', 'shape:inner'), note('shape:sibling', 'shape:outer')],
      ['document:document', 'page:p', 'shape:in', 'shape:inner', 'shape:outer'],
    ],
    [
      'meta.public on a note is not a public frame',
      [doc, page, { ...note('shape:n', 'page:p'), meta: { public: true } }],
      [],
    ],
  ])('%s', (_label, records, expected) => {
    expect(run(records)).toEqual(expected);
  });
});
