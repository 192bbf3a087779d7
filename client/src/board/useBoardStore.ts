/** The thin hook between React and the sync layer: a canvas session, seen as React state. */
import { useEffect, useState } from 'react';
import type { TLStore } from 'tldraw';
import type { Role } from '../../../shared/roles';
import type { BoardConnection, CanvasKind, ConnectionState } from '../sync/boardConnection';
import type { CanvasBinding } from '../sync/canvasBinding';
import { CanvasSession, type WriteNotice } from '../sync/canvasSession';
import type { Person } from '../sync/presence';
import { takeConnection } from './boardStart';

export type BoardStoreState =
  | { status: 'loading'; connection: ConnectionState }
  | {
      status: 'ready';
      store: TLStore;
      connection: ConnectionState;
      board: BoardConnection;
      binding: CanvasBinding;
      /** The server runs a newer tldraw: read-only until the page is reloaded. */
      outdated: boolean;
      /** The latest write of this person's that did not reach the board. */
      notice: WriteNotice | null;
    }
  | { status: 'error'; message: string };

/**
 * Connects to the board's rooms; `canvasKind` is 'canvas' for hosts and participants, 'public'
 * for observers. Without a person (the projector) nobody's presence is sent.
 */
export function useBoardStore(boardId: string, token: string, canvasKind: CanvasKind, role: Role, person: Person | null): BoardStoreState {
  const [state, setState] = useState<BoardStoreState>({ status: 'loading', connection: 'connecting' });

  useEffect(() => {
    const { board, refused } = takeConnection(boardId, token, canvasKind);
    const session = new CanvasSession({ boardId, token, kind: canvasKind, role, person }, board, refused);
    const show = () => {
      const view = session.view;
      setState(view.status === 'ready' ? { ...view, store: session.store, board: session.board } : view);
    };
    const stop = session.onChange(show);
    return () => {
      stop();
      session.destroy();
    };
  }, [boardId, token, canvasKind, role, person]);

  return state;
}
