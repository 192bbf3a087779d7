/** Public (frames) and agreed (notes) flags on what the host has selected. */
import { useValue, type TLShape } from 'tldraw';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';

export function SelectionFlags() {
  const { t } = useI18n();
  const { editor } = useBoardTools();
  const selection = useValue('selection', () => editor.getSelectedShapes(), [editor]);
  const frames = selection.filter((s) => s.type === 'frame');
  const notes = selection.filter((s) => s.type !== 'frame');
  const allPublic = frames.length > 0 && frames.every((f) => f.meta.public === true);
  const allAgreed = notes.length > 0 && notes.every((n) => n.meta.agreed === true);
  const setFlag = (shapes: TLShape[], flag: 'public' | 'agreed', on: boolean) =>
    editor.updateShapes(
      shapes.map((s) => {
        const { [flag]: _old, ...meta } = s.meta;
        return { id: s.id, type: s.type, meta: on ? { ...meta, [flag]: true } : meta };
      }),
    );
  return (
    <section className="row wrap" aria-label={t('selectionHeading')}>
      {frames.length > 0 ? (
        <button type="button" onClick={() => setFlag(frames, 'public', !allPublic)}>
          {allPublic ? t('markPrivate') : t('markPublic')}
        </button>
      ) : (
        <p className="hint">{t('selectFrame')}</p>
      )}
      {notes.length > 0 ? (
        <button type="button" onClick={() => setFlag(notes, 'agreed', !allAgreed)}>
          {allAgreed ? t('unmarkAgreed') : t('markAgreed')}
        </button>
      ) : (
        <p className="hint">{t('selectNotes')}</p>
      )}
    </section>
  );
}
