/**
 * Network host tokens: `<payload>.<signature>` like board tokens, but a payload of their own kind
 * (`k: 'network'`, the network's id in `n`) and a signature over a different message, so a
 * network token is never a board token and a board token is never a network token.
 */
import { z } from 'zod';
import { readSignedPayload } from '../token';

export const NetworkTokenPayload = z
  .object({
    v: z.literal(1),
    k: z.literal('network'),
    n: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/),
    iat: z.number().int(),
    exp: z.number().int(),
  })
  .strict();
export type NetworkTokenPayload = z.infer<typeof NetworkTokenPayload>;

/** Reads a network token's claims without checking the signature (for the page, never for trust). */
export function readNetworkTokenPayload(token: string): NetworkTokenPayload | null {
  return readSignedPayload(token, NetworkTokenPayload);
}
