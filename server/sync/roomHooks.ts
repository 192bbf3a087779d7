/**
 * The typed hooks a room runs in one order (docs/architecture.md, "The room pipeline"). Meeting
 * features — the write checks, the bin, votes and polls, the public projection, the Redis relay —
 * are hooks; the transport (connection.ts) only hands updates to `Room.receiveUpdate`.
 */
import type * as Y from 'yjs';
import type { CloseCode } from '../../shared/protocol';
import type { WriteRule } from '../../shared/writeRules';
import type { Writer } from './origin';
import type { Room } from './room';
import type { AwarenessEntry } from './awarenessEntries';

export type WriteVerdict =
  | {
      ok: true;
      /**
       * Applies the update as the check already read it (its decoded structs), instead of the
       * room decoding the bytes again. Given by one check at most (the canvas check).
       */
      integrate?: (doc: Y.Doc, origin: unknown) => void;
    }
  | {
      ok: false;
      rule: WriteRule;
      /** Short English, no content. */
      reason: string;
      /** Set when the connection is to be closed (a broken or hostile client) rather than told. */
      close?: { code: CloseCode; reason: string };
    };

export const ACCEPTED: WriteVerdict = { ok: true };

export interface RoomHooks {
  /** For logs and metrics when the hook fails. */
  readonly name: string;
  /** Once the stored state is in the document, before the room answers anyone (in hook order). */
  load?(room: Room): Promise<void> | void;
  /** Decides on a client's update before any of it enters the document; the first refusal wins. */
  check?(update: Uint8Array, writer: Writer): WriteVerdict;
  /** Wraps the room's apply of an update every check accepted (a check's copy already holds it). */
  applying?(writer: Writer, apply: () => void): void;
  /** After any change entered the document, whoever made it. */
  changed?(update: Uint8Array, origin: unknown): void;
  /** Rewrites or drops the presence entries a connection sets for its own clients, before they apply. */
  presence?(entries: AwarenessEntry[], writer: Writer): AwarenessEntry[];
  /** Right before the room's state is written to storage. */
  store?(): void;
  /** When the room is destroyed (unloaded, reloaded or at shutdown). */
  destroy?(): void;
}
