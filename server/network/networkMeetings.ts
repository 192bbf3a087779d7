/**
 * A network's meetings: making the next one (a board in the network, opening with the review of
 * the one before) and reading each as the network page lists it. Boards are made exactly as
 * `POST /api/boards` makes them; what a network adds is written by the server into the board's
 * session (`network`, `review`, the meeting's details) and, for the review, one frame on its canvas.
 */
import { createBoard, issueLinks } from '../boards';
import type { TokenSigner } from '../auth/tokens';
import type { BoardAccess } from '../auth/boardAccess';
import type { DocumentStore } from '../persistence/store';
import type { RoomRegistry } from '../sync/rooms';
import { Origin } from '../sync/origin';
import { readBoardDocument, summaryOf, type FormatTitleOf, type StepTitlesOf } from '../export/summaryRoute';
import { roomName } from '../../shared/roles';
import { CITY_ZONES } from '../../shared/api';
import { MeetingDetails, SESSION_MAP } from '../../shared/session';
import { attendanceOf } from '../../shared/sessionTotals';
import { buildReview, readReview } from '../../shared/network/review';
import { layoutReview } from '../../shared/network/reviewLayout';
import { barometerSeries, type BarometerSeries } from '../../shared/network/barometer';
import type { MeetingPlan, MeetingState, MeetingView } from '../../shared/network/network';
import type { CanvasRecord } from '../../shared/projection';
import type { NetworkRecord, NetworkStore } from './networkStore';
import { boardSession } from './boardSession';
import { planSnapshot } from './networkPlan';

export interface NetworkMeetingDeps {
  store: DocumentStore;
  rooms: RoomRegistry;
  networks: NetworkStore;
  signer: TokenSigner;
  access: BoardAccess;
  linkTtlMs: number;
  stepTitles?: StepTitlesOf;
  formatTitle?: FormatTitleOf;
}

const MEETING_WORD = { pl: 'spotkanie nr', en: 'meeting no.' } as const;

/** Makes meeting N+1 of the network (N = its latest meeting), with the review of meeting N when there is one. */
export async function addNetworkMeeting(deps: NetworkMeetingDeps, network: NetworkRecord, plan: MeetingPlan, publicUrl: string): Promise<{ boardId: string; number: number }> {
  const { info } = network;
  const previous = network.meetings.at(-1);
  const number = (previous?.number ?? 0) + 1;
  const members = info.cities.filter((c) => !c.observer).length;
  const cities = members >= CITY_ZONES.min && members <= CITY_ZONES.max ? members : undefined;
  const board = await createBoard(
    { title: `${info.title} — ${MEETING_WORD[info.locale]} ${number}`, locale: info.locale, ...(plan.formatId ? { formatId: plan.formatId } : {}), ...(cities ? { cities } : {}) },
    publicUrl,
    deps.signer,
    deps.store,
    deps.linkTtlMs,
  );
  // Only what the previous meeting agreed crosses over: its summary note (kept at closing, or as it is now).
  const review = previous
    ? buildReview(
        await summaryOf(deps, previous.boardId, info.locale),
        (await readBoardDocument(deps, roomName(previous.boardId, 'control'))).getMap(SESSION_MAP).toJSON() as Record<string, unknown>,
        previous.number,
        info.contract,
      )
    : null;

  // The note of every meeting records the network's plan as it stood when the meeting was made.
  const workplan = await planSnapshot(deps, network, plan.date);
  const control = await deps.rooms.hold(board.id, 'control');
  try {
    const session = control.room.doc.getMap(SESSION_MAP);
    control.room.doc.transact(() => {
      session.set('network', { id: network.id, number });
      session.set('meeting', MeetingDetails.parse({ network: info.title, meetingNumber: String(number), date: plan.date ?? '', hosts: info.hosts }));
      if (review) session.set('review', review);
      session.set('workplan', workplan);
    }, Origin.api);
    await control.room.persist();
  } finally {
    control.release();
  }
  if (review) {
    const canvas = await deps.rooms.hold(board.id, 'canvas');
    try {
      const records = canvas.room.records;
      const pageId = [...records.map.values()].find((e) => e.val.typeName === 'page')?.val.id;
      canvas.room.doc.transact(() => {
        for (const shape of layoutReview(review, info.locale, pageId)) records.set(shape.id, shape as unknown as CanvasRecord);
      }, Origin.api);
      await canvas.room.persist();
    } finally {
      canvas.release();
    }
  }
  await deps.networks.addMeeting(network.id, { boardId: board.id, number, formatId: plan.formatId ?? null, createdAt: new Date().toISOString() });
  return { boardId: board.id, number };
}

/** Planned until anyone joined or a step was opened; closed once the hosts closed it. */
export function meetingState(session: Record<string, unknown>): MeetingState {
  if (typeof session.closedAt === 'string') return 'closed';
  const started = Array.isArray(session.stepsRun) && session.stepsRun.length > 0;
  const joined = Object.values(attendanceOf(session)).some((e) => e.present && (e.role === 'participant' || e.role === 'observer'));
  return started || joined ? 'open' : 'planned';
}

/** Every meeting of the network as its page lists it, in order, and the barometer's answers across them. */
export async function meetingViews(deps: NetworkMeetingDeps, network: NetworkRecord, publicUrl: string): Promise<{ meetings: MeetingView[]; barometer: BarometerSeries[] }> {
  const sessions = await Promise.all(network.meetings.map((meeting) => boardSession(deps, meeting.boardId)));
  const meetings = await Promise.all(
    network.meetings.map(async (meeting, i): Promise<MeetingView> => {
      const session = sessions[i]!;
      const details = MeetingDetails.safeParse(session.meeting ?? {});
      const archived = network.attendance.get(meeting.boardId)?.people;
      const people = archived ?? Object.values(attendanceOf(session)).filter((e) => e.role === 'participant' || e.role === 'observer');
      const present = people.filter((p) => p.present);
      const { links, tokens } = issueLinks(meeting.boardId, await deps.access.generation(meeting.boardId), publicUrl, deps.signer, deps.linkTtlMs);
      return {
        boardId: meeting.boardId,
        number: meeting.number,
        title: typeof session.title === 'string' ? session.title : '',
        formatId: typeof session.formatId === 'string' ? session.formatId : meeting.formatId,
        date: details.success ? details.data.date : '',
        state: meetingState(session),
        attendance: {
          present: present.length,
          invited: Object.values(attendanceOf(session)).filter((e) => e.invited).length || (archived ? archived.length : 0),
          cities: new Set(present.map((p) => p.city.trim().toLocaleLowerCase()).filter(Boolean)).size,
        },
        links,
        hostToken: tokens.facilitator,
        review: (readReview(session)?.items ?? []).map(({ what, who, due, status }) => ({ what, who, due, status })),
      };
    }),
  );
  return { meetings, barometer: barometerSeries(network.meetings.map((m, i) => ({ number: m.number, session: sessions[i]! })), network.info.locale) };
}
