import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, joinLink, normalizeJoinCode } from '../../shared/joinCode';

describe('join codes as people type them', () => {
  it.each([
    ['K7MPQ2R', 'K7MPQ2R'],
    ['k7mpq2r', 'K7MPQ2R'],
    [' k7m-pq2 r ', 'K7MPQ2R'],
    ['ABCDEF', 'ABCDEF'],
    ['ABCDEFGH', 'ABCDEFGH'],
  ])('%j is the code %s', (typed, code) => expect(normalizeJoinCode(typed)).toBe(code));

  it.each(['ABCDE', 'ABCDEFGHJ', 'K7MPQ0R', 'K7MPQOR', 'K7MPQ1R', 'K7MPQIR', 'K7MPQLR', 'K7MPQ2Ř', '../../x', 'A'.repeat(41)])('%j is no code', (typed) =>
    expect(normalizeJoinCode(typed)).toBeNull(),
  );

  it('leaves out the characters people mistake for each other', () => {
    for (const c of '01OIL') expect(JOIN_CODE_ALPHABET).not.toContain(c);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it('makes the short URL from the public URL', () => {
    expect(joinLink('https://tablica.example.org/', 'K7MPQ2R')).toBe('https://tablica.example.org/j/K7MPQ2R');
  });
});
