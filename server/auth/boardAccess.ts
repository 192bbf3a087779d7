/**
 * Which board links are still good: a token must be unexpired and signed for the board's current
 * link generation. Rotating a board's links raises the generation, so every older link is refused.
 * The generation is kept as a tiny document `{id}/access` in the same store as the boards.
 */
import * as Y from 'yjs';
import type { DocumentStore } from '../persistence/store';
import type { BoardClaims } from './tokens';

const ACCESS_MAP = 'access';
/**
 * How long a generation read from the store is trusted. Rotations on other instances arrive at
 * once through `learn` (server/scale/boardEvents.ts); this bounds how long one could go unnoticed
 * if that message were lost.
 */
const CACHE_MS = 5000;

export type AccessVerdict = { ok: true } | { ok: false; reason: 'link expired' | 'link was replaced by a newer one' };

export class BoardAccess {
  readonly #cache = new Map<string, { generation: number; at: number }>();

  constructor(private readonly store: DocumentStore) {}

  static documentName(boardId: string): string {
    return `${boardId}/access`;
  }

  async check(claims: BoardClaims, now = Date.now()): Promise<AccessVerdict> {
    if (claims.expiresAt <= now) return { ok: false, reason: 'link expired' };
    if (claims.generation !== (await this.generation(claims.boardId))) return { ok: false, reason: 'link was replaced by a newer one' };
    return { ok: true };
  }

  async generation(boardId: string): Promise<number> {
    const cached = this.#cache.get(boardId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.generation;
    const doc = await this.#load(boardId);
    const stored = (doc.getMap(ACCESS_MAP).get('generation') as number | undefined) ?? 0;
    // A rotation learnt while the store was being read is newer than what the read returned.
    const generation = Math.max(stored, this.#cache.get(boardId)?.generation ?? 0);
    this.#remember(boardId, generation);
    return generation;
  }

  /** Another instance replaced the board's links: older links are refused here from now on. */
  learn(boardId: string, generation: number): void {
    const known = this.#cache.get(boardId)?.generation ?? 0;
    this.#remember(boardId, Math.max(known, generation));
  }

  #remember(boardId: string, generation: number): void {
    this.#cache.set(boardId, { generation, at: Date.now() });
    if (this.#cache.size > 50_000) this.#cache.clear();
  }

  /** Raises the board's link generation and returns the new one. */
  async rotate(boardId: string): Promise<number> {
    const doc = await this.#load(boardId);
    const access = doc.getMap(ACCESS_MAP);
    const generation = ((access.get('generation') as number | undefined) ?? 0) + 1;
    access.set('generation', generation);
    await this.store.store(BoardAccess.documentName(boardId), Y.encodeStateAsUpdate(doc));
    this.learn(boardId, generation);
    return generation;
  }

  async #load(boardId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const state = await this.store.load(BoardAccess.documentName(boardId));
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }
}
