/**
 * Our own messages (tag MessageType.request): JSON requests a client makes of the server where a
 * plain Yjs write would let a crafted client break a rule — e.g. voting, which the server checks
 * against each voter's budget and records as counts only. Each has a zod schema.
 */
import { z } from 'zod';

/** A voter is a random id the browser keeps; one connection speaks for one voter. */
export const VoterId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const VoteRequest = z
  .object({
    t: z.literal('vote'),
    voter: VoterId,
    voteId: z.string().min(1).max(64),
    noteId: z.string().min(1).max(200),
    delta: z.union([z.literal(1), z.literal(-1)]),
  })
  .strict();

/** Asks for this voter's own allocation in the open vote (after a reload, say). */
export const MyVotesRequest = z.object({ t: z.literal('my-votes'), voter: VoterId, voteId: z.string().min(1).max(64) }).strict();

export const ClientRequest = z.discriminatedUnion('t', [VoteRequest, MyVotesRequest]);
export type ClientRequest = z.infer<typeof ClientRequest>;

/** The server's private answer to the connection that asked. */
export type ServerReply =
  | { t: 'my-votes'; voteId: string; mine: Record<string, number>; left: number }
  | { t: 'refused'; request: ClientRequest['t']; reason: RefusalReason };

export const RefusalReason = {
  noOpenVote: 'no open vote with this id',
  notInVote: 'this note is not part of the vote',
  budgetSpent: 'no votes left',
  capReached: 'this note has as many votes as one person may give it',
  nothingToTakeBack: 'no vote of yours on this note',
  voterTaken: 'this voter is in use on another connection',
  roleMayNotVote: 'this role may not vote',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];
