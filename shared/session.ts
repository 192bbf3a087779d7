/**
 * The session document (`{boardId}/control`): the meeting's state in one Y.Map, written by hosts
 * (and by the server on behalf of participants: votes). Each field has a zod schema here, so the
 * server, the client and the summary note read it the same way.
 */
import { z } from 'zod';
import { FORMAT_IDS, LOCALES } from './api';
import { ReviewStatusValue } from './network/review';

/** The Y.Map holding the session's fields. */
export const SESSION_MAP = 'session';

/** An id as it may appear inside a session key (a vote's, a poll's, an instance's, a person's). */
export const KEY_PART = /^[A-Za-z0-9_-]{1,64}$/;

/** Session fields that observers may see (copied into the public room); nothing else is. */
export const PUBLIC_SESSION_FIELDS = ['title', 'formatId', 'currentStepId', 'timer'] as const;

/**
 * A step's countdown. Hosts write `state` and `remainingMs`; the server stamps `startedAt` with
 * its own clock whenever a host starts or changes a running timer, so every device counts down
 * from the same instant (each device corrects by its offset to the server's clock).
 */
export const TimerState = z.object({
  stepId: z.string().max(40).nullable(),
  state: z.enum(['idle', 'running', 'paused', 'finished']),
  /** Time left when the timer was last started, paused or reset. */
  remainingMs: z.number().int().min(0).max(24 * 3_600_000),
  /** Server time (ms since epoch) at which it last started running; set by the server. */
  startedAt: z.number().int().nullable(),
});
export type TimerState = z.infer<typeof TimerState>;

/** Milliseconds left on the timer at server time `serverNow`. */
export function timerRemainingMs(timer: TimerState, serverNow: number): number {
  if (timer.state !== 'running' || timer.startedAt === null) return timer.remainingMs;
  return Math.max(0, timer.remainingMs - (serverNow - timer.startedAt));
}

export const SessionBasics = z.object({
  title: z.string().min(1).max(200),
  locale: z.enum(LOCALES),
  createdAt: z.string(),
  formatId: z.enum(FORMAT_IDS).optional(),
  currentStepId: z.string().max(40).nullable().optional(),
});

/**
 * The dot vote in progress (or the last one). Hosts start and end it; `counts` is written only by
 * the server, from checked requests — who gave which vote is never written anywhere.
 */
export const VoteState = z.object({
  id: z.string().regex(KEY_PART),
  stepId: z.string().max(40).nullable(),
  /** The frame whose notes are on the ballot. */
  frameId: z.string().min(1).max(200),
  votesPerPerson: z.number().int().min(1).max(50),
  /** The most votes one person may give one note; null for no cap. */
  capPerNote: z.number().int().min(1).max(50).nullable(),
  state: z.enum(['open', 'closed']),
  /** Boards from before per-instance tallies kept the counts here; readers add them (`voteCounts`). */
  counts: z.record(z.string(), z.number().int().min(0)).optional(),
});
export type VoteState = z.infer<typeof VoteState>;

/**
 * Finished votes by id, kept for the summary note: where each was held. The counts are the sum of
 * the vote's tallies (`voteCounts`); boards from before the tallies kept them here.
 */
export const VoteResults = z.record(
  z.string(),
  z.object({ stepId: z.string().nullable(), frameId: z.string(), counts: z.record(z.string(), z.number().int().min(0)).optional() }),
);
export type VoteResults = z.infer<typeof VoteResults>;



/**
 * A live poll (the expert's short surveys). Hosts ask and close it; the answers are written by
 * the server as counts per option (or per scale value 1–5) and a list of texts — never who
 * answered what.
 */
export const PollState = z.object({
  id: z.string().regex(KEY_PART),
  stepId: z.string().max(40).nullable(),
  question: z.string().min(1).max(300),
  kind: z.enum(['single', 'multiple', 'scale', 'text']),
  options: z.array(z.string().min(1).max(120)).max(20),
  state: z.enum(['open', 'closed']),
  /** Answers kept here by boards from before the per-instance tallies; readers add them (`pollAnswers`). */
  counts: z.array(z.number().int().min(0)).max(20).default([]),
  texts: z.array(z.string().max(280)).max(500).default([]),
  answered: z.number().int().min(0).default(0),
  /** Shown on the board and projector. */
  shown: z.boolean(),
  /** Marked agreed by a host: then it goes into the summary note. */
  agreed: z.boolean(),
});
export type PollState = z.infer<typeof PollState>;

/** Polls that were asked, by id (the current one included), for the board's chart and the note. */
export const PollResults = z.record(z.string(), PollState);
export type PollResults = z.infer<typeof PollResults>;

/** How many count slots a poll has: one per option, or five for a 1–5 scale. */
export function pollSlots(poll: Pick<PollState, 'kind' | 'options'>): number {
  return poll.kind === 'scale' ? 5 : poll.kind === 'text' ? 0 : poll.options.length;
}

export const MEETING_MODES = ['room', 'online', 'hybrid'] as const;

/** Meeting details for the summary note, edited by hosts in the host panel. */
export const MeetingDetails = z.object({
  network: z.string().max(200).default(''),
  meetingTitle: z.string().max(200).default(''),
  meetingNumber: z.string().max(40).default(''),
  date: z.string().max(40).default(''),
  place: z.string().max(200).default(''),
  /** Empty until the hosts choose one: the note names the form only when it was chosen. */
  mode: z.union([z.enum(MEETING_MODES), z.literal('')]).default(''),
  hosts: z.array(z.string().max(120)).max(10).default([]),
  nextMeeting: z.string().max(500).default(''),
});
export type MeetingDetails = z.infer<typeof MeetingDetails>;

/**
 * The meeting's attendance list (lista obecności), one session key per person:
 * `attendance:<key>`, written whole by the server, one request at a time. The key is the person
 * id of an invited person's personal link, or a digest of a walk-in's device id. Name and city
 * as given (or as the hosts typed them on the invitation list); hosts edit it through requests;
 * a person who opts out is left out of the note, someone invited who never came is not listed.
 */
export const AttendanceEntry = z.object({
  name: z.string().min(1).max(120),
  city: z.string().max(120),
  role: z.enum(['facilitator', 'expert', 'participant', 'observer']),
  optOut: z.boolean().default(false),
  /** What the person does in their city (from the invitation list). */
  function: z.string().max(120).default(''),
  /** On the invitation list (has a personal link). */
  invited: z.boolean().default(false),
  /** Came (opened the board, or a host said so); entries from before invitations were all present. */
  present: z.boolean().default(true),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;
export const Attendance = z.record(z.string(), AttendanceEntry);
export type Attendance = z.infer<typeof Attendance>;

/** Keys of the session map written per person or per instance, so concurrent writers never meet. */
export const SessionPrefix = {
  /** `attendance:<key>` → AttendanceEntry. */
  attendance: 'attendance:',
  /** `voteTally:<voteId>:<instanceId>` → VoteTally, written by that instance only. */
  voteTally: 'voteTally:',
  /** `pollTally:<pollId>:<instanceId>` → PollTally, written by that instance only. */
  pollTally: 'pollTally:',
} as const;

/** The votes one instance took in one vote, by note (a vote taken back on another instance can make one negative). */
export const VoteTally = z.record(z.string(), z.number().int());
export type VoteTally = z.infer<typeof VoteTally>;

/** The answers one instance took in one poll: counts per slot, texts (sorted), how many answered. */
export const PollTally = z.object({
  counts: z.array(z.number().int().min(0)).max(20),
  texts: z.array(z.string().max(280)).max(500),
  answered: z.number().int().min(0),
});
export type PollTally = z.infer<typeof PollTally>;


/**
 * Follow and summon: the view a host shares. Everyone may follow it; a summon (a new `summonId`)
 * brings every participant's view there once.
 */
export const FollowState = z.object({
  /** The host whose view is shared: their presence client id. */
  hostClientId: z.number().int().nonnegative(),
  pageId: z.string().max(200),
  camera: z.object({ x: z.number(), y: z.number(), z: z.number().positive() }),
  /** The host's view on the page: each screen fits it whatever its size (older boards lack it). */
  bounds: z.object({ x: z.number().finite(), y: z.number().finite(), w: z.number().finite().positive(), h: z.number().finite().positive() }).optional(),
  summonId: z.string().max(64).nullable(),
});
export type FollowState = z.infer<typeof FollowState>;

/**
 * Private writing for a step: while `state` is 'on', participants' new notes in the step stay on
 * their own device; when a host reveals (a new `revealId`), every device publishes them at once.
 */
export const PrivateModeState = z.object({
  stepId: z.string().max(40).nullable(),
  state: z.enum(['on', 'revealed', 'off']),
  revealId: z.string().max(64).nullable(),
});
export type PrivateModeState = z.infer<typeof PrivateModeState>;

/**
 * What the host wrote on the post-meeting report form, by field id. The fields themselves are
 * the programme's to define (shared/report/reportForm.ts); values of fields it no longer has are
 * kept but not shown.
 */
export const HostReportFields = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), z.string().max(4000)).refine((fields) => Object.keys(fields).length <= 40, {
  message: 'at most 40 fields',
});
export type HostReportFields = z.infer<typeof HostReportFields>;

/** Steps the group was taken through, in order, with the time each was first opened; kept by the server. */
export const StepsRun = z.array(z.object({ stepId: z.string().max(40), at: z.string() })).max(200);
export type StepsRun = z.infer<typeof StepsRun>;

/** The schema of a session key: a named field, or one of the per-person and per-instance keys. */
export function sessionFieldSchema(key: string): z.ZodType | undefined {
  const named = SESSION_FIELD_SCHEMAS[key];
  if (named) return named;
  const [prefix, ...parts] = key.split(':');
  if (!parts.every((part) => KEY_PART.test(part))) return undefined;
  if (prefix === 'attendance' && parts.length === 1) return AttendanceEntry;
  if (prefix === 'voteTally' && parts.length === 2) return VoteTally;
  if (prefix === 'pollTally' && parts.length === 2) return PollTally;
  // A host's status for one item of a network meeting's review (shared/network/review.ts).
  if (prefix === 'reviewStatus' && parts.length === 1) return ReviewStatusValue;
  return undefined;
}

/** The schema of each session field the server checks; a write that fails one is reverted. */
export const SESSION_FIELD_SCHEMAS: Record<string, z.ZodType> = {
  title: SessionBasics.shape.title,
  locale: SessionBasics.shape.locale,
  formatId: z.enum(FORMAT_IDS),
  currentStepId: z.string().max(40).nullable(),
  timer: TimerState,
  vote: VoteState,
  voteResults: VoteResults,
  meeting: MeetingDetails,
  attendance: Attendance,
  poll: PollState,
  pollResults: PollResults,
  /** The poll whose results a host pinned: shown in every step, not only the one it was asked in. */
  pollPinned: z.string().max(64).nullable(),
  report: HostReportFields,
  stepsRun: StepsRun,
  follow: FollowState,
  privateMode: PrivateModeState,
  /** While true, only hosts may change the canvas (guard rule G4). */
  canvasLocked: z.boolean(),
};
