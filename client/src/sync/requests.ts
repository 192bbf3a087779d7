/** Our own requests (shared/requests.ts) on the control room's socket, each answered by the server. */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../../shared/protocol';
import { RefusalReason, type ReplyMessage, type RequestBody, type ServerReply } from '../../../shared/requests';
import { PendingRequests } from '../../../shared/pendingRequests';

type Handler = (encoder: encoding.Encoder, decoder: decoding.Decoder) => void;
const pendingOf = new WeakMap<WebsocketProvider, PendingRequests>();

function pending(provider: WebsocketProvider): PendingRequests {
  let waiting = pendingOf.get(provider);
  if (waiting) return waiting;
  const created = new PendingRequests();
  pendingOf.set(provider, (waiting = created));
  (provider as unknown as { messageHandlers: Handler[] }).messageHandlers[MessageType.request] = (_encoder, decoder) => {
    created.settle(JSON.parse(decoding.readVarString(decoder)) as ReplyMessage);
  };
  // A reconnect loses whatever was in flight: each caller hears "refused" for its own request.
  provider.on('connection-close', () => created.refuseAll());
  return waiting;
}

/** Sends a request and resolves with the server's reply to it (matched by the request's id). */
export function sendRequest(provider: WebsocketProvider, body: RequestBody): Promise<ServerReply> {
  const ws = provider.ws;
  if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.resolve({ t: 'refused', request: body.t, reason: RefusalReason.boardNotLoaded });
  const { request, reply } = pending(provider).add(body);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.request);
  encoding.writeVarString(encoder, JSON.stringify(request));
  ws.send(encoding.toUint8Array(encoder));
  return reply;
}
