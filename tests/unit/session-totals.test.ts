/** Readers of the merged session: tallies summed, the attendance list from its per-person keys, older boards' whole values added in. */
import { describe, expect, it } from 'vitest';
import { attendanceOf, pollAnswers, voteCounts } from '../../shared/sessionTotals';
import { parseInvitationList } from '../../shared/invitations';
import { sessionFieldSchema, type PollState } from '../../shared/session';

const person = (name: string) => ({ name, city: 'Gdynia', role: 'participant', optOut: false });

describe('the session’s merged state', () => {
  it('sums a vote’s tallies over instances, drops notes at zero, adds counts kept the older way', () => {
    const session = {
      'voteTally:v1:A': { 'shape:a': 3, 'shape:b': 1 },
      'voteTally:v1:B': { 'shape:a': 2, 'shape:b': -1 },
      'voteTally:v2:A': { 'shape:a': 100 },
      'voteTally:v1:broken': { 'shape:a': 'x' },
    };
    expect(voteCounts(session, 'v1')).toEqual({ 'shape:a': 5 });
    expect(voteCounts(session, 'v1', { 'shape:c': 4 })).toEqual({ 'shape:a': 5, 'shape:c': 4 });
  });

  it('sums a poll’s tallies and keeps the texts sorted', () => {
    const poll: PollState = { id: 'p1', stepId: null, question: 'Q', kind: 'text', options: [], state: 'open', counts: [], texts: ['stare'], answered: 1, shown: false, agreed: false };
    const session = { 'pollTally:p1:A': { counts: [], texts: ['zielone', 'akacja'], answered: 2 }, 'pollTally:p1:B': { counts: [], texts: ['most'], answered: 1 } };
    expect(pollAnswers(session, poll)).toMatchObject({ texts: ['akacja', 'most', 'stare', 'zielone'], answered: 4 });
    const scale: PollState = { ...poll, kind: 'scale', texts: [], answered: 0, counts: [0, 0, 0, 0, 0] };
    expect(pollAnswers({ 'pollTally:p1:A': { counts: [1, 0, 0, 0, 2], texts: [], answered: 3 }, 'pollTally:p1:B': { counts: [0, 0, 0, 0, 1], texts: [], answered: 1 } }, scale).counts).toEqual([1, 0, 0, 0, 3]);
  });

  it('reads the attendance list from per-person keys and from an older board’s whole value', () => {
    const list = attendanceOf({ attendance: { old: person('Stara Lista') }, 'attendance:k1': person('Ewa'), 'attendance:k2': { nonsense: true } });
    expect(Object.keys(list).sort()).toEqual(['k1', 'old']);
    expect(list.k1).toMatchObject({ name: 'Ewa', invited: false, present: true, function: '' });
  });

  it('knows the schema of each per-person and per-instance key, and no other', () => {
    expect(sessionFieldSchema('attendance:abc')).toBeDefined();
    expect(sessionFieldSchema('voteTally:v1:inst')).toBeDefined();
    expect(sessionFieldSchema('pollTally:p1:inst')).toBeDefined();
    expect(sessionFieldSchema('voteTally:v1')).toBeUndefined();
    expect(sessionFieldSchema('attendance:a b')).toBeUndefined();
    expect(sessionFieldSchema('somethingElse:x')).toBeUndefined();
  });
});

describe('the invitation list as pasted', () => {
  it('takes one person a line, "name; city; function", semicolons or tabs, skipping empty lines', () => {
    expect(parseInvitationList('Anna Kowalska; Gdynia; koordynatorka\n\n  Jan   Nowak\tCieszyn\tradny\r\nOla\n;;\n')).toEqual([
      { name: 'Anna Kowalska', city: 'Gdynia', function: 'koordynatorka' },
      { name: 'Jan Nowak', city: 'Cieszyn', function: 'radny' },
      { name: 'Ola', city: '', function: '' },
    ]);
  });
});
