/** What Tablica changes in tldraw for everyone: the note is a "karteczka", and double-click makes notes in steps (newNote.ts). */
import type { TldrawOptions, TLUiOverrides } from 'tldraw';

/** Every instruction says "karteczka"; tldraw's Polish calls its note "Naklejka" (a sticker). */
export const NOTE_WORDS: TLUiOverrides = { translations: { pl: { 'tool.note': 'Karteczka' } } };

/** tldraw's own double-click text is replaced by ours (newNote.ts): a note inside a step, text elsewhere. */
export const CANVAS_OPTIONS: Partial<TldrawOptions> = { createTextOnCanvasDoubleClick: false };
