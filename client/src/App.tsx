/** Two pages: the home page (create a board) and a board, `/b/{id}#t=<token>`. */
import { lazy, Suspense } from 'react';
import { BoardPage } from './board/BoardPage';
import { I18nProvider } from './i18n';

// People who open a board never need the home page (its formats guide, links and QR codes).
const HomePage = lazy(() => import('./home/HomePage').then((module) => ({ default: module.HomePage })));

export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
  return (
    <I18nProvider>
      {match ? (
        <BoardPage boardId={match[1]!} />
      ) : (
        <Suspense fallback={null}>
          <HomePage />
        </Suspense>
      )}
    </I18nProvider>
  );
}
