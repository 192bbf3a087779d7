/** Drives hostile frames through real connections to a real server and checks the rules. */
import { WebSocket } from 'ws';
import { CloseCode, MessageType } from '../../shared/protocol';
import { hostileFrameGenerator, type Frame } from './hostileFrames';

/** Every close code a hostile connection may get: each is documented in shared/protocol.ts. */
export const DOCUMENTED_CLOSE_CODES = new Set<number>([
  CloseCode.unsupportedData,
  CloseCode.messageTooBig,
  CloseCode.malformedMessage,
  CloseCode.forbidden,
  CloseCode.payloadTooLarge,
  CloseCode.rateLimited,
]);

export interface FuzzResult {
  framesSent: number;
  connections: number;
  closeCodes: Map<number, number>;
}

/** Sends `frames` hostile frames, opening a new connection whenever the server closes one. */
export async function runHostileFuzz(syncUrl: string, seed: number, frames: number, concurrency = 8): Promise<FuzzResult> {
  const next = hostileFrameGenerator(seed);
  const result: FuzzResult = { framesSent: 0, connections: 0, closeCodes: new Map() };
  const worker = async () => {
    while (result.framesSent < frames) {
      result.connections++;
      const code = await oneConnection(syncUrl, next, () => result.framesSent++ < frames);
      result.closeCodes.set(code, (result.closeCodes.get(code) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

/**
 * One socket: a hostile frame, then a harmless awareness query; the query's answer shows the frame
 * was handled and survived, so the next one follows. Resolves with the server's close code (0 when
 * we closed because the budget was spent).
 */
function oneConnection(url: string, next: () => Frame, more: () => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let closedByUs = false;
    const sendNext = () => {
      if (ws.readyState !== ws.OPEN) return;
      if (!more()) {
        closedByUs = true;
        ws.close();
        return;
      }
      const frame = next();
      ws.send(frame.data, { binary: frame.binary });
      ws.send(QUERY_AWARENESS);
    };
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.on('error', () => {});
    ws.on('close', (code) => resolve(closedByUs ? 0 : code));
    ws.on('open', sendNext);
    ws.on('message', (data: Buffer) => {
      if (data[0] === MessageType.awareness) sendNext();
    });
  });
}

const QUERY_AWARENESS = Uint8Array.from([MessageType.queryAwareness]);
