/**
 * Live counts for the hosts, from what each participant's client puts in its awareness state:
 * how many notes it holds in private writing and which vote it has voted in — numbers and ids,
 * never content. Everyone's client could read them; only the hosts' panel shows them.
 */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useCanvasAwareness } from '../board/BoardContext';

export interface WorkState {
  /** Notes this device holds back in private writing. */
  held?: number;
  /** The vote this person has given at least one vote in. */
  votedIn?: string | null;
}

/** Sets this device's field, only when it changed (awareness sends every change to everyone). */
export function reportWork<K extends keyof WorkState>(awareness: Awareness, field: K, value: WorkState[K]): void {
  const state = awareness.getLocalState() as WorkState | null;
  if (state && state[field] !== value) awareness.setLocalStateField(field, value);
}

export interface WorkCounts {
  participants: number;
  heldNotes: number;
  heldPeople: number;
  votedIn(voteId: string): number;
}

function countWork(awareness: Awareness): WorkCounts {
  const states = [...(awareness.getStates() as Map<number, WorkState & { role?: string }>).values()].filter((s) => s.role === 'participant');
  const held = states.map((s) => (typeof s.held === 'number' && s.held > 0 ? s.held : 0));
  return {
    participants: states.length,
    heldNotes: held.reduce((a, b) => a + b, 0),
    heldPeople: held.filter((n) => n > 0).length,
    votedIn: (voteId) => states.filter((s) => s.votedIn === voteId).length,
  };
}

export function useWorkCounts(): WorkCounts {
  const awareness = useCanvasAwareness();
  const [counts, setCounts] = useState(() => countWork(awareness));
  useEffect(() => {
    const update = () => setCounts(countWork(awareness));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return counts;
}
