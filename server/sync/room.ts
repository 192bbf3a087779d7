/**
 * One live Yjs document with its awareness and connections, run as one ordered pipeline of hooks
 * (roomHooks.ts): load → check before apply → apply → changed → broadcast and store. A fault in a
 * hook is caught here and reported to the registry, which reloads this room alone.
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { RecordMap } from '../../shared/recordMap';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import type { CanvasRecord } from '../../shared/projection';
import type { RoomKind } from '../../shared/roles';
import type { DocumentStore } from '../persistence/store';
import { errorFields, type Logger } from '../log';
import { Broadcaster, type Peer } from './broadcaster';
import type { RequestHandler } from './sessionRequests';
import { Origin, type Writer } from './origin';
import type { AwarenessEntry } from './awarenessEntries';
import { PresenceStates } from './presenceStates';
import { ACCEPTED, type RoomHooks, type WriteVerdict } from './roomHooks';
import { WriteRule } from '../../shared/writeRules';
import { CloseCode, CloseReason } from '../../shared/protocol';

export interface RoomOptions {
  storeDebounceMs: number;
  storeMaxWaitMs: number;
  broadcastTickMs: number;
}

export type RecordChanges = Map<string, { action: 'add' | 'update' | 'delete'; oldValue?: CanvasRecord; newValue?: CanvasRecord }>;

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  /** The states' bytes as they came, so presence is parsed once and never stringified again. */
  readonly presence = new PresenceStates(this.awareness);
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
  /** Called with a hook's fault; the registry reloads the room. */
  onFault: (where: string, err: unknown) => void = () => {};
  #writers = 0;
  #dirtySince = 0;
  #storeTimer: NodeJS.Timeout | undefined;
  #storing: Promise<void> = Promise.resolve();
  #destroyed = false;
  readonly #hooks: RoomHooks[] = [];
  readonly #disposers: (() => void)[] = [];
  #records: RecordMap<CanvasRecord> | undefined;

  constructor(
    readonly name: string,
    readonly kind: RoomKind,
    /** Null for a derived room (the public projection): rebuilt from its sources, never stored. */
    private readonly store: DocumentStore | null,
    private readonly options: RoomOptions,
    private readonly log: Logger,
    /** Gives the room its hooks once the stored state is in (they may open other rooms first). */
    private readonly prepare: (room: Room) => Promise<RoomHooks[]>,
  ) {
    this.awareness.setLocalState(null);
    this.broadcaster = new Broadcaster(this.peers, (clients) => this.presence.encode(clients), options.broadcastTickMs);
    this.ready = this.#load();
  }

  get boardId(): string {
    const slash = this.name.indexOf('/');
    return slash === -1 ? this.name : this.name.slice(0, slash);
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
    if (state) Y.applyUpdate(this.doc, state, Origin.load);
    // From here on every change is broadcast and stored, including the hooks' own repairs.
    this.onUpdate((update, origin) => {
      this.broadcaster.queueUpdate(update, origin === Origin.relay);
      this.#markDirty();
      for (const hook of this.#hooks) if (hook.changed) this.safely(hook.name, () => hook.changed!(update, origin));
    });
    this.doc.on('afterTransaction', this.#afterTransaction);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      this.broadcaster.queueAwareness(origin === Origin.relay, added, updated, removed);
    });
    for (const hook of await this.prepare(this)) {
      await hook.load?.(this);
      this.#hooks.push(hook);
    }
  }

  /** A hook by name (the registry reaches the bin and the requests through here). */
  hook<T extends RoomHooks>(name: string): T | undefined {
    return this.#hooks.find((hook) => hook.name === name) as T | undefined;
  }

  /**
   * A client's update: every hook's check decides first, on a copy; only an update that all of
   * them accept is applied, so the document never holds what was not checked.
   */
  receiveUpdate(update: Uint8Array, writer: Writer): WriteVerdict {
    let integrate: ((doc: Y.Doc, origin: unknown) => void) | undefined;
    for (const hook of this.#hooks) {
      if (!hook.check) continue;
      let verdict: WriteVerdict;
      try {
        verdict = hook.check(update, writer);
      } catch (err) {
        this.log.warn('room.check_failed', { board: this.boardId, hook: hook.name, ...errorFields(err) });
        verdict = { ok: false, rule: WriteRule.structure, reason: 'the update could not be checked', close: { code: CloseCode.malformedMessage, reason: CloseReason.invalidUpdate } };
      }
      if (!verdict.ok) return verdict;
      integrate ??= verdict.integrate;
    }
    let apply = () => this.applyIncoming(update, writer, integrate);
    for (const hook of this.#hooks) {
      if (!hook.applying) continue;
      const inner = apply;
      apply = () => hook.applying!(writer, inner);
    }
    try {
      apply();
    } catch (err) {
      // Checked and applied: what failed is one of our hooks, not the client.
      this.fault('apply', err);
    }
    return ACCEPTED;
  }

  /**
   * Applies bytes that came from outside (a checked client update, the relay). The transaction that
   * takes them is passed on as those same bytes: Yjs need not encode it again. `integrate`: the
   * check's own way to apply them (structs it already decoded).
   */
  applyIncoming(update: Uint8Array, origin: unknown, integrate?: (doc: Y.Doc, origin: unknown) => void): void {
    const outer = this.#incoming;
    this.#incoming = { update, origin };
    try {
      if (integrate) integrate(this.doc, origin);
      else Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.#incoming = outer;
    }
  }

  /**
   * Every change of the document as a Yjs update, with its origin: what the hooks, the broadcaster
   * and the scratch copies follow instead of the document's own 'update' event. Returns the
   * unsubscribe.
   */
  onUpdate(listener: (update: Uint8Array, origin: unknown) => void): () => void {
    this.#updateListeners.add(listener);
    return () => this.#updateListeners.delete(listener);
  }

  #incoming: { update: Uint8Array; origin: unknown } | undefined;
  readonly #updateListeners = new Set<(update: Uint8Array, origin: unknown) => void>();

  /**
   * Yjs encodes each transaction as an update only while the document has an 'update' listener,
   * and decides that after 'afterTransaction'. A transaction that applied incoming bytes passes
   * them on as they are, so the listener is held only for the rest (the server's own writes).
   */
  readonly #afterTransaction = (transaction: Y.Transaction) => {
    const incoming = this.#incoming;
    if (incoming && transaction.origin === incoming.origin && !transaction.local) {
      this.doc.off('update', this.#encoded);
      if (changedAnything(transaction)) this.#emitUpdate(incoming.update, incoming.origin);
    } else {
      this.doc.on('update', this.#encoded);
    }
  };

  readonly #encoded = (update: Uint8Array, origin: unknown) => this.#emitUpdate(update, origin);

  #emitUpdate(update: Uint8Array, origin: unknown): void {
    for (const listener of this.#updateListeners) listener(update, origin);
  }

  /** A connection's own presence entries, through every presence hook in order. */
  filterPresence(entries: AwarenessEntry[], writer: Writer): AwarenessEntry[] {
    let result = entries;
    for (const hook of this.#hooks) if (hook.presence) result = hook.presence(result, writer);
    return result;
  }

  /** The canvas records as a key-value view; one per room, shared by everything that reads them. */
  get records(): RecordMap<CanvasRecord> {
    this.#records ??= new RecordMap<CanvasRecord>(this.doc.getArray(CANVAS_RECORDS_ARRAY));
    return this.#records;
  }

  /** Listens to record changes with the room's fault boundary; stops when the room is destroyed. */
  onRecords(name: string, listener: (changes: RecordChanges, transaction: Y.Transaction) => void): void {
    const wrapped = (changes: RecordChanges, transaction: Y.Transaction) => this.safely(name, () => listener(changes, transaction));
    this.records.on('change', wrapped);
    this.onDestroy(() => this.#records?.off('change', wrapped));
  }

  /** Runs a hook's work; a throw is this room's fault, never the process's. */
  safely(where: string, work: () => void): void {
    try {
      work();
    } catch (err) {
      this.fault(where, err);
    }
  }

  /** A timer whose work runs inside the room's fault boundary and stops with the room. */
  timer(where: string, ms: number, work: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => this.safely(where, work), ms);
    return timer;
  }

  fault(where: string, err: unknown): void {
    if (this.#destroyed) return;
    this.onFault(where, err);
  }

  /** A connection that may write joined; when the last one leaves the room is stored at once. */
  writerJoined(): void {
    this.#writers++;
  }

  writerLeft(): void {
    this.#writers--;
    if (this.#writers > 0 || this.#destroyed) return;
    this.broadcaster.flush();
    this.persist().catch(() => {
      /* logged by persist; the room stays dirty and is retried */
    });
  }

  #markDirty(): void {
    if (!this.store) return;
    const now = Date.now();
    if (this.#dirtySince === 0) this.#dirtySince = now;
    this.#changedAt = now;
    // One timer while changes keep coming (not one per update): when it fires, it waits on if the
    // board changed within the debounce and the longest wait is not up.
    this.#storeTimer ??= setTimeout(this.#storeDue, this.#storeWait(now));
  }

  #changedAt = 0;

  /** How long until the room is due to be stored: a quiet debounce, at most the longest wait. */
  #storeWait(now: number): number {
    return Math.max(0, Math.min(this.#changedAt + this.options.storeDebounceMs, this.#dirtySince + this.options.storeMaxWaitMs) - now);
  }

  readonly #storeDue = () => {
    this.#storeTimer = undefined;
    if (this.#dirtySince === 0 || this.#destroyed) return;
    const wait = this.#storeWait(Date.now());
    if (wait > 0) this.#storeTimer = setTimeout(this.#storeDue, wait);
    else void this.persist().catch(() => {});
  };

  /** Writes the compacted state now if anything changed; serialised so writes never overlap. */
  persist(): Promise<void> {
    clearTimeout(this.#storeTimer);
    this.#storeTimer = undefined;
    this.#storing = this.#storing.then(async () => {
      if (this.#dirtySince === 0 || !this.store || this.#destroyed) return;
      for (const hook of this.#hooks) if (hook.store) this.safely(hook.name, () => hook.store!());
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
    if (this.#destroyed) return;
    this.#destroyed = true;
    for (const hook of this.#hooks) {
      try {
        hook.destroy?.();
      } catch (err) {
        this.log.warn('room.hook_destroy_failed', { board: this.boardId, hook: hook.name, ...errorFields(err) });
      }
    }
    for (const dispose of this.#disposers) dispose();
    clearTimeout(this.#storeTimer);
    this.broadcaster.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Whether a transaction added or deleted anything (the test Yjs makes before it emits an update). */
function changedAnything(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
