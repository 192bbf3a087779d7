/**
 * Dot voting, kept by the server: each request is checked against the voter's budget and the
 * per-note cap, and only the counts are written to the session. Who gave which vote lives in this
 * process's memory while the vote is open, and nowhere else.
 */
import { isHost } from '../../shared/roles';
import { RefusalReason, type ClientRequest, type ServerReply } from '../../shared/requests';
import type { z } from 'zod';
import type { MyVotesRequest, VoteRequest } from '../../shared/requests';
import { SESSION_MAP, VoteState } from '../../shared/session';
import type { CanvasRecord } from '../../shared/projection';
import type { Connection } from './connection';
import type { Room } from './room';
import { Origin } from './origin';


type VotingRequest = z.infer<typeof VoteRequest> | z.infer<typeof MyVotesRequest>;

type Allocation = Map<string, number>;

export class VoteLedger {
  /** voteId → voter → note → votes given; dropped when another vote starts. */
  #voteId: string | undefined;
  #allocations = new Map<string, Allocation>();

  constructor(
    private readonly control: Room,
    private readonly canvas: () => Room | undefined,
  ) {}

  /** The caller has checked that this connection speaks for `request.voter`. */
  handle(connection: Connection, request: VotingRequest): ServerReply {
    if (!isHost(connection.role) && connection.role !== 'participant') return refuse(request, RefusalReason.roleMayNotVote);
    const vote = this.#openVote(request.voteId);
    if (!vote) return refuse(request, RefusalReason.noOpenVote);
    const mine = this.#allocation(request.voter);
    if (request.t === 'vote') {
      const refusal = this.#apply(vote, mine, request.noteId, request.delta);
      if (refusal) return refuse(request, refusal);
    }
    return { t: 'my-votes', voteId: vote.id, mine: Object.fromEntries(mine), left: vote.votesPerPerson - total(mine) };
  }

  #apply(vote: VoteState, mine: Allocation, noteId: string, delta: 1 | -1): RefusalReason | undefined {
    const given = mine.get(noteId) ?? 0;
    if (delta === 1) {
      if (!this.#isOnBallot(vote, noteId)) return RefusalReason.notInVote;
      if (total(mine) >= vote.votesPerPerson) return RefusalReason.budgetSpent;
      if (vote.capPerNote !== null && given >= vote.capPerNote) return RefusalReason.capReached;
    } else if (given === 0) {
      return RefusalReason.nothingToTakeBack;
    }
    if (given + delta === 0) mine.delete(noteId);
    else mine.set(noteId, given + delta);
    const counts = { ...vote.counts, [noteId]: (vote.counts[noteId] ?? 0) + delta };
    if (counts[noteId] === 0) delete counts[noteId];
    this.control.doc.transact(() => {
      this.control.doc.getMap(SESSION_MAP).set('vote', { ...vote, counts });
    }, Origin.vote);
    return undefined;
  }

  #openVote(voteId: string): VoteState | undefined {
    const parsed = VoteState.safeParse(this.control.doc.getMap(SESSION_MAP).get('vote'));
    if (!parsed.success || parsed.data.id !== voteId || parsed.data.state !== 'open') return undefined;
    if (this.#voteId !== voteId) {
      this.#voteId = voteId;
      this.#allocations = new Map();
    }
    return parsed.data;
  }

  #allocation(voter: string): Allocation {
    let mine = this.#allocations.get(voter);
    if (!mine) this.#allocations.set(voter, (mine = new Map()));
    return mine;
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

function total(allocation: Allocation): number {
  let sum = 0;
  for (const n of allocation.values()) sum += n;
  return sum;
}

export function refuse(request: ClientRequest, reason: RefusalReason): ServerReply {
  return { t: 'refused', request: request.t, reason };
}
