/** How the tldraw canvas lives in its Yjs document (docs/architecture.md, "The board as documents"). */

/** The records, keyed by record id, as `{ key, val }` entries over this array (shared/recordMap.ts; y-utility's YKeyValue reads the same). */
export const CANVAS_RECORDS_ARRAY = 'tldraw';
/** A map holding the serialized tldraw schema the records were written with. */
export const CANVAS_META_MAP = 'meta';
export const CANVAS_SCHEMA_KEY = 'schema';

/** Record types that belong to the shared document; instance, camera, pointer and presence never do. */
export const SYNCED_RECORD_TYPES = ['document', 'page', 'shape', 'binding', 'asset'] as const;

export function isSyncedRecordType(typeName: string): boolean {
  return (SYNCED_RECORD_TYPES as readonly string[]).includes(typeName);
}

/**
 * An agreed action, recorded on a note in a step's frame as `meta.action` so that the summary
 * note reads it back exactly (what, who, by when); the note's text shows the same for the room.
 */
export interface ActionItem {
  what: string;
  who: string;
  due: string;
}

export function readActionItem(meta: Record<string, unknown> | undefined): ActionItem | null {
  const action = meta?.action;
  if (typeof action !== 'object' || action === null) return null;
  const { what, who, due } = action as Record<string, unknown>;
  if (typeof what !== 'string' || what.trim() === '') return null;
  return { what: what.trim(), who: typeof who === 'string' ? who.trim() : '', due: typeof due === 'string' ? due.trim() : '' };
}

interface RichTextNode {
  type?: string;
  text?: string;
  content?: RichTextNode[];
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'bulletList', 'orderedList', 'blockquote', 'codeBlock']);

/** The plain text of a tldraw rich-text document (TipTap JSON): blocks on their own lines. */
export function richTextToPlain(richText: unknown): string {
  const lines: string[] = [];
  let line = '';
  const walk = (node: RichTextNode) => {
    if (typeof node.text === 'string') line += node.text;
    if (node.type === 'hardBreak') line += '\n';
    for (const child of node.content ?? []) walk(child);
    if (node.type && BLOCK_TYPES.has(node.type) && line !== '') {
      lines.push(line);
      line = '';
    }
  };
  if (typeof richText === 'object' && richText !== null) walk(richText as RichTextNode);
  if (line !== '') lines.push(line);
  return lines.join('\n').trim();
}
