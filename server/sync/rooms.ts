/**
 * The rooms this process has in memory: loaded on first connection, stored and unloaded when left.
 * Each kind of room gets its pipeline of hooks here (docs/architecture.md, "The room pipeline"),
 * and a fault in any hook reloads that board's rooms alone.
 */
import { randomBytes } from 'node:crypto';
import { roomName, type RoomKind, type RoomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';
import type { WriteLimits } from '../../shared/writeRules';
import type { SummaryNote } from '../../shared/summary/summaryNote';
import type { DocumentStore } from '../persistence/store';
import { errorFields, type Logger } from '../log';
import { Room, type RoomOptions } from './room';
import type { RoomHooks } from './roomHooks';
import { PublicProjection } from './publicProjection';
import { canvasCheck } from './canvasCheck';
import { prepareCanvas } from './canvasLoad';
import { sessionCheck, sessionStamps } from './controlGuard';
import { SessionRequests } from './sessionRequests';
import { Bin } from './bin';
import { withStateFields } from './awarenessEntries';
import { PRESENCE_LINK_FIELD, PRESENCE_ROLE_FIELD } from '../../shared/presence';
import { MemoryLedger, type Ledger } from '../people/ledger';

/** The role shown beside a name, and which kind of link it came by, come from the token, not from the client. */
const stampRole: RoomHooks = {
  name: 'presence-role',
  presence: (entries, writer) =>
    entries.map((entry) => withStateFields(entry, { [PRESENCE_ROLE_FIELD]: writer.role, [PRESENCE_LINK_FIELD]: writer.personId ? 'personal' : 'shared' })),
};

/** Hooks that join every stored room (canvas and session), e.g. the cross-instance relay. */
export type RoomExtension = (room: Room) => RoomHooks;

export interface RoomRegistryOptions extends RoomOptions {
  roomUnloadGraceMs: number;
  writeLimits: WriteLimits;
  /** The board's summary note as it is now, kept when a meeting closes. */
  summary?: (boardId: string) => Promise<SummaryNote>;
  /** At a meeting's closing, with its session before it is cleared (the network's attendance archive). */
  meetingClosed?: (boardId: string, session: Record<string, unknown>, note: SummaryNote) => Promise<void>;
  /** Budgets and "answered once" (in memory, or in Redis across instances); in memory when not given. */
  ledger?: Ledger;
  /** This process's id in the per-instance tallies' session keys; a random one when not given. */
  instanceId?: string;
}

export class RoomRegistry {
  readonly #rooms = new Map<string, Room>();
  readonly #unloadTimers = new Map<Room, NodeJS.Timeout>();
  readonly #reloading = new Set<string>();
  #closing = false;
  readonly #ledger: Ledger;
  readonly #instanceId: string;
  /** Faults caught in rooms since start (for /metrics). */
  faults = 0;
  /** Told when a board's rooms are reloaded after a fault: its connections are to be closed. */
  onBoardReload: (boardId: string) => void = () => {};

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RoomRegistryOptions,
    private readonly log: Logger,
    private readonly extensions: readonly RoomExtension[] = [],
  ) {
    this.#ledger = options.ledger ?? new MemoryLedger();
    this.#instanceId = options.instanceId ?? randomBytes(9).toString('base64url');
  }

  get size(): number {
    return this.#rooms.size;
  }

  /** Opens a board's room for the server's own use, once loaded; the caller releases it. */
  async hold(boardId: string, kind: RoomKind): Promise<{ room: Room; release(): void }> {
    const room = this.open(roomName(boardId, kind), { boardId, kind });
    try {
      await room.ready;
    } catch (err) {
      this.release(room);
      throw err;
    }
    return { room, release: () => this.release(room) };
  }

  /** The room if this process has it in memory. */
  get(name: string): Room | undefined {
    return this.#rooms.get(name);
  }

  rooms(): IterableIterator<Room> {
    return this.#rooms.values();
  }

  /** The live room, created (and its load started) on first use; pair every open with a release. */
  open(name: string, parsed: RoomName): Room {
    let room = this.#rooms.get(name);
    if (!room) {
      const store = parsed.kind === 'public' ? null : this.store;
      room = new Room(name, parsed.kind, store, this.options, this.log, (r) => this.#hooksFor(r, parsed));
      room.onFault = (where, err) => this.#fault(room!, where, err);
      this.#rooms.set(name, room);
      const created = room;
      room.ready.catch((err) => {
        this.log.error('room.load_failed', { room: name, ...errorFields(err) });
        this.#drop(created);
      });
    }
    room.holders++;
    const timer = this.#unloadTimers.get(room);
    if (timer) {
      clearTimeout(timer);
      this.#unloadTimers.delete(room);
    }
    return room;
  }

  /** Each kind's pipeline, in order. Rooms this one reads are opened first and held while it lives. */
  async #hooksFor(room: Room, { boardId, kind }: RoomName): Promise<RoomHooks[]> {
    const extensions = () => this.extensions.map((extension) => extension(room));
    if (kind === 'canvas') {
      // The check reads the session (the board lock), so the canvas keeps its session room open.
      const control = this.#holdWhile(room, boardId, 'control');
      await control.ready;
      const session = control.doc.getMap(SESSION_MAP);
      return [
        { name: 'canvas-load', load: () => prepareCanvas(room, this.log) },
        ...extensions(),
        stampRole,
        // A closed meeting is locked for good: only hosts change what is left (its public frames).
        canvasCheck(room, { limits: this.options.writeLimits, locked: () => session.get('canvasLocked') === true || session.has('closedAt') }),
        new Bin(room),
      ];
    }
    if (kind === 'control') {
      const canvasName = roomName(boardId, 'canvas');
      room.requests = new SessionRequests(room, {
        loadedCanvas: () => this.#rooms.get(canvasName),
        openCanvas: () => this.hold(boardId, 'canvas'),
        summary: () => (this.options.summary ? this.options.summary(boardId) : Promise.reject(new Error('no summary builder'))),
        ledger: this.#ledger,
        instanceId: this.#instanceId,
        meetingClosed: (session, note) => this.options.meetingClosed?.(boardId, session, note) ?? Promise.resolve(),
      });
      return [...extensions(), stampRole, sessionCheck(room), sessionStamps(room)];
    }
    // The public room mirrors its board's canvas and session while it lives.
    const canvas = this.#holdWhile(room, boardId, 'canvas');
    const control = this.#holdWhile(room, boardId, 'control');
    await Promise.all([canvas.ready, control.ready]);
    let projection: PublicProjection | undefined;
    return [
      {
        name: 'public-projection',
        load: () => {
          projection = new PublicProjection(canvas, control, room);
        },
        destroy: () => projection?.dispose(),
      },
    ];
  }

  #holdWhile(holder: Room, boardId: string, kind: RoomKind): Room {
    const held = this.open(roomName(boardId, kind), { boardId, kind });
    holder.onDestroy(() => this.release(held));
    return held;
  }

  /** A hook failed: log it without content, count it, and reload this board's rooms. */
  #fault(room: Room, where: string, err: unknown): void {
    this.faults++;
    const boardId = room.boardId;
    this.log.error('room.fault', { board: boardId, room: room.kind, hook: where, error: err instanceof Error ? err.name : typeof err, stack: stackOf(err) });
    if (this.#reloading.has(boardId) || this.#closing) return;
    this.#reloading.add(boardId);
    setImmediate(() => {
      void this.#reload(boardId).finally(() => this.#reloading.delete(boardId));
    });
  }

  /** Stores what the board's rooms hold (it was checked), closes their connections and unloads them. */
  async #reload(boardId: string): Promise<void> {
    const rooms = [...this.#rooms.values()].filter((room) => room.boardId === boardId);
    for (const room of rooms) room.broadcaster.flush();
    this.onBoardReload(boardId);
    await Promise.allSettled(rooms.map((room) => room.persist()));
    for (const room of rooms) this.#drop(room);
    this.log.warn('room.reloaded', { board: boardId });
  }

  /** A connection left: when it was the last, store the room now and unload it after the grace period. */
  release(room: Room): void {
    room.holders--;
    if (this.#closing) return;
    if (room.holders > 0 || room.destroyed || this.#rooms.get(room.name) !== room) return;
    room.broadcaster.flush();
    room.persist().catch(() => {
      /* logged by the room; it stays dirty and is retried at unload */
    });
    clearTimeout(this.#unloadTimers.get(room));
    this.#unloadTimers.set(
      room,
      setTimeout(() => void this.#unloadIfEmpty(room), this.options.roomUnloadGraceMs),
    );
  }

  async #unloadIfEmpty(room: Room): Promise<void> {
    this.#unloadTimers.delete(room);
    if (room.holders > 0) return;
    try {
      await room.persist();
    } catch {
      // Keep it in memory rather than lose changes; the next leave or shutdown tries again.
      return;
    }
    if (room.holders > 0 || this.#unloadTimers.has(room)) return;
    this.#drop(room);
  }

  #drop(room: Room): void {
    if (this.#rooms.get(room.name) === room) this.#rooms.delete(room.name);
    clearTimeout(this.#unloadTimers.get(room));
    this.#unloadTimers.delete(room);
    room.destroy();
  }

  /** Stores every room; used at shutdown, after the peers are closed. */
  async persistAll(): Promise<void> {
    this.#closing = true;
    const results = await Promise.allSettled(
      [...this.#rooms.values()].map(async (room) => {
        room.broadcaster.flush();
        await room.ready;
        await room.persist();
      }),
    );
    for (const room of [...this.#rooms.values()]) this.#drop(room);
    const failed = results.filter((r) => r.status === 'rejected').length;
    if (failed > 0) throw new Error(`${failed} room(s) could not be stored`);
  }
}

/** A stack without its first line (the message may quote content), a few frames deep. */
function stackOf(err: unknown): string {
  if (!(err instanceof Error) || !err.stack) return '';
  return err.stack.split('\n').slice(1, 6).map((line) => line.trim()).join(' | ');
}
