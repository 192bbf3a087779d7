/**
 * "Mark the top N agreed" after a vote: the ranking's tie at the cut is shown first, and the hosts
 * choose which of the tied notes take the places left.
 */
import { useState } from 'react';
import { useValue, type TLShapeId } from 'tldraw';
import type { VoteState } from '../../../shared/session';
import { richTextToPlain } from '../../../shared/canvas';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { topNotes } from './topNotes';
import { useVoteCounts } from '../board/useSessionTotals';

export function MarkTop({ vote }: { vote: VoteState }) {
  const { t } = useI18n();
  const { editor } = useBoardTools();
  const [topN, setTopN] = useState(3);
  const [chosen, setChosen] = useState<string[]>([]);
  const counts = useVoteCounts(vote);
  const top = topNotes(counts, topN);
  const textOf = useValue('tied texts', () => Object.fromEntries(top.tied.map((id) => [id, richTextToPlain((editor.getShape(id as TLShapeId)?.props as { richText?: unknown } | undefined)?.richText)])), [editor, top.tied.join()]);
  const picked = chosen.filter((id) => top.tied.includes(id));
  const ready = picked.length === top.places;
  const mark = () => {
    const shapes = [...top.sure, ...picked].map((id) => editor.getShape(id as TLShapeId)).filter((s) => s !== undefined);
    editor.updateShapes(shapes.map((s) => ({ id: s.id, type: s.type, meta: { ...s.meta, agreed: true } })));
  };
  return (
    <div className="mark-top">
      <label className="inline">
        {t('topN')}
        <input type="number" min={1} max={20} value={topN} onChange={(e) => setTopN(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} />
      </label>
      {top.tied.length > 0 && (
        <fieldset className="ties">
          <legend>
            {t('voteTie')} {top.places} / {top.tied.length}
          </legend>
          {top.tied.map((id) => (
            <label key={id} className="check">
              <input
                type="checkbox"
                checked={picked.includes(id)}
                disabled={!picked.includes(id) && picked.length >= top.places}
                onChange={(e) => setChosen(e.target.checked ? [...picked, id] : picked.filter((x) => x !== id))}
              />{' '}
              {textOf[id] || id} ({counts[id]})
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" disabled={!ready} aria-describedby={ready ? undefined : 'mark-top-why'} onClick={mark}>
        {t('voteTopN')}
      </button>
      {!ready && (
        <p id="mark-top-why" className="hint">
          {t('voteTieWhy')}
        </p>
      )}
    </div>
  );
}
