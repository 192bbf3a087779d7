/**
 * When a host summons everyone, this view goes to what the host shows and then follows that host
 * (moving the view oneself stops it). What is shared is a region of the board, not a camera: each
 * screen fits the host's view — a phone the whole of it, not the left third of a desktop's.
 */
import { useEffect, useRef } from 'react';
import { Box } from 'tldraw';
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
    editor.zoomToBounds(sharedRegion(editor, follow), { inset: 8, animation: { duration: 300 } });
    // tldraw's following fits the host's view to this screen too, from the host's presence.
    editor.startFollowingUser(String(follow.hostClientId));
  }, [editor, board, follow]);
  return null;
}

/** The host's view on the page; a summon from before bounds were shared gives the camera and this screen's size. */
export function sharedRegion(editor: { getViewportScreenBounds(): Box }, follow: FollowState): Box {
  if (follow.bounds) return new Box(follow.bounds.x, follow.bounds.y, follow.bounds.w, follow.bounds.h);
  const screen = editor.getViewportScreenBounds();
  return new Box(-follow.camera.x, -follow.camera.y, screen.w / follow.camera.z, screen.h / follow.camera.z);
}
