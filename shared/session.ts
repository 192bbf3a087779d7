/** The session document (`{boardId}/control`): the meeting's state, written by hosts. */

/** The Y.Map holding the session's fields. */
export const SESSION_MAP = 'session';
