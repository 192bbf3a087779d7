/** The public HTTP interface (docs/architecture.md, "Public interfaces"): request and response shapes. */
import { z } from 'zod';
import { ROLES } from './roles';
import { JoinInfo } from './joinCode';

/** The four formats of the handbook, and the network's work plan (an additive extension of the interface). */
export const FORMAT_IDS = ['kickoff', 'planning', 'solutions', 'practices', 'workplan'] as const;
export const LOCALES = ['pl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** How many city zones the kick-off lays out: a network has 10 to 20 cities. */
export const CITY_ZONES = { min: 10, max: 20, default: 12 } as const;

export const CreateBoardRequest = z
  .object({
    title: z.string().trim().min(1).max(200),
    formatId: z.enum(FORMAT_IDS).optional(),
    locale: z.enum(LOCALES).optional(),
    /** The network's number of cities (the kick-off's city zones); other formats ignore it. */
    cities: z.number().int().min(CITY_ZONES.min).max(CITY_ZONES.max).optional(),
  })
  .strict();
export type CreateBoardRequest = z.infer<typeof CreateBoardRequest>;

const perRole = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(ROLES.map((r) => [r, value])) as Record<(typeof ROLES)[number], T>);

/** `POST /api/boards/{id}/format` (hosts): lays a format's steps out beside what is on the board. */
export const AddFormatRequest = z.object({ formatId: z.enum(FORMAT_IDS), locale: z.enum(LOCALES).optional() }).strict();
export type AddFormatRequest = z.infer<typeof AddFormatRequest>;

export const CreateBoardResponse = z.object({
  id: z.string(),
  links: perRole(z.string().url()),
  tokens: perRole(z.string()),
  /** The board's short join (code and `/j/CODE` URL); added later, so optional for other servers. */
  join: JoinInfo.optional(),
});
export type CreateBoardResponse = z.infer<typeof CreateBoardResponse>;

export const ApiError = z.object({ error: z.string(), details: z.unknown().optional() });
export type ApiError = z.infer<typeof ApiError>;

/** Path of the board page; the role's token follows in the fragment (`#t=`), out of server logs. */
export function boardPath(boardId: string): string {
  return `/b/${boardId}`;
}

export function boardLink(publicUrl: string, boardId: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${boardPath(boardId)}#t=${token}`;
}
