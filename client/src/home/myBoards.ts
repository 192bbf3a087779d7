/**
 * "Moje tablice": the boards this browser created or hosted — title, date, role and link — kept
 * in this browser's localStorage only, never sent anywhere or shown to anyone else.
 */
import { z } from 'zod';

const STORAGE_KEY = 'tablica.myBoards';
const MAX = 50;

export const MyBoard = z.object({
  id: z.string().max(100),
  title: z.string().max(200),
  /** When this browser last created or opened it as a host (ISO). */
  at: z.string().max(40),
  role: z.enum(['facilitator', 'expert']),
  link: z.string().max(4000),
});
export type MyBoard = z.infer<typeof MyBoard>;

export function myBoards(): MyBoard[] {
  try {
    const parsed = z.array(MyBoard).safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function store(boards: MyBoard[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(boards.slice(0, MAX)));
  } catch {
    // Storage refused: the list is simply not kept.
  }
}

/** Puts the board first in the list (replacing its earlier entry). */
export function rememberBoard(board: MyBoard): void {
  store([board, ...myBoards().filter((b) => b.id !== board.id)]);
}

export function forgetBoard(id: string): void {
  store(myBoards().filter((b) => b.id !== id));
}
