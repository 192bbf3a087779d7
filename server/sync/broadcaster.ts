/**
 * Outgoing traffic of one room, coalesced: every tick, the updates that arrived are merged into
 * one Yjs update and the changed awareness states into one message, each encoded once and the
 * same bytes sent to every peer. This is what lets one core carry many busy rooms.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { writeUpdate } from 'y-protocols/sync';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { MessageType } from '../../shared/protocol';

/** Anything the room can send bytes to (a WebSocket connection, or a relay to other instances). */
export interface Peer {
  send(message: Uint8Array): void;
  /** False for connections that must not receive this room's presence (the public room). */
  readonly receivesAwareness: boolean;
}

export class Broadcaster {
  #updates: Uint8Array[] = [];
  #awarenessClients = new Set<number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly peers: ReadonlySet<Peer>,
    private readonly awareness: Awareness,
    private readonly tickMs: number,
  ) {}

  queueUpdate(update: Uint8Array): void {
    this.#updates.push(update);
    this.#schedule();
  }

  queueAwareness(...clientLists: number[][]): void {
    for (const list of clientLists) for (const id of list) this.#awarenessClients.add(id);
    this.#schedule();
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => this.flush(), this.tickMs);
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#updates.length > 0) {
      const merged = this.#updates.length === 1 ? this.#updates[0]! : Y.mergeUpdates(this.#updates);
      this.#updates = [];
      this.#sendAll(encodeSyncUpdate(merged), false);
    }
    if (this.#awarenessClients.size > 0) {
      const clients = [...this.#awarenessClients];
      this.#awarenessClients.clear();
      this.#sendAll(encodeAwarenessMessage(this.awareness, clients), true);
    }
  }

  #sendAll(message: Uint8Array, isAwareness: boolean): void {
    for (const peer of this.peers) {
      if (isAwareness && !peer.receivesAwareness) continue;
      peer.send(message);
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#updates = [];
    this.#awarenessClients.clear();
  }
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(awareness: Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
