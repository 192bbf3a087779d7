/**
 * The network's work plan as it stands: the sections its meetings last agreed, and every agreed
 * action with the status its latest review gave it. Written into a meeting's session when the
 * meeting is made or opens the plan as a step (so its note records the plan as it stood), laid out
 * as that step's frame, and exported as Markdown and Word.
 */
import { Origin } from '../sync/origin';
import { summaryOf } from '../export/summaryRoute';
import { SESSION_MAP } from '../../shared/session';
import { readReview } from '../../shared/network/review';
import { monitoredActions, planBlocks, type PlanSnapshot } from '../../shared/network/workplan';
import { layoutTextStep, PLAN_STEP_ID } from '../../shared/network/reviewLayout';
import { formatDate } from '../../shared/text/dates';
import type { Locale } from '../../shared/api';
import type { CanvasRecord } from '../../shared/projection';
import type { NetworkMeetingDeps } from './networkMeetings';
import { boardSession } from './boardSession';
import type { NetworkRecord } from './networkStore';

export async function planSnapshot(deps: NetworkMeetingDeps, network: NetworkRecord, asOf: string = new Date().toISOString().slice(0, 10)): Promise<PlanSnapshot> {
  const sessions = await Promise.all(network.meetings.map((m) => boardSession(deps, m.boardId)));
  const last = network.meetings.at(-1);
  const lastActions = last ? (await summaryOf(deps, last.boardId, network.info.locale)).actions : [];
  const actions = monitoredActions(network.meetings.map((_, i) => ({ review: readReview(sessions[i]!)?.items ?? null, actions: i === network.meetings.length - 1 ? lastActions : [] })));
  return { asOf, sections: network.plan, actions };
}

/** The plan as lines for its step's frame: a heading, then its items, block after block. */
export function planLines(plan: PlanSnapshot, locale: Locale): string[] {
  const blocks = planBlocks(plan, locale, formatDate(plan.asOf, locale));
  return [blocks.subtitle, ...(blocks.empty ? [blocks.empty] : []), ...blocks.blocks.flatMap((b) => ['', b.heading, ...b.items.map((i) => `• ${i}`)])];
}

/** A meeting opens the plan as a step: the plan as it stands goes into its session (for its note) and onto its board. */
export async function openPlanStep(deps: NetworkMeetingDeps, network: NetworkRecord, boardId: string): Promise<void> {
  const plan = await planSnapshot(deps, network);
  const control = await deps.rooms.hold(boardId, 'control');
  try {
    control.room.doc.transact(() => control.room.doc.getMap(SESSION_MAP).set('workplan', plan), Origin.api);
    await control.room.persist();
  } finally {
    control.release();
  }
  const canvas = await deps.rooms.hold(boardId, 'canvas');
  try {
    const records = canvas.room.records;
    const pageId = [...records.map.values()].find((e) => e.val.typeName === 'page')?.val.id;
    const { locale } = network.info;
    const shapes = layoutTextStep({ stepId: PLAN_STEP_ID, title: planBlocks(plan, locale, '').title, lines: planLines(plan, locale), slot: 2, pageId });
    canvas.room.doc.transact(() => {
      for (const shape of shapes) records.set(shape.id, shape as unknown as CanvasRecord);
    }, Origin.api);
    await canvas.room.persist();
  } finally {
    canvas.release();
  }
}
