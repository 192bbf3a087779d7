/**
 * A board's live documents, free of React: one Y.Doc and one stock y-websocket provider per room
 * (the canvas and the session), the connection state, and the person's identity for requests.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { roomName, type RoomKind } from '../../../shared/roles';
import { SYNC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '../../../shared/protocol';

export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'refused';

/** Which canvas a person sees: 'canvas' for hosts and participants, 'public' for observers. */
export type CanvasKind = 'canvas' | 'public';

/** The rooms a canvas needs: hosts and participants also join the session's control room. */
export function roomKindsFor(kind: CanvasKind): RoomKind[] {
  return kind === 'canvas' ? ['canvas', 'control'] : ['public'];
}

export interface RoomConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The canvas is also kept in this browser, so edits made offline survive until they are sent. */
  local?: IndexeddbPersistence;
}

export class BoardConnection {
  readonly rooms = new Map<RoomKind, RoomConnection>();
  #state: ConnectionState = 'connecting';
  readonly #listeners = new Set<(state: ConnectionState) => void>();
  #failures = 0;
  readonly #replaced = new Set<(kind: RoomKind) => void>();
  #destroyed = false;

  constructor(
    readonly boardId: string,
    readonly token: string,
    kinds: RoomKind[],
  ) {
    for (const kind of kinds) this.rooms.set(kind, this.#open(kind));
    window.addEventListener('online', this.#online);
    window.addEventListener('offline', this.#offline);
  }

  #open(kind: RoomKind): RoomConnection {
    const serverUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(serverUrl, roomName(this.boardId, kind), doc, {
      // The token goes as a subprotocol, not in the URL, so no proxy log holds it.
      protocols: [SYNC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + this.token],
      // Each tab talks to the server itself; a read-only view must not take writes from a tab.
      disableBc: true,
      maxBackoffTime: 5000,
    });
    // A provider that was replaced says nothing about the connection any more.
    const current = () => this.rooms.get(kind)?.provider === provider;
    provider.on('status', () => current() && this.#update());
    provider.on('connection-close', () => {
      if (!current()) return;
      this.#failures = provider.wsconnected ? 0 : this.#failures + 1;
      this.#update();
    });
    provider.on('connection-error', () => {
      if (!current()) return;
      this.#failures++;
      this.#update();
    });
    const local = kind === 'canvas' ? new IndexeddbPersistence(`tablica:${roomName(this.boardId, kind)}`, doc) : undefined;
    return { doc, provider, local };
  }

  /**
   * Throws this browser's copy of a room away — its socket, its document and what it stored in
   * the browser — and opens the room afresh; resolves with the new room (not yet synced).
   */
  async replaceRoom(kind: RoomKind): Promise<RoomConnection> {
    const old = this.room(kind);
    old.provider.destroy();
    // Deleted before the new copy opens its store, so nothing refused is read back from it.
    await old.local?.clearData();
    old.doc.destroy();
    if (this.#destroyed) throw new Error('the board connection was closed');
    const fresh = this.#open(kind);
    if (!navigator.onLine) fresh.provider.disconnect();
    this.rooms.set(kind, fresh);
    this.#update();
    for (const listener of this.#replaced) listener(kind);
    return fresh;
  }

  /** Called with the kind of room whose copy was just replaced (read `room(kind)` for the new one). */
  onRoomReplaced(listener: (kind: RoomKind) => void): () => void {
    this.#replaced.add(listener);
    return () => this.#replaced.delete(listener);
  }

  /** The device says its network is gone: stop retrying (edits stay in the documents) until it is back. */
  readonly #offline = () => {
    for (const { provider } of this.rooms.values()) provider.disconnect();
    this.#update();
  };

  readonly #online = () => {
    this.#failures = 0;
    for (const { provider } of this.rooms.values()) provider.connect();
    this.#update();
  };

  room(kind: RoomKind): RoomConnection {
    const room = this.rooms.get(kind);
    if (!room) throw new Error(`no ${kind} room on this connection`);
    return room;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves once every room has had its first sync with the server. */
  synced(): Promise<void> {
    return Promise.all([...this.rooms.values()].map(({ provider }) => providerSynced(provider))).then(() => undefined);
  }

  readonly #update = () => {
    const providers = [...this.rooms.values()].map((r) => r.provider);
    let next: ConnectionState;
    if (!navigator.onLine) next = 'offline';
    else if (providers.every((p) => p.wsconnected)) next = 'connected';
    // A refused token never opens: after a few failed tries without one success, say so.
    else if (this.#failures >= 3 && providers.some((p) => !p.wsconnected && !p.synced)) next = 'refused';
    else next = 'connecting';
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  };

  destroy(): void {
    this.#destroyed = true;
    window.removeEventListener('online', this.#online);
    window.removeEventListener('offline', this.#offline);
    for (const { provider, doc, local } of this.rooms.values()) {
      void local?.destroy();
      provider.destroy();
      doc.destroy();
    }
    this.rooms.clear();
    this.#listeners.clear();
    this.#replaced.clear();
  }
}

/** Resolves once the provider has had its first sync with the server. */
export function providerSynced(provider: WebsocketProvider): Promise<void> {
  return new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
}
