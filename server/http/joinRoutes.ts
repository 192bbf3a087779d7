/**
 * The short join: `GET /j/CODE` sends a phone on to the board's participant link (never any other
 * role's), `GET /j` is a page to type a code on, and `GET /api/boards/{id}/join` gives the code
 * and its short URL to the people who may pass it on (hosts and participants, not observers).
 * Guessing is bounded: an address that misses too many codes in an hour is refused for a while.
 */
import express, { type Request, type Response, type Router } from 'express';
import { BOARD_ID_PATTERN } from '../../shared/roles';
import { joinLink, normalizeJoinCode, type JoinInfo } from '../../shared/joinCode';
import { issueLinks } from '../boards';
import type { BoardAccess } from '../auth/boardAccess';
import type { JoinCodes } from '../auth/joinCodes';
import { tokenOf } from '../auth/hostAuth';
import type { TokenSigner } from '../auth/tokens';
import { errorFields, type Logger } from '../log';
import { HourlyLimiter } from './hourlyLimiter';
import type { Room } from '../sync/room';
import { MeetingDetails, SESSION_MAP } from '../../shared/session';

export interface JoinDeps {
  signer: TokenSigner;
  access: BoardAccess;
  codes: JoinCodes;
  linkTtlMs: number;
  publicUrl?: string;
  joinMissesPerHour: number;
  /** The board's session room, loaded (for what the join screen says about the meeting). */
  openControl: (boardId: string) => Promise<{ room: Room; release(): void }>;
  log: Logger;
}

/** What the join screen says about the meeting before anyone joins. */
export interface MeetingInfo {
  title: string;
  /** The meeting's date as the hosts gave it, else the day the board was made (YYYY-MM-DD). */
  date: string;
  hosts: string[];
}

export function joinRouter(deps: JoinDeps): Router {
  const router = express.Router();
  const misses = new HourlyLimiter(deps.joinMissesPerHour);
  const baseUrl = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;

  router.get('/j', (req: Request, res: Response) => {
    const typed = typeof req.query.code === 'string' ? req.query.code : '';
    const code = typed && normalizeJoinCode(typed);
    if (code) {
      res.redirect(302, `/j/${code}`);
      return;
    }
    sendPage(res, typed ? 404 : 200, typed ? 'unknown' : 'form');
  });

  router.get('/j/:code', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const address = req.ip ?? 'unknown';
    const wait = misses.wait(address);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      answer(req, res, 429, 'limited', `too many unknown join codes from this address; try again in ${wait} s`);
      return;
    }
    const code = normalizeJoinCode(String(req.params.code));
    let boardId: string | null = null;
    try {
      boardId = code && (await deps.codes.boardOf(code));
    } catch (err) {
      deps.log.error('join.lookup_failed', errorFields(err));
      answer(req, res, 503, 'unavailable', 'the join code could not be checked; try again');
      return;
    }
    if (!boardId) {
      misses.take(address);
      answer(req, res, 404, 'unknown', 'no board has this join code (it may have been replaced)');
      return;
    }
    // Only the participant link, signed for the board's current links: never a host's token.
    const { links } = issueLinks(boardId, await deps.access.generation(boardId), baseUrl(req), deps.signer, deps.linkTtlMs);
    res.redirect(302, links.participant);
  });

  /** The board's id when the request carries a good token of its hosts or participants; else answered here. */
  const member = async (req: Request, res: Response): Promise<string | null> => {
    const id = String(req.params.id);
    const claims = BOARD_ID_PATTERN.test(id) ? deps.signer.verify(tokenOf(req)) : null;
    if (!claims) {
      res.status(401).json({ error: 'a board token is required (Authorization: Bearer …)' });
      return null;
    }
    const verdict = await deps.access.check(claims);
    if (!verdict.ok) {
      res.status(401).json({ error: verdict.reason });
      return null;
    }
    // Observers may not pass on a way in to the internal work.
    if (claims.boardId !== id || claims.role === 'observer') {
      res.status(403).json({ error: 'only this board’s hosts and participants may ask this' });
      return null;
    }
    res.setHeader('Cache-Control', 'no-store');
    return id;
  };

  router.get('/api/boards/:id/join', async (req: Request, res: Response) => {
    const id = await member(req, res);
    if (id) res.json(await joinInfo(deps.codes, id, baseUrl(req)));
  });

  router.get('/api/boards/:id/meeting', async (req: Request, res: Response) => {
    const id = await member(req, res);
    if (!id) return;
    const { room, release } = await deps.openControl(id);
    try {
      const session = room.doc.getMap(SESSION_MAP);
      const details = MeetingDetails.safeParse(session.get('meeting') ?? {});
      const meeting = details.success ? details.data : MeetingDetails.parse({});
      const title = String(session.get('title') ?? '') || meeting.meetingTitle;
      const createdAt = String(session.get('createdAt') ?? '');
      res.json({ title, date: meeting.date || createdAt.slice(0, 10), hosts: meeting.hosts.filter(Boolean) } satisfies MeetingInfo);
    } finally {
      release();
    }
  });

  return router;
}

export async function joinInfo(codes: JoinCodes, boardId: string, publicUrl: string): Promise<JoinInfo> {
  const code = await codes.codeOf(boardId);
  return { code, link: joinLink(publicUrl, code) };
}

type PageKind = 'form' | 'unknown' | 'limited' | 'unavailable';

const PAGE_TEXT: Record<PageKind, { pl: string; en: string }> = {
  form: { pl: 'Wpisz kod spotkania z ekranu w sali.', en: 'Type the meeting code shown on the screen in the room.' },
  unknown: { pl: 'Nie ma spotkania z takim kodem. Sprawdź kod na ekranie — prowadzący mogli go zmienić.', en: 'No meeting has this code. Check the code on the screen — the hosts may have changed it.' },
  limited: { pl: 'Za dużo błędnych kodów z tego urządzenia. Spróbuj za jakiś czas albo zeskanuj kod QR.', en: 'Too many wrong codes from this device. Try again later or scan the QR code.' },
  unavailable: { pl: 'Nie udało się sprawdzić kodu. Spróbuj za chwilę.', en: 'The code could not be checked. Try again in a moment.' },
};

/** Browsers get a small page (Polish, then English) with the form to type the code again; API callers JSON. */
function answer(req: Request, res: Response, status: number, kind: PageKind, error: string): void {
  if (req.accepts(['html', 'json']) === 'json') res.status(status).json({ error });
  else sendPage(res, status, kind);
}

function sendPage(res: Response, status: number, kind: PageKind): void {
  const text = PAGE_TEXT[kind];
  res
    .status(status)
    .type('html')
    .send(`<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tablica — kod spotkania</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}input,button{font:inherit;font-size:1.4rem;padding:.5rem;border-radius:8px;border:1px solid #6b6f7a}input{width:9ch;text-transform:uppercase;letter-spacing:.15em}button{background:#1d4ed8;color:#fff;border-color:#1d4ed8}p[lang=en]{color:#4a4a55}</style></head>
<body><main><h1>Tablica</h1>
<p role="${kind === 'form' ? 'status' : 'alert'}">${text.pl}</p><p lang="en">${text.en}</p>
<form action="/j" method="get"><label>Kod / Code <input name="code" autocomplete="off" autocapitalize="characters" maxlength="12" required></label> <button type="submit">Dołącz / Join</button></form>
</main></body></html>`);
}
