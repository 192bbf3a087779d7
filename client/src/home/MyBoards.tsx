/** The home page's "Moje tablice": boards this browser created or hosted, from its own storage. */
import { useState } from 'react';
import { formatDate } from '../../../shared/text/dates';
import { useI18n } from '../i18n';
import { ROLE_LABEL } from '../people/RoleLinks';
import { forgetBoard, myBoards } from './myBoards';

export function MyBoards() {
  const { t, locale } = useI18n();
  const [boards, setBoards] = useState(myBoards);
  if (boards.length === 0) return null;
  return (
    <section className="card" aria-labelledby="my-boards-heading">
      <h2 id="my-boards-heading">{t('myBoards')}</h2>
      <p className="hint">{t('myBoardsHelp')}</p>
      <ul className="my-boards">
        {boards.map((board) => (
          <li key={board.id}>
            <a href={board.link}>{board.title}</a>
            <span className="hint">
              {formatDate(board.at.slice(0, 10), locale)} · {t(ROLE_LABEL[board.role])}
            </span>
            <button
              type="button"
              className="secondary"
              aria-label={`${t('myBoardsForget')}: ${board.title}`}
              onClick={() => {
                forgetBoard(board.id);
                setBoards(myBoards());
              }}
            >
              {t('myBoardsForget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
