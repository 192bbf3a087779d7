/** A phone on a board (touch, a phone's viewport) that counts its taps, and a host's session writes for setting up. */
import type { Browser, Locator, Page } from 'playwright-core';
import { connectStockClient } from './clients';
import { trackedContext } from './browser';
import { waitFor } from './wait';

export const PHONES = [
  { width: 375, height: 812 },
  { width: 360, height: 640 },
] as const;

export class PhonePage {
  taps = 0;
  constructor(readonly page: Page) {}

  static async open(browser: Browser, viewport: { width: number; height: number }, options: { bypassCSP?: boolean } = {}): Promise<PhonePage> {
    const { context } = await trackedContext(browser, { viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, ...options });
    return new PhonePage(await context.newPage());
  }

  /** A tap a person makes (counted). */
  async tap(target: Locator): Promise<void> {
    this.taps++;
    await target.tap();
  }

  /** The whole way in from the short URL: a name on the join screen, "Dołącz", "+ Karteczka", the text (taps counted). */
  async joinAndWrite(shortLink: string, name: string, text: string, phases: Record<string, number> = {}): Promise<void> {
    const mark = (phase: string, since: number) => (phases[phase] = (phases[phase] ?? 0) + performance.now() - since);
    let at = performance.now();
    await this.page.goto(shortLink);
    await this.page.getByLabel('Imię i nazwisko').fill(name);
    mark('join screen', at);
    at = performance.now();
    await this.tap(this.page.getByRole('button', { name: 'Dołącz' }));
    await this.addNoteButton().waitFor();
    mark('board', at);
    at = performance.now();
    await this.tap(this.addNoteButton());
    await this.typing().waitFor();
    await this.page.keyboard.type(text);
    mark('note typed', at);
  }

  addNoteButton(): Locator {
    return this.page.getByRole('button', { name: '+ Karteczka — dodaj w bieżącym kroku' });
  }

  /** The note being typed into (tldraw's editor in the note has focus). */
  typing(): Locator {
    return this.page.locator('.tl-shape [contenteditable="true"]:focus');
  }

  async box(selector: string) {
    const box = await this.page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not on the screen`);
    return box;
  }
}

/** Whether two boxes on the screen overlap. */
export function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A host's write to the session (the current step, say), as the host panel would make it. */
export async function setSessionAsHost(baseUrl: string, boardId: string, hostToken: string, field: string, value: unknown): Promise<void> {
  const host = connectStockClient(baseUrl, `${boardId}/control`, hostToken);
  await host.synced();
  host.doc.getMap('session').set(field, value);
  // Written once another connection reads it back from the server.
  const reader = connectStockClient(baseUrl, `${boardId}/control`, hostToken);
  await reader.synced();
  await waitFor(() => JSON.stringify(reader.doc.getMap('session').get(field)) === JSON.stringify(value), `the session's ${field} to arrive`);
  reader.destroy();
  host.destroy();
}
