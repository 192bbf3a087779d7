/** The offset of this device's clock to the server's, so every countdown shows the same time. */
let offset = 0;

export async function measureServerClock(): Promise<void> {
  try {
    const sent = Date.now();
    const res = await fetch('/api/time', { cache: 'no-store' });
    const { now } = (await res.json()) as { now: number };
    offset = now - (sent + Date.now()) / 2;
  } catch {
    offset = 0;
  }
}

export function serverNow(): number {
  return Date.now() + offset;
}
