/** Creating a board: a fresh id, the four role tokens, and the session document seeded with its title. */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { boardLink, type CreateBoardRequest, type CreateBoardResponse } from '../shared/api';
import { ROLES, roomName, type Role } from '../shared/roles';
import { SESSION_MAP } from '../shared/session';
import type { TokenSigner } from './auth/tokens';
import type { DocumentStore } from './persistence/store';
import { addFormatToCanvas, canvasRecords, seedCanvas } from './boardCanvas';
import { formatFor } from '../formats';

export function newBoardId(): string {
  return randomBytes(15).toString('base64url');
}

export interface BoardLinks {
  links: CreateBoardResponse['links'];
  tokens: CreateBoardResponse['tokens'];
}

/** The four role links of a board, signed for its current link generation. */
export function issueLinks(boardId: string, generation: number, publicUrl: string, signer: TokenSigner, ttlMs: number, now = Date.now()): BoardLinks {
  const tokens = Object.fromEntries(ROLES.map((role) => [role, signer.sign({ boardId, role, generation }, ttlMs, now)])) as Record<Role, string>;
  const links = Object.fromEntries(ROLES.map((role) => [role, boardLink(publicUrl, boardId, tokens[role])])) as Record<Role, string>;
  return { links, tokens };
}

export async function createBoard(
  request: CreateBoardRequest,
  publicUrl: string,
  signer: TokenSigner,
  store: DocumentStore,
  linkTtlMs: number,
  now = Date.now(),
): Promise<CreateBoardResponse> {
  const id = newBoardId();
  const control = new Y.Doc();
  const session = control.getMap(SESSION_MAP);
  control.transact(() => {
    session.set('title', request.title);
    session.set('locale', request.locale ?? 'pl');
    session.set('createdAt', new Date(now).toISOString());
    if (request.formatId) session.set('formatId', request.formatId);
  });
  await store.store(roomName(id, 'control'), Y.encodeStateAsUpdate(control));
  control.destroy();
  const canvas = new Y.Doc();
  const records = canvasRecords(canvas);
  seedCanvas(records, request.locale ?? 'pl');
  if (request.formatId) addFormatToCanvas(records, formatFor(request.formatId, { cities: request.cities }), request.locale ?? 'pl');
  await store.store(roomName(id, 'canvas'), Y.encodeStateAsUpdate(canvas));
  canvas.destroy();

  return { id, ...issueLinks(id, 0, publicUrl, signer, linkTtlMs, now) };
}
