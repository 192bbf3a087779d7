/**
 * A participant's side of private writing: while a host has it on, new notes in the step's frame
 * — or dropped just outside it — stay on this device; their count (never their text) goes to the
 * hosts; they are kept in IndexedDB across reloads, and leaving the page asks first. When the
 * host reveals (or turns it off), every held note is published at once.
 */
import { useEffect } from 'react';
import { react, type Editor, type TLRecord, type TLShapeId } from 'tldraw';
import type { PrivateModeState } from '../../../shared/session';
import { useBoardTools, useCanvasAwareness } from '../board/BoardContext';
import { stepFrameOf } from '../steps/stepFrames';
import { reportWork } from '../sync/workCounts';
import { heldNotes } from './privateWriting';
import { loadHeld, saveHeld } from './heldStorage';

/** How far outside the frame a dropped note still counts as written in it (page units). */
export const NEAR_FRAME = 240;

function inOrNearFrame(editor: Editor, record: TLRecord, frameId: TLShapeId): boolean {
  if (record.typeName !== 'shape') return false;
  if (record.parentId === frameId || editor.hasAncestor(record.id, frameId)) return true;
  const frame = editor.getShapePageBounds(frameId);
  if (!frame || !record.parentId.startsWith('page:')) return false;
  return record.x >= frame.minX - NEAR_FRAME && record.x <= frame.maxX + NEAR_FRAME && record.y >= frame.minY - NEAR_FRAME && record.y <= frame.maxY + NEAR_FRAME;
}

export function usePrivateWriting(mode: PrivateModeState | undefined): boolean {
  const { editor, binding, isHost, board } = useBoardTools();
  const awareness = useCanvasAwareness();
  const active = !isHost && mode?.state === 'on' && mode.stepId !== null;

  // Hold new notes while the mode is on; publish (and forget the kept copy) when it ends.
  useEffect(() => {
    if (isHost) return;
    if (!active) {
      binding.setHoldPolicy(null);
      if (binding.held.size > 0) binding.publishHeld();
      heldNotes.set(new Set());
    } else {
      const frameId = stepFrameOf(editor, mode!.stepId!);
      binding.setHoldPolicy((record: TLRecord) => {
        const hold = frameId !== undefined && inOrNearFrame(editor, record, frameId);
        if (hold) queueMicrotask(() => heldNotes.set(new Set(binding.held)));
        return hold;
      });
    }
    // Notes kept from before a reload come back: held again while the mode is on, published if it ended.
    let cancelled = false;
    void loadHeld(board.boardId).then((records) => {
      const missing = records.filter((r) => !editor.store.has(r.id));
      if (cancelled || missing.length === 0) return;
      try {
        editor.store.put(missing);
      } catch {
        // Their step's frame is gone (the meeting was closed): nothing to put them in.
      }
      if (!active) void saveHeld(board.boardId, []);
    });
    return () => {
      cancelled = true;
      binding.setHoldPolicy(null);
    };
  }, [editor, binding, board, isHost, active, mode?.stepId, mode?.revealId]);

  // The count to the hosts, the copy to IndexedDB, a question before leaving the page.
  useEffect(() => {
    if (isHost) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sync = () => {
      reportWork(awareness, 'held', active ? binding.held.size : 0);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const records = [...binding.held].flatMap((id) => editor.store.get(id as TLRecord['id']) ?? []);
        void saveHeld(board.boardId, active ? records : []);
      }, 300);
    };
    sync();
    const stopHeld = react('held notes', () => {
      heldNotes.get();
      sync();
    });
    const stopStore = editor.store.listen(() => queueMicrotask(sync), { scope: 'document', source: 'user' });
    const warn = (event: BeforeUnloadEvent) => {
      if (binding.held.size === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      clearTimeout(timer);
      stopHeld();
      stopStore();
      window.removeEventListener('beforeunload', warn);
    };
  }, [awareness, editor, binding, board, isHost, active]);

  return active;
}
