/**
 * Board tokens: `<payload>.<signature>`, both base64url; the payload is JSON naming the board and
 * the role. Signing and verifying need the secret and live in the server; reading the payload
 * (for the UI, never for trust) is shared.
 */
import { z } from 'zod';
import { ROLES } from './roles';

export const TOKEN_VERSION = 1;

export const TokenPayload = z
  .object({
    v: z.literal(TOKEN_VERSION),
    b: z.string(),
    r: z.enum(ROLES),
    /** The board's link generation when signed: rotating a board's links refuses older ones. */
    g: z.number().int().min(0),
    iat: z.number().int(),
    /** Expiry, seconds since the epoch. */
    exp: z.number().int(),
    /**
     * A personal link's person (an entry of the invitation list): votes, poll answers and
     * attendance count once for them across all their devices. Absent on the four role links.
     */
    p: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/).optional(),
  })
  .strict();
export type TokenPayload = z.infer<typeof TokenPayload>;

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlDecode(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Reads a token's claims without checking the signature; null when it is not a token at all. */
export function readTokenPayload(token: string): TokenPayload | null {
  return readSignedPayload(token, TokenPayload);
}

/** A `<payload>.<signature>` token's payload read with `schema`, unchecked; null when it does not parse. */
export function readSignedPayload<T>(token: string, schema: z.ZodType<T>): T | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(new TextDecoder().decode(base64UrlDecode(payload))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
