/** The notes this browser holds back during private writing (shown to their author as private). */
import { atom } from 'tldraw';

export const heldNotes = atom<ReadonlySet<string>>('held notes', new Set());
