/**
 * A room's presence as the server keeps it. y-protocols' Awareness holds the states; beside each
 * state set from a connection this keeps the JSON bytes it came as, so a cursor move is parsed
 * once on the way in (by the stamp that checks it) and never stringified again on the way out.
 */
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { isRemoval, parseState, type AwarenessEntry } from './awarenessEntries';

interface Kept {
  state: unknown;
  bytes: Uint8Array;
}

export class PresenceStates {
  readonly #kept = new Map<number, Kept>();

  constructor(readonly awareness: Awareness) {
    awareness.on('update', ({ removed }: { removed: number[] }) => {
      for (const id of removed) this.#kept.delete(id);
    });
  }

  /**
   * A connection's checked entries, with the rules of y-protocols' applyAwarenessUpdate: a newer
   * clock wins, a removal at the same clock removes; `change` fires when a state differs.
   */
  apply(entries: readonly AwarenessEntry[], origin: unknown): void {
    const { awareness } = this;
    const now = Date.now();
    const added: number[] = [];
    const updated: number[] = [];
    const changed: number[] = [];
    const removed: number[] = [];
    for (const entry of entries) {
      const { clientId, clock } = entry;
      const meta = awareness.meta.get(clientId);
      const removal = isRemoval(entry);
      const known = awareness.states.has(clientId);
      const current = meta?.clock ?? 0;
      if (!(current < clock || (current === clock && removal && known))) continue;
      const before = this.#kept.get(clientId);
      if (removal) {
        awareness.states.delete(clientId);
        this.#kept.delete(clientId);
      } else {
        const state = entry.parsed !== undefined ? entry.parsed : parseState(entry);
        awareness.states.set(clientId, state);
        this.#kept.set(clientId, { state, bytes: entry.state });
      }
      awareness.meta.set(clientId, { clock, lastUpdated: now });
      if (meta === undefined && !removal) added.push(clientId);
      else if (meta !== undefined && removal) removed.push(clientId);
      else if (!removal) {
        updated.push(clientId);
        if (!before || !sameBytes(before.bytes, entry.state)) changed.push(clientId);
      }
    }
    if (added.length + changed.length + removed.length > 0) awareness.emit('change', [{ added, updated: changed, removed }, origin]);
    if (added.length + updated.length + removed.length > 0) awareness.emit('update', [{ added, updated, removed }, origin]);
  }

  /** An awareness update (y-protocols encoding) of these clients' states, as they are now. */
  encode(clients: readonly number[]): Uint8Array {
    const { awareness } = this;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, clients.length);
    for (const id of clients) {
      const state = awareness.states.get(id) ?? null;
      const kept = this.#kept.get(id);
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, awareness.meta.get(id)?.clock ?? 0);
      // A state set some other way (the relay, a timeout) is written out as y-protocols would.
      if (kept && kept.state === state) encoding.writeVarUint8Array(encoder, kept.bytes);
      else encoding.writeVarString(encoder, JSON.stringify(state));
    }
    return encoding.toUint8Array(encoder);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
