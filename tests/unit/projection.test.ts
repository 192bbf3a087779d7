import { describe, expect, it } from 'vitest';
import { publicRecordIds, publicRecords, type CanvasRecord } from '../../shared/projection';
import { tldrawSchema } from '../../shared/tldrawSchema';
import { documentRecord, frameRecord, noteRecord, pageRecord } from '../helpers/records';

const doc = documentRecord();
const page = pageRecord('page:p');
const frame = (id: string, visibility: boolean | undefined, parentId = 'page:p', at: Partial<CanvasRecord> = {}): CanvasRecord => ({
  ...frameRecord(id, `NAME-${id}`, { meta: visibility === undefined ? {} : { public: visibility } }),
  parentId,
  ...at,
});
const note = (id: string, parentId: string, extra: Partial<CanvasRecord> = {}): CanvasRecord => ({ ...noteRecord(id, `TEXT-${id}`, { parentId }), ...extra });
const group = (id: string, parentId: string): CanvasRecord => ({ ...note(id, parentId), type: 'group', props: {}, meta: { label: 'GROUP-META' } });
const binding = (id: string, fromId: string, toId: string): CanvasRecord => ({ id, typeName: 'binding', fromId, toId });

/** What a container looks like to observers: the shape's place and size, nothing it says. */
const geometry = (shape: CanvasRecord): CanvasRecord => ({
  id: shape.id,
  typeName: 'shape',
  type: shape.type,
  parentId: shape.parentId,
  index: shape.index,
  x: shape.x,
  y: shape.y,
  rotation: shape.rotation,
  isLocked: shape.isLocked,
  opacity: shape.opacity,
  props: shape.type === 'frame' ? { w: 800, h: 600, name: '', color: 'black' } : {},
  meta: {},
});

const outer = frame('shape:outer', undefined, 'page:p', { x: 100, y: 50 });
const outerGroup = group('shape:grp', 'page:p');
const rotated = { ...note('shape:holder', 'page:p'), x: 100, y: 0, rotation: Math.PI / 2 };

// Each case: the canvas, and what observers get: the same record ('whole') or exactly this derived one.
type Expected = Record<string, 'whole' | CanvasRecord>;
const cases: [string, CanvasRecord[], Expected][] = [
  ['nothing public: nothing at all, not even the page', [doc, page, frame('shape:f', undefined), note('shape:n', 'shape:f')], {}],
  [
    'a public frame brings its notes, its page and the document, not loose notes',
    [doc, page, frame('shape:f', true), note('shape:n', 'shape:f'), note('shape:loose', 'page:p')],
    { 'document:document': 'whole', 'page:p': 'whole', 'shape:f': 'whole', 'shape:n': 'whole' },
  ],
  [
    'descendants at any depth, groups included',
    [doc, page, frame('shape:f', true), group('shape:g', 'shape:f'), note('shape:deep', 'shape:g')],
    { 'document:document': 'whole', 'page:p': 'whole', 'shape:f': 'whole', 'shape:g': 'whole', 'shape:deep': 'whole' },
  ],
  [
    'only the pages that hold visible shapes',
    [doc, page, pageRecord('page:other'), frame('shape:f', true), frame('shape:elsewhere', undefined, 'page:other')],
    { 'document:document': 'whole', 'page:p': 'whole', 'shape:f': 'whole' },
  ],
  [
    'a frame marked not public inside a public frame stays hidden, with everything in it',
    [doc, page, frame('shape:f', true), frame('shape:hid', false, 'shape:f'), note('shape:secret', 'shape:hid'), note('shape:shown', 'shape:f')],
    { 'document:document': 'whole', 'page:p': 'whole', 'shape:f': 'whole', 'shape:shown': 'whole' },
  ],
  [
    'a public frame inside a hidden one is shown again, the hidden one as geometry only',
    [doc, page, frame('shape:f', true), frame('shape:hid', false, 'shape:f'), note('shape:secret', 'shape:hid'), frame('shape:again', true, 'shape:hid'), note('shape:n', 'shape:again')],
    {
      'document:document': 'whole',
      'page:p': 'whole',
      'shape:f': 'whole',
      'shape:hid': geometry(frame('shape:hid', false, 'shape:f')),
      'shape:again': 'whole',
      'shape:n': 'whole',
    },
  ],
  [
    'an ancestor travels with geometry only: no name, no text, no other children',
    [doc, page, outer, frame('shape:inner', true, 'shape:outer'), note('shape:in', 'shape:inner'), note('shape:sibling', 'shape:outer')],
    { 'document:document': 'whole', 'page:p': 'whole', 'shape:outer': geometry(outer), 'shape:inner': 'whole', 'shape:in': 'whole' },
  ],
  [
    'a group ancestor keeps its props and loses its meta',
    [doc, page, outerGroup, frame('shape:inner', true, 'shape:grp'), note('shape:sibling', 'shape:grp')],
    { 'document:document': 'whole', 'page:p': 'whole', 'shape:grp': geometry(outerGroup), 'shape:inner': 'whole' },
  ],
  [
    'a non-container ancestor stays out and the frame moves to its page, where it was drawn',
    [doc, page, rotated, frame('shape:inner', true, 'shape:holder', { x: 10, y: 0, rotation: 0 })],
    {
      'document:document': 'whole',
      'page:p': 'whole',
      'shape:inner': { ...frame('shape:inner', true, 'page:p'), x: 100, y: 10, rotation: Math.PI / 2 },
    },
  ],
  ['a parent cycle ends the walk', [doc, page, frame('shape:a', true, 'shape:b'), frame('shape:b', undefined, 'shape:a'), note('shape:n', 'shape:a')], {}],
  ['a frame that is its own parent ends the walk', [doc, page, frame('shape:self', true, 'shape:self'), note('shape:n', 'shape:self')], {}],
  ['a missing parent ends the walk', [doc, page, frame('shape:f', true, 'shape:gone'), note('shape:n', 'shape:f')], {}],
  [
    'bindings only when both ends are visible, not to an ancestor',
    [doc, page, outer, frame('shape:f', true, 'shape:outer'), note('shape:a', 'shape:f'), note('shape:b', 'shape:f'), note('shape:out', 'page:p'), binding('binding:in', 'shape:a', 'shape:b'), binding('binding:cross', 'shape:a', 'shape:out'), binding('binding:up', 'shape:a', 'shape:outer')],
    { 'document:document': 'whole', 'page:p': 'whole', 'shape:outer': geometry(outer), 'shape:f': 'whole', 'shape:a': 'whole', 'shape:b': 'whole', 'binding:in': 'whole' },
  ],
  [
    'assets only when a visible shape shows them',
    [doc, page, frame('shape:f', true), note('shape:img', 'shape:f', { type: 'image', props: { assetId: 'asset:1' } }), note('shape:img2', 'page:p', { type: 'image', props: { assetId: 'asset:2' } }), { id: 'asset:1', typeName: 'asset' }, { id: 'asset:2', typeName: 'asset' }],
    { 'document:document': 'whole', 'page:p': 'whole', 'shape:f': 'whole', 'shape:img': 'whole', 'asset:1': 'whole' },
  ],
  ['meta.public on a note is not a public frame', [doc, page, note('shape:n', 'page:p', { meta: { public: true } })], {}],
];

describe('public projection', () => {
  it.each(cases)('%s', (_label, records, expected) => {
    const input = new Map(records.map((r) => [r.id, r]));
    const output = publicRecords(input);
    expect([...output.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [id, want] of Object.entries(expected)) {
      if (want === 'whole') {
        expect(output.get(id), id).toBe(input.get(id));
      } else {
        expect(output.get(id), id).toEqual(want);
        expect(() => tldrawSchema().types.shape.validate(output.get(id)), id).not.toThrow();
      }
    }
    expect([...publicRecordIds(input)].sort()).toEqual(Object.keys(expected).sort());
  });
});
