import { describe, expect, it } from 'vitest';
import { checkCanvasChanges, jsonDepth, utf8Length, type CanvasState, type RecordChange } from '../../shared/canvasGuard';
import type { CanvasRecord } from '../../shared/projection';
import type { Role } from '../../shared/roles';
import { DEFAULT_WRITE_LIMITS, WriteRule, type WriteRule as Rule } from '../../shared/writeRules';
import { documentRecord, frameRecord, noteRecord, pageRecord, PAGE_ID, richText } from '../helpers/records';

const note = (meta: Record<string, unknown> = {}, x = 0, id = 'shape:n', parentId = PAGE_ID): CanvasRecord => noteRecord(id, 'pomysł', { meta, x, parentId });
const template = (x = 0): CanvasRecord => frameRecord('shape:f', 'Krok', { x, meta: { template: true, stepId: '2.3' } });

/** The board before the change is `base`; the change is applied to it to give the state after. */
function stateAfter(base: CanvasRecord[], changes: Map<string, RecordChange>): CanvasState {
  const after = new Map(base.map((r) => [r.id, r]));
  for (const [key, change] of changes) {
    if (change.newValue) after.set(key, change.newValue);
    else after.delete(key);
  }
  return { get: (id) => (id === undefined ? undefined : after.get(id)), records: () => after.values(), totals: { records: base.length, bytes: 1000 } };
}

const BASE = [documentRecord(), pageRecord(PAGE_ID), template(), note({}, 0, 'shape:n', 'shape:f')];

type Case = [string, Role, [string, RecordChange][], Rule | null, { locked?: boolean; base?: CanvasRecord[] }?];

const cases: Case[] = [
  ['a participant adds a plain note', 'participant', [['shape:m', { action: 'add', newValue: note({}, 0, 'shape:m') }]], null],
  ['a participant adds a note inside a step frame', 'participant', [['shape:m', { action: 'add', newValue: note({}, 0, 'shape:m', 'shape:f') }]], null],
  ['a participant moves a plain note', 'participant', [['shape:n', { action: 'update', oldValue: note({}, 0, 'shape:n', 'shape:f'), newValue: note({}, 5, 'shape:n', 'shape:f') }]], null],
  ['G1: a participant marks a note agreed', 'participant', [['shape:n', { action: 'update', oldValue: note(), newValue: note({ agreed: true }) }]], WriteRule.hostMeta],
  ['G1: a participant adds meta.action to a note', 'participant', [['shape:n', { action: 'update', oldValue: note(), newValue: note({ action: { what: 'x', who: '', due: '' } }) }]], WriteRule.hostMeta],
  ['G1: a participant adds a note already marked template', 'participant', [['shape:m', { action: 'add', newValue: note({ template: true }, 0, 'shape:m') }]], WriteRule.hostMeta],
  ['a participant may set a meta key of their own', 'participant', [['shape:n', { action: 'update', oldValue: note(), newValue: note({ colourNote: 1 }) }]], null],
  ['a participant writing a template frame again unchanged changes nothing', 'participant', [['shape:f', { action: 'update', oldValue: template(0), newValue: template(0) }]], null],
  ['G2: a participant moves a template frame', 'participant', [['shape:f', { action: 'update', oldValue: template(0), newValue: template(50) }]], WriteRule.template],
  [
    'G2: a participant deletes a template frame with its notes (tldraw’s trash button)',
    'participant',
    [
      ['shape:f', { action: 'delete', oldValue: template() }],
      ['shape:n', { action: 'delete', oldValue: note({}, 0, 'shape:n', 'shape:f') }],
    ],
    WriteRule.template,
  ],
  ['G5: a participant changes the text of an agreed note', 'participant', [['shape:n', { action: 'update', oldValue: note({ agreed: true }), newValue: { ...note({ agreed: true }), props: { ...note().props, richText: richText('inaczej') } } }]], WriteRule.agreed],
  ['G5: a participant deletes an agreed note', 'participant', [['shape:n', { action: 'delete', oldValue: note({ agreed: true }) }]], WriteRule.agreed],
  ['G6: a participant deletes six notes at once', 'participant', [1, 2, 3, 4, 5, 6].map((i) => [`shape:d${i}`, { action: 'delete', oldValue: note({}, 0, `shape:d${i}`) }] as [string, RecordChange]), WriteRule.bulkDelete],
  ['a host deletes six notes at once', 'facilitator', [1, 2, 3, 4, 5, 6].map((i) => [`shape:d${i}`, { action: 'delete', oldValue: note({}, 0, `shape:d${i}`) }] as [string, RecordChange]), null],
  ['G7: a participant renames the page', 'participant', [[PAGE_ID, { action: 'update', oldValue: pageRecord(PAGE_ID), newValue: { ...pageRecord(PAGE_ID), name: 'Moja' } as CanvasRecord }]], WriteRule.pages],
  ['G7: a participant adds a page', 'participant', [['page:2', { action: 'add', newValue: { ...pageRecord('page:2'), index: 'a2' } as CanvasRecord }]], WriteRule.pages],
  ['G7: even a host cannot delete the document record', 'facilitator', [['document:document', { action: 'delete', oldValue: documentRecord() }]], WriteRule.pages],
  ['G3: a note with a prop tldraw does not know', 'facilitator', [['shape:m', { action: 'add', newValue: { ...note({}, 0, 'shape:m'), props: { bogus: 1 } } as CanvasRecord }]], WriteRule.validRecord],
  // An update is validated against the record as the board holds it (only changed fields are
  // looked at again); a bad changed field must still be caught.
  ['G3: a participant moves a note to x = "far"', 'participant', [['shape:n', { action: 'update', oldValue: note(), newValue: { ...note(), x: 'far' } as unknown as CanvasRecord }]], WriteRule.validRecord],
  ['G3: a participant adds an unknown prop to a note it moves', 'participant', [['shape:n', { action: 'update', oldValue: note(), newValue: { ...note({}, 5), props: { ...note().props, bogus: 1 } } as CanvasRecord }]], WriteRule.validRecord],
  ['G3: a participant turns a note into an arrow without its props', 'participant', [['shape:n', { action: 'update', oldValue: note(), newValue: { ...note(), type: 'arrow' } as CanvasRecord }]], WriteRule.validRecord],
  ['G3: an instance record (never shared)', 'facilitator', [['instance:x', { action: 'add', newValue: { id: 'instance:x', typeName: 'instance' } }]], WriteRule.validRecord],
  ['G3: a record under another key', 'participant', [['shape:m', { action: 'add', newValue: note({}, 0, 'shape:other') }]], WriteRule.validRecord],
  ['G8: a shape whose parent does not exist', 'facilitator', [['shape:m', { action: 'add', newValue: note({}, 0, 'shape:m', 'shape:nowhere') }]], WriteRule.parents],
  ['G8: a shape parented to a note', 'facilitator', [['shape:m', { action: 'add', newValue: note({}, 0, 'shape:m', 'shape:n') }]], WriteRule.parents],
  [
    'G8: two frames that are each other’s parent',
    'facilitator',
    [
      ['shape:a', { action: 'add', newValue: { ...frameRecord('shape:a', 'A'), parentId: 'shape:b' } as CanvasRecord }],
      ['shape:b', { action: 'add', newValue: { ...frameRecord('shape:b', 'B'), parentId: 'shape:a' } as CanvasRecord }],
    ],
    WriteRule.parents,
  ],
  ['G8: deleting a frame but not the note inside it', 'facilitator', [['shape:f', { action: 'delete', oldValue: template() }]], WriteRule.parents],
  [
    'a host deletes a frame with what is inside',
    'expert',
    [
      ['shape:f', { action: 'delete', oldValue: template() }],
      ['shape:n', { action: 'delete', oldValue: note({}, 0, 'shape:n', 'shape:f') }],
    ],
    null,
  ],
  ['G9: a note whose text is over the limit', 'participant', [['shape:m', { action: 'add', newValue: { ...note({}, 0, 'shape:m'), props: { ...note().props, richText: richText('x'.repeat(DEFAULT_WRITE_LIMITS.maxTextChars + 1)) } } as CanvasRecord }]], WriteRule.size],
  ['G4: a participant adds a note on a locked board', 'participant', [['shape:m', { action: 'add', newValue: note({}, 0, 'shape:m') }]], WriteRule.locked, { locked: true }],
  ['a host changes a locked board', 'facilitator', [['shape:m', { action: 'add', newValue: note({}, 0, 'shape:m') }]], null, { locked: true }],
];

describe('canvas rules (checked before apply)', () => {
  it.each(cases)('%s', (_label, role, list, expected, options = {}) => {
    const changes = new Map(list);
    const refusal = checkCanvasChanges(changes, stateAfter(options.base ?? BASE, changes), { role, locked: options.locked ?? false, limits: DEFAULT_WRITE_LIMITS });
    expect(refusal?.rule ?? null).toBe(expected);
  });

  it('G9: counts nesting without recursion, so a hostile depth cannot overflow the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { c: deep };
    expect(jsonDepth(deep)).toBeGreaterThan(48);
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3);
  });

  it('G9: measures UTF-8 bytes as an encoder would, without encoding', () => {
    const encoder = new TextEncoder();
    for (const text of ['', 'abc', 'zażółć gęślą jaźń', 'ŁÓDŹ', '€', '🙂 karteczka 🙂', 'a\u0000b', JSON.stringify('\ud800 lone')]) {
      expect(utf8Length(text), text).toBe(encoder.encode(text).length);
    }
  });
});
