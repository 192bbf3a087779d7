/** The session document (`{boardId}/control`): the meeting's state, written by hosts. */

/** The Y.Map holding the session's fields. */
export const SESSION_MAP = 'session';

/** Session fields that observers may see (copied into the public room); nothing else is. */
export const PUBLIC_SESSION_FIELDS = ['title', 'formatId', 'currentStepId', 'timer'] as const;
