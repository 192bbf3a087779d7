/**
 * A board's canvas as one plain object, free of React: the connection, the tldraw store bound to
 * the canvas document, presence, and what a refused write means. When the server refuses an
 * update, none of it entered the room, so this browser's copy of the canvas can never be in step
 * again: the person is told (by rule), the copy is thrown away and the server's state is shown —
 * keeping the notes they hold privately and where they are looking (camera and instance records
 * are never part of the document).
 */
import { createTLStore, defaultBindingUtils, type TLStore } from 'tldraw';
import { allBoardShapeUtils } from '../board/boardNoteShape';
import type { Role } from '../../../shared/roles';
import type { WriteRefusal, WriteRule } from '../../../shared/writeRules';
import { providerSynced, type BoardConnection, type CanvasKind, type ConnectionState } from './boardConnection';
import { bindCanvas, type CanvasBinding } from './canvasBinding';
import { checkParticipantWrite } from './participantCheck';
import { bindPresence, type Person } from './presence';
import { onWriteRefused } from './writeRefusals';

export interface CanvasSessionOptions {
  boardId: string;
  token: string;
  /** 'canvas' for hosts and participants, 'public' for observers. */
  kind: CanvasKind;
  role: Role;
  /** Without a person (the projector) nobody's presence is sent. */
  person: Person | null;
}

/** A write this person made that did not reach the board; `id` tells one notice from the next. */
export interface WriteNotice {
  rule: WriteRule;
  id: number;
}

export type CanvasSessionView =
  | { status: 'loading'; connection: ConnectionState }
  | { status: 'ready'; connection: ConnectionState; binding: CanvasBinding; outdated: boolean; notice: WriteNotice | null }
  | { status: 'error'; message: string };

export class CanvasSession {
  readonly board: BoardConnection;
  readonly store: TLStore;
  #binding: CanvasBinding | null = null;
  #stopPresence: (() => void) | null = null;
  #resetting: Promise<void> | null = null;
  readonly #firstSync: Promise<void>;
  #error: string | null = null;
  #notice: WriteNotice | null = null;
  #closed = false;
  readonly #listeners = new Set<() => void>();
  readonly #stopState: () => void;

  /**
   * `board` is the connection to the board's rooms for `options.kind`, opened before this session
   * (board/boardStart.ts); `heardBefore` holds the refusals the canvas socket brought meanwhile
   * (edits kept offline in this browser are sent as soon as it connects).
   */
  constructor(
    readonly options: CanvasSessionOptions,
    board: BoardConnection,
    heardBefore: readonly WriteRefusal[] = [],
  ) {
    this.board = board;
    this.store = createTLStore({ shapeUtils: allBoardShapeUtils, bindingUtils: defaultBindingUtils });
    this.#stopState = this.board.onState(this.#changed);
    if (options.kind === 'canvas') {
      this.#hearRefusals();
      for (const refusal of heardBefore) this.#refused(refusal);
    }
    this.#firstSync = this.board.synced();
    void this.#start();
  }

  get view(): CanvasSessionView {
    if (this.#error !== null) return { status: 'error', message: this.#error };
    if (!this.#binding) return { status: 'loading', connection: this.board.state };
    return { status: 'ready', connection: this.board.state, binding: this.#binding, outdated: this.#binding.outdated, notice: this.#notice };
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  readonly #changed = () => {
    if (!this.#closed) for (const listener of this.#listeners) listener();
  };

  async #start(): Promise<void> {
    try {
      await this.#firstSync;
      // Refused during the first sync: bind to the fresh copy, never show the refused one.
      while (this.#resetting) await this.#resetting;
      if (this.#closed) return;
      this.#binding = bindCanvas(this.store, this.board.room(this.options.kind).doc, {
        check: this.options.role === 'participant' ? checkParticipantWrite : undefined,
        onRefused: (rule) => this.#tell(rule),
        onOutdated: this.#changed,
      });
      this.#bindPresence();
      this.#changed();
    } catch (err) {
      this.#error = err instanceof Error ? err.message : String(err);
      this.#changed();
    }
  }

  #hearRefusals(): void {
    onWriteRefused(this.board.room('canvas').provider, (refusal) => this.#refused(refusal));
  }

  #refused({ rule }: WriteRefusal): void {
    // Later updates from the same copy are refused too (G11): one notice, one reset.
    if (this.#resetting) return;
    this.#binding?.pause();
    this.#tell(rule);
    void this.#reset();
  }

  #reset(): Promise<void> {
    this.#resetting ??= (async () => {
      await this.#firstSync;
      this.#binding?.pause();
      this.#stopPresence?.();
      this.#stopPresence = null;
      const room = await this.board.replaceRoom('canvas');
      this.#hearRefusals();
      await providerSynced(room.provider);
      if (this.#closed) return;
      this.#binding?.resume(room.doc);
      this.#bindPresence();
      this.#changed();
    })()
      // Only closing the board mid-way fails here; there is nothing left to reset then.
      .catch(() => undefined)
      .finally(() => {
        this.#resetting = null;
      });
    return this.#resetting;
  }

  #bindPresence(): void {
    const { kind, person } = this.options;
    if (kind === 'canvas' && person) this.#stopPresence = bindPresence(this.store, this.board.room('canvas').provider.awareness, person);
  }

  #tell(rule: WriteRule): void {
    this.#notice = { rule, id: (this.#notice?.id ?? 0) + 1 };
    this.#changed();
  }

  destroy(): void {
    this.#closed = true;
    this.#stopState();
    this.#stopPresence?.();
    this.#binding?.dispose();
    this.board.destroy();
    // A store that never reached the screen was never handed to tldraw.
    if (this.#binding) this.store.dispose();
    this.#listeners.clear();
  }
}
