/** Presence (awareness) conventions. Presence is ephemeral: never stored, never in the public room. */

/**
 * The top-level awareness field the server writes into every state it accepts, with the role of
 * the connection that sent it; whatever a client puts there itself is overwritten.
 */
export const PRESENCE_ROLE_FIELD = 'role';
