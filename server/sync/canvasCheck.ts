/**
 * The canvas room's check before apply: the record changes each client update would make are read
 * first — from the update itself when it only appends entries (appendReader.ts, the common write),
 * otherwise by trying it on a scratch copy — and the shared rules (shared/canvasGuard.ts) decide.
 * Only then does the room apply it. Also keeps the board's record count and size for rule G9.
 */
import * as Y from 'yjs';
import { RecordMap, type Entry } from '../../shared/recordMap';
import { CANVAS_RECORDS_ARRAY } from '../../shared/canvas';
import { checkCanvasChanges, recordBytes, rememberRecordBytes, type CanvasState, type RecordChange } from '../../shared/canvasGuard';
import type { CanvasRecord } from '../../shared/projection';
import { CloseCode, CloseReason } from '../../shared/protocol';
import { HONEST_RULES, WriteRule, type WriteLimits } from '../../shared/writeRules';
import type { Writer } from './origin';
import type { Room } from './room';
import { ACCEPTED, type RoomHooks, type WriteVerdict } from './roomHooks';
import { ScratchCopy, type TrialCollector } from './scratch';
import { decodeUpdate, integrateAppend, readAppend, startClocks } from './appendReader';
import { rememberParts } from './updateParts';

/**
 * Adds a later transaction's record changes to those collected so far: a record keeps its first
 * old value and takes its last new one (added then deleted in one update is no change).
 */
export function mergeChanges(changes: Map<string, RecordChange>, batch: ReadonlyMap<string, RecordChange>): void {
  for (const [key, change] of batch) {
    const earlier = changes.get(key);
    const oldValue = earlier ? earlier.oldValue : change.oldValue;
    const newValue = change.action === 'delete' ? undefined : change.newValue;
    if (oldValue === undefined && newValue === undefined) changes.delete(key);
    else changes.set(key, { action: !oldValue ? 'add' : newValue ? 'update' : 'delete', oldValue, newValue });
  }
}

interface CanvasView {
  array: Y.Array<unknown>;
  records: RecordMap<CanvasRecord>;
  /** Set when an added entry is not `{ key, val }` (the record map skips it and says so). */
  malformed: boolean;
}

/** Collects a trial's record changes, merged across the transactions one update causes. */
const collector: TrialCollector<{ changes: Map<string, RecordChange>; malformed: boolean }, CanvasView> = {
  attach(copy) {
    const array = copy.getArray<unknown>(CANVAS_RECORDS_ARRAY);
    const view: CanvasView = { array, records: undefined as unknown as RecordMap<CanvasRecord>, malformed: false };
    view.records = new RecordMap<CanvasRecord>(array as Y.Array<Entry<CanvasRecord>>, { onMalformed: () => (view.malformed = true) });
    return view;
  },
  begin(view) {
    view.malformed = false;
    const changes = new Map<string, RecordChange>();
    const onChange = (batch: Map<string, RecordChange>) => mergeChanges(changes, batch);
    view.records.on('change', onChange);
    return {
      end: () => {
        view.records.off('change', onChange);
        return { changes, malformed: view.malformed };
      },
    };
  },
};

/**
 * The board as an update read without a trial would leave it: the room's records with the changed
 * ones in their new state (such an update deletes no record).
 */
function stateAfter(records: RecordMap<CanvasRecord>, changes: ReadonlyMap<string, RecordChange>, totals: CanvasState['totals']): CanvasState {
  const get = (id: string | undefined) => {
    if (id === undefined) return undefined;
    const change = changes.get(id);
    return change ? change.newValue : records.get(id);
  };
  return {
    get,
    *records() {
      for (const [key, { val }] of records.map) if (!changes.has(key)) yield val;
      for (const { newValue } of changes.values()) if (newValue) yield newValue;
    },
    totals,
  };
}

/** The cheap G11 refusal, decided before the copy is touched. */
const MISSING = 'the update needs changes the server does not have';


const closeWith = (rule: WriteRule, reason: string, code: CloseCode = CloseCode.malformedMessage, closeReason: string = CloseReason.invalidUpdate): WriteVerdict => ({
  ok: false,
  rule,
  reason,
  close: { code, reason: closeReason },
});

export interface CanvasCheckOptions {
  limits: WriteLimits;
  /** Whether a host has locked the board (the session's `canvasLocked`). */
  locked(): boolean;
}

export function canvasCheck(room: Room, options: CanvasCheckOptions): RoomHooks {
  const scratch = new ScratchCopy(room.doc, collector, (listener) => room.onUpdate(listener));
  const totals = { records: 0, bytes: 0 };
  const count = () => {
    for (const { val } of room.records.map.values()) {
      totals.records++;
      totals.bytes += recordBytes(val);
    }
    room.onRecords('board-totals', (changes) => {
      for (const { oldValue, newValue } of changes.values()) {
        if (oldValue) {
          totals.records--;
          totals.bytes -= recordBytes(oldValue);
        }
        if (newValue) {
          const measured = measuredInCheck.get(newValue.id);
          // The room's object of a record the check measured on its own copy: remember the size,
          // so the next write to this record does not measure its old value again.
          if (measured !== undefined) rememberRecordBytes(newValue, measured);
          totals.records++;
          totals.bytes += measured ?? recordBytes(newValue);
        }
      }
      measuredInCheck.clear();
    });
  };
  /** Sizes of the records an accepted update writes, as the check measured them (same JSON). */
  const measuredInCheck = new Map<string, number>();

  /** Whether the last judged update was tried on the copy (which then holds it, or must be remade). */
  let tried = false;

  const judge = (update: Uint8Array, writer: Writer): WriteVerdict => {
    tried = false;
    const { limits } = options;
    if (update.byteLength > limits.maxUpdateBytes) {
      return closeWith(WriteRule.size, 'update too large', CloseCode.payloadTooLarge, CloseReason.updateTooLarge);
    }
    const decoded = decodeUpdate(update);
    if (!decoded) return closeWith(WriteRule.structure, 'undecodable update');
    // Cheap first: an update that builds on changes this room never took cannot be applied.
    for (const [client, clock] of startClocks(decoded)) {
      if (clock > Y.getState(room.doc.store, client)) return { ok: false, rule: WriteRule.missing, reason: MISSING };
    }
    // The common write (entries appended, old ones replaced) is read from the update itself;
    // anything else is tried on the copy.
    const appended = readAppend(decoded, room.records);
    let changes: Map<string, RecordChange>;
    let state: CanvasState;
    let accepted: WriteVerdict = ACCEPTED;
    if (appended) {
      // Nothing is applied between this check and the room's apply, so the decoded structs go in.
      accepted = {
        ok: true,
        integrate: (doc, origin) => {
          integrateAppend(doc, update, decoded, origin);
          // The broadcaster joins it to the tick's other updates without decoding it again.
          rememberParts(update);
        },
      };
      changes = appended.changes;
      state = stateAfter(room.records, changes, totals);
    } else {
      tried = true;
      const trial = scratch.try(update);
      if (trial.failed || trial.collected.malformed) return closeWith(WriteRule.structure, 'only { key, val } entries go into the tldraw array');
      if (trial.newRoots.length > 0) return closeWith(WriteRule.structure, 'no other shared types');
      for (const type of trial.changedTypes) {
        if (type !== scratch.view.array) return closeWith(WriteRule.structure, 'only the tldraw array is writable');
      }
      if (trial.pending) return { ok: false, rule: WriteRule.missing, reason: 'some of the update waits for changes the server does not have' };
      changes = trial.collected.changes;
      const records = scratch.view.records;
      state = { get: (id) => (id === undefined ? undefined : records.get(id)), records: () => [...records.map.values()].map((entry) => entry.val), totals };
    }
    if (changes.size === 0) return accepted;
    const refusal = checkCanvasChanges(changes, state, { role: writer.role, locked: options.locked(), limits });
    if (!refusal) {
      measuredInCheck.clear();
      for (const [key, { newValue }] of changes) if (newValue) measuredInCheck.set(key, recordBytes(newValue));
      return accepted;
    }
    if (HONEST_RULES.includes(refusal.rule)) return { ok: false, ...refusal };
    return closeWith(refusal.rule, refusal.reason);
  };

  return {
    name: 'canvas-check',
    load: count,
    check(update, writer) {
      const verdict = judge(update, writer);
      // A refused update that was tried sits in the copy: make the copy again.
      if (!verdict.ok && tried) scratch.discard();
      return verdict;
    },
    // A tried update is in the copy already; one read without a trial reaches it as the room's.
    applying: (writer, apply) => (tried ? scratch.commit(writer, apply) : apply()),
    destroy: () => scratch.dispose(),
  };
}
