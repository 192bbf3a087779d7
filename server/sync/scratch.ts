/**
 * A scratch copy of a room's document on which a client's update is tried before the room takes
 * it: Yjs integrates it there, the room's rules read what it would change, and only then is the
 * same update applied to the real document. A refused update leaves the copy dirty; it is made
 * again from the room's document before the next trial, so nothing of a refused update survives.
 *
 * Most updates need no trial (appendReader.ts), so the copy does not take the room's changes as
 * they happen: it keeps them and catches up before the next trial, or is made again when it has
 * fallen too far behind.
 */
import * as Y from 'yjs';

export interface Trial<T> {
  /** Thrown while integrating (undecodable bytes, an observer that choked on bad content). */
  failed: boolean;
  /** Structs or deletions that wait for changes this document does not have. */
  pending: boolean;
  /** Every shared type a transaction of this update changed. */
  changedTypes: Set<Y.AbstractType<unknown>>;
  /** Root names present after the trial that were not before. */
  newRoots: string[];
  /** What the collector made of it. */
  collected: T;
}

/** Builds per-copy readers (e.g. a YKeyValue) and, per trial, collects what an update changes. */
export interface TrialCollector<T, V> {
  attach(copy: Y.Doc): V;
  /** Starts listening for one trial; `end` stops and gives what was collected. */
  begin(view: V): { end(): T };
}

const TRIAL_ORIGIN = Symbol('trial');
/** Changes kept for the copy to catch up with; beyond either bound it is made again when needed. */
const MAX_BEHIND_UPDATES = 256;
const MAX_BEHIND_BYTES = 1024 * 1024;

export class ScratchCopy<T, V> {
  #copy: Y.Doc | undefined;
  #view: V | undefined;
  /** The origin of the update the room is applying that this copy already holds. */
  #holding: unknown = undefined;
  /** The room's changes since the copy last caught up, in order. */
  #behind: Uint8Array[] = [];
  #behindBytes = 0;

  readonly #unfollow: () => void;

  /** `follow` subscribes to every change of the source as an update (Room.onUpdate). */
  constructor(
    private readonly source: Y.Doc,
    private readonly collector: TrialCollector<T, V>,
    follow: (listener: (update: Uint8Array, origin: unknown) => void) => () => void,
  ) {
    this.#unfollow = follow(this.#follow);
  }

  /** Keeps the copy equal to the room's document for changes that did not come through a trial. */
  readonly #follow = (update: Uint8Array, origin: unknown) => {
    // The server's own writes made while applying (stamps, cleanups) still come through here.
    if (!this.#copy || (this.#holding !== undefined && origin === this.#holding)) return;
    this.#behind.push(update);
    this.#behindBytes += update.byteLength;
    if (this.#behind.length > MAX_BEHIND_UPDATES || this.#behindBytes > MAX_BEHIND_BYTES) this.discard();
  };

  /** Tries `update` on the copy; the caller then calls `commit` or `discard` with the result. */
  try(update: Uint8Array): Trial<T> {
    const { copy, view } = this.#ready();
    const rootsBefore = new Set(copy.share.keys());
    const changedTypes = new Set<Y.AbstractType<unknown>>();
    const onTransaction = (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) changedTypes.add(type as Y.AbstractType<unknown>);
    };
    copy.on('afterTransaction', onTransaction);
    const collecting = this.collector.begin(view);
    let failed = false;
    try {
      Y.applyUpdate(copy, update, TRIAL_ORIGIN);
    } catch {
      failed = true;
    } finally {
      copy.off('afterTransaction', onTransaction);
    }
    const collected = collecting.end();
    const pending = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
    const newRoots = [...copy.share.keys()].filter((name) => !rootsBefore.has(name));
    return { failed, pending, changedTypes, newRoots, collected };
  }

  /** The room takes the update that was tried (applied with `origin`): the copy already holds it. */
  commit(origin: unknown, apply: () => void): void {
    this.#holding = origin;
    try {
      apply();
    } finally {
      this.#holding = undefined;
    }
  }

  /** The update was refused: the copy holds it, so it is made again before the next trial. */
  discard(): void {
    this.#copy?.destroy();
    this.#copy = undefined;
    this.#view = undefined;
    this.#behind = [];
    this.#behindBytes = 0;
  }

  /** The copy's reader, for rules that look at the state an update would leave. */
  get view(): V {
    return this.#ready().view;
  }

  #ready(): { copy: Y.Doc; view: V } {
    if (this.#copy && this.#behind.length > 0) this.#catchUp(this.#copy);
    if (!this.#copy || this.#view === undefined) {
      const copy = new Y.Doc({ gc: true });
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.source));
      this.#copy = copy;
      this.#view = this.collector.attach(copy);
    }
    return { copy: this.#copy, view: this.#view };
  }

  /** Applies the room's changes the copy has not taken yet; a copy that cannot is made again. */
  #catchUp(copy: Y.Doc): void {
    const behind = this.#behind;
    this.#behind = [];
    this.#behindBytes = 0;
    try {
      for (const update of behind) Y.applyUpdate(copy, update);
    } catch {
      this.discard();
    }
  }

  dispose(): void {
    this.#unfollow();
    this.discard();
  }
}
