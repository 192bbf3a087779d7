/**
 * Live polls kept by the server: one answer per person per poll ("answered once" in the ledger,
 * across instances with Redis), added to this instance's own tally,
 * `pollTally:<pollId>:<instanceId>`, as counts and texts — never who answered what. Readers sum
 * the tallies (shared/sessionTotals.ts).
 */
import { RefusalReason, type ServerReply } from '../../shared/requests';
import { PollResults, PollState, PollTally, SESSION_MAP, SessionPrefix, pollSlots } from '../../shared/session';
import type { z } from 'zod';
import type { PollAnswerRequest } from '../../shared/requests';
import type { Room } from './room';
import { Origin } from './origin';
import { refuse } from './votes';
import type { Ledger } from '../people/ledger';

export class PollBox {
  constructor(
    private readonly control: Room,
    private readonly ledger: Ledger,
    private readonly instanceId: string,
  ) {}

  /** `person` is the ledger's digest of whoever the connection speaks for (checked by the caller). */
  async answer(request: z.infer<typeof PollAnswerRequest>, person: string): Promise<ServerReply> {
    const session = this.control.doc.getMap(SESSION_MAP);
    const parsed = PollState.safeParse(session.get('poll'));
    if (!parsed.success || parsed.data.id !== request.pollId || parsed.data.state !== 'open') return refuse(request, RefusalReason.noOpenPoll);
    const poll = parsed.data;
    if (!applyAnswer(poll, emptyTally(poll), request)) return refuse(request, RefusalReason.answerDoesNotFit);
    if (!(await this.ledger.answerOnce(`${this.control.boardId}:poll:${poll.id}`, person))) return refuse(request, RefusalReason.alreadyAnswered);
    const key = `${SessionPrefix.pollTally}${poll.id}:${this.instanceId}`;
    const current = PollTally.safeParse(session.get(key));
    const next = applyAnswer(poll, current.success ? current.data : emptyTally(poll), request)!;
    this.control.doc.transact(() => session.set(key, next), Origin.poll);
    return { t: 'ok', request: request.t };
  }
}

function emptyTally(poll: PollState): PollTally {
  return { counts: new Array<number>(pollSlots(poll)).fill(0), texts: [], answered: 0 };
}

/** The tally with one more answer, or null when the answer is not one this poll takes. */
export function applyAnswer(poll: PollState, tally: PollTally, answer: z.infer<typeof PollAnswerRequest>): PollTally | null {
  const counts = Array.from({ length: pollSlots(poll) }, (_, i) => tally.counts[i] ?? 0);
  switch (poll.kind) {
    case 'single':
    case 'multiple': {
      const choices = [...new Set(answer.choices ?? [])];
      if (choices.length === 0 || (poll.kind === 'single' && choices.length !== 1)) return null;
      if (choices.some((c) => c >= poll.options.length)) return null;
      for (const c of choices) counts[c] = (counts[c] ?? 0) + 1;
      break;
    }
    case 'scale':
      if (answer.scale === undefined) return null;
      counts[answer.scale - 1] = (counts[answer.scale - 1] ?? 0) + 1;
      break;
    case 'text':
      if (!answer.text) return null;
      // Kept in order of arrival would hint at who wrote what: the list is kept sorted.
      return { counts, texts: [...tally.texts, answer.text].sort((a, b) => a.localeCompare(b)), answered: tally.answered + 1 };
  }
  return { counts, texts: tally.texts, answered: tally.answered + 1 };
}

/** The poll archive with this poll (as hosts asked it) filed under its id. */
export function withPollFiled(archive: unknown, poll: PollState): PollResults {
  const parsed = PollResults.safeParse(archive ?? {});
  return { ...(parsed.success ? parsed.data : {}), [poll.id]: poll };
}

/**
 * A host's write of the poll, made safe: hosts ask, show, close and mark agreed, but the answers
 * are the server's — counts kept the older way stay as they were, a new poll has none.
 */
export function guardHostPoll(next: PollState, previousValue: unknown): PollState {
  const previous = PollState.safeParse(previousValue);
  const answers =
    previous.success && previous.data.id === next.id
      ? { counts: previous.data.counts, texts: previous.data.texts, answered: previous.data.answered, kind: previous.data.kind, options: previous.data.options }
      : { counts: new Array<number>(pollSlots(next)).fill(0), texts: [], answered: 0, kind: next.kind, options: next.options };
  return { ...next, ...answers };
}
