/** Clients that talk to the server the way real ones do: the stock y-websocket provider, and raw ws. */
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import { MessageType } from '../../shared/protocol';
import type { ReplyMessage, RequestBody, ServerReply } from '../../shared/requests';
import { PendingRequests } from '../../shared/pendingRequests';
import { WriteRefusal } from '../../shared/writeRules';
import { syncUrl } from './server';
import { waitFor } from './wait';

// Each stock provider in Node adds a process 'exit' listener; tests open many at once.
process.setMaxListeners(200);

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  records: YKeyValue<unknown>;
  synced(): Promise<void>;
  destroy(): void;
}

export function connectStockClient(baseUrl: string, room: string, token: string, doc = new Y.Doc()): StockClient {
  const provider = new WebsocketProvider(syncUrl(baseUrl), room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const records = new YKeyValue<unknown>(doc.getArray(CANVAS_RECORDS_ARRAY));
  return {
    doc,
    provider,
    records,
    synced: () => waitFor(() => provider.synced, `client of ${room} to sync`),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export interface RawOutcome {
  status?: number;
  opened: boolean;
  received: Buffer[];
  close?: { code: number; reason: string };
}

/** A sync step 1 with an empty state vector: "send me everything", as a new stock client asks. */
export const SYNC_STEP1_EMPTY = Buffer.from([0, 0, 1, 0]);

/**
 * A raw socket that records everything: the HTTP status it was refused with, frames, close.
 * With `sync`, it asks for the whole document on open, as a stock client does.
 */
export function openRaw(baseUrl: string, room: string, token?: string, options: { sync?: boolean } = {}): { ws: WebSocket; outcome: RawOutcome; done: Promise<RawOutcome> } {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${syncUrl(baseUrl)}/${room}${query}`);
  const outcome: RawOutcome = { opened: false, received: [] };
  const done = new Promise<RawOutcome>((resolve) => {
    ws.on('unexpected-response', (_req, res) => {
      outcome.status = res.statusCode;
      res.resume();
      resolve(outcome);
    });
    ws.on('open', () => {
      outcome.opened = true;
      if (options.sync) ws.send(SYNC_STEP1_EMPTY);
    });
    ws.on('message', (data) => outcome.received.push(data as Buffer));
    ws.on('close', (code, reason) => {
      outcome.close = { code, reason: reason.toString() };
      resolve(outcome);
    });
    ws.on('error', () => resolve(outcome));
  });
  return { ws, outcome, done };
}

export function waitOpen(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ws.readyState === ws.OPEN) resolve();
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

/**
 * Sends one of our own requests on a stock client's socket and resolves with the server's reply to
 * it, matched by the request's id (the reply's id is left out of what this returns). A reconnect
 * answers every waiting request as refused, with its own type.
 */
export function sendRequest(client: StockClient, body: RequestBody): Promise<ServerReply> {
  const provider = client.provider as WebsocketProvider & { messageHandlers: unknown[]; __pending?: PendingRequests };
  if (!provider.__pending) {
    const pending = (provider.__pending = new PendingRequests());
    provider.messageHandlers[MessageType.request] = (_encoder: unknown, decoder: decoding.Decoder) => {
      pending.settle(JSON.parse(decoding.readVarString(decoder)) as ReplyMessage);
    };
    provider.on('connection-close', () => pending.refuseAll());
  }
  const { request, reply } = provider.__pending.add(body);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.request);
  encoding.writeVarString(encoder, JSON.stringify(request));
  provider.ws!.send(encoding.toUint8Array(encoder));
  return reply;
}

/**
 * A fresh stock client makes `write` on its copy of a room and resolves with how the server closed
 * the connection for it (the write is checked before apply, so a refused one closes the socket).
 */
export async function closeCodeOfWrite(baseUrl: string, room: string, token: string, write: (doc: Y.Doc) => void): Promise<number> {
  const client = connectStockClient(baseUrl, room, token);
  try {
    await client.synced();
    const closed = new Promise<number>((resolve) => {
      client.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0));
    });
    write(client.doc);
    return await closed;
  } finally {
    client.destroy();
  }
}

/** The write refusals (MessageType.notice) the server sends this stock client, as they arrive. */
export function noticesOf(client: StockClient): WriteRefusal[] {
  const provider = client.provider as WebsocketProvider & { messageHandlers: unknown[] };
  const notices: WriteRefusal[] = [];
  provider.messageHandlers[MessageType.notice] = (_encoder: unknown, decoder: decoding.Decoder) => {
    notices.push(WriteRefusal.parse(JSON.parse(decoding.readVarString(decoder))));
  };
  return notices;
}

/** A test file's synced clients, each connected and synced on demand, all destroyed at once. */
export function syncedClients(baseUrl: () => string) {
  const all: StockClient[] = [];
  return {
    async connect(room: string, token: string): Promise<StockClient> {
      const client = connectStockClient(baseUrl(), room, token);
      all.push(client);
      await client.synced();
      return client;
    },
    destroyAll(): void {
      for (const client of all.splice(0)) client.destroy();
    },
  };
}
