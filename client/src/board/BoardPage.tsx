/**
 * The board page: `/b/{id}#t=<token>` — the join screen, then the shared canvas. This part holds no
 * tldraw: it shows the join screen or a loading line at once and starts the canvas's script, its
 * connection and its fonts together (boardStart.ts).
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { readTokenPayload } from '../../../shared/token';
import { useI18n } from '../i18n';
import { JoinScreen } from './JoinScreen';
import { rememberedPerson } from './identity';
import type { Person } from '../sync/presence';
import type { Role } from '../../../shared/roles';
import { loadBoardCanvas, startBoard } from './boardStart';
import { Notice } from './Notice';

const BoardCanvas = lazy(() => loadBoardCanvas().then((module) => ({ default: module.BoardCanvas })));

function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('t') ?? '';
}

export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const token = useMemo(tokenFromHash, []);
  const claims = useMemo(() => readTokenPayload(token), [token]);
  const [person, setPerson] = useState<Person | null>(rememberedPerson);

  if (!token || !claims) return <Notice text={t('noToken')} />;
  if (claims.b !== boardId) return <Notice text={t('badToken')} />;
  if (claims.r === 'observer') return <Canvas boardId={boardId} token={token} role="observer" person={null} />;
  if (new URLSearchParams(window.location.search).get('view') === 'projector') return <Canvas boardId={boardId} token={token} role={claims.r} person={null} projector />;
  if (!person) {
    // The canvas's script comes while the person types their name; the connection waits for them.
    void loadBoardCanvas();
    return <JoinScreen boardId={boardId} token={token} onJoin={setPerson} />;
  }
  return <Canvas boardId={boardId} token={token} role={claims.r} person={person} />;
}

function Canvas(props: { boardId: string; token: string; role: Role; person: Person | null; projector?: boolean }) {
  const { t } = useI18n();
  startBoard(props.boardId, props.token, props.role === 'observer' ? 'public' : 'canvas');
  return (
    <Suspense fallback={<Notice text={t('loading')} busy />}>
      <BoardCanvas {...props} />
    </Suspense>
  );
}
