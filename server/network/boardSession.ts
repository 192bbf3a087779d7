/** A board's session as plain JSON: the live room's when loaded here, else the stored one's. */
import { readBoardDocument, type FormatTitleOf, type StepTitlesOf } from '../export/summaryRoute';
import type { DocumentStore } from '../persistence/store';
import type { RoomRegistry } from '../sync/rooms';
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';

export async function boardSession(deps: { store: DocumentStore; rooms: RoomRegistry; stepTitles?: StepTitlesOf; formatTitle?: FormatTitleOf }, boardId: string): Promise<Record<string, unknown>> {
  const doc = await readBoardDocument(deps, roomName(boardId, 'control'));
  return doc.getMap(SESSION_MAP).toJSON() as Record<string, unknown>;
}
