/** REST calls that only a board's hosts may make: the token from `Authorization: Bearer` or `?token=`. */
import type { NextFunction, Request, Response } from 'express';
import { BOARD_ID_PATTERN, isHost } from '../../shared/roles';
import type { BoardAccess } from './boardAccess';
import type { BoardClaims, TokenSigner } from './tokens';

export type HostAuth = { ok: true; claims: BoardClaims } | { ok: false; status: 401 | 403; error: string };

export function tokenOf(req: Request): string {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return typeof req.query.token === 'string' ? req.query.token : '';
}

export async function authenticateHost(req: Request, boardId: string, signer: TokenSigner, access: BoardAccess): Promise<HostAuth> {
  const token = tokenOf(req);
  const claims = token ? signer.verify(token) : null;
  if (!claims) return { ok: false, status: 401, error: 'a host token is required (Authorization: Bearer … or ?token=)' };
  const verdict = await access.check(claims);
  if (!verdict.ok) return { ok: false, status: 401, error: verdict.reason };
  if (claims.boardId !== boardId || !isHost(claims.role)) return { ok: false, status: 403, error: 'only this board’s hosts may do this' };
  return { ok: true, claims };
}

/**
 * Express middleware for `/api/boards/:id/…` routes that only the board's hosts may use: a bad id
 * is 404, a missing, forged, expired or replaced token 401, another board's or a non-host 403.
 */
export function requireHost(signer: TokenSigner, access: BoardAccess) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = String(req.params.id);
    if (!BOARD_ID_PATTERN.test(id)) {
      res.status(404).json({ error: 'no such board' });
      return;
    }
    const auth = await authenticateHost(req, id, signer, access);
    if (!auth.ok) {
      res.status(auth.status).json({ error: auth.error });
      return;
    }
    res.locals.boardId = id;
    next();
  };
}
