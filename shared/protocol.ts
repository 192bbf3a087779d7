/**
 * The wire protocol, defined once. Sync and awareness are y-protocols' messages as the stock
 * y-websocket client speaks them; close codes and reasons are ours.
 */

/**
 * Tablica's own client carries its token in the WebSocket subprotocol list, never in the URL (a
 * proxy's access log keeps URLs): it offers `SYNC_SUBPROTOCOL` and `TOKEN_SUBPROTOCOL_PREFIX + token`,
 * and the server answers with `SYNC_SUBPROTOCOL`. Stock clients keep using `?token=`.
 */
export const SYNC_SUBPROTOCOL = 'tablica';
export const TOKEN_SUBPROTOCOL_PREFIX = 'token.';

/** Top-level message tags (the first varuint of every binary frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Ours: a JSON request or reply (shared/requests.ts), on the control room. */
  request: 100,
  /** Ours: a JSON notice from the server (shared/writeRules.ts `WriteRefusal`), on the canvas room. */
  notice: 101,
} as const;

/** Sub-tags inside a sync message (y-protocols/sync). */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** WebSocket close codes the server uses; 4000-4999 are free for applications. */
export const CloseCode = {
  /** The server is shutting down; the client should reconnect later. */
  goingAway: 1001,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 1003,
  /** The frame was larger than the server accepts (sent by ws itself for maxPayload). */
  messageTooBig: 1009,
  /** A frame that could not be decoded or broke the protocol. */
  malformedMessage: 4400,
  /** A valid message that the connection was not allowed to send (e.g. another client's awareness). */
  forbidden: 4403,
  /** Too large a payload inside a frame (e.g. an awareness state). */
  payloadTooLarge: 4413,
  /** The link this connection was made with was replaced by a host; it will not work again. */
  linkReplaced: 4401,
  /** Too many messages per second. */
  rateLimited: 4429,
  /** The server could not load or serve the room. */
  internalError: 4500,
  /** The room met a fault and is being reloaded; reconnect (the y-websocket client does so itself). */
  roomReloading: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Reasons sent with a close frame or a permission-denied message (short, ASCII, no content). */
export const CloseReason = {
  textFrame: 'binary frames only',
  truncated: 'truncated or malformed message',
  unknownMessageType: 'unknown message type',
  unknownSyncType: 'unknown sync message type',
  invalidUpdate: 'invalid Yjs update',
  invalidAwareness: 'invalid awareness update',
  invalidRequest: 'invalid request',
  foreignAwareness: 'awareness for another client',
  awarenessTooLarge: 'awareness state too large',
  roomLoadFailed: 'room could not be loaded',
  shutdown: 'server shutting down',
  rateLimited: 'too many messages per second',
  linkReplaced: 'link was replaced by a newer one',
  updateTooLarge: 'update too large',
  stateVectorTooLarge: 'state vector too large',
  tooManyRefusals: 'too many refused updates',
  roomFault: 'the room is being reloaded',
} as const;

/** Text of the y-protocols permission-denied answer to a write from a read-only connection. */
export const READ_ONLY_REASON = 'read-only for this role';
