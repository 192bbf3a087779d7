/**
 * Our own requests on a board's control room (shared/requests.ts): votes, poll answers, joining
 * the attendance list, opting out of it, the hosts' edits of it, and closing the meeting.
 *
 * Who a request speaks for: on a personal link, the invited person signed into the token — any
 * number of their connections (a laptop and a phone) are one person with one budget; on a role
 * link (the shared participant link, the hosts' links), the browser's random id, one connection
 * at a time. The ledger and the attendance list know the person by a key that is never the id
 * they sent: a digest of it, or the invitation's person id.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isHost } from '../../shared/roles';
import { RefusalReason, type ClientRequest, type ServerReply } from '../../shared/requests';
import type { AttendanceEditRequest } from '../../shared/requests';
import { AttendanceEntry, SESSION_MAP, SessionPrefix } from '../../shared/session';
import { attendanceToKeep } from '../../shared/report/hostReport';
import { publicRecordIds } from '../../shared/projection';
import type { SummaryNote } from '../../shared/summary/summaryNote';
import type { z } from 'zod';
import type { Connection } from './connection';
import type { Room } from './room';
import { VoteBox, refuse } from './votes';
import { PollBox } from './polls';
import { Origin } from './origin';
import type { Bin } from './bin';
import type { Ledger } from '../people/ledger';

export interface RequestHandler {
  handle(connection: Connection, request: ClientRequest): ServerReply | Promise<ServerReply>;
}

export interface SessionRequestDeps {
  /** The board's canvas room, opened (and loaded) for the caller, who must release it. */
  openCanvas(): Promise<{ room: Room; release(): void }>;
  /** The canvas room if it is loaded here. */
  loadedCanvas(): Room | undefined;
  /** The summary note of the board as it is now. */
  summary(): Promise<SummaryNote>;
  /** Budgets and "answered once", shared by every instance when there are several. */
  ledger: Ledger;
  /** This process's id in the per-instance tallies' keys. */
  instanceId: string;
  /** Called at closing with the session and the note as they are, before the session is cleared (a network archives the attendance list). */
  meetingClosed?(session: Record<string, unknown>, note: SummaryNote): Promise<void>;
}

/**
 * Session fields cleared when a meeting is closed (the public ones, the title and the meeting's
 * details stay: the report needs its date, place, form and hosts). The attendance list goes;
 * its counts stay (`closedAttendance`), without names.
 */
const CLEARED_ON_CLOSE = ['attendance', 'vote', 'voteResults', 'timer'];
/** Per-person and per-instance keys cleared with them. */
const CLEARED_PREFIXES_ON_CLOSE = [SessionPrefix.attendance, SessionPrefix.voteTally];

/** A digest of an id a person sent: what the ledger and the attendance list know them by. */
export function personDigest(boardId: string, id: string): string {
  return createHash('sha256').update(`${boardId}\u0000${id}`).digest('base64url').slice(0, 22);
}

export class SessionRequests implements RequestHandler {
  readonly #votes: VoteBox;
  readonly #polls: PollBox;
  readonly #personOf = new WeakMap<Connection, string>();
  readonly #connectionOf = new Map<string, Connection>();

  constructor(
    private readonly control: Room,
    private readonly deps: SessionRequestDeps,
  ) {
    this.#votes = new VoteBox(control, deps.loadedCanvas, deps.ledger, deps.instanceId);
    this.#polls = new PollBox(control, deps.ledger, deps.instanceId);
  }

  handle(connection: Connection, request: ClientRequest): ServerReply | Promise<ServerReply> {
    if (request.t === 'close-meeting' || request.t === 'bin-list' || request.t === 'bin-restore' || request.t === 'attendance-edit') {
      if (!isHost(connection.role)) return refuse(request, RefusalReason.hostsOnly);
      if (request.t === 'close-meeting') return this.#closeMeeting(request);
      if (request.t === 'attendance-edit') return this.#editAttendance(request);
      // The bin lives with the canvas room while it is loaded here; an unloaded board has none.
      const bin = this.deps.loadedCanvas()?.hook<Bin>('bin');
      if (request.t === 'bin-list') return { t: 'bin', items: bin?.list() ?? [] };
      return bin?.restore(request.recordId) ? { t: 'ok', request: request.t } : refuse(request, RefusalReason.notInBin);
    }
    const sent = request.t === 'vote' || request.t === 'my-votes' ? request.voter : request.person;
    if (!connection.personId && !this.#speaksFor(connection, sent)) return refuse(request, RefusalReason.voterTaken);
    // The ledger's key: the invited person on a personal link, else this device.
    const ledgerKey = personDigest(this.control.boardId, connection.personId ? `person:${connection.personId}` : `device:${sent}`);
    // The attendance list's key: the invitation's entry, else a digest of the device id.
    const listKey = connection.personId ?? personDigest(this.control.boardId, sent).slice(0, 16);
    switch (request.t) {
      case 'vote':
      case 'my-votes':
        return this.#votes.handle(connection, request, ledgerKey);
      case 'poll-answer':
        return this.#polls.answer(request, ledgerKey);
      case 'join':
        this.#updateAttendance(listKey, (entry) =>
          entry?.invited
            ? // An invited person keeps the name the hosts wrote; they are now present.
              { ...entry, role: connection.role, present: true }
            : { name: request.name, city: request.city, role: connection.role, optOut: entry?.optOut ?? false, function: entry?.function ?? '', invited: false, present: true },
        );
        return { t: 'ok', request: request.t };
      case 'attendance-opt-out':
        this.#updateAttendance(listKey, (entry) => entry && { ...entry, optOut: request.optOut });
        return { t: 'ok', request: request.t };
    }
  }

  /** Binds a device id to this connection on first use; nobody else may speak for it meanwhile. */
  #speaksFor(connection: Connection, person: string): boolean {
    const current = this.#personOf.get(connection);
    if (current !== undefined) return current === person;
    const holder = this.#connectionOf.get(person);
    if (holder && holder !== connection && !holder.closed) return false;
    this.#personOf.set(connection, person);
    this.#connectionOf.set(person, connection);
    return true;
  }

  /** One person's entry, read and written whole under its own key; other people's are not touched. */
  #updateAttendance(key: string, update: (entry: AttendanceEntry | undefined) => AttendanceEntry | undefined): boolean {
    const session = this.control.doc.getMap(SESSION_MAP);
    const entry = this.#entry(key);
    const next = update(entry);
    if (!next) return false;
    this.control.doc.transact(() => session.set(SessionPrefix.attendance + key, next), Origin.request);
    return true;
  }

  #entry(key: string): AttendanceEntry | undefined {
    const parsed = AttendanceEntry.safeParse(this.control.doc.getMap(SESSION_MAP).get(SessionPrefix.attendance + key));
    return parsed.success ? parsed.data : undefined;
  }

  /** The hosts' edits of the attendance list, checked here. */
  #editAttendance(request: z.infer<typeof AttendanceEditRequest>): ServerReply {
    const session = this.control.doc.getMap(SESSION_MAP);
    const { edit } = request;
    const missing = () => refuse(request, RefusalReason.noSuchEntry);
    switch (edit.op) {
      case 'add':
        this.#updateAttendance(randomBytes(9).toString('base64url'), () => ({ name: edit.name, city: edit.city, function: edit.function, role: 'participant', optOut: false, invited: false, present: true }));
        break;
      case 'set': {
        const { op: _op, key, ...patch } = edit;
        if (!this.#updateAttendance(key, (entry) => entry && { ...entry, ...patch })) return missing();
        break;
      }
      case 'merge': {
        const from = this.#entry(edit.from);
        const into = this.#entry(edit.into);
        if (!from || !into || edit.from === edit.into) return missing();
        const merged: AttendanceEntry = {
          ...into,
          city: into.city || from.city,
          function: into.function || from.function,
          invited: into.invited || from.invited,
          present: into.present || from.present,
          optOut: into.optOut || from.optOut,
        };
        this.control.doc.transact(() => {
          session.set(SessionPrefix.attendance + edit.into, merged);
          session.delete(SessionPrefix.attendance + edit.from);
        }, Origin.request);
        break;
      }
      case 'remove':
        if (!this.#entry(edit.key)) return missing();
        this.control.doc.transact(() => session.delete(SessionPrefix.attendance + edit.key), Origin.request);
        break;
    }
    return { t: 'ok', request: request.t };
  }

  /**
   * Rule R5: keeps the summary note as it is now, then clears the board of everything but the
   * public frames (and the document and pages they need), and the session of the meeting's data.
   */
  async #closeMeeting(request: ClientRequest): Promise<ServerReply> {
    const note = await this.deps.summary();
    const { room: canvas, release } = await this.deps.openCanvas();
    try {
      const records = canvas.records;
      const values = new Map([...records.map.entries()].map(([key, entry]) => [key, entry.val]));
      const keep = publicRecordIds(values);
      canvas.doc.transact(() => {
        for (const [key, record] of values) {
          if (keep.has(key) || record.typeName === 'document' || record.typeName === 'page') continue;
          records.delete(key);
        }
      }, Origin.request);
      canvas.hook<Bin>('bin')?.clear();
      const session = this.control.doc.getMap(SESSION_MAP);
      const json = session.toJSON() as Record<string, unknown>;
      const counts = attendanceToKeep(json, json.locale === 'en' ? 'en' : 'pl');
      await this.deps.meetingClosed?.(json, note);
      this.control.doc.transact(() => {
        for (const field of CLEARED_ON_CLOSE) session.delete(field);
        for (const key of [...session.keys()]) if (CLEARED_PREFIXES_ON_CLOSE.some((prefix) => key.startsWith(prefix))) session.delete(key);
        session.set('closedAttendance', counts);
        session.set('closedSummary', note);
        session.set('closedAt', new Date().toISOString());
      }, Origin.request);
      // Who spent which votes in this board's votes goes too, not only at its time to live.
      await Promise.all([canvas.persist(), this.control.persist(), this.deps.ledger.forgetBoard(this.control.boardId)]);
    } finally {
      release();
    }
    return { t: 'ok', request: request.t };
  }
}
