/** Presence (awareness) conventions. Presence is ephemeral: never stored, never in the public room. */

/**
 * The top-level awareness field the server writes into every state it accepts, with the role of
 * the connection that sent it; whatever a client puts there itself is overwritten.
 */
export const PRESENCE_ROLE_FIELD = 'role';

/**
 * Stamped by the server beside the role: 'personal' for a connection on a personal link, 'shared'
 * for one on a role link — hosts see how many people came in on the shared participant link.
 */
export const PRESENCE_LINK_FIELD = 'link';
export type PresenceLink = 'personal' | 'shared';
