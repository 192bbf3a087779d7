/**
 * Dot voting, kept by the server: each request is checked against the person's budget and the
 * per-note cap in the ledger (server/people/ledger.ts: memory, or Redis across instances), and
 * this instance adds the vote to its own tally, `voteTally:<voteId>:<instanceId>` — no other
 * writer touches that key, so instances never overwrite each other's counts; readers sum them
 * (shared/sessionTotals.ts). Who gave which vote is never written to a document.
 */
import { isHost } from '../../shared/roles';
import { RefusalReason, type ClientRequest, type ServerReply } from '../../shared/requests';
import type { z } from 'zod';
import type { MyVotesRequest, VoteRequest } from '../../shared/requests';
import { SESSION_MAP, SessionPrefix, VoteState, VoteTally } from '../../shared/session';
import type { CanvasRecord } from '../../shared/projection';
import type { Connection } from './connection';
import type { Room } from './room';
import { Origin } from './origin';
import type { Ledger, VoteOutcome } from '../people/ledger';

type VotingRequest = z.infer<typeof VoteRequest> | z.infer<typeof MyVotesRequest>;

const REFUSAL: Record<Exclude<VoteOutcome, 'ok'>, RefusalReason> = {
  budget: RefusalReason.budgetSpent,
  cap: RefusalReason.capReached,
  nothing: RefusalReason.nothingToTakeBack,
};

export class VoteBox {
  constructor(
    private readonly control: Room,
    private readonly canvas: () => Room | undefined,
    private readonly ledger: Ledger,
    private readonly instanceId: string,
  ) {}

  /** `person` is the ledger's digest of whoever the connection speaks for (checked by the caller). */
  async handle(connection: Connection, request: VotingRequest, person: string): Promise<ServerReply> {
    if (!isHost(connection.role) && connection.role !== 'participant') return refuse(request, RefusalReason.roleMayNotVote);
    const vote = this.#openVote(request.voteId);
    if (!vote) return refuse(request, RefusalReason.noOpenVote);
    const scope = `${this.control.boardId}:${vote.id}`;
    let mine: Record<string, number>;
    if (request.t === 'vote') {
      if (request.delta === 1 && !this.#isOnBallot(vote, request.noteId)) return refuse(request, RefusalReason.notInVote);
      const result = await this.ledger.vote(scope, person, request.noteId, { delta: request.delta, budget: vote.votesPerPerson, cap: vote.capPerNote });
      if (result.outcome !== 'ok') return refuse(request, REFUSAL[result.outcome]);
      this.#addToTally(vote.id, request.noteId, request.delta);
      mine = result.mine;
    } else {
      mine = await this.ledger.allocation(scope, person);
    }
    const given = Object.values(mine).reduce((sum, n) => sum + n, 0);
    return { t: 'my-votes', voteId: vote.id, mine, left: Math.max(0, vote.votesPerPerson - given) };
  }

  /** This instance's tally of the vote, one more (or one less) on the note. */
  #addToTally(voteId: string, noteId: string, delta: 1 | -1): void {
    const session = this.control.doc.getMap(SESSION_MAP);
    const key = `${SessionPrefix.voteTally}${voteId}:${this.instanceId}`;
    const parsed = VoteTally.safeParse(session.get(key) ?? {});
    const tally = { ...(parsed.success ? parsed.data : {}) };
    tally[noteId] = (tally[noteId] ?? 0) + delta;
    if (tally[noteId] === 0) delete tally[noteId];
    this.control.doc.transact(() => session.set(key, tally), Origin.vote);
  }

  #openVote(voteId: string): VoteState | undefined {
    const parsed = VoteState.safeParse(this.control.doc.getMap(SESSION_MAP).get('vote'));
    if (!parsed.success || parsed.data.id !== voteId || parsed.data.state !== 'open') return undefined;
    return parsed.data;
  }

  /** A note on the canvas inside the vote's frame, at any depth. */
  #isOnBallot(vote: VoteState, noteId: string): boolean {
    const records = this.canvas()?.records;
    if (!records) return false;
    let record = records.get(noteId) as CanvasRecord | undefined;
    if (record?.typeName !== 'shape' || record.type !== 'note') return false;
    for (let depth = 0; record?.parentId && depth < 50; depth++) {
      if (record.parentId === vote.frameId) return true;
      record = records.get(record.parentId) as CanvasRecord | undefined;
    }
    return false;
  }
}

export function refuse(request: ClientRequest | VotingRequest, reason: RefusalReason): ServerReply {
  return { t: 'refused', request: request.t, reason };
}
