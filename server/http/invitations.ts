/**
 * Personal links (hosts only, the host token in `Authorization`): `POST /api/boards/{id}/invitations`
 * adds people to the invitation list — each an entry of the attendance list, invited and not yet
 * present — and `GET` answers every invited person with their personal link, a participant link
 * whose token carries their person id. Nothing here is logged but counts.
 */
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { boardLink } from '../../shared/api';
import { InvitationsRequest, parseInvitationList, type InvitationsResponse, type InvitedPerson } from '../../shared/invitations';
import { SESSION_MAP, SessionPrefix, type AttendanceEntry } from '../../shared/session';
import { attendanceOf } from '../../shared/sessionTotals';
import { requireHost } from '../auth/hostAuth';
import type { BoardAccess } from '../auth/boardAccess';
import type { TokenSigner } from '../auth/tokens';
import type { Room } from '../sync/room';
import { Origin } from '../sync/origin';
import { errorFields, type Logger } from '../log';

export interface InvitationDeps {
  signer: TokenSigner;
  access: BoardAccess;
  linkTtlMs: number;
  publicUrl?: string;
  /** The board's live session room, loaded; release it when done. */
  openControl: (boardId: string) => Promise<{ room: Room; release(): void }>;
  log: Logger;
}

export function invitationsRouter(deps: InvitationDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '128kb', type: () => true });
  const host = requireHost(deps.signer, deps.access);

  const answer = async (req: Request, res: Response, add?: InvitedPerson[]) => {
    const id = String(res.locals.boardId);
    const { room, release } = await deps.openControl(id);
    try {
      if (add) invite(room, add);
      const generation = await deps.access.generation(id);
      const publicUrl = deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
      const people = Object.entries(attendanceOf(room.doc.getMap(SESSION_MAP).toJSON()))
        .filter(([, entry]) => entry.invited)
        .map(([key, entry]) => {
          const token = deps.signer.sign({ boardId: id, role: 'participant', generation, personId: key }, deps.linkTtlMs);
          return { key, name: entry.name, city: entry.city, function: entry.function, present: entry.present, token, link: boardLink(publicUrl, id, token) };
        })
        .sort((a, b) => a.city.localeCompare(b.city, 'pl') || a.name.localeCompare(b.name, 'pl'));
      const body: InvitationsResponse = { people };
      res.status(add ? 201 : 200).json(body);
    } finally {
      release();
    }
  };

  router.get('/api/boards/:id/invitations', host, async (req, res) => {
    try {
      await answer(req, res);
    } catch (err) {
      deps.log.error('invitations.failed', { board: String(req.params.id), ...errorFields(err) });
      res.status(500).json({ error: 'the invitations could not be read' });
    }
  });

  router.post('/api/boards/:id/invitations', host, json, async (req, res) => {
    const parsed = InvitationsRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'expected { people: [{ name, city, function }] } or { text }' });
      return;
    }
    const people = 'people' in parsed.data ? parsed.data.people : parseInvitationList(parsed.data.text);
    if (people.length === 0) {
      res.status(400).json({ error: 'no person on the list' });
      return;
    }
    try {
      await answer(req, res, people);
      deps.log.info('invitations.added', { board: String(req.params.id), count: people.length });
    } catch (err) {
      deps.log.error('invitations.failed', { board: String(req.params.id), ...errorFields(err) });
      res.status(500).json({ error: 'the invitations could not be made' });
    }
  });
  return router;
}

/** Each person as an invited entry of the attendance list, under a new random person id. */
function invite(room: Room, people: InvitedPerson[]): void {
  const session = room.doc.getMap(SESSION_MAP);
  room.doc.transact(() => {
    for (const person of people) {
      const entry: AttendanceEntry = { name: person.name, city: person.city, function: person.function, role: 'participant', optOut: false, invited: true, present: false };
      session.set(SessionPrefix.attendance + randomBytes(12).toString('base64url'), entry);
    }
  }, Origin.api);
}
