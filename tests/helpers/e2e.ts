/** One real server and one Chromium per browser test file, and the people who use them. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import type { RunningTablica } from '../../server/app';
import { BoardPageObject, launchBrowser, trackedContext } from './browser';
import { startTestServer } from './server';

export interface E2E {
  readonly server: RunningTablica;
  readonly browser: Browser;
  /** A person in a fresh browser context, on the board page of `link` (joined with their name). */
  person(link: string, who?: { name: string; city: string }, options?: BrowserContextOptions): Promise<BoardPageObject>;
}

export function useServerAndBrowser(): E2E {
  let server: RunningTablica | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async person(link, who, options) {
      const page = new BoardPageObject(await (await trackedContext(browser!, options)).context.newPage());
      await page.open(link, who);
      return page;
    },
  };
}

/** The host panel of a host's page. */
export function hostPanel(page: BoardPageObject) {
  return page.page.getByRole('complementary', { name: 'Panel osób prowadzących' });
}
