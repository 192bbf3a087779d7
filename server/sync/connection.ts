/**
 * One client's WebSocket in one room: decodes its frames (y-protocols sync and awareness), applies
 * what its role may write, answers what it asks. Any decoding error closes this connection only.
 */
import type { Duplex } from 'node:stream';
import type { WebSocket, RawData } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { writeSyncStep1 } from 'y-protocols/sync';
import { writePermissionDenied } from 'y-protocols/auth';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode, CloseReason, MessageType, READ_ONLY_REASON, SyncMessageType } from '../../shared/protocol';
import { canWrite, type Role } from '../../shared/roles';
import type { Room } from './room';
import type { BoardClaims } from '../auth/tokens';
import type { Peer } from './broadcaster';
import { encodeAwarenessMessage } from './broadcaster';
import { encodeAwarenessEntries, isRemoval, readAwarenessEntries, type AwarenessEntry } from './awarenessEntries';
import { ClientRequest, RefusalReason, type ReplyMessage, type ServerReply } from '../../shared/requests';
import { ProtocolError } from './protocolError';
import type { Writer } from './origin';
import type { WriteRefusal } from '../../shared/writeRules';
import { countRefusal } from './writeMetrics';

export interface ConnectionLimits {
  maxAwarenessBytes: number;
  maxMessagesPerSecond: number;
  /** A peer whose unsent backlog grows past this is dropped rather than buffered without end. */
  maxBufferedBytes: number;
  /** Largest state vector in a sync step 1 (bytes): answering a huge one blocks the event loop. */
  maxStateVectorBytes: number;
}

/** Refused writes one connection may make per minute before it is taken for a broken client. */
const MAX_REFUSALS_PER_MINUTE = 30;
/** Characters of one of our JSON requests (shared/requests.ts); the largest honest one is far below. */
const MAX_REQUEST_CHARS = 16 * 1024;

/** The most awareness client ids one connection may speak for (one per Y.Doc; y-websocket uses one). */
const MAX_OWNED_CLIENTS = 4;

export class Connection implements Peer, Writer {
  readonly kind = 'client';
  readonly role: Role;
  readonly boardId: string;
  readonly linkGeneration: number;
  /** The invited person of a personal link; undefined on a role link (then one device is one person). */
  readonly personId: string | undefined;
  readonly ownedClients = new Set<number>();
  readonly receivesAwareness: boolean;
  readonly #mayWrite: boolean;
  /** Frames that arrived while the room was still loading, handled in order once it is ready. */
  #pending: Uint8Array[] | null = [];
  #closed = false;
  /** Token bucket for the message rate: refilled continuously, up to two seconds' worth. */
  #allowance: number;
  #allowanceAt = performance.now();
  #started = false;
  #refusals: number[] = [];

  constructor(
    private readonly ws: WebSocket,
    /** The socket under `ws` (the upgraded request's). */
    private readonly socket: Duplex,
    readonly room: Room,
    claims: BoardClaims,
    private readonly limits: ConnectionLimits,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.role = claims.role;
    this.boardId = claims.boardId;
    this.linkGeneration = claims.generation;
    this.personId = claims.personId;
    this.#mayWrite = canWrite(this.role, room.kind);
    this.#allowance = limits.maxMessagesPerSecond * 2;
    // The public room shows content, never who is there.
    this.receivesAwareness = room.kind !== 'public';
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.#receive(data, isBinary));
    ws.on('close', () => this.#cleanUp());
    ws.on('error', () => this.#cleanUp());
  }

  /** Called once the room's stored state is loaded: greet, then handle what queued meanwhile. */
  start(): void {
    if (this.#closed) return;
    this.#started = true;
    if (this.#mayWrite) this.room.writerJoined();
    this.room.peers.add(this);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    writeSyncStep1(encoder, this.room.doc);
    this.send(encoding.toUint8Array(encoder));
    if (this.receivesAwareness && this.room.awareness.getStates().size > 0) {
      this.send(encodeAwarenessMessage(this.room.presence.encode([...this.room.awareness.getStates().keys()])));
    }
    const queued = this.#pending ?? [];
    this.#pending = null;
    for (const frame of queued) {
      if (this.#closed) break;
      this.#handleSafely(frame);
    }
  }

  send(...messages: Uint8Array[]): void {
    if (this.#closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.ws.terminate();
      return;
    }
    if (messages.length === 1) {
      this.ws.send(messages[0]!);
      return;
    }
    // Held back while the frames are queued, so they leave in one write (one system call).
    this.socket.cork();
    try {
      for (const message of messages) this.ws.send(message);
    } finally {
      this.socket.uncork();
    }
  }

  close(code: CloseCode, reason: string): void {
    if (this.#closed) return;
    this.ws.close(code, reason);
    this.#cleanUp();
  }

  #receive(data: RawData, isBinary: boolean): void {
    if (this.#closed) return;
    if (!isBinary) {
      this.close(CloseCode.unsupportedData, CloseReason.textFrame);
      return;
    }
    if (!this.#takeAllowance()) {
      this.close(CloseCode.rateLimited, CloseReason.rateLimited);
      return;
    }
    const frame = toUint8Array(data);
    if (this.#pending) this.#pending.push(frame);
    else this.#handleSafely(frame);
  }

  #takeAllowance(): boolean {
    const now = performance.now();
    const rate = this.limits.maxMessagesPerSecond;
    this.#allowance = Math.min(rate * 2, this.#allowance + ((now - this.#allowanceAt) / 1000) * rate);
    this.#allowanceAt = now;
    if (this.#allowance < 1) return false;
    this.#allowance -= 1;
    return true;
  }

  #handleSafely(frame: Uint8Array): void {
    try {
      this.#handle(frame);
    } catch (err) {
      if (err instanceof ProtocolError) this.close(err.code, err.reason);
      else this.close(CloseCode.malformedMessage, CloseReason.truncated);
    }
  }

  #handle(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        this.#handleSync(decoder);
        break;
      case MessageType.awareness:
        this.#handleAwareness(decoding.readVarUint8Array(decoder));
        break;
      case MessageType.request: {
        const text = decoding.readVarString(decoder);
        // Our requests are a few hundred bytes; parsing megabytes of JSON would stall every room.
        if (text.length > MAX_REQUEST_CHARS) throw new ProtocolError(CloseCode.payloadTooLarge, CloseReason.invalidRequest);
        this.#handleRequest(text);
        break;
      }
      case MessageType.queryAwareness:
        if (this.receivesAwareness) {
          this.send(encodeAwarenessMessage(this.room.presence.encode([...this.room.awareness.getStates().keys()])));
        }
        break;
      default:
        throw new ProtocolError(CloseCode.malformedMessage, CloseReason.unknownMessageType);
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError(CloseCode.malformedMessage, CloseReason.truncated);
  }

  #handleRequest(text: string): void {
    let request: ClientRequest;
    try {
      request = ClientRequest.parse(JSON.parse(text));
    } catch {
      throw new ProtocolError(CloseCode.malformedMessage, CloseReason.invalidRequest);
    }
    const handler = this.room.requests;
    if (!handler) throw new ProtocolError(CloseCode.malformedMessage, CloseReason.invalidRequest);
    const reply = handler.handle(this, request);
    if (reply instanceof Promise) {
      reply.then(
        (r) => this.sendReply(request.id, r),
        () => this.sendReply(request.id, { t: 'refused', request: request.t, reason: RefusalReason.boardNotLoaded }),
      );
    } else {
      this.sendReply(request.id, reply);
    }
  }

  /** Answers the request with this id (replies may leave in another order than requests came). */
  sendReply(id: string, reply: ServerReply): void {
    const message: ReplyMessage = { ...reply, id };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.request);
    encoding.writeVarString(encoder, JSON.stringify(message));
    this.send(encoding.toUint8Array(encoder));
  }

  get closed(): boolean {
    return this.#closed;
  }

  #handleSync(decoder: decoding.Decoder): void {
    const subType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    switch (subType) {
      case SyncMessageType.step1: {
        if (payload.byteLength > this.limits.maxStateVectorBytes) throw new ProtocolError(CloseCode.payloadTooLarge, CloseReason.stateVectorTooLarge);
        let diff: Uint8Array;
        try {
          diff = Y.encodeStateAsUpdate(this.room.doc, payload);
        } catch {
          throw new ProtocolError(CloseCode.malformedMessage, CloseReason.truncated);
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        encoding.writeVarUint(encoder, SyncMessageType.step2);
        encoding.writeVarUint8Array(encoder, diff);
        this.send(encoding.toUint8Array(encoder));
        return;
      }
      case SyncMessageType.step2:
      case SyncMessageType.update:
        this.#applyUpdate(payload);
        return;
      default:
        throw new ProtocolError(CloseCode.malformedMessage, CloseReason.unknownSyncType);
    }
  }

  #applyUpdate(update: Uint8Array): void {
    if (!this.#mayWrite) {
      // A reader's answer to our step 1 is an empty update: nothing to refuse.
      if (isEmptyUpdate(update)) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.auth);
      writePermissionDenied(encoder, READ_ONLY_REASON);
      this.send(encoding.toUint8Array(encoder));
      return;
    }
    const verdict = this.room.receiveUpdate(update, this);
    if (verdict.ok) return;
    countRefusal(verdict.rule);
    if (verdict.close) throw new ProtocolError(verdict.close.code, verdict.close.reason);
    // An honest client broke a rule: it keeps its connection and is told, so it can undo.
    const now = performance.now();
    this.#refusals = this.#refusals.filter((at) => now - at < 60_000);
    this.#refusals.push(now);
    if (this.#refusals.length > MAX_REFUSALS_PER_MINUTE) throw new ProtocolError(CloseCode.malformedMessage, CloseReason.tooManyRefusals);
    const notice: WriteRefusal = { t: 'write-refused', rule: verdict.rule, reason: verdict.reason };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.notice);
    encoding.writeVarString(encoder, JSON.stringify(notice));
    this.send(encoding.toUint8Array(encoder));
  }

  /**
   * A connection sets only its own clients' states. Stock clients also echo the states they
   * received from others, so entries for clients it does not own are dropped, not punished.
   */
  #handleAwareness(update: Uint8Array): void {
    const entries = readAwarenessEntries(update);
    for (const entry of entries) {
      if (entry.state.byteLength > this.limits.maxAwarenessBytes) {
        throw new ProtocolError(CloseCode.payloadTooLarge, CloseReason.awarenessTooLarge);
      }
    }
    const own = entries.filter((entry) => this.#owns(entry));
    if (own.length === 0) return;
    const stamped = this.room.filterPresence(own, this);
    if (!this.receivesAwareness) {
      // No presence here; echoing the client's own state back keeps its idle timer from firing.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.awareness);
      encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(stamped));
      this.send(encoding.toUint8Array(encoder));
      return;
    }
    this.room.presence.apply(stamped, this);
  }

  /** Whether the entry speaks for a client of this connection, claiming a new client id if it may. */
  #owns(entry: AwarenessEntry): boolean {
    const owners = this.room.awarenessOwners;
    const owner = owners.get(entry.clientId);
    if (owner !== undefined) return owner === this;
    // An unowned id is claimed only with a live state newer than anything seen for it, so a late
    // echo of a client that has just left cannot be taken over by the one echoing it.
    const known = this.room.awareness.meta.get(entry.clientId);
    if (isRemoval(entry) || (known !== undefined && entry.clock <= known.clock)) return false;
    if (this.ownedClients.size >= MAX_OWNED_CLIENTS) return false;
    if (this.receivesAwareness) owners.set(entry.clientId, this);
    this.ownedClients.add(entry.clientId);
    return true;
  }

  #cleanUp(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending = null;
    this.room.peers.delete(this);
    if (this.#started && this.#mayWrite) this.room.writerLeft();
    if (this.ownedClients.size > 0 && !this.room.destroyed && this.receivesAwareness) {
      for (const id of this.ownedClients) this.room.awarenessOwners.delete(id);
      removeAwarenessStates(this.room.awareness, [...this.ownedClients], this);
    }
    this.onClose(this);
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** An update with no structs and an empty delete set: what a client with nothing to add sends. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
