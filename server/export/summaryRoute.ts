/** GET /api/boards/{id}/summary.md|.docx|.html — the summary note, for hosts only. */
import express, { type Request, type Response, type Router } from 'express';
import * as Y from 'yjs';
import { RecordMap } from '../../shared/recordMap';
import { parseRoomName, roomName } from '../../shared/roles';
import { requireHost } from '../auth/hostAuth';
import type { BoardAccess } from '../auth/boardAccess';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import { SESSION_MAP } from '../../shared/session';
import type { CanvasRecord } from '../../shared/projection';
import { buildSummaryNote, type StepTitle, type SummaryNote } from '../../shared/summary/summaryNote';
import { SUMMARY_LABELS } from '../../shared/summary/labels';
import { xmlSafe } from '../../shared/text/xmlSafe';
import { dayOf } from '../../shared/text/dates';
import { renderMarkdown } from '../../shared/summary/markdown';
import { renderHtml } from '../../shared/summary/html';
import type { Locale } from '../../shared/api';
import type { TokenSigner } from '../auth/tokens';
import type { DocumentStore } from '../persistence/store';
import type { RoomRegistry } from '../sync/rooms';
import { errorFields, type Logger } from '../log';
import { renderDocx } from './docx';
import { contentDisposition, exportBaseName } from './fileName';

/** The steps of a format in a language (titles, areas, topic areas), when the board was made from one. */
export type StepTitlesOf = (formatId: string, locale: Locale) => StepTitle[] | undefined;
/** A format's title in a language. */
export type FormatTitleOf = (formatId: string, locale: Locale) => string | undefined;

interface BoardReadDeps {
  store: DocumentStore;
  rooms: RoomRegistry;
  stepTitles?: StepTitlesOf;
  formatTitle?: FormatTitleOf;
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
  // The board's language, whoever asks; `?lang=` may still ask for the other.
  const locale: Locale = localeOverride ?? (session.locale === 'en' ? 'en' : 'pl');
  const formatId = typeof session.formatId === 'string' ? session.formatId : undefined;
  const formatTitle = formatId ? deps.formatTitle?.(formatId, locale) : undefined;
  const kept = session.closedSummary as (Partial<SummaryNote> & Pick<SummaryNote, 'title' | 'meeting'>) | undefined;
  if (kept) return keptNote(kept, locale, formatTitle);
  const canvas = await readBoardDocument(deps, roomName(boardId, 'canvas'));
  const records = [...new RecordMap<CanvasRecord>(canvas.getArray(CANVAS_RECORDS_ARRAY)).map.values()].map((e) => e.val);
  const steps = formatId ? deps.stepTitles?.(formatId, locale) : undefined;
  return buildSummaryNote({ session, records, locale, steps, formatTitle });
}

/** A note kept at closing, read in `locale`; notes kept before areas and hosts were in it still read. */
function keptNote(kept: Partial<SummaryNote> & Pick<SummaryNote, 'title' | 'meeting'>, locale: Locale, formatTitle: string | undefined): SummaryNote {
  type OldStep = SummaryNote['steps'][number] & { conclusions?: SummaryNote['steps'][number]['sections'][number]['conclusions'] };
  return xmlSafe({
    locale,
    title: kept.title,
    formatTitle: formatTitle ?? kept.formatTitle ?? null,
    topics: kept.topics ?? [],
    meeting: kept.meeting,
    hosts: kept.hosts ?? kept.meeting.hosts ?? [],
    attendance: (kept.attendance ?? []).filter((a) => a.city.trim() !== ''),
    withoutCity: kept.withoutCity ?? (kept.attendance ?? []).filter((a) => a.city.trim() === '').flatMap((a) => a.people),
    steps: ((kept.steps ?? []) as OldStep[]).map(({ conclusions, ...step }) => ({ ...step, sections: step.sections ?? [{ title: null, conclusions: conclusions ?? [] }] })),
    polls: kept.polls ?? [],
    actions: kept.actions ?? [],
    ...(kept.review ? { review: kept.review } : {}),
    ...(kept.workplan ? { workplan: kept.workplan } : {}),
  });
}

/** The meeting's day for a file name: the date the hosts gave, else the day the steps began or the board was made. */
export function meetingDay(session: Record<string, unknown>, date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return date.trim();
  const run = Array.isArray(session.stepsRun) ? (session.stepsRun[0] as { at?: unknown } | undefined)?.at : undefined;
  return dayOf(typeof run === 'string' ? run : typeof session.createdAt === 'string' ? session.createdAt : new Date().toISOString());
}

/** Sends `body` as a download named after the meeting's day, the kind of file and its title. */
export function sendDownload(res: Response, name: { day: string; kind: string; title: string; ext: string }, type: string, body: string | Buffer): void {
  res.type(type).setHeader('Content-Disposition', contentDisposition(`${exportBaseName(name.day, name.kind, name.title)}.${name.ext}`));
  res.send(body);
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
      const session = (await readBoardDocument(deps, roomName(id, 'control'))).getMap(SESSION_MAP).toJSON() as Record<string, unknown>;
      const name = { day: meetingDay(session, note.meeting.date), kind: SUMMARY_LABELS[note.locale].fileName, title: note.meeting.meetingTitle || note.title };
      res.setHeader('Cache-Control', 'no-store');
      if (ext === 'md') sendDownload(res, { ...name, ext }, 'text/markdown; charset=utf-8', renderMarkdown(note));
      else if (ext === 'html') res.type('text/html; charset=utf-8').send(renderHtml(note));
      else sendDownload(res, { ...name, ext }, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await renderDocx(note));
    } catch (err) {
      deps.log.error('summary.failed', { board: id, ...errorFields(err) });
      res.status(500).json({ error: 'the summary note could not be made' });
    }
  });
  return router;
}
