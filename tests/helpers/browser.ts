/** Debian's Chromium through playwright-core, and small page objects for the board. */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: sudo apt-get install -y chromium (npm test installs it when it may)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser context that records the host of every request its pages make. */
export async function trackedContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; hosts: Set<string>; urls: string[] }> {
  const context = await browser.newContext({ locale: 'pl-PL', ...options });
  const hosts = new Set<string>();
  /** Every URL the pages asked for, WebSocket ones included (what a proxy's log would hold). */
  const urls: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    urls.push(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:') hosts.add(url.host);
  });
  context.on('page', (page) => page.on('websocket', (ws) => urls.push(ws.url())));
  return { context, hosts, urls };
}

/** A person on a board page. */
export class BoardPageObject {
  constructor(readonly page: Page) {}

  async open(link: string, person = { name: 'Ewa Zielińska', city: 'Gdynia' }): Promise<void> {
    await this.page.goto(link);
    const join = this.page.getByRole('button', { name: /Dołącz|Join/ });
    if (await join.isVisible({ timeout: 5000 }).catch(() => false)) {
      await this.page.getByLabel(/Imię i nazwisko|Your name/).fill(person.name);
      await this.page.getByLabel(/Miasto lub organizacja|City or organisation/).fill(person.city);
      await join.click();
    }
    await this.canvas().waitFor({ state: 'visible', timeout: 20_000 });
  }

  canvas() {
    return this.page.locator('.tl-canvas');
  }

  /** Adds a sticky note in the middle of the view and types its text. */
  async addNote(text: string, at = { x: 500, y: 350 }): Promise<void> {
    // Focus the canvas where the note goes (clear any selection), then pick the note tool.
    await this.page.mouse.click(at.x, at.y);
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('n');
    await this.page.mouse.click(at.x, at.y);
    // The new note opens for editing; type once its editor has focus.
    await this.page.locator('.tl-shape [contenteditable="true"]:focus').waitFor({ timeout: 5000 });
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Escape');
  }

  noteWithText(text: string) {
    return this.page.locator('.tl-shape').filter({ hasText: text });
  }
}
