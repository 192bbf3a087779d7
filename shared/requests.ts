/**
 * Our own messages (tag MessageType.request): JSON requests a client makes of the server where a
 * plain Yjs write would let a crafted client break a rule — e.g. voting, which the server checks
 * against each voter's budget and records as counts only. Each has a zod schema.
 */
import { z } from 'zod';

/**
 * Every request carries a short id of the caller's choosing, and the reply names it: replies may
 * come back in any order (closing the meeting is slow, a vote is not), so callers match by id.
 */
export const RequestId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);

/** A person's random id, kept by the browser: one connection speaks for one person. */
export const VoterId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const VoteRequest = z.object({
    id: RequestId,
    t: z.literal('vote'),
    voter: VoterId,
    voteId: z.string().min(1).max(64),
    noteId: z.string().min(1).max(200),
    delta: z.union([z.literal(1), z.literal(-1)]),
  })
  .strict();

/** Asks for this voter's own allocation in the open vote (after a reload, say). */
export const MyVotesRequest = z.object({ id: RequestId, t: z.literal('my-votes'), voter: VoterId, voteId: z.string().min(1).max(64) }).strict();

/** Joining: the name and city a person gave, for the attendance list (the server writes it). */
export const JoinRequest = z.object({
    id: RequestId,
    t: z.literal('join'),
    person: VoterId,
    name: z.string().trim().min(1).max(120),
    city: z.string().trim().max(120),
  })
  .strict();

/** A person leaves themselves out of (or back into) the attendance in the summary note. */
export const AttendanceOptOutRequest = z.object({ id: RequestId, t: z.literal('attendance-opt-out'), person: VoterId, optOut: z.boolean() }).strict();

/** An answer to the open poll: option indexes (single/multiple), a 1–5 value (scale) or a short text. */
export const PollAnswerRequest = z.object({
    id: RequestId,
    t: z.literal('poll-answer'),
    person: VoterId,
    pollId: z.string().min(1).max(64),
    choices: z.array(z.number().int().min(0).max(19)).max(20).optional(),
    scale: z.number().int().min(1).max(5).optional(),
    text: z.string().trim().min(1).max(280).optional(),
  })
  .strict();

/** A key of the attendance list (`attendance:<key>` in the session). */
export const AttendanceKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * Hosts edit the attendance list (lista obecności): add someone who never opened the board, mark
 * a person present or not, leave them out of the note, correct a name, merge two entries of one
 * person (the first goes into the second), remove one.
 */
export const AttendanceEditRequest = z.object({
  id: RequestId,
  t: z.literal('attendance-edit'),
  edit: z.discriminatedUnion('op', [
    z.object({ op: z.literal('add'), name: z.string().trim().min(1).max(120), city: z.string().trim().max(120), function: z.string().trim().max(120).default('') }).strict(),
    z
      .object({
        op: z.literal('set'),
        key: AttendanceKey,
        name: z.string().trim().min(1).max(120).optional(),
        city: z.string().trim().max(120).optional(),
        present: z.boolean().optional(),
        optOut: z.boolean().optional(),
      })
      .strict(),
    z.object({ op: z.literal('merge'), from: AttendanceKey, into: AttendanceKey }).strict(),
    z.object({ op: z.literal('remove'), key: AttendanceKey }).strict(),
  ]),
}).strict();

/** Hosts, after the export: clear everything but the public frames (rule R5). */
export const CloseMeetingRequest = z.object({ id: RequestId, t: z.literal('close-meeting'), confirm: z.literal(true) }).strict();

/** Hosts: what was deleted from the canvas during this meeting ("Kosz"), kept in server memory only. */
export const BinListRequest = z.object({ id: RequestId, t: z.literal('bin-list') }).strict();

/** Hosts: put a deleted record (and what was deleted with it) back on the canvas. */
export const BinRestoreRequest = z.object({ id: RequestId, t: z.literal('bin-restore'), recordId: z.string().min(1).max(200) }).strict();

export const ClientRequest = z.discriminatedUnion('t', [
  VoteRequest,
  MyVotesRequest,
  JoinRequest,
  AttendanceOptOutRequest,
  AttendanceEditRequest,
  PollAnswerRequest,
  CloseMeetingRequest,
  BinListRequest,
  BinRestoreRequest,
]);
export type ClientRequest = z.infer<typeof ClientRequest>;

/** A request as a caller writes it; the sending code gives it its id. */
export type RequestBody = WithoutId<ClientRequest>;
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;

/** The server's private answer to the connection that asked. */
/** One entry of the bin as hosts see it: the deleted shape with a short plain-text preview. */
export interface BinItem {
  /** The deleted shape's record id (what `bin-restore` takes). */
  id: string;
  /** The tldraw shape type: note, text, geo, arrow… */
  shapeType: string;
  /** The start of its text, for recognising it (hosts only; never logged). */
  preview: string;
  /** The name of the frame (step) it was in, if any. */
  frameName: string;
  /** Shapes that went with it (e.g. a frame's contents). */
  alsoRestores: number;
  deletedAt: string;
}

/** What a handler answers; on the wire it carries the request's id (`ReplyMessage`). */
export type ServerReply =
  | { t: 'my-votes'; voteId: string; mine: Record<string, number>; left: number }
  | { t: 'bin'; items: BinItem[] }
  | { t: 'ok'; request: ClientRequest['t'] }
  | { t: 'refused'; request: ClientRequest['t']; reason: RefusalReason };

export type ReplyMessage = ServerReply & { id: string };

export const RefusalReason = {
  noOpenVote: 'no open vote with this id',
  notInVote: 'this note is not part of the vote',
  budgetSpent: 'no votes left',
  capReached: 'this note has as many votes as one person may give it',
  nothingToTakeBack: 'no vote of yours on this note',
  voterTaken: 'this voter is in use on another connection',
  roleMayNotVote: 'this role may not vote',
  hostsOnly: 'only hosts may do this',
  noOpenPoll: 'no open poll with this id',
  alreadyAnswered: 'you have answered this poll already',
  answerDoesNotFit: 'the answer does not fit the poll',
  boardNotLoaded: 'the board is not open on this server',
  notInBin: 'nothing with this id in the bin',
  noSuchEntry: 'no such entry on the attendance list',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];
