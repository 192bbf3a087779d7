/** Badges everyone sees on the canvas: "public" on frames shown to observers, "agreed" on conclusions. */
import { useEditor, useValue } from 'tldraw';
import { useI18n } from '../i18n';
import { heldNotes } from '../tools/privateWriting';

interface Badge {
  id: string;
  kind: 'public' | 'agreed' | 'private';
  x: number;
  y: number;
}

export function FlagBadges() {
  const editor = useEditor();
  const { t } = useI18n();
  const badges = useValue(
    'flag badges',
    () => {
      const out: Badge[] = [];
      const held = heldNotes.get();
      for (const id of editor.getCurrentPageRenderingShapesSorted().map((s) => s.id)) {
        const shape = editor.getShape(id);
        if (!shape) continue;
        const kind = shape.type === 'frame' && shape.meta.public === true ? 'public' : shape.meta.agreed === true ? 'agreed' : held.has(id) ? 'private' : null;
        if (!kind) continue;
        const bounds = editor.getShapePageBounds(id);
        if (!bounds) continue;
        const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY });
        out.push({ id, kind, x: corner.x, y: corner.y });
      }
      return out;
    },
    [editor],
  );
  return (
    <>
      {badges.map((b) => (
        <span key={b.id} className={`flag-badge flag-${b.kind}`} style={{ left: b.x, top: b.y }} data-shape={b.id}>
          {b.kind === 'public' ? `👁 ${t('publicBadge')}` : b.kind === 'agreed' ? `✔ ${t('agreedBadge')}` : `🔒 ${t('privateBadge')}`}
        </span>
      ))}
    </>
  );
}
