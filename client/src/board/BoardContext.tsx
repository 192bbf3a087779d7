/** What the board's tools share: the connection, the editor, who this person is, and the session. */
import { createContext, useContext, useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '../../../shared/roles';
import { isHost } from '../../../shared/roles';
import { SESSION_MAP } from '../../../shared/session';
import type { RequestBody, ServerReply } from '../../../shared/requests';
import type { BoardConnection } from '../sync/boardConnection';
import type { CanvasBinding } from '../sync/canvasBinding';
import { sendRequest } from '../sync/requests';
import type { Person } from '../sync/presence';

export interface BoardTools {
  board: BoardConnection;
  binding: CanvasBinding;
  editor: Editor;
  role: Role;
  isHost: boolean;
  /** The room's screen: shows, never edits or answers. */
  isProjector: boolean;
  person: Person | null;
  personId: string;
  /** This person's board token (for the hosts' REST calls: export, report). */
  token: string;
  /** The session map (control room, or the public fields in the public room). */
  sessionMap: Y.Map<unknown>;
  /** A host's write to the session. */
  setSession(field: string, value: unknown): void;
  request(request: RequestBody): Promise<ServerReply>;
}

const BoardToolsContext = createContext<BoardTools | null>(null);
export const BoardToolsProvider = BoardToolsContext.Provider;

export function useBoardTools(): BoardTools {
  const tools = useContext(BoardToolsContext);
  if (!tools) throw new Error('useBoardTools outside a board');
  return tools;
}

export function makeBoardTools(board: BoardConnection, binding: CanvasBinding, editor: Editor, role: Role, person: Person | null, personId: string, token: string, isProjector = false): BoardTools {
  const sessionRoom = board.rooms.get('control') ?? board.room('public');
  const sessionMap = sessionRoom.doc.getMap<unknown>(SESSION_MAP);
  return {
    board,
    binding,
    editor,
    role,
    isHost: isHost(role) && !isProjector,
    isProjector,
    person,
    personId,
    token,
    sessionMap,
    setSession: (field, value) => sessionMap.set(field, value),
    request: (request) => sendRequest(board.room('control').provider, request),
  };
}

/** A session field as plain JSON, re-rendering when it changes. */
export function useSessionField<T>(field: string): T | undefined {
  const { sessionMap } = useBoardTools();
  const [value, setValue] = useState<T | undefined>(() => sessionMap.get(field) as T | undefined);
  useEffect(() => {
    const update = () => setValue(sessionMap.get(field) as T | undefined);
    update();
    sessionMap.observe(update);
    return () => sessionMap.unobserve(update);
  }, [sessionMap, field]);
  return value;
}

/** The canvas room's awareness, following the room when its copy is replaced (after a refused write). */
export function useCanvasAwareness(): Awareness {
  const { board } = useBoardTools();
  const [awareness, setAwareness] = useState(() => board.room('canvas').provider.awareness);
  useEffect(() => board.onRoomReplaced((kind) => kind === 'canvas' && setAwareness(board.room('canvas').provider.awareness)), [board]);
  return awareness;
}

/** Re-renders every `ms` while `active` (for countdowns). */
export function useTick(active: boolean, ms = 250): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return tick;
}
