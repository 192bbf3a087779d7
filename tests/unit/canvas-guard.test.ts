import { describe, expect, it } from 'vitest';
import { guardCanvasChange, type RecordChange } from '../../shared/canvasGuard';
import type { CanvasRecord } from '../../shared/projection';
import type { Role } from '../../shared/roles';
import { documentRecord, frameRecord, noteRecord } from '../helpers/records';

const note = (meta: Record<string, unknown> = {}, x = 0): CanvasRecord => noteRecord('shape:n', 'pomysł', { meta, x });
const template = (x = 0, isLocked = true): CanvasRecord => frameRecord('shape:n', 'Krok', { x, isLocked, meta: { template: true, stepId: '2.3' } });

describe('canvas guard', () => {
  const cases: [string, Role, RecordChange, 'allow' | CanvasRecord | undefined][] = [
    ['a participant adds a plain note', 'participant', { action: 'add', newValue: note() }, 'allow'],
    ['a participant moves a plain note', 'participant', { action: 'update', oldValue: note({}, 0), newValue: note({}, 5) }, 'allow'],
    ['G1: a participant marks a note agreed', 'participant', { action: 'update', oldValue: note(), newValue: note({ agreed: true }) }, note({})],
    ['G1: a participant clears agreed but moves the note: the move stays', 'participant', { action: 'update', oldValue: note({ agreed: true }, 0), newValue: note({}, 9) }, note({ agreed: true }, 9)],
    ['G1: a participant adds a note already agreed', 'participant', { action: 'add', newValue: note({ agreed: true }) }, note({})],
    ['G1: a participant makes a frame public', 'participant', { action: 'update', oldValue: note(), newValue: note({ public: true }) }, note({})],
    ['G2: a participant moves a template frame', 'participant', { action: 'update', oldValue: template(0), newValue: template(50) }, template(0)],
    ['G2: a participant unlocks a template frame', 'participant', { action: 'update', oldValue: template(0, true), newValue: template(0, false) }, template(0, true)],
    ['G2: a participant deletes a template frame', 'participant', { action: 'delete', oldValue: template() }, template()],
    ['G3: a note with a prop tldraw does not know', 'facilitator', { action: 'add', newValue: { ...note(), props: { bogus: 1 } } as CanvasRecord }, undefined],
    ['G3: an invalid update puts the old record back', 'expert', { action: 'update', oldValue: note(), newValue: { ...note(), x: 'far' } as unknown as CanvasRecord }, note()],
    ['G3: an instance record (never shared)', 'facilitator', { action: 'add', newValue: { id: 'shape:n', typeName: 'instance' } }, undefined],
    ['G3: a record under another key', 'participant', { action: 'add', newValue: { ...note(), id: 'shape:other' } }, undefined],
    ['G3: deleting the document record', 'facilitator', { action: 'delete', oldValue: { ...documentRecord(), id: 'shape:n' } }, { ...documentRecord(), id: 'shape:n' }],
    ['a host marks a note agreed', 'facilitator', { action: 'update', oldValue: note(), newValue: note({ agreed: true }) }, 'allow'],
    ['a host moves a template frame', 'expert', { action: 'update', oldValue: template(0), newValue: template(50) }, 'allow'],
  ];
  it.each([
    ['G4: a participant adds a note on a locked board', 'participant' as Role, { action: 'add', newValue: note() } as RecordChange, undefined],
    ['G4: a participant moves a note on a locked board', 'participant' as Role, { action: 'update', oldValue: note({}, 0), newValue: note({}, 9) } as RecordChange, note({}, 0)],
  ])('%s', (_label, role, change, expected) => {
    const verdict = guardCanvasChange(role, 'shape:n', change, { locked: true });
    expect(verdict).toEqual({ allow: false, restore: expected, rule: 'G4' });
    expect(guardCanvasChange('facilitator', 'shape:n', change, { locked: true })).toEqual({ allow: true });
  });

  it.each(cases)('%s', (_label, role, change, expected) => {
    const verdict = guardCanvasChange(role, 'shape:n', change);
    if (expected === 'allow') expect(verdict).toEqual({ allow: true });
    else {
      expect(verdict.allow).toBe(false);
      if (!verdict.allow) expect(verdict.restore).toEqual(expected);
    }
  });
});
