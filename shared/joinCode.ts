/**
 * The short join: a code of a few characters that people can read off a projector and type on a
 * phone, and the short URL `/j/CODE` that leads to the board's participant link. The alphabet
 * leaves out 0/O, 1/I/L (they are mistaken for each other when read aloud or from a distance).
 */
import { z } from 'zod';

export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Seven characters: about 2.7 × 10¹⁰ codes, so guessing one within the miss limit is hopeless. */
export const JOIN_CODE_LENGTH = 7;
const CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{6,8}$`);

/** What a person typed, as a code: case and spaces or dashes do not matter; null when it cannot be one. */
export function normalizeJoinCode(typed: string): string | null {
  if (typed.length > 40) return null;
  const code = typed.replace(/[\s-]+/g, '').toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

export function joinPath(code: string): string {
  return `/j/${code}`;
}

export function joinLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${joinPath(code)}`;
}

/** The code and its short URL, as the API gives them (`join` beside a board's links). */
export const JoinInfo = z.object({ code: z.string(), link: z.string().url() });
export type JoinInfo = z.infer<typeof JoinInfo>;
