/** The thin hook between React and the sync layer: a connection, and a tldraw store bound to it. */
import { useEffect, useState } from 'react';
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLStore } from 'tldraw';
import type { RoomKind } from '../../../shared/roles';
import { BoardConnection, type ConnectionState } from '../sync/boardConnection';
import { bindCanvas, type CanvasBinding } from '../sync/canvasBinding';
import { bindPresence, type Person } from '../sync/presence';

export type BoardStoreState =
  | { status: 'loading'; connection: ConnectionState }
  | { status: 'ready'; store: TLStore; connection: ConnectionState; board: BoardConnection; binding: CanvasBinding }
  | { status: 'error'; message: string };

/**
 * Connects to the board's rooms; `canvasKind` is 'canvas' for hosts and participants, 'public'
 * for observers. Without a person (the projector) nobody's presence is sent.
 */
export function useBoardStore(boardId: string, token: string, canvasKind: 'canvas' | 'public', person: Person | null): BoardStoreState {
  const [state, setState] = useState<BoardStoreState>({ status: 'loading', connection: 'connecting' });

  useEffect(() => {
    const kinds: RoomKind[] = canvasKind === 'canvas' ? ['canvas', 'control'] : ['public'];
    const board = new BoardConnection(boardId, token, kinds);
    const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
    const cleanups: (() => void)[] = [];
    let ready = false;
    cleanups.push(
      board.onState((connection) =>
        setState((prev) => (prev.status === 'ready' ? { ...prev, connection } : prev.status === 'loading' ? { status: 'loading', connection } : prev)),
      ),
    );
    board
      .synced()
      .then(() => {
        if (cleanups.length === 0) return;
        const binding = bindCanvas(store, board.room(canvasKind).doc);
        cleanups.push(binding.dispose);
        if (canvasKind === 'canvas' && person) cleanups.push(bindPresence(store, board.room('canvas').provider.awareness, person));
        ready = true;
        setState({ status: 'ready', store, connection: board.state, board, binding });
      })
      .catch((err: unknown) => setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }));
    return () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      board.destroy();
      if (ready) store.dispose();
    };
  }, [boardId, token, canvasKind, person]);

  return state;
}
