/**
 * A network of cities that meets again and again: its title, member cities (observer cities
 * marked), hosts and contract, and its meetings in order. Shapes of the HTTP interface and of what
 * the network's document keeps (server/network/networkStore.ts).
 */
import { z } from 'zod';
import { FORMAT_IDS, LOCALES } from '../api';
import { BOARD_ID_PATTERN } from '../roles';
import { PlanSnapshot } from './workplan';

/** Network ids are made like board ids (and never clash with a room name: their documents are `network:<id>`). */
export const NETWORK_ID_PATTERN = BOARD_ID_PATTERN;

export const NetworkCity = z.object({
  name: z.string().trim().min(1).max(120),
  /** An observer city follows the network's public parts and takes no part in its work. */
  observer: z.boolean().default(false),
});
export type NetworkCity = z.infer<typeof NetworkCity>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The first or next meeting: its format and, when known, its day. */
export const MeetingPlan = z
  .object({
    formatId: z.enum(FORMAT_IDS).optional(),
    date: IsoDate.optional(),
  })
  .strict();
export type MeetingPlan = z.infer<typeof MeetingPlan>;

/** `POST /api/networks`: a network and its first meeting in one call; only the title is required. */
export const CreateNetworkRequest = z
  .object({
    title: z.string().trim().min(1).max(200),
    locale: z.enum(LOCALES).optional(),
    cities: z.array(NetworkCity).max(60).default([]),
    hosts: z.array(z.string().trim().min(1).max(120)).max(10).default([]),
    /** The network's contract (how we work together), carried into every meeting's review. */
    contract: z.string().trim().max(4000).default(''),
    firstMeeting: MeetingPlan.default({}),
  })
  .strict();
export type CreateNetworkRequest = z.infer<typeof CreateNetworkRequest>;

/** What the network is, kept whole under one key (the hosts' settings). */
export const NetworkInfo = z.object({
  title: z.string().min(1).max(200),
  locale: z.enum(LOCALES),
  cities: z.array(NetworkCity).max(60),
  hosts: z.array(z.string().max(120)).max(10),
  contract: z.string().max(4000),
  createdAt: z.string(),
});
export type NetworkInfo = z.infer<typeof NetworkInfo>;

/** One meeting of the network, kept under its own key (`meeting:<boardId>`). */
export const NetworkMeeting = z.object({
  boardId: z.string().regex(BOARD_ID_PATTERN),
  number: z.number().int().min(1).max(999),
  formatId: z.enum(FORMAT_IDS).nullable(),
  createdAt: z.string(),
});
export type NetworkMeeting = z.infer<typeof NetworkMeeting>;

/**
 * One person on a closed meeting's attendance list, as the network archives it: name, city,
 * function, present — nothing more (no role, no device, no link).
 */
export const ArchivedPerson = z.object({
  name: z.string().max(120),
  city: z.string().max(120),
  function: z.string().max(120),
  present: z.boolean(),
});
export type ArchivedPerson = z.infer<typeof ArchivedPerson>;

/** A closed meeting's attendance list, kept under `attendance:<boardId>`. */
export const ArchivedAttendance = z.object({
  closedAt: z.string(),
  people: z.array(ArchivedPerson).max(500),
});
export type ArchivedAttendance = z.infer<typeof ArchivedAttendance>;

export const MEETING_STATES = ['planned', 'open', 'closed'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/** `POST /api/networks/{id}/meetings`: the next meeting, from the latest one. */
export const NextMeetingRequest = MeetingPlan;

/** A meeting as the network page lists it. */
export const MeetingView = z.object({
  boardId: z.string(),
  number: z.number().int(),
  title: z.string(),
  formatId: z.string().nullable(),
  /** The meeting's day (YYYY-MM-DD) as the hosts gave it, or ''. */
  date: z.string(),
  state: z.enum(MEETING_STATES),
  attendance: z.object({ present: z.number().int(), invited: z.number().int(), cities: z.number().int() }),
  /** The board's links for each role, current generation. */
  links: z.record(z.string(), z.string()),
  /** The facilitator's board token, for the note and report downloads. */
  hostToken: z.string(),
  /** Statuses set in this meeting's review, by item id, with the item they belong to. */
  review: z.array(z.object({ what: z.string(), who: z.string(), due: z.string(), status: z.string().nullable() })),
});
export type MeetingView = z.infer<typeof MeetingView>;

/** A barometer question's answers across meetings: counts per answer, never who (shared/network/barometer.ts). */
export const BarometerView = z.object({
  templateId: z.string(),
  question: z.string(),
  labels: z.array(z.string()),
  meetings: z.array(z.object({ number: z.number().int(), answered: z.number().int(), counts: z.array(z.number().int()) })),
});

export const NetworkView = z.object({
  id: z.string(),
  info: NetworkInfo,
  meetings: z.array(MeetingView),
  barometer: z.array(BarometerView),
  /** The work plan as it stands (shared/network/workplan.ts). */
  workplan: PlanSnapshot,
  /** The page's link with a fresh token: a network lasts longer than one link's life, so each visit renews it. */
  link: z.string(),
});
export type NetworkView = z.infer<typeof NetworkView>;

export const CreateNetworkResponse = z.object({
  id: z.string(),
  link: z.string(),
  token: z.string(),
  meeting: z.object({ boardId: z.string(), number: z.number().int() }),
});
export type CreateNetworkResponse = z.infer<typeof CreateNetworkResponse>;

/** Path of a network's page; the host token follows in the fragment, out of server logs. */
export function networkPath(networkId: string): string {
  return `/n/${networkId}`;
}

export function networkLink(publicUrl: string, networkId: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${networkPath(networkId)}#t=${token}`;
}

/** A board's place in its network, written by the server into the board's session (`network`). */
export const BoardNetwork = z.object({ id: z.string().regex(NETWORK_ID_PATTERN), number: z.number().int().min(1) });
export type BoardNetwork = z.infer<typeof BoardNetwork>;
