/**
 * The session guard: host writes to the control room are checked field by field against the
 * shared schemas (a bad one is reverted before it is relayed), and a running timer is stamped
 * with the server's clock so every device counts down from the same instant.
 */
import * as Y from 'yjs';
import { SESSION_FIELD_SCHEMAS, SESSION_MAP, TimerState } from '../../shared/session';
import { Connection } from './connection';
import type { Room } from './room';

export const SESSION_GUARD_ORIGIN = Symbol('session-guard');

export function installControlGuard(room: Room, now: () => number = Date.now): void {
  const session = room.doc.getMap<unknown>(SESSION_MAP);
  const onChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (!(transaction.origin instanceof Connection)) return;
    const fixes: [string, unknown][] = [];
    for (const [key, change] of event.changes.keys) {
      const schema = SESSION_FIELD_SCHEMAS[key];
      if (!schema || change.action === 'delete') continue;
      const value = session.get(key);
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        fixes.push([key, change.oldValue]);
        continue;
      }
      if (key === 'timer') {
        const timer = parsed.data as TimerState;
        const startedAt = timer.state === 'running' ? now() : null;
        if (timer.startedAt !== startedAt) fixes.push([key, { ...timer, startedAt }]);
      }
    }
    if (fixes.length === 0) return;
    room.doc.transact(() => {
      for (const [key, value] of fixes) {
        if (value === undefined) session.delete(key);
        else session.set(key, value);
      }
    }, SESSION_GUARD_ORIGIN);
  };
  session.observe(onChange);
  room.onDestroy(() => session.unobserve(onChange));
}
