/**
 * The shared canvas: tldraw bound to the board's documents, with the board's tools around it. A
 * chunk of its own, loaded by the board page (boardStart.ts), because tldraw is most of the script
 * and the page has other things to start while it arrives.
 */
import { useEffect, useState } from 'react';
import { Tldraw, type Editor, type TLComponents, type TLUiOverrides } from 'tldraw';
import { FlagBadges } from './FlagBadges';
import { boardShapeUtils } from './boardNoteShape';
import { StagedCanvas } from './stagedCanvas';
import { assetUrls } from './assetUrls';
import { useI18n } from '../i18n';
import { ConnectionBadge } from './ConnectionBadge';
import { personId } from './identity';
import { useBoardStore } from './useBoardStore';
import type { Person } from '../sync/presence';
import type { Role } from '../../../shared/roles';
import { isHost } from '../../../shared/roles';
import { BoardToolsProvider, makeBoardTools, type BoardTools } from './BoardContext';
import { BoardToolsLayer } from './BoardTools';
import { measureServerClock } from '../sync/serverClock';
import { protectHostContent } from './protectHostContent';
import { WriteNotice } from './WriteNotice';
import { preloadHostPanel } from '../steps/HostPanelLoader';
import { PhoneToolbar } from '../phone/PhoneToolbar';
import { CANVAS_OPTIONS, NOTE_WORDS } from '../phone/canvasSetup';
import { Notice } from './Notice';

const components: TLComponents = { InFrontOfTheCanvas: FlagBadges, Canvas: StagedCanvas };
// Pages are the hosts' (rule G7): participants get no page menu and no "move to a new page".
const participantComponents: TLComponents = { ...components, PageMenu: null, Toolbar: PhoneToolbar };
const participantOverrides: TLUiOverrides = {
  ...NOTE_WORDS,
  actions: (_editor, actions) => {
    delete actions['move-to-new-page'];
    return actions;
  },
};

export function BoardCanvas({ boardId, token, role, person, projector = false }: { boardId: string; token: string; role: Role; person: Person | null; projector?: boolean }) {
  const { t, locale } = useI18n();
  const kind = role === 'observer' ? 'public' : 'canvas';
  const state = useBoardStore(boardId, token, kind, role, person);
  const participant = role === 'participant';
  const [tools, setTools] = useState<BoardTools | null>(null);
  useEffect(() => void measureServerClock(), []);
  useEffect(() => {
    if (isHost(role) && !projector) void preloadHostPanel();
  }, [role, projector]);
  if (state.status === 'error') return <Notice text={state.message} />;
  if (state.status === 'loading') return <Notice text={state.connection === 'refused' ? t('badToken') : t('loading')} busy={state.connection !== 'refused'} />;
  const onMount = (editor: Editor) => {
    editor.user.updateUserPreferences({ locale, ...(person ? { name: person.name, color: person.color } : {}) });
    if (kind === 'public' || projector) editor.updateInstanceState({ isReadonly: true });
    if (kind === 'public') editor.zoomToFit();
    setTools(makeBoardTools(state.board, state.binding, editor, role, person, personId(), token, projector));
    // The editor at hand in the devtools console, as in tldraw's own examples (the browser tests use it too).
    Object.assign(window, { editor });
    return participant ? protectHostContent(editor) : undefined;
  };
  return (
    <div className={`board${isHost(role) && !projector ? ' with-panel' : ''}${projector ? ' projector' : ''}`} data-role={role}>
      <div className="canvas-area">
        <Tldraw
          store={state.store}
          shapeUtils={boardShapeUtils}
          assetUrls={assetUrls}
          components={participant ? participantComponents : components}
          overrides={participant ? participantOverrides : NOTE_WORDS}
          options={CANVAS_OPTIONS}
          onMount={onMount}
          hideUi={projector}
        />
      </div>
      {tools && (
        <BoardToolsProvider value={tools}>
          <BoardToolsLayer outdated={state.outdated} />
        </BoardToolsProvider>
      )}
      <WriteNotice notice={state.notice} />
      <ConnectionBadge state={state.connection} />
    </div>
  );
}
