/**
 * The rules every write to a board's canvas is checked against before any of it enters the room's
 * document (docs/architecture.md lists each with the test that proves it). A refused update is
 * refused whole; the author is told which rule refused it with a `WriteRefusal` notice.
 */
import { z } from 'zod';

export const WriteRule = {
  /** Only hosts set or clear a host flag in `meta` (public, agreed, action, template, stepId, areaId). */
  hostMeta: 'G1',
  /** Only hosts change, move or delete a template element (a step's frame, its areas and instructions). */
  template: 'G2',
  /** Every record written is a valid tldraw record of a shared type, stored under its own id. */
  validRecord: 'G3',
  /** While a host has locked the board, only hosts change it. */
  locked: 'G4',
  /** Only hosts change, move or delete what the group agreed (`meta.agreed`). */
  agreed: 'G5',
  /** Deleting more than a handful of shapes at once is a host action. */
  bulkDelete: 'G6',
  /** Pages and the document record (their names included) are the hosts'. */
  pages: 'G7',
  /** A shape's parent exists (a page, frame or group) and parents never form a cycle; bindings join shapes. */
  parents: 'G8',
  /** Sizes are bounded: a text, a record, an update, the whole board, a state vector. */
  size: 'G9',
  /** Only the `tldraw` array of `{ key, val }` entries is writable; nothing else in the document. */
  structure: 'G10',
  /** An update that needs changes the server does not have (a refused one, say) is refused too. */
  missing: 'G11',
} as const;
export type WriteRule = (typeof WriteRule)[keyof typeof WriteRule];

/** Rules an honest tldraw can break (a notice, the connection stays); the others mean a broken client. */
export const HONEST_RULES: readonly WriteRule[] = [
  WriteRule.hostMeta,
  WriteRule.template,
  WriteRule.locked,
  WriteRule.agreed,
  WriteRule.bulkDelete,
  WriteRule.pages,
  WriteRule.size,
  WriteRule.missing,
];

/** Host flags in a record's `meta`; anything else in `meta` is free for everyone. */
export const HOST_ONLY_META_KEYS = ['public', 'agreed', 'action', 'template', 'stepId', 'areaId'] as const;

/**
 * Sent by the server on the canvas room (MessageType.notice) to the connection whose update it
 * refused. The client discards its local copy, takes the server's state again and tells the person
 * in their language, by rule. `reason` is short English for logs and stock clients; never content.
 */
export const WriteRefusal = z.object({
  t: z.literal('write-refused'),
  rule: z.enum(Object.values(WriteRule) as [WriteRule, ...WriteRule[]]),
  reason: z.string().max(200),
});
export type WriteRefusal = z.infer<typeof WriteRefusal>;

/** The bounds of rule G9, set from the environment (server/config.ts). */
export interface WriteLimits {
  /** Characters of plain text in one record (a note's text, a frame's name). */
  maxTextChars: number;
  /** Bytes of one record as JSON. */
  maxRecordBytes: number;
  /** Bytes of one Yjs update from a client. */
  maxUpdateBytes: number;
  /** Records on one board. */
  maxRecords: number;
  /** Bytes of all the board's records as JSON. */
  maxBoardBytes: number;
  /** Bytes of a state vector a client sends in sync step 1. */
  maxStateVectorBytes: number;
}

export const DEFAULT_WRITE_LIMITS: WriteLimits = {
  maxTextChars: 4000,
  maxRecordBytes: 32 * 1024,
  maxUpdateBytes: 4 * 1024 * 1024,
  maxRecords: 20_000,
  maxBoardBytes: 32 * 1024 * 1024,
  maxStateVectorBytes: 256 * 1024,
};

/** Shapes a participant may delete in one update before it becomes a host action (G6). */
export const MAX_PARTICIPANT_DELETES = 5;
