/** Two pages: the home page (create a board) and a board, `/b/{id}#t=<token>`. */
import { HomePage } from './home/HomePage';
import { BoardPage } from './board/BoardPage';
import { I18nProvider } from './i18n';

export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
  return <I18nProvider>{match ? <BoardPage boardId={match[1]!} /> : <HomePage />}</I18nProvider>;
}
