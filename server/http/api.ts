/** The HTTP API: board creation, health and metrics (docs/architecture.md, "Public interfaces"). */
import express, { type Request, type Response, type Router } from 'express';
import { joinLink } from '../../shared/joinCode';
import { AddFormatRequest, CreateBoardRequest, type CreateBoardResponse } from '../../shared/api';
import { addFormatToCanvas } from '../boardCanvas';
import { getFormat } from '../../formats';
import type { Room } from '../sync/room';
import type { TokenSigner } from '../auth/tokens';
import type { DocumentStore } from '../persistence/store';
import { createBoard, issueLinks } from '../boards';
import type { BoardAccess } from '../auth/boardAccess';
import { requireHost } from '../auth/hostAuth';
import { errorFields, type Logger } from '../log';
import { creationGate } from './creationGate';
import type { JoinCodes } from '../auth/joinCodes';
import { joinInfo } from './joinRoutes';

export interface ApiDeps {
  /** What /healthz checks: each name with a check that throws when it is down. */
  health: Record<string, () => Promise<void>>;
  signer: TokenSigner;
  access: BoardAccess;
  /** Closes live connections whose links were replaced. */
  closeReplacedLinks: (boardId: string, generation: number) => void;
  linkTtlMs: number;
  /** The boards' short join codes: one is made with each board and replaced with its links. */
  joinCodes: JoinCodes;
  createDemo: (publicUrl: string) => Promise<CreateBoardResponse>;
  /** The board's live canvas room, loaded; release it when done. */
  openCanvas: (boardId: string) => Promise<{ room: Room; release(): void }>;
  store: DocumentStore;
  log: Logger;
  publicUrl?: string;
  organiserSecret?: string;
  boardCreationsPerHour: number;
  metrics: () => Record<string, number>;
}

const MAX_BODY = '16kb';

export function apiRouter(deps: ApiDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: MAX_BODY, type: () => true });
  /** Who may create boards: the organiser (when the server has a secret), a few times an hour per address. */
  const mayCreateBoards = creationGate(deps.organiserSecret, deps.boardCreationsPerHour, 'boards');

  router.post('/api/boards', mayCreateBoards, json, async (req: Request, res: Response) => {
    const parsed = CreateBoardRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid board request', details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      return;
    }
    const publicUrl = deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    try {
      const board = await createBoard(parsed.data, publicUrl, deps.signer, deps.store, deps.linkTtlMs);
      const join = await joinInfo(deps.joinCodes, board.id, publicUrl);
      deps.log.info('board.created', { board: board.id, format: parsed.data.formatId ?? null });
      res.status(201).json({ ...board, join });
    } catch (err) {
      deps.log.error('board.create_failed', errorFields(err));
      res.status(500).json({ error: 'the board could not be stored' });
    }
  });

  // A board filled with a realistic session, for a first look (the home page's demo button, npm run demo).
  router.post('/api/demo', mayCreateBoards, async (req: Request, res: Response) => {
    try {
      const board = await deps.createDemo(deps.publicUrl ?? `${req.protocol}://${req.get('host')}`);
      deps.log.info('board.created', { board: board.id, format: 'demo' });
      res.status(201).json(board);
    } catch (err) {
      deps.log.error('board.create_failed', errorFields(err));
      res.status(500).json({ error: 'the demo board could not be made' });
    }
  });

  // The board's current links, for a host (e.g. to show the participant link as a QR code).
  router.get('/api/boards/:id/links', requireHost(deps.signer, deps.access), async (req: Request, res: Response) => {
    const id = res.locals.boardId as string;
    const publicUrl = deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ id, ...issueLinks(id, await deps.access.generation(id), publicUrl, deps.signer, deps.linkTtlMs), join: await joinInfo(deps.joinCodes, id, publicUrl) });
  });

  // A host replaces the board's links: every older link, and everyone connected by one, is refused.
  router.post('/api/boards/:id/links', requireHost(deps.signer, deps.access), async (req: Request, res: Response) => {
    const id = res.locals.boardId as string;
    try {
      const generation = await deps.access.rotate(id);
      const publicUrl = deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
      const links = issueLinks(id, generation, publicUrl, deps.signer, deps.linkTtlMs);
      // The short code is a way in too: it is replaced with the links (the store tells every instance).
      const code = await deps.joinCodes.assign(id);
      deps.closeReplacedLinks(id, generation);
      deps.log.info('board.links_rotated', { board: id, generation });
      res.setHeader('Cache-Control', 'no-store');
      res.json({ id, ...links, join: { code, link: joinLink(publicUrl, code) } });
    } catch (err) {
      deps.log.error('board.rotate_failed', errorFields(err));
      res.status(500).json({ error: 'the links could not be replaced' });
    }
  });

  // A host adds a format's steps to an existing board, to the right of what is there.
  router.post('/api/boards/:id/format', requireHost(deps.signer, deps.access), json, async (req: Request, res: Response) => {
    const id = res.locals.boardId as string;
    const parsed = AddFormatRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid format request', details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      return;
    }
    const { room, release } = await deps.openCanvas(id);
    try {
      const result = addFormatToCanvas(room.records, getFormat(parsed.data.formatId), parsed.data.locale ?? 'pl');
      if ('conflict' in result) {
        res.status(409).json({ error: 'this format is already on the board' });
        return;
      }
      res.status(201).json({ formatId: parsed.data.formatId, shapes: result.added });
    } finally {
      release();
    }
  });

  // Clients measure their offset to the server's clock here, for timers that agree everywhere.
  router.get('/api/time', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ now: Date.now() });
  });

  router.get('/healthz', async (_req, res) => {
    const body: Record<string, string> = { status: 'ok' };
    for (const [name, check] of Object.entries(deps.health)) {
      try {
        await check();
        body[name] = 'ok';
      } catch (err) {
        deps.log.error('health.check_failed', { check: name, ...errorFields(err) });
        body[name] = 'unavailable';
        body.status = 'error';
      }
    }
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  });

  router.get('/metrics', (_req, res) => {
    const lines = Object.entries(deps.metrics()).map(([name, value]) => `${name} ${value}`);
    res.type('text/plain; version=0.0.4').send(lines.join('\n') + '\n');
  });

  return router;
}

/** Malformed JSON and oversized bodies get a JSON error, not express's HTML page. */
export function jsonErrors(err: unknown, _req: Request, res: Response, next: (err?: unknown) => void): void {
  const status = (err as { status?: number }).status;
  if (status === 400 || status === 413 || status === 415) {
    res.status(status).json({ error: status === 413 ? 'request body too large' : 'malformed JSON body' });
    return;
  }
  next(err);
}
