/** Three pages: the home page (create a board or a network), a board, `/b/{id}#t=<token>`, and a network, `/n/{id}#t=<token>`. */
import { HomePage } from './home/HomePage';
import { BoardPage } from './board/BoardPage';
import { NetworkPage } from './network/NetworkPage';
import { I18nProvider } from './i18n';

export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
  const network = /^\/n\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
  return <I18nProvider>{match ? <BoardPage boardId={match[1]!} /> : network ? <NetworkPage networkId={network[1]!} /> : <HomePage />}</I18nProvider>;
}
