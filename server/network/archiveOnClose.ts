/**
 * When a network's meeting is closed, the network keeps what the programme needs of it before the
 * board forgets it: the attendance list, and whatever the meeting agreed on the work plan's steps.
 */
import { BoardNetwork } from '../../shared/network/network';
import { archivedPeople } from '../../shared/network/attendanceArchive';
import { planFromNote, type PlanSection, type PlanSectionValue } from '../../shared/network/workplan';
import type { SummaryNote } from '../../shared/summary/summaryNote';
import { getFormat } from '../../formats';
import type { NetworkStore } from './networkStore';

export async function archiveOnClose(networks: NetworkStore, boardId: string, session: Record<string, unknown>, note: SummaryNote): Promise<void> {
  const network = BoardNetwork.safeParse(session.network);
  if (!network.success) return;
  const locale = session.locale === 'en' ? 'en' : 'pl';
  await networks.archiveAttendance(network.data.id, boardId, { closedAt: new Date().toISOString(), people: archivedPeople(session, locale) });
  const workplan = getFormat('workplan');
  const agreed = planFromNote(note, (stepId, areaId) => workplan.steps.find((s) => s.id === stepId)?.layout.areas.find((a) => a.id === areaId)?.label[note.locale]);
  const sections = Object.fromEntries(Object.entries(agreed).map(([section, items]) => [section, { fromNumber: network.data.number, items }])) as Partial<Record<PlanSection, PlanSectionValue>>;
  await networks.updatePlan(network.data.id, sections);
}
