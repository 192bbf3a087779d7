import { describe, expect, it } from 'vitest';
import { en, pl } from '../../client/src/messages';

describe('interface texts', () => {
  it('has every Polish key in English too, and no empty text in either', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    for (const [key, text] of [...Object.entries(pl), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });
});
