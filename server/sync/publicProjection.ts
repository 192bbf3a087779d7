/**
 * Keeps a board's public room equal to the projection of its canvas and session: after every
 * change (coalesced per tick) the public document gets exactly the records observers may see.
 */
import * as Y from 'yjs';
import { CANVAS_META_MAP, CANVAS_SCHEMA_KEY } from '../../shared/canvas';
import { publicRecords } from '../../shared/projection';
import { PUBLIC_SESSION_FIELDS, SESSION_MAP } from '../../shared/session';
import type { Room } from './room';
import { Origin } from './origin';

const PROJECTION_TICK_MS = 20;

export class PublicProjection {
  #timer: NodeJS.Timeout | undefined;
  readonly #unfollow: (() => void)[];
  readonly #schedule = () => {
    // Inside the public room's fault boundary: a failing projection reloads this board, not the process.
    this.#timer ??= this.target.timer('public-projection', PROJECTION_TICK_MS, () => this.project());
  };

  constructor(
    private readonly canvas: Room,
    private readonly control: Room,
    private readonly target: Room,
  ) {
    this.#unfollow = [canvas.onUpdate(this.#schedule), control.onUpdate(this.#schedule)];
    this.project();
  }

  /** Brings the public document up to date now. */
  project(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const source = this.canvas.records;
    const target = this.target.records;
    const values = new Map([...source.map.entries()].map(([key, entry]) => [key, entry.val]));
    const visible = publicRecords(values);
    const session = this.control.doc.getMap(SESSION_MAP);
    const publicSession = this.target.doc.getMap(SESSION_MAP);
    const schema = this.canvas.doc.getMap(CANVAS_META_MAP).get(CANVAS_SCHEMA_KEY);
    const targetMeta = this.target.doc.getMap(CANVAS_META_MAP);

    this.target.doc.transact(() => {
      for (const key of [...target.map.keys()]) if (!visible.has(key)) target.delete(key);
      for (const [key, value] of visible) {
        const current = target.get(key);
        // Records are replaced, never mutated: a passed-through record is unchanged when it is the same object.
        if (current === value) continue;
        // A derived record is new on every tick: compare its content, or every tick rewrites it.
        if (value !== values.get(key) && JSON.stringify(current) === JSON.stringify(value)) continue;
        target.set(key, value);
      }
      if (visible.size > 0 && schema !== undefined && targetMeta.get(CANVAS_SCHEMA_KEY) !== schema) {
        targetMeta.set(CANVAS_SCHEMA_KEY, schema);
      }
      for (const field of PUBLIC_SESSION_FIELDS) copyField(session, publicSession, field);
    }, Origin.projection);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    for (const unfollow of this.#unfollow) unfollow();
  }
}

function copyField(from: Y.Map<unknown>, to: Y.Map<unknown>, field: string): void {
  const value = from.get(field);
  if (value === undefined) {
    if (to.has(field)) to.delete(field);
  } else if (JSON.stringify(to.get(field)) !== JSON.stringify(value)) {
    to.set(field, value);
  }
}
