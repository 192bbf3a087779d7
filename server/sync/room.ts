/**
 * One live Yjs document with its awareness and connections. Loads its stored state before the
 * first answer, coalesces outgoing traffic per tick, stores itself debounced and when left empty.
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import type { CanvasRecord } from '../../shared/projection';
import type { RoomKind } from '../../shared/roles';
import type { DocumentStore } from '../persistence/store';
import { errorFields, type Logger } from '../log';
import { Broadcaster, type Peer } from './broadcaster';
import type { RequestHandler } from './sessionRequests';

export interface RoomOptions {
  storeDebounceMs: number;
  storeMaxWaitMs: number;
  broadcastTickMs: number;
}

/** Transaction origin of changes that come from storage, not from a client. */
export const LOAD_ORIGIN = Symbol('load');

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  readonly peers = new Set<Peer>();
  /** Which peer speaks for each awareness client id: a peer may set only its own clients' states. */
  readonly awarenessOwners = new Map<number, Peer>();
  /** Resolves once the stored state is in the document; nothing is answered before. */
  readonly ready: Promise<void>;
  readonly broadcaster: Broadcaster;
  /** Answers our own requests (MessageType.request); only the control room has one. */
  requests: RequestHandler | undefined;
  /** Connections opened on this room and not yet closed (including those waiting for the load). */
  holders = 0;
  #dirtySince = 0;
  #storeTimer: NodeJS.Timeout | undefined;
  #storing: Promise<void> = Promise.resolve();
  #destroyed = false;
  readonly #disposers: (() => void)[] = [];
  #records: YKeyValue<CanvasRecord> | undefined;

  constructor(
    readonly name: string,
    readonly kind: RoomKind,
    /** Null for a derived room (the public projection): rebuilt from its sources, never stored. */
    private readonly store: DocumentStore | null,
    private readonly options: RoomOptions,
    private readonly log: Logger,
    /** Runs once the stored state is in, before the room answers anyone (derived rooms fill here). */
    private readonly prepare?: (room: Room) => Promise<void>,
  ) {
    this.awareness.setLocalState(null);
    this.broadcaster = new Broadcaster(this.peers, this.awareness, options.broadcastTickMs);
    this.ready = this.#load();
  }

  /** Runs when the room is destroyed (e.g. a projection lets go of its sources). */
  onDestroy(dispose: () => void): void {
    this.#disposers.push(dispose);
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  get dirty(): boolean {
    return this.#dirtySince !== 0;
  }

  async #load(): Promise<void> {
    const state = this.store ? await this.store.load(this.name) : null;
    if (state) Y.applyUpdate(this.doc, state, LOAD_ORIGIN);
    this.doc.on('update', (update: Uint8Array) => {
      this.broadcaster.queueUpdate(update);
      this.#markDirty();
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
      this.broadcaster.queueAwareness(added, updated, removed);
    });
    await this.prepare?.(this);
  }

  /** The canvas records as a key-value view; one per room, shared by everything that reads them. */
  get records(): YKeyValue<CanvasRecord> {
    this.#records ??= new YKeyValue<CanvasRecord>(this.doc.getArray(CANVAS_RECORDS_ARRAY));
    return this.#records;
  }

  #markDirty(): void {
    if (!this.store) return;
    const now = Date.now();
    if (this.#dirtySince === 0) this.#dirtySince = now;
    clearTimeout(this.#storeTimer);
    const wait = Math.min(this.options.storeDebounceMs, this.#dirtySince + this.options.storeMaxWaitMs - now);
    this.#storeTimer = setTimeout(() => void this.persist(), Math.max(0, wait));
  }

  /** Writes the compacted state now if anything changed; serialised so writes never overlap. */
  persist(): Promise<void> {
    clearTimeout(this.#storeTimer);
    this.#storeTimer = undefined;
    this.#storing = this.#storing.then(async () => {
      if (this.#dirtySince === 0 || !this.store) return;
      this.#dirtySince = 0;
      const state = Y.encodeStateAsUpdate(this.doc);
      try {
        await this.store.store(this.name, state);
      } catch (err) {
        // Keep the room dirty so the next change, the last disconnect or shutdown tries again.
        if (this.#dirtySince === 0) this.#dirtySince = Date.now();
        this.log.error('room.store_failed', { room: this.name, bytes: state.byteLength, ...errorFields(err) });
        throw err;
      }
    });
    return this.#storing;
  }

  /** Stops timers and frees memory; the caller has persisted and closed every peer. */
  destroy(): void {
    this.#destroyed = true;
    for (const dispose of this.#disposers) dispose();
    clearTimeout(this.#storeTimer);
    this.broadcaster.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
