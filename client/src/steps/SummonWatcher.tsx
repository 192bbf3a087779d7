/** When a host summons everyone, this view follows that host (moving the view oneself stops it). */
import { useEffect, useRef } from 'react';
import type { FollowState } from '../../../shared/session';
import { useBoardTools, useSessionField } from '../board/BoardContext';

export function SummonWatcher() {
  const { editor, board } = useBoardTools();
  const follow = useSessionField<FollowState>('follow');
  const seen = useRef(follow?.summonId ?? null);
  useEffect(() => {
    if (!follow?.summonId || follow.summonId === seen.current) return;
    seen.current = follow.summonId;
    if (follow.hostClientId === board.room('canvas').provider.awareness.clientID) return;
    editor.setCamera(follow.camera, { animation: { duration: 300 } });
    editor.startFollowingUser(String(follow.hostClientId));
  }, [editor, board, follow]);
  return null;
}
