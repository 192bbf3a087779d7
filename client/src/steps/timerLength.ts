/** A timer length as a host types it: "7", "7:30", "0:45" (minutes, or minutes:seconds). */
export const MAX_TIMER_MS = 24 * 3_600_000;

export function parseTimerLength(text: string): number | null {
  const match = /^\s*(\d{1,4})(?::([0-5]\d))?\s*$/.exec(text);
  if (!match) return null;
  const ms = (Number(match[1]) * 60 + Number(match[2] ?? 0)) * 1000;
  return ms > 0 && ms <= MAX_TIMER_MS ? ms : null;
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
