/**
 * What a participant's browser keeps from the server because the server would refuse it and the
 * editor cannot stop it shape by shape: pages and the document (G7), many deletions at once (G6).
 */
import { MAX_PARTICIPANT_DELETES, WriteRule } from '../../../shared/writeRules';
import type { OutgoingChange } from './canvasBinding';

export function checkParticipantWrite({ put, removed }: OutgoingChange): WriteRule | null {
  if ([...put, ...removed].some((r) => r.typeName === 'page' || r.typeName === 'document')) return WriteRule.pages;
  if (removed.filter((r) => r.typeName === 'shape').length > MAX_PARTICIPANT_DELETES) return WriteRule.bulkDelete;
  return null;
}
