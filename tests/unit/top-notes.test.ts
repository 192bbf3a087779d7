import { describe, expect, it } from 'vitest';
import { topNotes } from '../../client/src/tools/topNotes';

describe('the top N of a vote', () => {
  it('takes the top N when there is no tie at the cut', () => {
    expect(topNotes({ a: 4, b: 3, c: 1, d: 0 }, 2)).toEqual({ sure: ['a', 'b'], tied: [], places: 0 });
  });
  it('lays open a tie at the cut: the surely-in notes, the tied ones and how many places are left', () => {
    expect(topNotes({ a: 4, b: 2, c: 2, d: 2, e: 1 }, 2)).toEqual({ sure: ['a'], tied: ['b', 'c', 'd'], places: 1 });
    expect(topNotes({ a: 2, b: 2, c: 2 }, 1)).toEqual({ sure: [], tied: ['a', 'b', 'c'], places: 1 });
  });
  it('has no tie when every tied note fits, and never counts notes without votes', () => {
    expect(topNotes({ a: 3, b: 1, c: 1 }, 3)).toEqual({ sure: ['a', 'b', 'c'], tied: [], places: 0 });
    expect(topNotes({ a: 3, b: 0 }, 3)).toEqual({ sure: ['a'], tied: [], places: 0 });
  });
});
