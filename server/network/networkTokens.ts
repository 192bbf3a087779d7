/** Signing and checking network host tokens (shared/network/networkToken.ts) with HMAC-SHA256. */
import { createHmac } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { base64UrlEncode } from '../../shared/token';
import { signatureMatches } from '../auth/signature';
import { readNetworkTokenPayload, type NetworkTokenPayload } from '../../shared/network/networkToken';
import { NETWORK_ID_PATTERN } from '../../shared/network/network';
import { tokenOf } from '../auth/hostAuth';

/** Signed over this prefix and the payload: no board token's signature can ever match. */
const DOMAIN = 'tablica-network\u0000';

export class NetworkTokenSigner {
  readonly #secret: Buffer;

  constructor(secret: string) {
    this.#secret = Buffer.from(secret, 'utf8');
  }

  sign(networkId: string, ttlMs: number, now = Date.now()): string {
    const payload: NetworkTokenPayload = { v: 1, k: 'network', n: networkId, iat: Math.floor(now / 1000), exp: Math.floor((now + ttlMs) / 1000) };
    const body = base64UrlEncode(new TextEncoder().encode(JSON.stringify(payload)));
    return `${body}.${this.#mac(body)}`;
  }

  /** The network the token is for, when it is ours and unexpired; else null. */
  verify(token: string, now = Date.now()): { networkId: string } | null {
    if (!signatureMatches(token, (body) => this.#mac(body))) return null;
    const payload = readNetworkTokenPayload(token);
    if (!payload || payload.exp * 1000 <= now) return null;
    return { networkId: payload.n };
  }

  #mac(body: string): string {
    return base64UrlEncode(createHmac('sha256', this.#secret).update(DOMAIN + body).digest());
  }
}

/**
 * Express middleware for `/api/networks/:id/…`: a bad id is 404, a missing, forged or expired
 * token 401, another network's token 403 (a board's tokens are never network tokens).
 */
export function requireNetworkHost(signer: NetworkTokenSigner) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = String(req.params.id);
    if (!NETWORK_ID_PATTERN.test(id)) {
      res.status(404).json({ error: 'no such network' });
      return;
    }
    const token = tokenOf(req);
    const claims = token ? signer.verify(token) : null;
    if (!claims) {
      res.status(401).json({ error: 'a network host token is required (Authorization: Bearer …)' });
      return;
    }
    if (claims.networkId !== id) {
      res.status(403).json({ error: 'only this network’s hosts may do this' });
      return;
    }
    res.locals.networkId = id;
    next();
  };
}
