/**
 * Who made a change to a room's document: a client's connection (a `Writer`), or the server for
 * one named reason. Every transaction on a room carries one of these as its origin, so a hook can
 * tell a person's change from the server's own without importing either.
 */
import type { Role } from '../../shared/roles';

/** A client's connection, as the room's rules see it. */
export interface Writer {
  readonly kind: 'client';
  readonly role: Role;
  /** Set on a personal link: the invited person. */
  readonly personId?: string | undefined;
}

export class ServerOrigin {
  readonly kind = 'server';
  constructor(readonly name: string) {}
}

export type ChangeOrigin = Writer | ServerOrigin;

/** The server's reasons for writing, one object each (compared by identity). */
export const Origin = {
  /** The stored state, and the repairs and migration made while loading it. */
  load: new ServerOrigin('load'),
  /** What another instance relayed through Redis (already checked there). */
  relay: new ServerOrigin('relay'),
  /** Our own requests: attendance, closing the meeting. */
  request: new ServerOrigin('request'),
  /** Vote counts written from checked votes. */
  vote: new ServerOrigin('vote'),
  /** Poll answers written from checked answers. */
  poll: new ServerOrigin('poll'),
  /** The server's stamps on a host's session write (timer start, steps run, filed results). */
  session: new ServerOrigin('session'),
  /** The public room, derived from the canvas and the session. */
  projection: new ServerOrigin('projection'),
  /** A host put something back from the bin. */
  bin: new ServerOrigin('bin'),
  /** Boards made or extended over HTTP (formats, demo). */
  api: new ServerOrigin('api'),
} as const;

export function isWriter(origin: unknown): origin is Writer {
  return typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind === 'client';
}
