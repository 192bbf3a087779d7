/** The rooms this process has in memory: loaded on first connection, stored and unloaded when left. */
import { roomName, type RoomKind, type RoomName } from '../../shared/roles';
import type { DocumentStore } from '../persistence/store';
import { errorFields, type Logger } from '../log';
import { Room, type RoomOptions } from './room';
import { PublicProjection } from './publicProjection';
import { installCanvasGuard } from './canvasGuard';
import { installControlGuard } from './controlGuard';
import { SessionRequests } from './sessionRequests';
import { SESSION_MAP } from '../../shared/session';
import { summaryOf, type StepTitlesOf } from '../export/summaryRoute';

/**
 * Something that joins every stored room (canvas and control) once its state is loaded and before
 * it answers anyone — e.g. the cross-instance relay. It cleans up through `room.onDestroy`.
 */
export type RoomExtension = (room: Room) => Promise<void>;

export interface RoomRegistryOptions extends RoomOptions {
  roomUnloadGraceMs: number;
  /** Step titles of the facilitation formats, for the summary note kept when a meeting closes. */
  stepTitles?: StepTitlesOf;
}

export class RoomRegistry {
  readonly #rooms = new Map<string, Room>();
  readonly #unloadTimers = new Map<Room, NodeJS.Timeout>();
  #closing = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RoomRegistryOptions,
    private readonly log: Logger,
    private readonly extensions: readonly RoomExtension[] = [],
  ) {}

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
      room =
        parsed.kind === 'public'
          ? new Room(name, 'public', null, this.options, this.log, (r) => this.#project(r, parsed.boardId))
          : new Room(name, parsed.kind, this.store, this.options, this.log, (r) => this.#prepareStored(r));
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

  async #prepareStored(room: Room): Promise<void> {
    for (const extension of this.extensions) await extension(room);
    if (room.kind === 'canvas') {
      // The guard reads the session (the board lock), so the canvas keeps its control room open.
      const control = this.open(roomName(room.name, 'control'), { boardId: room.name, kind: 'control' });
      room.onDestroy(() => this.release(control));
      await control.ready;
      installCanvasGuard(room, () => control.doc.getMap(SESSION_MAP));
    }
    if (room.kind === 'control') {
      installControlGuard(room);
      const boardId = room.name.slice(0, room.name.indexOf('/'));
      const canvasName = roomName(boardId, 'canvas');
      room.requests = new SessionRequests(room, {
        loadedCanvas: () => this.#rooms.get(canvasName),
        openCanvas: () => this.hold(boardId, 'canvas'),
        summary: () => summaryOf({ store: this.store, rooms: this, stepTitles: this.options.stepTitles }, boardId),
      });
    }
  }

  /** A public room holds its board's canvas and session rooms open while it lives, and mirrors them. */
  async #project(publicRoom: Room, boardId: string): Promise<void> {
    const canvas = this.open(roomName(boardId, 'canvas'), { boardId, kind: 'canvas' });
    const control = this.open(roomName(boardId, 'control'), { boardId, kind: 'control' });
    publicRoom.onDestroy(() => {
      this.release(canvas);
      this.release(control);
    });
    await Promise.all([canvas.ready, control.ready]);
    const projection = new PublicProjection(canvas, control, publicRoom);
    publicRoom.onDestroy(() => projection.dispose());
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
