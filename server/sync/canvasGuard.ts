/** Runs the shared canvas guard on every change a connection makes to a canvas room, in the same tick. */
import type { YKeyValue } from 'y-utility/y-keyvalue';
import type * as Y from 'yjs';
import { guardCanvasChange, type RecordChange } from '../../shared/canvasGuard';
import type { CanvasRecord } from '../../shared/projection';
import { Connection } from './connection';
import type { Room } from './room';

export const GUARD_ORIGIN = Symbol('guard');

/** `session` gives the board's session map when its control room is loaded here. */
export function installCanvasGuard(room: Room, session: () => Y.Map<unknown> | undefined = () => undefined): void {
  const records: YKeyValue<CanvasRecord> = room.records;
  const onChange = (changes: Map<string, RecordChange>, transaction: Y.Transaction) => {
    const origin = transaction.origin;
    if (!(origin instanceof Connection)) return;
    const reverts: [string, CanvasRecord | undefined][] = [];
    const context = { locked: session()?.get('canvasLocked') === true };
    for (const [key, change] of changes) {
      const verdict = guardCanvasChange(origin.role, key, change, context);
      if (!verdict.allow) reverts.push([key, verdict.restore]);
    }
    if (reverts.length === 0) return;
    room.doc.transact(() => {
      for (const [key, restore] of reverts) {
        if (restore === undefined) records.delete(key);
        else records.set(key, restore);
      }
    }, GUARD_ORIGIN);
  };
  records.on('change', onChange);
  room.onDestroy(() => records.off('change', onChange));
}
