/** Reads and rewrites y-protocols awareness updates entry by entry, so each can be checked. */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { CloseCode, CloseReason } from '../../shared/protocol';
import { ProtocolError } from './protocolError';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The JSON state as sent (the text `null` for a removal). */
  state: Uint8Array;
  /** `state` parsed, once something has had to read it. */
  parsed?: Record<string, unknown>;
}

/** At most this many entries in one update; an honest client sends its own, plus echoes of a room's worth. */
const MAX_ENTRIES = 256;
const NULL_STATE = new TextEncoder().encode('null');

export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > MAX_ENTRIES) throw new ProtocolError(CloseCode.malformedMessage, CloseReason.invalidAwareness);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarUint8Array(decoder);
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError(CloseCode.malformedMessage, CloseReason.invalidAwareness);
    return entries;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(CloseCode.malformedMessage, CloseReason.invalidAwareness);
  }
}

export function isRemoval(entry: AwarenessEntry): boolean {
  const s = entry.state;
  return s.length === NULL_STATE.length && s.every((b, i) => b === NULL_STATE[i]);
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarUint8Array(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}

/** The entry's state as JSON; a state that is not a JSON object is refused (every honest client sends an object or null). */
export function parseState(entry: AwarenessEntry): Record<string, unknown> {
  if (entry.parsed) return entry.parsed;
  let state: unknown;
  try {
    state = JSON.parse(decoder.decode(entry.state));
  } catch {
    throw new ProtocolError(CloseCode.malformedMessage, CloseReason.invalidAwareness);
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new ProtocolError(CloseCode.malformedMessage, CloseReason.invalidAwareness);
  }
  return state as Record<string, unknown>;
}

/** The entry with these fields set in its state (removals pass unchanged), parsed once. */
export function withStateFields(entry: AwarenessEntry, fields: Readonly<Record<string, string>>): AwarenessEntry {
  if (isRemoval(entry)) return entry;
  const state = parseState(entry);
  const missing = Object.entries(fields).filter(([field, value]) => state[field] !== value);
  if (missing.length === 0) return { ...entry, parsed: state };
  for (const [field, value] of missing) state[field] = value;
  return { ...entry, state: encoder.encode(JSON.stringify(state)), parsed: state };
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
