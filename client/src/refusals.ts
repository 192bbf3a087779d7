/**
 * The server refuses a request with a reason in English (shared/requests.ts, one text per rule);
 * people read it in their own language. Every reason has its message here — the type checker
 * makes sure of it.
 */
import { RefusalReason } from '../../shared/requests';
import type { MessageKey } from './messages';

const REFUSAL_MESSAGES: Record<keyof typeof RefusalReason, MessageKey> = {
  noOpenVote: 'refusedNoOpenVote',
  notInVote: 'refusedNotInVote',
  budgetSpent: 'refusedBudgetSpent',
  capReached: 'refusedCapReached',
  nothingToTakeBack: 'refusedNothingToTakeBack',
  voterTaken: 'refusedVoterTaken',
  roleMayNotVote: 'refusedRoleMayNotVote',
  hostsOnly: 'refusedHostsOnly',
  noOpenPoll: 'refusedNoOpenPoll',
  alreadyAnswered: 'refusedAlreadyAnswered',
  answerDoesNotFit: 'refusedAnswerDoesNotFit',
  boardNotLoaded: 'refusedBoardNotLoaded',
  notInBin: 'refusedNotInBin',
  noSuchEntry: 'refusedNoSuchEntry',
};

/** The message for a refusal's reason; a reason this client does not know reads as a general error. */
export function refusalMessage(reason: string): MessageKey {
  const rule = (Object.keys(RefusalReason) as (keyof typeof RefusalReason)[]).find((key) => RefusalReason[key] === reason);
  return rule ? REFUSAL_MESSAGES[rule] : 'errorGeneric';
}
