/**
 * WebSocket sync at /sync/{room}?token=…: the token is checked at the HTTP upgrade, so a refused
 * client gets a 401/403 answer and not one Yjs byte; accepted sockets become Connections.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, CloseReason, SYNC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '../../shared/protocol';
import { canConnect, parseRoomName, type RoomName } from '../../shared/roles';
import type { TokenSigner, BoardClaims } from '../auth/tokens';
import type { BoardAccess } from '../auth/boardAccess';
import type { Logger } from '../log';
import { Connection, type ConnectionLimits } from './connection';
import type { RoomRegistry } from './rooms';

export const SYNC_PATH_PREFIX = '/sync/';
const HEARTBEAT_MS = 30_000;

interface Refusal {
  status: 400 | 401 | 403 | 404 | 429 | 503;
  message: string;
}

type Admission = { ok: true; room: RoomName; roomName: string; claims: BoardClaims } | ({ ok: false } & Refusal);

/** The token offered as a subprotocol by Tablica's own client, if any. */
function tokenFromProtocols(header: string | string[] | undefined): string | null {
  const offered = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((p) => p.trim());
  const entry = offered.find((p) => p.startsWith(TOKEN_SUBPROTOCOL_PREFIX));
  return entry ? entry.slice(TOKEN_SUBPROTOCOL_PREFIX.length) : null;
}

/** Decides, from the upgrade request alone, whether this socket may join the room it names. */
export function admit(url: string | undefined, signer: TokenSigner, protocols?: string | string[]): Admission {
  const parsedUrl = new URL(url ?? '/', 'http://localhost');
  if (!parsedUrl.pathname.startsWith(SYNC_PATH_PREFIX)) return { ok: false, status: 404, message: 'not a sync path' };
  let roomName: string;
  try {
    roomName = decodeURIComponent(parsedUrl.pathname.slice(SYNC_PATH_PREFIX.length));
  } catch {
    return { ok: false, status: 400, message: 'bad room name' };
  }
  const room = parseRoomName(roomName);
  if (!room) return { ok: false, status: 404, message: 'no such room' };
  const token = tokenFromProtocols(protocols) ?? parsedUrl.searchParams.get('token');
  if (!token) return { ok: false, status: 401, message: 'token required' };
  const claims = signer.verify(token);
  if (!claims) return { ok: false, status: 401, message: 'invalid token' };
  if (claims.boardId !== room.boardId) return { ok: false, status: 403, message: 'token is for another board' };
  if (!canConnect(claims.role, room.kind)) return { ok: false, status: 403, message: 'role may not join this room' };
  return { ok: true, room, roomName, claims };
}

const STATUS_TEXT: Record<Refusal['status'], string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

function refuse(socket: Duplex, refusal: Refusal): void {
  const body = refusal.message;
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status]}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export interface SyncServerOptions {
  maxMessageBytes: number;
  maxConnectionsPerBoard: number;
  limits: ConnectionLimits;
}

export class SyncServer {
  readonly #wss: WebSocketServer;
  readonly #connections = new Set<Connection>();
  readonly #perBoard = new Map<string, number>();
  readonly #alive = new WeakSet<WebSocket>();
  readonly #heartbeat: NodeJS.Timeout;

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly signer: TokenSigner,
    private readonly access: BoardAccess,
    private readonly options: SyncServerOptions,
    private readonly log: Logger,
  ) {
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: false,
      // Our client offers its token as a subprotocol; it is answered with ours, never echoed.
      handleProtocols: (offered) => (offered.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
    });
    // Drop sockets whose peer vanished without a close (laptop lid, lost Wi-Fi).
    this.#heartbeat = setInterval(() => {
      for (const ws of this.#wss.clients) {
        if (!this.#alive.has(ws)) {
          ws.terminate();
          continue;
        }
        this.#alive.delete(ws);
        ws.ping();
      }
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const admission = admit(req.url, this.signer, req.headers['sec-websocket-protocol']);
    if (!admission.ok) {
      this.log.info('sync.refused', { status: admission.status, reason: admission.message });
      refuse(socket, admission);
      return;
    }
    this.access.check(admission.claims).then(
      (verdict) => {
        if (socket.destroyed) return;
        if (!verdict.ok) {
          this.log.info('sync.refused', { status: 401, reason: verdict.reason });
          refuse(socket, { status: 401, message: verdict.reason });
          return;
        }
        this.#upgrade(req, socket, head, admission);
      },
      () => refuse(socket, { status: 503, message: 'board access could not be checked' }),
    );
  }

  /** Closes every connection of a board (its rooms are being reloaded; clients reconnect). */
  closeBoard(boardId: string): void {
    for (const connection of [...this.#connections]) {
      if (connection.boardId === boardId) connection.close(CloseCode.roomReloading, CloseReason.roomFault);
    }
  }

  /** Closes the board's connections made with links older than `generation`. */
  closeReplacedLinks(boardId: string, generation: number): void {
    for (const connection of [...this.#connections]) {
      if (connection.boardId === boardId && connection.linkGeneration < generation) {
        connection.close(CloseCode.linkReplaced, CloseReason.linkReplaced);
      }
    }
  }

  #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, admission: Extract<Admission, { ok: true }>): void {
    const boardId = admission.room.boardId;
    const count = this.#perBoard.get(boardId) ?? 0;
    if (count >= this.options.maxConnectionsPerBoard) {
      this.log.warn('sync.board_full', { board: boardId, connections: count });
      refuse(socket, { status: 429, message: 'this board has as many connections as it may' });
      return;
    }
    this.#perBoard.set(boardId, count + 1);
    let counted = true;
    const uncount = () => {
      if (!counted) return;
      counted = false;
      const left = (this.#perBoard.get(boardId) ?? 1) - 1;
      if (left > 0) this.#perBoard.set(boardId, left);
      else this.#perBoard.delete(boardId);
    };
    socket.once('close', uncount);
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once('close', uncount);
      this.#accept(ws, socket, admission.roomName, admission.room, admission.claims);
    });
  }

  #accept(ws: WebSocket, socket: Duplex, name: string, parsed: RoomName, claims: BoardClaims): void {
    this.#alive.add(ws);
    ws.on('pong', () => this.#alive.add(ws));
    const room = this.rooms.open(name, parsed);
    const connection = new Connection(ws, socket, room, claims, this.options.limits, (c) => {
      this.#connections.delete(c);
      this.rooms.release(c.room);
    });
    this.#connections.add(connection);
    room.ready.then(
      () => connection.start(),
      () => connection.close(CloseCode.internalError, CloseReason.roomLoadFailed),
    );
  }

  /** Closes every connection (clients will reconnect to a restarted or other instance). */
  close(): void {
    clearInterval(this.#heartbeat);
    for (const connection of [...this.#connections]) connection.close(CloseCode.goingAway, CloseReason.shutdown);
    this.#wss.close();
  }
}
