/**
 * A raw WebSocket peer that speaks y-protocols sync by hand: it syncs a plain Y.Doc with a room
 * (no YKeyValue, so malformed entries the server lets through cannot make the test itself throw),
 * sends exactly the Yjs update a change makes, and tells what the server answered: the first
 * write-refusal notice (MessageType.notice) or the close. Used as the attacker and as a witness.
 */
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import { MessageType, SyncMessageType } from '../../shared/protocol';
import { WriteRefusal } from '../../shared/writeRules';
import { syncUrl } from './server';
import { waitFor } from './wait';

/** What the server did with a write: told the author which rule refused it, closed, or neither in time. */
export type Verdict =
  | { kind: 'refused'; rule: WriteRefusal['rule']; reason: string }
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'silent'; waitedMs: number };

/** How long a write may go unanswered before its verdict is "silent" (the server took it). */
export const DEFAULT_VERDICT_MS = 5000;

/** The origin of the peer's own changes: only these are sent. */
const LOCAL = Symbol('peer-local');
/** The origin of what the server sent. */
const REMOTE = Symbol('peer-remote');

export interface Peer {
  readonly room: string;
  readonly doc: Y.Doc;
  readonly ws: WebSocket;
  /** Every write-refusal notice received, in order. */
  readonly notices: WriteRefusal[];
  /** Notices (MessageType.notice) that did not parse as a WriteRefusal: a protocol bug. */
  readonly badNotices: string[];
  /** Set once the socket closed. */
  readonly closed: { code: number; reason: string } | undefined;
  /** Whether the server's answer to our sync step 1 (its whole document) has arrived. */
  readonly synced: boolean;
  /** All Yjs updates received from the server, concatenated (to look for markers). */
  received(): Buffer;
  /** Whether `marker` appears in anything received from the server. */
  saw(marker: string): boolean;
  /** The current value of a canvas record as YKeyValue reads it (the last `{ key, val }` entry with that key). */
  record<T = Record<string, unknown>>(key: string): T | undefined;
  /**
   * Every value a canvas record had in this peer's copy after each update from the server, from now
   * on (JSON; `undefined` when the record was gone). Starts with the current value.
   */
  track(key: string): (string | undefined)[];
  /** Makes `change` on the peer's copy in one transaction and sends exactly the update it produced. */
  write(change: (doc: Y.Doc) => void, timeoutMs?: number): Promise<Verdict>;
  /** The same without waiting for a verdict (for writes that are expected to pass). */
  push(change: (doc: Y.Doc) => void): void;
  /** Sends a Yjs update as a sync update message. */
  sendUpdate(update: Uint8Array, timeoutMs?: number): Promise<Verdict>;
  /** Sends a whole binary frame as given. */
  sendFrame(frame: Uint8Array, timeoutMs?: number): Promise<Verdict>;
  /** The next notice or close after now, or silent after `timeoutMs`. */
  verdict(timeoutMs?: number): Promise<Verdict>;
  /** Closes the socket and waits for the close to complete. */
  disconnect(): Promise<void>;
}

export interface PeerOptions {
  /** How long to wait for the server's whole document. */
  timeoutMs?: number;
}

/** Connects a raw peer to `room` with `token` and waits until it holds the room's document. */
export async function connectPeer(baseUrl: string, room: string, token: string, options: PeerOptions = {}): Promise<Peer> {
  const ws = new WebSocket(`${syncUrl(baseUrl)}/${room}?token=${encodeURIComponent(token)}`);
  ws.binaryType = 'nodebuffer';
  const doc = new Y.Doc();
  const notices: WriteRefusal[] = [];
  const badNotices: string[] = [];
  const updates: Buffer[] = [];
  let closed: { code: number; reason: string } | undefined;
  let synced = false;
  let upgradeStatus: number | undefined;
  const listeners = new Set<() => void>();
  const tracked = new Map<string, (string | undefined)[]>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  ws.on('unexpected-response', (_req, res) => {
    upgradeStatus = res.statusCode;
    res.resume();
  });
  ws.on('error', () => {});
  ws.on('open', () => ws.send(encodeSyncStep1(Y.encodeStateVector(doc))));
  ws.on('close', (code, reason) => {
    closed = { code, reason: reason.toString() };
    notify();
  });
  ws.on('message', (data: Buffer) => {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.sync) {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === SyncMessageType.step1) {
          // As a stock client does: answer with what we have that the server lacks.
          ws.send(encodeSync(SyncMessageType.step2, Y.encodeStateAsUpdate(doc, payload)));
        } else {
          updates.push(Buffer.from(payload));
          Y.applyUpdate(doc, payload, REMOTE);
          for (const [key, history] of tracked) {
            const now = JSON.stringify(recordOf(doc, key));
            if (history[history.length - 1] !== now) history.push(now);
          }
          if (sub === SyncMessageType.step2) synced = true;
        }
      } else if (type === MessageType.notice) {
        const text = decoding.readVarString(decoder);
        const parsed = WriteRefusal.safeParse(safeJson(text));
        if (parsed.success) notices.push(parsed.data);
        else badNotices.push(text);
      }
    } catch (err) {
      badNotices.push(`undecodable frame from the server: ${String(err)}`);
    }
    notify();
  });

  const verdict = (timeoutMs = DEFAULT_VERDICT_MS): Promise<Verdict> => {
    const noticesBefore = notices.length;
    const started = Date.now();
    return new Promise((resolve) => {
      const settle = () => {
        if (notices.length > noticesBefore) {
          const notice = notices[noticesBefore]!;
          done({ kind: 'refused', rule: notice.rule, reason: notice.reason });
        } else if (closed) {
          done({ kind: 'closed', ...closed });
        }
      };
      const timer = setTimeout(() => done({ kind: 'silent', waitedMs: Date.now() - started }), timeoutMs);
      const done = (v: Verdict) => {
        clearTimeout(timer);
        listeners.delete(settle);
        resolve(v);
      };
      listeners.add(settle);
      settle();
    });
  };

  const sendFrame = (frame: Uint8Array, timeoutMs?: number): Promise<Verdict> => {
    const pending = verdict(timeoutMs);
    if (ws.readyState === ws.OPEN) ws.send(frame);
    return pending;
  };
  const sendUpdate = (update: Uint8Array, timeoutMs?: number) => sendFrame(encodeSync(SyncMessageType.update, update), timeoutMs);

  const peer: Peer = {
    room,
    doc,
    ws,
    notices,
    badNotices,
    get closed() {
      return closed;
    },
    get synced() {
      return synced;
    },
    received: () => Buffer.concat(updates),
    saw: (marker) => Buffer.concat(updates).includes(marker),
    record: <T>(key: string) => recordOf(doc, key) as T | undefined,
    track: (key) => {
      const history = [JSON.stringify(recordOf(doc, key))];
      tracked.set(key, history);
      return history;
    },
    write: (change, timeoutMs) => sendUpdate(updateOf(doc, change), timeoutMs),
    push: (change) => {
      const update = updateOf(doc, change);
      if (ws.readyState === ws.OPEN) ws.send(encodeSync(SyncMessageType.update, update));
    },
    sendUpdate,
    sendFrame,
    verdict,
    disconnect: async () => {
      if (ws.readyState === ws.CLOSED) return;
      const gone = new Promise<void>((resolve) => ws.once('close', () => resolve()));
      if (ws.readyState === ws.CONNECTING) ws.terminate();
      else ws.close();
      // A server that hangs never answers the close handshake.
      const timer = setTimeout(() => ws.terminate(), 1000);
      await gone;
      clearTimeout(timer);
    },
  };

  await waitFor(() => synced || closed !== undefined || upgradeStatus !== undefined, `the peer on ${room} to sync`, options.timeoutMs ?? 10_000);
  if (upgradeStatus !== undefined) throw new Error(`the upgrade to ${room} was refused with HTTP ${upgradeStatus}`);
  if (!synced) throw new Error(`the peer on ${room} was closed before it synced: ${JSON.stringify(closed)}`);
  return peer;
}

/** The update one transaction of `change` on `doc` produces (applied to `doc` as well). */
export function updateOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const parts: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOCAL) parts.push(update);
  };
  doc.on('update', onUpdate);
  try {
    doc.transact(() => change(doc), LOCAL);
  } finally {
    doc.off('update', onUpdate);
  }
  if (parts.length === 0) throw new Error('the change produced no update');
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

/** Frames of the sync protocol, as the stock client writes them. */
export function encodeSync(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.step1, stateVector);
}

/** A well-formed state vector naming `clients` clients (about 4-6 bytes each). */
export function bigStateVector(clients: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clients);
  for (let i = 0; i < clients; i++) {
    encoding.writeVarUint(encoder, 1_000_000 + i);
    encoding.writeVarUint(encoder, 1);
  }
  return encoding.toUint8Array(encoder);
}

// ---------------------------------------------------------------------------------------------
// Writing canvas records on a plain Y.Doc exactly as y-utility's YKeyValue does it.

export function recordsArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(CANVAS_RECORDS_ARRAY);
}

const keyOf = (entry: unknown): unknown => (typeof entry === 'object' && entry !== null ? (entry as { key?: unknown }).key : undefined);

/** YKeyValue.set: removes the key's entries and pushes `{ key: record.id, val: record }`. */
export function setRecord(doc: Y.Doc, record: { id: string; [field: string]: unknown }): void {
  const array = recordsArray(doc);
  const entries = array.toArray();
  for (let i = entries.length - 1; i >= 0; i--) if (keyOf(entries[i]) === record.id) array.delete(i, 1);
  array.push([{ key: record.id, val: record }]);
}

/** YKeyValue.delete. */
export function deleteRecord(doc: Y.Doc, key: string): void {
  const array = recordsArray(doc);
  const entries = array.toArray();
  for (let i = entries.length - 1; i >= 0; i--) if (keyOf(entries[i]) === key) array.delete(i, 1);
}

/** What YKeyValue would read for `key`: the val of the last entry with that key. */
export function recordOf(doc: Y.Doc, key: string): unknown {
  const entries = recordsArray(doc).toArray();
  for (let i = entries.length - 1; i >= 0; i--) {
    if (keyOf(entries[i]) === key) return (entries[i] as { val?: unknown }).val;
  }
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Collects the write-refusal notices a stock y-websocket client receives (it has no handler for
 * MessageType.notice of its own and would only log "Unable to compute message").
 */
export function watchNotices(provider: { messageHandlers: unknown[] }): { notices: WriteRefusal[]; bad: string[] } {
  const seen = { notices: [] as WriteRefusal[], bad: [] as string[] };
  provider.messageHandlers[MessageType.notice] = (_encoder: unknown, decoder: decoding.Decoder) => {
    const text = decoding.readVarString(decoder);
    const parsed = WriteRefusal.safeParse(safeJson(text));
    if (parsed.success) seen.notices.push(parsed.data);
    else seen.bad.push(text);
  };
  return seen;
}
