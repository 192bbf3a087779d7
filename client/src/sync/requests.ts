/** Our own requests (shared/requests.ts) on the control room's socket, each answered by the server. */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../../shared/protocol';
import type { ClientRequest, ServerReply } from '../../../shared/requests';

type Handler = (encoder: encoding.Encoder, decoder: decoding.Decoder) => void;
const waiting = new WeakMap<WebsocketProvider, ((reply: ServerReply) => void)[]>();

/** Sends a request and resolves with the server's reply (replies come back in order). */
export function sendRequest(provider: WebsocketProvider, request: ClientRequest): Promise<ServerReply> {
  let queue = waiting.get(provider);
  if (!queue) {
    const replies: ((reply: ServerReply) => void)[] = [];
    waiting.set(provider, (queue = replies));
    (provider as unknown as { messageHandlers: Handler[] }).messageHandlers[MessageType.request] = (_encoder, decoder) => {
      replies.shift()?.(JSON.parse(decoding.readVarString(decoder)) as ServerReply);
    };
    // A reconnect loses whatever was in flight: those callers hear "refused".
    provider.on('connection-close', () => {
      for (const resolve of replies.splice(0)) resolve({ t: 'refused', request: request.t, reason: 'the board is not open on this server' });
    });
  }
  const ws = provider.ws;
  if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.resolve({ t: 'refused', request: request.t, reason: 'the board is not open on this server' });
  return new Promise((resolve) => {
    queue.push(resolve);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.request);
    encoding.writeVarString(encoder, JSON.stringify(request));
    ws.send(encoding.toUint8Array(encoder));
  });
}
