import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, pl, type MessageKey } from '../../client/src/messages';
import { refusalMessage } from '../../client/src/refusals';
import { RefusalReason } from '../../shared/requests';

/** The same in both languages on purpose: a proper noun, a number, a word Polish uses as it is. */
const SAME_IN_BOTH: Partial<Record<MessageKey, string>> = { appName: 'Tablica', timerPlusMinute: '+1 min', modeOnline: 'online' };

/** Words that are English and never Polish: one of them in a Polish text means an untranslated string. */
const ENGLISH_WORDS = /\b(the|and|of|your|you|with|is|are|this|please|click|not|has|have|board|note|vote|meeting|host)\b/i;

describe('interface texts', () => {
  it('has every Polish key in English too, and no empty text in either', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    for (const [key, text] of [...Object.entries(pl), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('shows no English text in the Polish interface', () => {
    for (const key of Object.keys(pl) as MessageKey[]) {
      if (SAME_IN_BOTH[key] !== undefined) expect(pl[key], key).toBe(SAME_IN_BOTH[key]);
      else expect(pl[key], key).not.toBe(en[key]);
      expect(pl[key], key).not.toMatch(ENGLISH_WORDS);
    }
  });

  it('has a Polish and an English text for every reason the server gives for a refusal', () => {
    for (const reason of Object.values(RefusalReason)) {
      const key = refusalMessage(reason);
      expect(key, reason).not.toBe('errorGeneric');
      expect(pl[key], reason).not.toBe(en[key]);
      expect(pl[key], reason).not.toMatch(ENGLISH_WORDS);
      expect(en[key], reason).not.toBe(reason);
    }
    expect(refusalMessage('a reason this client does not know')).toBe('errorGeneric');
  });

  it('never puts a refusal’s English reason on the screen: the client translates it', () => {
    const dir = path.resolve(__dirname, '../../client/src');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('sync'));
    const shown: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      // A reason may be compared, or turned into a message; anything else shows it as it is.
      for (const match of source.matchAll(/(.{0,20})\b(\w+)\.reason\b(.{0,5})/g)) {
        if (!/refusalMessage\($/.test(match[1]!) && !/^\s*[!=]==/.test(match[3]!)) shown.push(`${file}: ${match[0]}`);
      }
    }
    expect(shown).toEqual([]);
  });
});
