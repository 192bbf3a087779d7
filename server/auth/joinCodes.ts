/**
 * Short join codes. A board has one current code; replacing the board's links gives it a new one
 * and the old code stops working. Both directions live in the board store, so a code survives a
 * restart and every instance reads the same answer:
 * - `~join/CODE` names the board the code was made for (`~` never starts a board id, so the name
 *   cannot meet a board's documents);
 * - the board's access document (`{id}/access`, beside the link generation) names its current code.
 * A code counts only while both agree — that is what makes a replaced code refuse, everywhere.
 */
import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import type { DocumentStore } from '../persistence/store';
import { BoardAccess } from './boardAccess';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/joinCode';

const JOIN_MAP = 'join';
const ACCESS_MAP = 'access';
const CODE_KEY = 'joinCode';
/** Attempts at a code nobody holds before giving up (each collides with odds of about 10⁻¹⁰). */
const MAX_ATTEMPTS = 8;

export class JoinCodes {
  constructor(private readonly store: DocumentStore) {}

  static documentName(code: string): string {
    return `~join/${code}`;
  }

  /** The board's current code; a board made before codes existed gets one now. */
  async codeOf(boardId: string): Promise<string> {
    const current = (await this.#load(BoardAccess.documentName(boardId))).getMap(ACCESS_MAP).get(CODE_KEY);
    return typeof current === 'string' ? current : this.assign(boardId);
  }

  /** Gives the board a new code (at creation, and whenever its links are replaced); the old one stops. */
  async assign(boardId: string): Promise<string> {
    const code = await this.#freeCode();
    const join = new Y.Doc();
    join.getMap(JOIN_MAP).set('board', boardId);
    await this.store.store(JoinCodes.documentName(code), Y.encodeStateAsUpdate(join));
    const access = await this.#load(BoardAccess.documentName(boardId));
    access.getMap(ACCESS_MAP).set(CODE_KEY, code);
    await this.store.store(BoardAccess.documentName(boardId), Y.encodeStateAsUpdate(access));
    return code;
  }

  /** The board a (normalized) code leads to, or null when it is unknown or was replaced. */
  async boardOf(code: string): Promise<string | null> {
    const board = (await this.#load(JoinCodes.documentName(code))).getMap(JOIN_MAP).get('board');
    if (typeof board !== 'string') return null;
    const current = (await this.#load(BoardAccess.documentName(board))).getMap(ACCESS_MAP).get(CODE_KEY);
    return current === code ? board : null;
  }

  async #freeCode(): Promise<string> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const code = Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');
      if (!(await this.store.load(JoinCodes.documentName(code)))) return code;
    }
    throw new Error('no free join code');
  }

  async #load(name: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const state = await this.store.load(name);
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }
}
