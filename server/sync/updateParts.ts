/**
 * Joining a tick's updates into one without decoding them again. A Yjs update (v1) is a count of
 * client groups, the groups (each: how many structs, the client, its first clock, the structs),
 * then a delete set (a count of clients, each with its ranges). Updates whose groups name distinct
 * clients join by writing the total counts before the groups and the delete-set entries laid end
 * to end: Yjs reads the result as it reads Y.mergeUpdates' (each client's structs, every deletion),
 * without the broadcaster building every struct's content and writing it out again.
 *
 * Where the groups end is found by passing over the structs (`rememberParts`), which the canvas
 * check does for each update it read and accepted. An update without parts (a server write, a
 * tried update) goes as it is, between the joined runs before and after it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

interface UpdateParts {
  /** The clients of the struct groups, in order. */
  clients: number[];
  groups: Uint8Array;
  deleteSetClients: number;
  deleteSet: Uint8Array;
}

const known = new WeakMap<Uint8Array, UpdateParts>();

/**
 * Reads `update`'s layout (the structs' grammar, content skipped without being built; the delete
 * set) and keeps its parts for joining. Only updates the canvas check decoded and accepted come
 * here; one this reading does not take to its last byte, or that names a client twice, keeps none.
 */
export function rememberParts(update: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(update);
    const groupCount = decoding.readVarUint(decoder);
    const groupsStart = decoder.pos;
    const clients: number[] = [];
    for (let group = 0; group < groupCount; group++) {
      const structs = decoding.readVarUint(decoder);
      const client = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // first clock
      if (clients.includes(client)) return;
      clients.push(client);
      for (let i = 0; i < structs; i++) skipStruct(decoder);
    }
    const groupsEnd = decoder.pos;
    const deleteSetClients = decoding.readVarUint(decoder);
    const deleteSetStart = decoder.pos;
    for (let i = 0; i < deleteSetClients; i++) {
      decoding.readVarUint(decoder); // client
      const ranges = decoding.readVarUint(decoder);
      for (let r = 0; r < ranges; r++) {
        decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
      }
    }
    if (decoder.pos !== update.byteLength) return;
    known.set(update, { clients, groups: update.subarray(groupsStart, groupsEnd), deleteSetClients, deleteSet: update.subarray(deleteSetStart) });
  } catch {
    // Not the layout expected: the update is merged by Yjs.
  }
}

/** Passes over one struct of a v1 update as Yjs reads it; only `{ ... }` (any) content is known. */
function skipStruct(decoder: decoding.Decoder): void {
  const info = decoding.readUint8(decoder);
  const ref = info & 0b11111;
  if (ref === 0 || ref === 10) {
    decoding.readVarUint(decoder); // GC or skip: a length
    return;
  }
  const hasOrigin = (info & 0b10000000) !== 0;
  const hasRightOrigin = (info & 0b01000000) !== 0;
  if (hasOrigin) skipIds(decoder, 1);
  if (hasRightOrigin) skipIds(decoder, 1);
  if (!hasOrigin && !hasRightOrigin) {
    if (decoding.readVarUint(decoder) === 1) skipBytes(decoder); // parent: a root's name
    else skipIds(decoder, 1); // parent: an item's id
    if ((info & 0b00100000) !== 0) skipBytes(decoder); // parent key
  }
  if (ref !== 8) throw new Error('content other than any');
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) skipAny(decoder);
}

function skipIds(decoder: decoding.Decoder, count: number): void {
  for (let i = 0; i < count * 2; i++) decoding.readVarUint(decoder);
}

/** A length-prefixed run of bytes (a string's UTF-8, a byte array). */
function skipBytes(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder);
  decoder.pos += length;
  if (decoder.pos > decoder.arr.length) throw new Error('past the end');
}

/** One value as lib0 writes `any`: a type byte, then the value. */
function skipAny(decoder: decoding.Decoder): void {
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      decoding.readVarInt(decoder);
      return;
    case 124:
      decoder.pos += 4;
      break;
    case 123: // float64
    case 122: // bigint64
      decoder.pos += 8;
      break;
    case 119: // string
    case 116: // bytes
      skipBytes(decoder);
      return;
    case 118: {
      const entries = decoding.readVarUint(decoder);
      for (let i = 0; i < entries; i++) {
        skipBytes(decoder);
        skipAny(decoder);
      }
      return;
    }
    case 117: {
      const items = decoding.readVarUint(decoder);
      for (let i = 0; i < items; i++) skipAny(decoder);
      return;
    }
    default:
      throw new Error('unknown type');
  }
  if (decoder.pos > decoder.arr.length) throw new Error('past the end');
}

/**
 * The updates in as few updates as can be laid end to end, in their order: a run of updates with
 * known parts whose groups name distinct clients becomes one; an update without known parts, or
 * one whose client the run already holds, starts the next. (A tick that waited long holds several
 * updates of one client.)
 */
export function joinUpdates(updates: readonly Uint8Array[]): Uint8Array[] {
  const joined: Uint8Array[] = [];
  let run: { update: Uint8Array; parts: UpdateParts }[] = [];
  const runClients = new Set<number>();
  const endRun = () => {
    if (run.length > 0) joined.push(run.length === 1 ? run[0]!.update : layEndToEnd(run.map((entry) => entry.parts), runClients.size));
    run = [];
    runClients.clear();
  };
  for (const update of updates) {
    const parts = known.get(update);
    if (!parts) {
      endRun();
      joined.push(update);
      continue;
    }
    if (parts.clients.some((client) => runClients.has(client))) endRun();
    for (const client of parts.clients) runClients.add(client);
    run.push({ update, parts });
  }
  endRun();
  return joined;
}

function layEndToEnd(parts: readonly UpdateParts[], groups: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, groups);
  for (const part of parts) encoding.writeUint8Array(encoder, part.groups);
  encoding.writeVarUint(encoder, parts.reduce((sum, part) => sum + part.deleteSetClients, 0));
  for (const part of parts) encoding.writeUint8Array(encoder, part.deleteSet);
  return encoding.toUint8Array(encoder);
}
