/** GET /api/boards/{id}/summary.md|.docx|.html — the summary note, for hosts only. */
import express, { type Request, type Response, type Router } from 'express';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { parseRoomName, roomName } from '../../shared/roles';
import { requireHost } from '../auth/hostAuth';
import type { BoardAccess } from '../auth/boardAccess';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import { SESSION_MAP } from '../../shared/session';
import type { CanvasRecord } from '../../shared/projection';
import { buildSummaryNote, type StepTitle, type SummaryNote } from '../../shared/summary/summaryNote';
import { renderMarkdown } from '../../shared/summary/markdown';
import { renderHtml } from '../../shared/summary/html';
import type { Locale } from '../../shared/api';
import type { TokenSigner } from '../auth/tokens';
import type { DocumentStore } from '../persistence/store';
import type { RoomRegistry } from '../sync/rooms';
import { errorFields, type Logger } from '../log';
import { renderDocx } from './docx';

/** The step titles of a format in a language, when the board was made from one. */
export type StepTitlesOf = (formatId: string, locale: Locale) => StepTitle[] | undefined;

interface BoardReadDeps {
  store: DocumentStore;
  rooms: RoomRegistry;
  stepTitles?: StepTitlesOf;
}

export interface SummaryDeps extends BoardReadDeps {
  signer: TokenSigner;
  access: BoardAccess;
  log: Logger;
}

/**
 * The board's document as it is now: the live room when loaded, else a copy of the room loaded for
 * the purpose — through the room, so a stored board is migrated and repaired before it is read.
 */
export async function readBoardDocument(deps: BoardReadDeps, name: string): Promise<Y.Doc> {
  const live = deps.rooms.get(name);
  if (live && !live.destroyed) {
    await live.ready;
    return live.doc;
  }
  const parsed = parseRoomName(name);
  if (!parsed) throw new Error('not a room name');
  const { room, release } = await deps.rooms.hold(parsed.boardId, parsed.kind);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
    return doc;
  } finally {
    release();
  }
}

/**
 * The board's summary note now; after the meeting was closed, the note kept at closing (the
 * board then holds only its public frames).
 */
export async function summaryOf(deps: BoardReadDeps, boardId: string, localeOverride?: Locale): Promise<SummaryNote> {
  const control = await readBoardDocument(deps, roomName(boardId, 'control'));
  const session = control.getMap(SESSION_MAP).toJSON() as Record<string, unknown>;
  const locale: Locale = localeOverride ?? (session.locale === 'en' ? 'en' : 'pl');
  const kept = session.closedSummary as SummaryNote | undefined;
  if (kept) return { ...kept, locale };
  const canvas = await readBoardDocument(deps, roomName(boardId, 'canvas'));
  const records = [...new YKeyValue<CanvasRecord>(canvas.getArray(CANVAS_RECORDS_ARRAY)).map.values()].map((e) => e.val);
  const steps = typeof session.formatId === 'string' ? deps.stepTitles?.(session.formatId, locale) : undefined;
  return buildSummaryNote({ session, records, locale, steps });
}

export function summaryRouter(deps: SummaryDeps): Router {
  const router = express.Router();
  router.get('/api/boards/:id/summary.:ext', requireHost(deps.signer, deps.access), async (req: Request, res: Response) => {
    const id = res.locals.boardId as string;
    const ext = String(req.params.ext);
    if (!['md', 'docx', 'html'].includes(ext)) {
      res.status(404).json({ error: 'no such summary' });
      return;
    }
    const lang = req.query.lang === 'en' || req.query.lang === 'pl' ? req.query.lang : undefined;
    try {
      const note = await summaryOf(deps, id, lang);
      const base = `notatka-${id.slice(0, 8)}`;
      res.setHeader('Cache-Control', 'no-store');
      if (ext === 'md') {
        res.type('text/markdown; charset=utf-8').attachment(`${base}.md`).send(renderMarkdown(note));
      } else if (ext === 'html') {
        res.type('text/html; charset=utf-8').send(renderHtml(note));
      } else {
        res
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .attachment(`${base}.docx`)
          .send(await renderDocx(note));
      }
    } catch (err) {
      deps.log.error('summary.failed', { board: id, ...errorFields(err) });
      res.status(500).json({ error: 'the summary note could not be made' });
    }
  });
  return router;
}
