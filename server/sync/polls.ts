/**
 * Live polls kept by the server: one answer per person per poll, written as counts and texts.
 * Who has answered is known to this process only while the poll lives, never stored.
 */
import { RefusalReason, type ClientRequest, type ServerReply } from '../../shared/requests';
import { PollResults, PollState, SESSION_MAP, pollSlots } from '../../shared/session';
import type { z } from 'zod';
import type { PollAnswerRequest } from '../../shared/requests';
import type { Room } from './room';
import { Origin } from './origin';
import { refuse } from './votes';


export class PollBox {
  #pollId: string | undefined;
  #answered = new Set<string>();

  constructor(private readonly control: Room) {}

  /** The caller has checked that this connection speaks for `request.person`. */
  answer(request: z.infer<typeof PollAnswerRequest>): ServerReply {
    const session = this.control.doc.getMap(SESSION_MAP);
    const parsed = PollState.safeParse(session.get('poll'));
    if (!parsed.success || parsed.data.id !== request.pollId || parsed.data.state !== 'open') return refuse(request as ClientRequest, RefusalReason.noOpenPoll);
    const poll = parsed.data;
    if (this.#pollId !== poll.id) {
      this.#pollId = poll.id;
      this.#answered = new Set();
    }
    if (this.#answered.has(request.person)) return refuse(request, RefusalReason.alreadyAnswered);
    const next = applyAnswer(poll, request);
    if (!next) return refuse(request, RefusalReason.answerDoesNotFit);
    this.#answered.add(request.person);
    this.control.doc.transact(() => {
      session.set('poll', next);
      session.set('pollResults', withPollFiled(session.get('pollResults'), next));
    }, Origin.poll);
    return { t: 'ok', request: request.t };
  }
}

/** The poll with one more answer, or null when the answer is not one this poll takes. */
export function applyAnswer(poll: PollState, answer: z.infer<typeof PollAnswerRequest>): PollState | null {
  const counts = [...poll.counts];
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
      return { ...poll, texts: [...poll.texts, answer.text].sort((a, b) => a.localeCompare(b)), answered: poll.answered + 1 };
  }
  return { ...poll, counts: counts.map((n) => n ?? 0), answered: poll.answered + 1 };
}

/** The poll archive with this poll (as it is now) filed under its id. */
export function withPollFiled(archive: unknown, poll: PollState): PollResults {
  const parsed = PollResults.safeParse(archive ?? {});
  return { ...(parsed.success ? parsed.data : {}), [poll.id]: poll };
}

/**
 * A host's write of the poll, made safe: hosts ask, show, close and mark agreed, but the answers
 * (counts, texts, how many answered) are the server's — a new poll starts empty.
 */
export function guardHostPoll(next: PollState, previousValue: unknown): PollState {
  const previous = PollState.safeParse(previousValue);
  const answers =
    previous.success && previous.data.id === next.id
      ? { counts: previous.data.counts, texts: previous.data.texts, answered: previous.data.answered, kind: previous.data.kind, options: previous.data.options }
      : { counts: new Array<number>(pollSlots(next)).fill(0), texts: [], answered: 0, kind: next.kind, options: next.options };
  return { ...next, ...answers };
}
