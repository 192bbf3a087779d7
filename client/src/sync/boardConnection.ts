/**
 * A board's live documents, free of React: one Y.Doc and one stock y-websocket provider per room
 * (the canvas and the session), the connection state, and the person's identity for requests.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { roomName, type RoomKind } from '../../../shared/roles';

export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'refused';

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

  constructor(
    readonly boardId: string,
    readonly token: string,
    kinds: RoomKind[],
  ) {
    const serverUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
    for (const kind of kinds) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(serverUrl, roomName(boardId, kind), doc, {
        params: { token },
        // Each tab talks to the server itself; a read-only view must not take writes from a tab.
        disableBc: true,
        maxBackoffTime: 5000,
      });
      provider.on('status', () => this.#update());
      provider.on('connection-close', () => {
        this.#failures = provider.wsconnected ? 0 : this.#failures + 1;
        this.#update();
      });
      provider.on('connection-error', () => {
        this.#failures++;
        this.#update();
      });
      const local = kind === 'canvas' ? new IndexeddbPersistence(`tablica:${roomName(boardId, kind)}`, doc) : undefined;
      this.rooms.set(kind, { doc, provider, local });
    }
    window.addEventListener('online', this.#online);
    window.addEventListener('offline', this.#offline);
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
    return Promise.all(
      [...this.rooms.values()].map(
        ({ provider }) =>
          new Promise<void>((resolve) => {
            if (provider.synced) resolve();
            else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
          }),
      ),
    ).then(() => undefined);
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
    window.removeEventListener('online', this.#online);
    window.removeEventListener('offline', this.#offline);
    for (const { provider, doc, local } of this.rooms.values()) {
      void local?.destroy();
      provider.destroy();
      doc.destroy();
    }
    this.rooms.clear();
    this.#listeners.clear();
  }
}
