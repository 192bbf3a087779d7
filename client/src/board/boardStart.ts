/**
 * A board's slow parts started together. The canvas needs tldraw — most of the script — and the
 * board's documents from the server. When the connection was opened by the canvas, it waited for
 * that script to arrive and run; the server's first sync, and decoding it, came after; and tldraw
 * asked for its fonts only once the editor existed, then waited for them before its first render.
 * The board page is small and loads first, so as soon as it knows it will show the canvas it
 * starts all three at once: the canvas's script, the connection (the first sync is decoded while
 * the script is still on its way) and the fonts a board's shapes use. The canvas's session takes
 * the waiting connection over (`takeConnection`); nothing else changes for the connection.
 */
import { BoardConnection, roomKindsFor, type CanvasKind } from '../sync/boardConnection';
import { onWriteRefused } from '../sync/writeRefusals';
import type { WriteRefusal } from '../../../shared/writeRules';
import { assetUrls } from './assetUrls';

/** The canvas's code: tldraw and everything that needs it. */
export const loadBoardCanvas = () => import('./BoardCanvas');

/** A connection opened ahead of the canvas, and the refusals its canvas socket brought meanwhile. */
interface Waiting {
  board: BoardConnection;
  refused: WriteRefusal[];
}

let waiting: Waiting | null = null;
let fontsAsked = false;

/**
 * Fonts tldraw waits for before it first renders a board: notes are written in its "draw" font,
 * a format's labels and headings in "sans", regular and bold (shared/formats/layout.ts). Asked
 * for as the page's own preloads, so tldraw's requests for the same files find them on their way.
 */
const BOARD_FONTS = [assetUrls.fonts.tldraw_draw, assetUrls.fonts.tldraw_sans, assetUrls.fonts.tldraw_sans_bold];

function preloadFonts(): void {
  if (fontsAsked) return;
  fontsAsked = true;
  for (const href of BOARD_FONTS) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'font';
    link.type = 'font/woff2';
    // Fonts are always fetched in CORS mode; a preload only serves a request made the same way.
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  }
}

/** The canvas is about to be shown: start its script, its fonts and its connection. Safe to call on every render. */
export function startBoard(boardId: string, token: string, kind: CanvasKind): void {
  void loadBoardCanvas();
  preloadFonts();
  if (waiting) return;
  const board = new BoardConnection(boardId, token, roomKindsFor(kind));
  const refused: WriteRefusal[] = [];
  // Edits this browser kept offline go to the server as soon as the socket opens; a refusal of
  // them may come before the canvas's session is there to hear it, so it is held for the session.
  if (kind === 'canvas') onWriteRefused(board.room('canvas').provider, (refusal) => refused.push(refusal));
  waiting = { board, refused };
}

/**
 * The connection `startBoard` opened and what it heard, if it is for this board and room kind;
 * else a new connection. The session that takes it replaces the refusal listener.
 */
export function takeConnection(boardId: string, token: string, kind: CanvasKind): Waiting {
  const early = waiting;
  waiting = null;
  const kinds = roomKindsFor(kind);
  if (early && early.board.boardId === boardId && early.board.token === token && early.board.rooms.size === kinds.length && kinds.every((k) => early.board.rooms.has(k))) return early;
  early?.board.destroy();
  return { board: new BoardConnection(boardId, token, kinds), refused: [] };
}
