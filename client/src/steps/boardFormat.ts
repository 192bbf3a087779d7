/**
 * A board's format, fetched when the step banner or the hosts' panel first asks for it. The format
 * registry (formats/index.ts) holds every format and checks each one with the schema as it loads,
 * which is right for the server and the home page; but a board uses one format, and a participant
 * reads only the current step's texts from it. So the canvas no longer carries the registry: each
 * format file is a small chunk of its own, parsed with the same schema when it arrives.
 */
import { useEffect, useState } from 'react';
import { FORMAT_IDS } from '../../../shared/api';
import type { Format, FormatInput, FormatKey } from '../../../shared/formats/schema';

const SOURCES: Record<FormatKey, () => Promise<FormatInput>> = {
  kickoff: () => import('../../../formats/kickoff').then((m) => m.kickoff),
  planning: () => import('../../../formats/planning').then((m) => m.planning),
  solutions: () => import('../../../formats/solutions').then((m) => m.solutions),
  practices: () => import('../../../formats/practices').then((m) => m.practices),
  workplan: () => import('../../../formats/workplan').then((m) => m.workplan),
};

const loaded = new Map<FormatKey, Format>();
const loading = new Map<FormatKey, Promise<Format>>();
/** Formats whose last fetch failed: shown without their texts until one succeeds. */
const failed = new Set<FormatKey>();

function isFormatKey(id: string): id is FormatKey {
  return (FORMAT_IDS as readonly string[]).includes(id);
}

/** The board's format, parsed; rejects if its chunk cannot be fetched. */
export function loadBoardFormat(id: FormatKey): Promise<Format> {
  let pending = loading.get(id);
  if (!pending) {
    pending = Promise.all([SOURCES[id](), import('../../../shared/formats/schema')]).then(([source, { Format }]) => {
      const format = Format.parse(source);
      loaded.set(id, format);
      failed.delete(id);
      return format;
    });
    // A failed fetch is tried again by the next component that asks.
    pending.catch(() => {
      loading.delete(id);
      failed.add(id);
    });
    loading.set(id, pending);
  }
  return pending;
}

export interface BoardFormat {
  /** The format, or undefined for a board without one (or whose format could not be fetched). */
  format: Format | undefined;
  /** Still on its way: the steps are not known yet. */
  loading: boolean;
}

export function useBoardFormat(formatId: string | undefined): BoardFormat {
  const key = formatId !== undefined && isFormatKey(formatId) ? formatId : undefined;
  const [, arrived] = useState(0);
  useEffect(() => {
    if (!key || loaded.has(key)) return;
    let live = true;
    // Without the format the steps come from the frames on the board, as on a board without one.
    const show = () => live && arrived((n) => n + 1);
    loadBoardFormat(key).then(show, show);
    return () => void (live = false);
  }, [key]);
  if (!key) return { format: undefined, loading: false };
  const format = loaded.get(key);
  return { format, loading: !format && !failed.has(key) };
}
