/** The pages: home (create a board or a network), a board `/b/{id}#t=…`, a network `/n/{id}#t=…`, and the programme's figures `/stats`. */
import { HomePage } from './home/HomePage';
import { BoardPage } from './board/BoardPage';
import { NetworkPage } from './network/NetworkPage';
import { StatsPage } from './network/StatsPage';
import { I18nProvider } from './i18n';

export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
  const network = /^\/n\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
  const page = match ? <BoardPage boardId={match[1]!} /> : network ? <NetworkPage networkId={network[1]!} /> : window.location.pathname === '/stats' ? <StatsPage /> : <HomePage />;
  return <I18nProvider>{page}</I18nProvider>;
}
