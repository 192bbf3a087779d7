/** A board filled with a realistic Polish session, so a newcomer sees Tablica at work at once. */
import { createHash } from 'node:crypto';
import type { CreateBoardResponse } from '../../shared/api';
import { SessionPrefix, SESSION_MAP } from '../../shared/session';
import type { CanvasRecord } from '../../shared/projection';
import { indexKey, stepFrameId } from '../../shared/formats/layout';
import { formatDate } from '../../shared/text/dates';
import { createBoard } from '../boards';
import type { TokenSigner } from '../auth/tokens';
import type { DocumentStore } from '../persistence/store';
import type { RoomRegistry } from '../sync/rooms';
import { DEMO_ACTIONS, DEMO_MEETING, DEMO_NOTES, DEMO_PEOPLE, DEMO_TITLE } from './demoContent';

const NOTE = 180;

/** The labelled area rectangle of a step's frame (starter notes carry the area id too). */
function findArea(records: Iterable<CanvasRecord>, frameId: string, areaId: string) {
  for (const r of records) if (r.parentId === frameId && r.type === 'geo' && r.meta?.areaId === areaId) return r as CanvasRecord & { x: number; y: number; props: { w: number } };
  return undefined;
}
const GAP = 16;

export async function createDemoBoard(publicUrl: string, signer: TokenSigner, store: DocumentStore, rooms: RoomRegistry, linkTtlMs: number): Promise<CreateBoardResponse> {
  const board = await createBoard({ title: DEMO_TITLE, formatId: 'solutions', locale: 'pl' }, publicUrl, signer, store, linkTtlMs);
  const canvas = await rooms.hold(board.id, 'canvas');
  const control = await rooms.hold(board.id, 'control');
  try {
    const records = canvas.room.records;
    const counts: Record<string, number> = {};
    // Notes go above everything already in their frames (areas, instructions): after the highest index there.
    const highest = [...records.map.values()].reduce((max, e) => (typeof e.val.index === 'string' && e.val.index > max ? e.val.index : max), 'a0');
    let order = 0;
    // One more fraction digit after it: 1…z, enough for the demo's notes (indexKey's first run).
    const nextIndex = () => {
      if (order > 60) throw new Error('the demo holds more notes than its index run');
      return `${highest}${indexKey(order++).slice(1)}`;
    };
    canvas.room.doc.transact(() => {
      let n = 0;
      for (const [stepId, areas] of Object.entries(DEMO_NOTES)) {
        const frameId = stepFrameId('solutions', stepId);
        for (const [areaId, notes] of Object.entries(areas)) {
          const area = findArea([...records.map.values()].map((e) => e.val), frameId, areaId);
          if (!area) continue;
          const perRow = Math.max(1, Math.floor((area.props.w - GAP) / (NOTE + GAP)));
          notes.forEach(([text, agreed, votes], i) => {
            const id = `shape:demo-${n++}`;
            if (votes) counts[id] = votes;
            records.set(id, demoNote(id, frameId, area.x + GAP + (i % perRow) * (NOTE + GAP), area.y + 56 + Math.floor(i / perRow) * (NOTE + GAP), nextIndex(), text, { ...(agreed ? { agreed: true } : {}) }));
          });
        }
      }
      const actionsArea = findArea([...records.map.values()].map((e) => e.val), stepFrameId('solutions', '2.7'), 'actions');
      DEMO_ACTIONS.forEach((action, i) => {
        const id = `shape:demo-action-${i}`;
        const text = `${action.what} — ${action.who} — ${formatDate(action.due, 'pl')}`;
        records.set(id, demoNote(id, stepFrameId('solutions', '2.7'), (actionsArea?.x ?? 0) + GAP + i * (NOTE + GAP), (actionsArea?.y ?? 0) + 56, nextIndex(), text, { agreed: true, action }));
      });
    });
    const session = control.room.doc.getMap(SESSION_MAP);
    control.room.doc.transact(() => {
      session.set('meeting', DEMO_MEETING);
      session.set('currentStepId', '2.3');
      // The vote's counts as one instance's tally, the attendance one key per person, as live meetings keep them.
      session.set('voteResults', { demo: { stepId: '2.3', frameId: stepFrameId('solutions', '2.3') } });
      session.set(`${SessionPrefix.voteTally}demo:demo`, counts);
      for (const [name, city] of DEMO_PEOPLE) {
        session.set(SessionPrefix.attendance + createHash('sha256').update(name).digest('base64url').slice(0, 16), { name, city, role: 'participant', optOut: false, function: '', invited: false, present: true });
      }
    });
    await Promise.all([canvas.room.persist(), control.room.persist()]);
  } finally {
    canvas.release();
    control.release();
  }
  return board;
}

function demoNote(id: string, parentId: string, x: number, y: number, index: string, text: string, meta: Record<string, unknown>): CanvasRecord {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x,
    y,
    rotation: 0,
    index,
    parentId,
    isLocked: false,
    opacity: 1,
    meta,
    props: {
      color: meta.agreed ? 'light-green' : 'yellow',
      labelColor: 'black',
      size: 's',
      font: 'sans',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      scale: 1,
    },
  } as CanvasRecord;
}
