/** At most N events per key in any rolling hour, kept in memory (a restart forgets, which is fine). */
const HOUR_MS = 3_600_000;

export class HourlyLimiter {
  readonly #events = new Map<string, number[]>();

  constructor(private readonly perHour: number) {}

  /** Records an event; returns 0 when allowed, else the seconds until one would be. */
  take(key: string, now = Date.now()): number {
    const recent = (this.#events.get(key) ?? []).filter((t) => now - t < HOUR_MS);
    if (recent.length >= this.perHour) {
      this.#events.set(key, recent);
      return Math.ceil((recent[0]! + HOUR_MS - now) / 1000);
    }
    recent.push(now);
    this.#events.set(key, recent);
    if (this.#events.size > 10_000) this.#forgetIdle(now);
    return 0;
  }

  /** The seconds until the key may have another event (0: now), without recording one. */
  wait(key: string, now = Date.now()): number {
    const recent = (this.#events.get(key) ?? []).filter((t) => now - t < HOUR_MS);
    return recent.length >= this.perHour ? Math.ceil((recent[0]! + HOUR_MS - now) / 1000) : 0;
  }

  #forgetIdle(now: number): void {
    for (const [key, times] of this.#events) if (times.every((t) => now - t >= HOUR_MS)) this.#events.delete(key);
  }
}
