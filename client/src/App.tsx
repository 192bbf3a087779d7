/** The pages: home (create a board or a network), a board `/b/{id}#t=…`, a network `/n/{id}#t=…`, and the programme's figures `/stats`. */
import { lazy, Suspense } from 'react';
import { BoardPage } from './board/BoardPage';
import { I18nProvider } from './i18n';

// People who open a board never need the home page (its formats guide, links and QR codes), nor the network's pages.
const HomePage = lazy(() => import('./home/HomePage').then((module) => ({ default: module.HomePage })));
const NetworkPage = lazy(() => import('./network/NetworkPage').then((module) => ({ default: module.NetworkPage })));
const StatsPage = lazy(() => import('./network/StatsPage').then((module) => ({ default: module.StatsPage })));

export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
  const network = /^\/n\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
  return (
    <I18nProvider>
      {match ? (
        <BoardPage boardId={match[1]!} />
      ) : (
        <Suspense fallback={null}>{network ? <NetworkPage networkId={network[1]!} /> : window.location.pathname === '/stats' ? <StatsPage /> : <HomePage />}</Suspense>
      )}
    </I18nProvider>
  );
}
