/**
 * Hostile WebSocket frames, from a seed: truncated varints, huge length prefixes, invalid and
 * mutated Yjs updates, bogus awareness, unknown message types, text frames and plain garbage.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import { noteRecord } from '../helpers/records';

export type Frame = { binary: true; data: Uint8Array } | { binary: false; data: string };

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function validUpdate(): Uint8Array {
  const doc = new Y.Doc();
  new YKeyValue<unknown>(doc.getArray(CANVAS_RECORDS_ARRAY)).set('shape:fuzz', noteRecord('shape:fuzz', 'fuzz'));
  return Y.encodeStateAsUpdate(doc);
}

const message = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export function hostileFrameGenerator(seed: number): () => Frame {
  const random = mulberry32(seed);
  const int = (n: number) => Math.floor(random() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  const base = validUpdate();

  const kinds: (() => Frame)[] = [
    // a varint whose continuation bit never ends
    () => ({ binary: true, data: Uint8Array.from([...Array(1 + int(3)).fill(0), ...Array(1 + int(9)).fill(0x80 | int(128))]) }),
    // a length prefix far beyond the frame
    () => ({ binary: true, data: message((e) => { encoding.writeVarUint(e, int(2)); encoding.writeVarUint(e, 2); encoding.writeVarUint(e, 2 ** 31 + int(2 ** 20)); encoding.writeUint8Array(e, bytes(int(16))); }) }),
    // random bytes as a Yjs update
    () => ({ binary: true, data: message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 1 + int(2)); encoding.writeVarUint8Array(e, bytes(int(200))); }) }),
    // a real update with bytes flipped
    () => {
      const mutated = base.slice();
      for (let i = 0; i < 1 + int(4); i++) mutated[int(mutated.length)] = int(256);
      return { binary: true, data: message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, mutated); }) };
    },
    // a real update cut short
    () => ({ binary: true, data: message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, base.slice(0, int(base.length))); }) }),
    // awareness: bad JSON, non-object states, huge clocks, too many entries, random bytes
    () => {
      const variant = int(5);
      const inner = message((e) => {
        if (variant === 4) return encoding.writeUint8Array(e, bytes(int(64)));
        const count = variant === 3 ? 1000 + int(1000) : 1 + int(3);
        encoding.writeVarUint(e, count);
        for (let i = 0; i < Math.min(count, 50); i++) {
          encoding.writeVarUint(e, int(2 ** 32));
          encoding.writeVarUint(e, variant === 2 ? 2 ** 53 - 1 : int(100));
          encoding.writeVarString(e, variant === 0 ? '{"user":' : variant === 1 ? JSON.stringify(pick([1, 'x', [1], true])) : '{"user":{"name":"fuzz"}}');
        }
      });
      return { binary: true, data: message((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, inner); }) };
    },
    // a message type nobody defined, or a sync sub-type nobody defined
    () => ({ binary: true, data: message((e) => { if (random() < 0.5) encoding.writeVarUint(e, 4 + int(10_000)); else { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 3 + int(100)); encoding.writeVarUint8Array(e, bytes(4)); } encoding.writeUint8Array(e, bytes(int(32))); }) }),
    // text frames
    () => ({ binary: false, data: pick(['', 'hello', '{"type":"sync"}', '\u0000\u0001', 'ż'.repeat(int(100))]) }),
    // plain garbage, sometimes empty
    () => ({ binary: true, data: bytes(int(300)) }),
  ];
  function pick<T>(items: T[]): T {
    return items[int(items.length)]!;
  }
  return () => kinds[int(kinds.length)]!();
}
