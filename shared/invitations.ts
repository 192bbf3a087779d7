/**
 * The invitation list as hosts paste or type it — one person a line, "name; city; function"
 * (semicolons or tabs, as a spreadsheet copies it) — and the personal links the server answers with.
 */
import { z } from 'zod';

export const InvitedPerson = z.object({
  name: z.string().trim().min(1).max(120),
  city: z.string().trim().max(120).default(''),
  function: z.string().trim().max(120).default(''),
});
export type InvitedPerson = z.infer<typeof InvitedPerson>;

/** The most people one board's invitation list holds. */
export const MAX_INVITED = 200;

/** `POST /api/boards/{id}/invitations`: the people to add (already parsed, or as pasted text). */
export const InvitationsRequest = z.union([
  z.object({ people: z.array(InvitedPerson).min(1).max(MAX_INVITED) }).strict(),
  z.object({ text: z.string().min(1).max(MAX_INVITED * 400) }).strict(),
]);
export type InvitationsRequest = z.infer<typeof InvitationsRequest>;

/** One invited person with their personal link (and its token, for a QR code or a test). */
export interface PersonalLink extends InvitedPerson {
  /** Their entry in the attendance list (`attendance:<key>`), also the person id in their token. */
  key: string;
  present: boolean;
  link: string;
  token: string;
}

export interface InvitationsResponse {
  people: PersonalLink[];
}

/** Lines of "name; city; function" into people; empty lines are skipped, over-long fields cut. */
export function parseInvitationList(text: string): InvitedPerson[] {
  const people: InvitedPerson[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [name = '', city = '', role = ''] = line.split(/[;\t]/).map((part) => part.replace(/\s+/g, ' ').trim());
    if (!name) continue;
    people.push({ name: name.slice(0, 120), city: city.slice(0, 120), function: role.slice(0, 120) });
  }
  return people.slice(0, MAX_INVITED);
}
