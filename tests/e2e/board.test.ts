/** Two people on one board in real Chromium: a note written by one appears for the other. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { BoardPageObject, launchBrowser, trackedContext } from '../helpers/browser';
import { createBoard, startTestServer } from '../helpers/server';

describe('a shared board in two browsers', () => {
  let server: RunningTablica;
  let browser: Browser;
  let board: CreateBoardResponse;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    board = await createBoard(server.url, { title: 'Spotkanie sieci' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a note written by one person appears for the other within 2 s and survives a reload; no request leaves the host, none carries a token', async () => {
    const a = await trackedContext(browser);
    const b = await trackedContext(browser);
    const anna = new BoardPageObject(await a.context.newPage());
    const jan = new BoardPageObject(await b.context.newPage());
    await anna.open(board.links.participant, { name: 'Anna Nowak', city: 'Starachowice' });
    await jan.open(board.links.participant, { name: 'Jan Kowalski', city: 'Cieszyn' });

    await anna.addNote('Wspólny kalendarz naborów');
    await expect.poll(() => anna.noteWithText('Wspólny kalendarz naborów').count(), { timeout: 5000 }).toBe(1);
    const written = Date.now();
    await jan.noteWithText('Wspólny kalendarz naborów').waitFor({ state: 'visible', timeout: 2000 });
    expect(Date.now() - written).toBeLessThan(2000);

    await jan.page.reload();
    await jan.canvas().waitFor({ state: 'visible', timeout: 20_000 });
    await jan.noteWithText('Wspólny kalendarz naborów').waitFor({ state: 'visible', timeout: 5000 });

    const host = new URL(server.url).host;
    expect([...a.hosts, ...b.hosts].filter((h) => h !== host)).toEqual([]);
    expect(a.hosts.size).toBe(1);
    expect(a.urls.some((u) => u.startsWith('ws'))).toBe(true);
    expect([...a.urls, ...b.urls].filter((u) => u.includes('token'))).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
