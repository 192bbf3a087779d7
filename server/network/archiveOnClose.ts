/** When a network's meeting is closed, its attendance list goes to the network's archive before the board forgets it. */
import { BoardNetwork } from '../../shared/network/network';
import { archivedPeople } from '../../shared/network/attendanceArchive';
import type { NetworkStore } from './networkStore';

export async function archiveOnClose(networks: NetworkStore, boardId: string, session: Record<string, unknown>): Promise<void> {
  const network = BoardNetwork.safeParse(session.network);
  if (!network.success) return;
  const locale = session.locale === 'en' ? 'en' : 'pl';
  await networks.archiveAttendance(network.data.id, boardId, { closedAt: new Date().toISOString(), people: archivedPeople(session, locale) });
}
