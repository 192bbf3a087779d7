/**
 * Outgoing traffic of one room, coalesced: every tick, the updates that arrived are joined into as
 * few Yjs updates as can be laid end to end (updateParts.ts; usually one) and the changed awareness
 * states into one message, each encoded once, the same bytes sent to every peer, all of a tick's
 * messages in one write to its socket. The same flush feeds the relay to other instances (what
 * came from the relay is not sent back to it), so a room has one tick for clients and Redis alike.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { writeUpdate } from 'y-protocols/sync';
import { MessageType } from '../../shared/protocol';
import { joinUpdates } from './updateParts';

/** Anything the room can send bytes to (a WebSocket connection). */
export interface Peer {
  /** Several messages go out together (one write to the socket where the peer can). */
  send(...messages: Uint8Array[]): void;
  /** False for connections that must not receive this room's presence (the public room). */
  readonly receivesAwareness: boolean;
}

/** Where this instance's own changes go to reach other instances (the Redis relay). */
export interface RelaySink {
  /** A merged Yjs update and/or an awareness update (y-protocols encoding), made here. */
  publish(update: Uint8Array | null, awareness: Uint8Array | null): void;
}

export class Broadcaster {
  #updates: Uint8Array[] = [];
  #awarenessClients = new Set<number>();
  #localAwarenessClients = new Set<number>();
  #timer: NodeJS.Timeout | undefined;
  sink: RelaySink | undefined;

  constructor(
    private readonly peers: ReadonlySet<Peer>,
    /** An awareness update (y-protocols encoding) of these clients' states as they are now. */
    private readonly encodePresence: (clients: number[]) => Uint8Array,
    private readonly tickMs: number,
  ) {}

  /** `relayed`: it came from another instance, so it goes to clients but not back to the relay. */
  queueUpdate(update: Uint8Array, relayed = false): void {
    this.#updates.push(update);
    if (!relayed) this.#localUpdates.push(update);
    this.#schedule();
  }

  #localUpdates: Uint8Array[] = [];

  queueAwareness(relayed: boolean, ...clientLists: number[][]): void {
    for (const list of clientLists) {
      for (const id of list) {
        this.#awarenessClients.add(id);
        if (!relayed) this.#localAwarenessClients.add(id);
      }
    }
    this.#schedule();
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => this.flush(), this.tickMs);
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    let relayUpdate: Uint8Array | null = null;
    let relayAwareness: Uint8Array | null = null;
    let updateMessages: Uint8Array[] = [];
    let awarenessMessage: Uint8Array | null = null;
    if (this.#updates.length > 0) {
      const joined = joinUpdates(this.#updates);
      if (this.sink && this.#localUpdates.length > 0) {
        const local = this.#localUpdates.length === this.#updates.length ? joined : joinUpdates(this.#localUpdates);
        relayUpdate = local.length === 1 ? local[0]! : Y.mergeUpdates(local);
      }
      updateMessages = joined.map(encodeSyncUpdate);
      this.#updates = [];
      this.#localUpdates = [];
    }
    if (this.#awarenessClients.size > 0) {
      const clients = [...this.#awarenessClients];
      const update = this.encodePresence(clients);
      if (this.#localAwarenessClients.size > 0) {
        relayAwareness = this.#localAwarenessClients.size === clients.length ? update : this.encodePresence([...this.#localAwarenessClients]);
      }
      this.#awarenessClients.clear();
      this.#localAwarenessClients.clear();
      awarenessMessage = encodeAwarenessMessage(update);
    }
    this.#sendAll(updateMessages, awarenessMessage);
    if (this.sink && (relayUpdate || relayAwareness)) this.sink.publish(relayUpdate, relayAwareness);
  }

  /** The tick's messages to every peer, in one write. */
  #sendAll(updates: Uint8Array[], awareness: Uint8Array | null): void {
    const withPresence = awareness ? [...updates, awareness] : updates;
    if (withPresence.length === 0) return;
    for (const peer of this.peers) {
      const messages = peer.receivesAwareness ? withPresence : updates;
      if (messages.length > 0) peer.send(...messages);
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#updates = [];
    this.#localUpdates = [];
    this.#awarenessClients.clear();
    this.#localAwarenessClients.clear();
  }
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
