/** The board page: `/b/{id}#t=<token>` — the join screen, then the shared canvas. */
import { useMemo, useState } from 'react';
import { Tldraw, type Editor } from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { readTokenPayload } from '../../../shared/token';
import { useI18n } from '../i18n';
import { JoinScreen } from './JoinScreen';
import { ConnectionBadge } from './ConnectionBadge';
import { rememberedPerson } from './identity';
import { useBoardStore } from './useBoardStore';
import type { Person } from '../sync/presence';

const assetUrls = getAssetUrlsByImport();

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
  if (claims.r === 'observer') return <Canvas boardId={boardId} token={token} kind="public" person={null} />;
  if (!person) return <JoinScreen onJoin={setPerson} />;
  return <Canvas boardId={boardId} token={token} kind="canvas" person={person} />;
}

function Canvas({ boardId, token, kind, person }: { boardId: string; token: string; kind: 'canvas' | 'public'; person: Person | null }) {
  const { t, locale } = useI18n();
  const state = useBoardStore(boardId, token, kind, person);
  if (state.status === 'error') return <Notice text={state.message} />;
  if (state.status === 'loading') return <Notice text={state.connection === 'refused' ? t('badToken') : t('loading')} busy={state.connection !== 'refused'} />;
  const onMount = (editor: Editor) => {
    editor.user.updateUserPreferences({ locale, ...(person ? { name: person.name, color: person.color } : {}) });
    if (kind === 'public') editor.updateInstanceState({ isReadonly: true });
  };
  return (
    <div className="board">
      <Tldraw store={state.store} assetUrls={assetUrls} onMount={onMount} />
      <ConnectionBadge state={state.connection} />
    </div>
  );
}

function Notice({ text, busy = false }: { text: string; busy?: boolean }) {
  return (
    <main className="notice" aria-busy={busy}>
      <p role={busy ? 'status' : 'alert'}>{text}</p>
    </main>
  );
}
