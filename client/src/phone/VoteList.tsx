/**
 * Dot voting on a phone: the step's notes as a list one can read, each with − and +, the votes
 * left above it; once the vote has ended, the same notes ranked with their counts. Nothing is laid
 * over the canvas, where a row of pills per note would merge at a phone's zoom.
 */
import { renderPlaintextFromRichText, useValue, type Editor, type TLRichText, type TLShapeId } from 'tldraw';
import { useBoardTools } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { SUMMARY_LABELS } from '../../../shared/summary/labels';

export interface MyVotes {
  mine: Record<string, number>;
  left: number;
}

/** The ballot's notes with their text, in reading order (top to bottom, then left to right). */
function useBallotTexts(noteIds: string[]): { id: string; text: string }[] {
  const { editor } = useBoardTools();
  return useValue(
    'ballot texts',
    () =>
      noteIds
        .flatMap((id) => noteText(editor, id))
        .sort((a, b) => a.row - b.row || a.x - b.x)
        .map(({ id, text }) => ({ id, text })),
    [editor, noteIds.join(',')],
  );
}

function noteText(editor: Editor, id: string): { id: string; text: string; row: number; x: number }[] {
  const shape = editor.getShape(id as TLShapeId);
  if (!shape) return [];
  const bounds = editor.getShapePageBounds(shape.id);
  const text = renderPlaintextFromRichText(editor, (shape.props as { richText: TLRichText }).richText).trim();
  // Notes within half a note's height of each other read as one row.
  return [{ id, text, row: Math.round((bounds?.minY ?? 0) / 100), x: bounds?.minX ?? 0 }];
}

export function VoteList({ noteIds, votes, budget, error, onCast }: { noteIds: string[]; votes: MyVotes | null; budget: number; error: string; onCast: (noteId: string, delta: 1 | -1) => void }) {
  const { t } = useI18n();
  const notes = useBallotTexts(noteIds);
  return (
    <details className="vote-sheet" open>
      <summary>
        <strong>{t('voting')}</strong> · {t('votesLeft')}: <span data-testid="votes-left">{votes?.left ?? budget}</span>
      </summary>
      {error && <p className="error">{error}</p>}
      {notes.length === 0 ? (
        <p className="hint">{t('voteListEmpty')}</p>
      ) : (
        <ul className="vote-list" aria-label={t('voteListHeading')}>
          {notes.map((note) => {
            const mine = votes?.mine[note.id] ?? 0;
            return (
              <li key={note.id} data-note={note.id}>
                <span className="vote-note-text">{note.text || t('noteWithoutText')}</span>
                <span className="vote-list-buttons">
                  <button type="button" aria-label={`${t('voteRemove')}: ${note.text || t('noteWithoutText')}`} onClick={() => onCast(note.id, -1)} disabled={!mine}>
                    −
                  </button>
                  <span className="mine" aria-label={t('voteMine')}>
                    {mine}
                  </span>
                  <button type="button" aria-label={`${t('voteAdd')}: ${note.text || t('noteWithoutText')}`} onClick={() => onCast(note.id, 1)} disabled={votes?.left === 0}>
                    +
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}

export function VoteResultList({ noteIds, counts }: { noteIds: string[]; counts: Record<string, number> }) {
  const { t, locale } = useI18n();
  const notes = useBallotTexts(noteIds)
    .map((note) => ({ ...note, count: counts[note.id] ?? 0 }))
    .sort((a, b) => b.count - a.count);
  return (
    <details className="vote-sheet" open>
      <summary>
        <strong>{t('voteResultsHeading')}</strong>
      </summary>
      <ol className="vote-list vote-results-list">
        {notes.map((note) => (
          <li key={note.id} data-note={note.id} data-count={note.count}>
            <span className="vote-note-text">{note.text || t('noteWithoutText')}</span>
            <strong className="vote-count">{SUMMARY_LABELS[locale].votes(note.count)}</strong>
          </li>
        ))}
      </ol>
    </details>
  );
}
