import { describe, expect, it } from 'vitest';
import { TokenSigner } from '../../server/auth/tokens';
import { readTokenPayload } from '../../shared/token';

const signer = new TokenSigner('a-secret-of-at-least-thirty-two-characters!!');

describe('board tokens', () => {
  it('verify what was signed, with board and role', () => {
    const token = signer.sign({ boardId: 'boardboard12', role: 'expert', generation: 3 }, 60_000, 1_700_000_000_000);
    expect(signer.verify(token)).toEqual({ boardId: 'boardboard12', role: 'expert', generation: 3, expiresAt: 1_700_000_060_000 });
    expect(readTokenPayload(token)).toMatchObject({ b: 'boardboard12', r: 'expert', v: 1, g: 3 });
  });

  it('carry a personal link’s person id, signed; role links have none and stay as they were', () => {
    const personal = signer.sign({ boardId: 'boardboard12', role: 'participant', generation: 0, personId: 'osoba-0123456789' }, 60_000, 1_700_000_000_000);
    expect(signer.verify(personal)).toEqual({ boardId: 'boardboard12', role: 'participant', generation: 0, expiresAt: 1_700_000_060_000, personId: 'osoba-0123456789' });
    const shared = signer.sign({ boardId: 'boardboard12', role: 'participant', generation: 0 }, 60_000, 1_700_000_000_000);
    expect(Object.keys(readTokenPayload(shared)!).sort()).toEqual(['b', 'exp', 'g', 'iat', 'r', 'v']);
    // Another person's id cannot be put into a token without the secret.
    const [body, mac] = personal.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), p: 'someone-else-000' })).toString('base64url')}.${mac}`;
    expect(signer.verify(forged)).toBeNull();
  });

  const token = signer.sign({ boardId: 'boardboard12', role: 'participant', generation: 0 }, 60_000);
  const [payload, signature] = token.split('.') as [string, string];
  const altered = (claims: Record<string, unknown>) =>
    `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims })).toString('base64url')}.${signature}`;

  it.each([
    ['role altered', altered({ r: 'facilitator' })],
    ['board altered', altered({ b: 'otherboard12' })],
    ['generation altered', altered({ g: 7 })],
    ['expiry pushed back', altered({ exp: 9_999_999_999 })],
    ['signature from another secret', new TokenSigner('another-secret-of-at-least-thirty-two-chars').sign({ boardId: 'boardboard12', role: 'participant', generation: 0 }, 60_000)],
    ['signature cut short', token.slice(0, -4)],
    ['no signature', payload],
    ['empty', ''],
    ['not base64', 'ć.ś'],
    ['extra part', `${token}.x`],
  ])('refuse a token with %s', (_label, bad) => {
    expect(signer.verify(bad)).toBeNull();
  });
});
