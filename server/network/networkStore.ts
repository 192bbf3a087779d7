/**
 * A network's memory, kept as one small Yjs document per network (`network:<id>`) in the same
 * DocumentStore as the boards: the network's settings under `info`, each meeting under
 * `meeting:<boardId>` and each closed meeting's attendance list under `attendance:<boardId>`.
 * One key per meeting, so two instances that add to the same network at once merge (PostgreSQL
 * merges before it writes); on one instance, changes to a network are made one at a time.
 */
import * as Y from 'yjs';
import type { DocumentStore } from '../persistence/store';
import { ArchivedAttendance, NetworkInfo, NetworkMeeting, NETWORK_ID_PATTERN } from '../../shared/network/network';
import { PLAN_SECTIONS, PlanSectionValue, type PlanSection } from '../../shared/network/workplan';

const NETWORK_MAP = 'network';
/** Every network's id, one key each, for the programme's statistics (`networks:index`). */
const INDEX_DOCUMENT = 'networks:index';
const INDEX_MAP = 'networks';
const MEETING_PREFIX = 'meeting:';
const ATTENDANCE_PREFIX = 'attendance:';
/** `plan:<section>`: each section of the work plan as last agreed, on its own key. */
const PLAN_PREFIX = 'plan:';

export interface NetworkRecord {
  id: string;
  info: NetworkInfo;
  /** In meeting order. */
  meetings: NetworkMeeting[];
  /** Closed meetings' attendance lists, by board id. */
  attendance: Map<string, ArchivedAttendance>;
  /** The work plan's sections as last agreed. */
  plan: Partial<Record<PlanSection, PlanSectionValue>>;
}

export class NetworkStore {
  /** The change under way per network on this instance: the next one waits for it. */
  readonly #queue = new Map<string, Promise<unknown>>();

  constructor(private readonly store: DocumentStore) {}

  static documentName(networkId: string): string {
    return `network:${networkId}`;
  }

  /** The network, or null when there is none by that id. */
  async read(networkId: string): Promise<NetworkRecord | null> {
    if (!NETWORK_ID_PATTERN.test(networkId)) return null;
    const doc = await this.#load(networkId);
    try {
      return readNetwork(networkId, doc.getMap(NETWORK_MAP));
    } finally {
      doc.destroy();
    }
  }

  async create(networkId: string, info: NetworkInfo): Promise<void> {
    await this.#change(networkId, (map) => map.set('info', NetworkInfo.parse(info)));
    await this.#changeDocument(INDEX_DOCUMENT, INDEX_DOCUMENT, (doc) => doc.getMap(INDEX_MAP).set(networkId, info.createdAt));
  }

  /** The ids of every network, oldest first. */
  async list(): Promise<string[]> {
    const doc = await this.#loadDocument(INDEX_DOCUMENT);
    try {
      const entries = [...doc.getMap<string>(INDEX_MAP).entries()].filter(([id]) => NETWORK_ID_PATTERN.test(id));
      return entries.sort((a, b) => String(a[1]).localeCompare(String(b[1])) || a[0].localeCompare(b[0])).map(([id]) => id);
    } finally {
      doc.destroy();
    }
  }

  async addMeeting(networkId: string, meeting: NetworkMeeting): Promise<void> {
    await this.#change(networkId, (map) => map.set(MEETING_PREFIX + meeting.boardId, NetworkMeeting.parse(meeting)));
  }

  /** Keeps a closed meeting's attendance list (a meeting of this network only). */
  async archiveAttendance(networkId: string, boardId: string, attendance: ArchivedAttendance): Promise<void> {
    await this.#change(networkId, (map) => {
      if (map.has(MEETING_PREFIX + boardId)) map.set(ATTENDANCE_PREFIX + boardId, ArchivedAttendance.parse(attendance));
    });
  }

  /** Replaces the given sections of the work plan (those a meeting agreed on). */
  async updatePlan(networkId: string, sections: Partial<Record<PlanSection, PlanSectionValue>>): Promise<void> {
    if (Object.keys(sections).length === 0) return;
    await this.#change(networkId, (map) => {
      for (const [section, value] of Object.entries(sections)) map.set(PLAN_PREFIX + section, PlanSectionValue.parse(value));
    });
  }

  /** Loads, changes and stores the network's document, after any change already under way here. */
  async #change(networkId: string, change: (map: Y.Map<unknown>) => void): Promise<void> {
    if (!NETWORK_ID_PATTERN.test(networkId)) throw new Error('not a network id');
    await this.#changeDocument(networkId, NetworkStore.documentName(networkId), (doc) => change(doc.getMap(NETWORK_MAP)));
  }

  async #changeDocument(queueKey: string, name: string, change: (doc: Y.Doc) => void): Promise<void> {
    const previous = this.#queue.get(queueKey) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(async () => {
      const doc = await this.#loadDocument(name);
      try {
        doc.transact(() => change(doc));
        await this.store.store(name, Y.encodeStateAsUpdate(doc));
      } finally {
        doc.destroy();
      }
    });
    this.#queue.set(queueKey, next);
    try {
      await next;
    } finally {
      if (this.#queue.get(queueKey) === next) this.#queue.delete(queueKey);
    }
  }

  #load(networkId: string): Promise<Y.Doc> {
    return this.#loadDocument(NetworkStore.documentName(networkId));
  }

  async #loadDocument(name: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const state = await this.store.load(name);
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }
}

function readNetwork(id: string, map: Y.Map<unknown>): NetworkRecord | null {
  const info = NetworkInfo.safeParse(map.get('info'));
  if (!info.success) return null;
  const meetings: NetworkMeeting[] = [];
  const attendance = new Map<string, ArchivedAttendance>();
  const plan: NetworkRecord['plan'] = {};
  for (const section of PLAN_SECTIONS) {
    const value = PlanSectionValue.safeParse(map.get(PLAN_PREFIX + section));
    if (value.success) plan[section] = value.data;
  }
  for (const [key, value] of map.entries()) {
    if (key.startsWith(MEETING_PREFIX)) {
      const meeting = NetworkMeeting.safeParse(value);
      if (meeting.success) meetings.push(meeting.data);
    } else if (key.startsWith(ATTENDANCE_PREFIX)) {
      const list = ArchivedAttendance.safeParse(value);
      if (list.success) attendance.set(key.slice(ATTENDANCE_PREFIX.length), list.data);
    }
  }
  meetings.sort((a, b) => a.number - b.number || a.createdAt.localeCompare(b.createdAt));
  return { id, info: info.data, meetings, attendance, plan };
}
