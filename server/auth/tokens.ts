/** Signing and verifying board tokens (format in shared/token.ts) with HMAC-SHA256. */
import { createHmac } from 'node:crypto';
import { TOKEN_VERSION, base64UrlEncode, readTokenPayload, type TokenPayload } from '../../shared/token';
import { signatureMatches } from './signature';
import type { Role } from '../../shared/roles';

export interface BoardClaims {
  boardId: string;
  role: Role;
  /** The board's link generation the token was signed for. */
  generation: number;
  /** When the token stops being accepted, ms since the epoch. */
  expiresAt: number;
  /** Set on a personal link: the invited person it was made for. */
  personId?: string;
}

export class TokenSigner {
  readonly #secret: Buffer;

  constructor(secret: string) {
    this.#secret = Buffer.from(secret, 'utf8');
  }

  sign(claims: Omit<BoardClaims, 'expiresAt'>, ttlMs: number, now = Date.now()): string {
    const payload: TokenPayload = {
      v: TOKEN_VERSION,
      b: claims.boardId,
      r: claims.role,
      g: claims.generation,
      iat: Math.floor(now / 1000),
      exp: Math.floor((now + ttlMs) / 1000),
      // Only personal links carry it, so the role links' tokens stay as they were.
      ...(claims.personId ? { p: claims.personId } : {}),
    };
    const body = base64UrlEncode(new TextEncoder().encode(JSON.stringify(payload)));
    return `${body}.${this.#mac(body)}`;
  }

  /** The token's claims when its signature is ours (expired or not: the caller decides), else null. */
  verify(token: string): BoardClaims | null {
    if (!signatureMatches(token, (body) => this.#mac(body))) return null;
    const payload = readTokenPayload(token);
    if (!payload) return null;
    return { boardId: payload.b, role: payload.r, generation: payload.g, expiresAt: payload.exp * 1000, ...(payload.p ? { personId: payload.p } : {}) };
  }

  #mac(body: string): string {
    return base64UrlEncode(createHmac('sha256', this.#secret).update(body).digest());
  }
}
