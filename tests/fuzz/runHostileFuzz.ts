/**
 * Drives hostile frames through real connections to a real server and checks the rules: byte
 * garbage (tests/fuzz/hostileFrames.ts) mixed with valid Yjs updates whose content breaks a write
 * rule (tests/helpers/contentAttacks.ts). Garbage may be closed with any documented code; each
 * content attack must get exactly its answer — a 4400 close for a structural rule, a notice for an
 * honest one — never silent acceptance. After a run, `checkAfterFuzz` reopens the attacked board.
 */
import { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import { CloseCode, CloseReason, MessageType, SyncMessageType } from '../../shared/protocol';
import { WriteRefusal } from '../../shared/writeRules';
import type { CreateBoardResponse } from '../../shared/api';
import { encodeSyncStep1 } from '../helpers/attacker';
import { contentAttackGenerator, type ContentAttackOptions, type ContentFrame } from '../helpers/contentAttacks';
import { reopenBoard } from '../helpers/reopen';
import { hostileFrameGenerator, mulberry32, type Frame } from './hostileFrames';

/** Every close code a hostile connection may get: each is documented in shared/protocol.ts. */
export const DOCUMENTED_CLOSE_CODES = new Set<number>([
  CloseCode.unsupportedData,
  CloseCode.messageTooBig,
  CloseCode.malformedMessage,
  CloseCode.forbidden,
  CloseCode.payloadTooLarge,
  CloseCode.rateLimited,
]);

export interface FuzzOptions {
  concurrency?: number;
  /** Share of frames that are content attacks in valid updates (the rest is byte garbage). */
  contentShare?: number;
  /** The server's limits, for the size attacks. */
  content?: ContentAttackOptions;
}

export interface FuzzResult {
  framesSent: number;
  /** Of which content attacks in valid Yjs updates. */
  contentFrames: number;
  connections: number;
  closeCodes: Map<number, number>;
  /** Write-refusal notices received, by rule. */
  notices: Map<string, number>;
  /** Content attacks whose answer was not the one their rule demands, and malformed notices: each kind with its count. */
  mismatches: Map<string, number>;
}

type AnyFrame = Frame | ContentFrame;

/** Sends `frames` hostile frames, opening a new connection whenever the server closes one. */
export async function runHostileFuzz(syncUrl: string, seed: number, frames: number, options: FuzzOptions = {}): Promise<FuzzResult> {
  const { concurrency = 8, contentShare = 0.3 } = options;
  const garbage = hostileFrameGenerator(seed);
  const content = contentAttackGenerator(seed, options.content);
  const mix = mulberry32(seed ^ 0x1234_5678);
  const next = (): AnyFrame => (mix() < contentShare ? content() : garbage());
  const result: FuzzResult = { framesSent: 0, contentFrames: 0, connections: 0, closeCodes: new Map(), notices: new Map(), mismatches: new Map() };
  const worker = async () => {
    while (result.framesSent < frames) {
      result.connections++;
      const code = await oneConnection(syncUrl, next, () => result.framesSent++ < frames, result);
      result.closeCodes.set(code, (result.closeCodes.get(code) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

function mismatch(result: FuzzResult, what: string): void {
  result.mismatches.set(what, (result.mismatches.get(what) ?? 0) + 1);
}

/** Whether a frame we send is itself a sync step 1 (the server answers it with a step 2 of its own). */
function isStep1(frame: AnyFrame): boolean {
  return frame.binary && frame.data.length >= 2 && frame.data[0] === MessageType.sync && frame.data[1] === SyncMessageType.step1;
}

/**
 * One socket: a hostile frame, then a sync step 1 as a ping. Only this socket ever gets a step 2
 * (broadcasts are updates), so its arrival shows the frame was handled and survived, and the next
 * follows. The ping carries the state vector the server greeted us with, so the answer stays
 * small. Resolves with the server's close code (0 when we closed because the budget was spent).
 */
function oneConnection(url: string, next: () => AnyFrame, more: () => boolean, result: FuzzResult): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'nodebuffer';
    let closedByUs = false;
    let serverStateVector: Uint8Array = Uint8Array.of(0);
    let current: AnyFrame | undefined;
    let noticed: string | undefined;
    /** Step 2 answers still due for the frame in flight (its own, if it is a step 1, and the ping's). */
    let due = 0;

    const sendNext = () => {
      if (ws.readyState !== ws.OPEN) return;
      if (!more()) {
        closedByUs = true;
        ws.close();
        return;
      }
      current = next();
      noticed = undefined;
      if ('expect' in current) result.contentFrames++;
      due = (isStep1(current) ? 1 : 0) + 1;
      ws.send(current.data, { binary: current.binary });
      ws.send(encodeSyncStep1(serverStateVector));
    };
    const answered = () => {
      const frame = current;
      if (frame && 'expect' in frame) {
        if ('close' in frame.expect) mismatch(result, `${frame.label}: not closed (${noticed ? `a ${noticed} notice` : 'accepted'})`);
        else if (noticed !== frame.expect.notice) mismatch(result, `${frame.label}: ${noticed ? `a ${noticed} notice` : 'accepted'} instead of a ${frame.expect.notice} notice`);
      }
      sendNext();
    };

    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.on('error', () => {});
    ws.on('close', (code, reasonBytes) => {
      const frame = current;
      const reason = reasonBytes.toString();
      // A rate-limit close says nothing about the frame (the runs set the limit far above their pace).
      if (!closedByUs && frame && 'expect' in frame && code !== CloseCode.rateLimited) {
        if ('close' in frame.expect) {
          if (code !== frame.expect.close) mismatch(result, `${frame.label}: closed with ${code} (${reason}) instead of ${frame.expect.close}`);
        } else if (!(code === CloseCode.malformedMessage && reason === CloseReason.tooManyRefusals)) {
          mismatch(result, `${frame.label}: closed with ${code} (${reason}) instead of a ${frame.expect.notice} notice`);
        }
      }
      resolve(closedByUs ? 0 : code);
    });
    ws.on('open', sendNext);
    ws.on('message', (data: Buffer) => {
      try {
        const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        const type = decoding.readVarUint(decoder);
        if (type === MessageType.sync) {
          const sub = decoding.readVarUint(decoder);
          if (sub === SyncMessageType.step1) serverStateVector = decoding.readVarUint8Array(decoder);
          else if (sub === SyncMessageType.step2 && --due === 0) answered();
        } else if (type === MessageType.notice) {
          const text = decoding.readVarString(decoder);
          const parsed = WriteRefusal.safeParse(JSON.parse(text));
          if (!parsed.success) {
            mismatch(result, `a notice that is not a WriteRefusal: ${text.slice(0, 100)}`);
            return;
          }
          noticed = parsed.data.rule;
          result.notices.set(noticed, (result.notices.get(noticed) ?? 0) + 1);
        }
      } catch (err) {
        mismatch(result, `an undecodable frame from the server: ${String(err)}`);
      }
    });
  });
}

/** Uncaught exceptions and unhandled rejections in this process while a run goes (the server runs in it). */
export function watchProcessFaults(): { faults: string[]; stop(): void } {
  const faults: string[] = [];
  const onError = (err: unknown) => faults.push(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return {
    faults,
    stop: () => {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    },
  };
}

/**
 * After a run: the attacked board opens again — a fresh client reads only `{ key, val }` entries
 * tldraw accepts, a real tldraw store loads them, a stock client syncs, an observer joins, the
 * host's summary and report answer. Returns what went wrong (empty when the board is fine).
 */
export async function reopenAttackedBoard(baseUrl: string, board: CreateBoardResponse, when: string): Promise<string[]> {
  const { problems } = await reopenBoard(baseUrl, board);
  return problems.map((p) => `attacked board ${when}: ${p}`);
}
