/**
 * Our own requests on a board's control room (shared/requests.ts): votes, joining the attendance
 * list, opting out of it, and closing the meeting. One connection speaks for one person.
 */
import { createHash } from 'node:crypto';
import { isHost } from '../../shared/roles';
import { RefusalReason, type ClientRequest, type ServerReply } from '../../shared/requests';
import { Attendance, SESSION_MAP } from '../../shared/session';
import { attendanceToKeep } from '../../shared/report/hostReport';
import { publicRecordIds } from '../../shared/projection';
import type { SummaryNote } from '../../shared/summary/summaryNote';
import type { Connection } from './connection';
import type { Room } from './room';
import { VoteLedger, refuse } from './votes';
import { PollBox } from './polls';
import { Origin } from './origin';
import type { Bin } from './bin';


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
}

/**
 * Session fields cleared when a meeting is closed (the public ones, the title and the meeting's
 * details stay: the report needs its date, place, form and hosts). The attendance list goes;
 * its counts stay (`closedAttendance`), without names.
 */
const CLEARED_ON_CLOSE = ['attendance', 'vote', 'voteResults', 'timer'];

export class SessionRequests implements RequestHandler {
  readonly #ledger: VoteLedger;
  readonly #polls: PollBox;
  readonly #personOf = new WeakMap<Connection, string>();
  readonly #connectionOf = new Map<string, Connection>();

  constructor(
    private readonly control: Room,
    private readonly deps: SessionRequestDeps,
  ) {
    this.#ledger = new VoteLedger(control, deps.loadedCanvas);
    this.#polls = new PollBox(control);
  }

  handle(connection: Connection, request: ClientRequest): ServerReply | Promise<ServerReply> {
    if (request.t === 'close-meeting' || request.t === 'bin-list' || request.t === 'bin-restore') {
      if (!isHost(connection.role)) return refuse(request, RefusalReason.hostsOnly);
      if (request.t === 'close-meeting') return this.#closeMeeting(request);
      // The bin lives with the canvas room while it is loaded here; an unloaded board has none.
      const bin = this.deps.loadedCanvas()?.hook<Bin>('bin');
      if (request.t === 'bin-list') return { t: 'bin', items: bin?.list() ?? [] };
      return bin?.restore(request.id) ? { t: 'ok', request: request.t } : refuse(request, RefusalReason.notInBin);
    }
    const person = request.t === 'vote' || request.t === 'my-votes' ? request.voter : request.person;
    if (!this.#speaksFor(connection, person)) return refuse(request, RefusalReason.voterTaken);
    switch (request.t) {
      case 'vote':
      case 'my-votes':
        return this.#ledger.handle(connection, request);
      case 'join':
        this.#updateAttendance(person, (entry) => ({ name: request.name, city: request.city, role: connection.role, optOut: entry?.optOut ?? false }));
        return { t: 'ok', request: request.t };
      case 'poll-answer':
        return this.#polls.answer(request);
      case 'attendance-opt-out':
        this.#updateAttendance(person, (entry) => entry && { ...entry, optOut: request.optOut });
        return { t: 'ok', request: request.t };
    }
  }

  /** Binds a person to this connection on first use; nobody else may speak for them meanwhile. */
  #speaksFor(connection: Connection, person: string): boolean {
    const current = this.#personOf.get(connection);
    if (current !== undefined) return current === person;
    const holder = this.#connectionOf.get(person);
    if (holder && holder !== connection && !holder.closed) return false;
    this.#personOf.set(connection, person);
    this.#connectionOf.set(person, connection);
    return true;
  }

  #updateAttendance(person: string, update: (entry: Attendance[string] | undefined) => Attendance[string] | undefined): void {
    const session = this.control.doc.getMap(SESSION_MAP);
    const parsed = Attendance.safeParse(session.get('attendance') ?? {});
    const attendance = parsed.success ? { ...parsed.data } : {};
    // Stored under a digest of the person's id, so the list cannot be tied to anything else they sent.
    const key = createHash('sha256').update(person).digest('base64url').slice(0, 16);
    const next = update(attendance[key]);
    if (!next) return;
    attendance[key] = next;
    this.control.doc.transact(() => session.set('attendance', attendance), Origin.request);
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
      this.control.doc.transact(() => {
        for (const field of CLEARED_ON_CLOSE) session.delete(field);
        session.set('closedAttendance', counts);
        session.set('closedSummary', note);
        session.set('closedAt', new Date().toISOString());
      }, Origin.request);
      await Promise.all([canvas.persist(), this.control.persist()]);
    } finally {
      release();
    }
    return { t: 'ok', request: request.t };
  }
}
