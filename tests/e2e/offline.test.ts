/** A participant who loses the network keeps editing; the edits merge when the network is back. */
import { describe, expect, it } from 'vitest';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { useServerAndBrowser } from '../helpers/e2e';

describe('working through a lost network', () => {
  const e2e = useServerAndBrowser();

  it('keeps a note written offline and delivers it when the socket is back', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Hotelowe Wi-Fi' });
    const a = await trackedContext(e2e.browser);
    const anna = new BoardPageObject(await a.context.newPage());
    const jan = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await anna.open(board.links.participant, { name: 'Anna Nowak', city: 'Starachowice' });
    await jan.open(board.links.participant, { name: 'Jan Kowalski', city: 'Cieszyn' });

    await a.context.setOffline(true);
    await anna.page.locator('.connection[data-state="offline"]').waitFor({ timeout: 10_000 });
    await anna.addNote('Zapisane bez sieci');
    await anna.noteWithText('Zapisane bez sieci').waitFor();
    await jan.page.waitForTimeout(1000);
    expect(await jan.noteWithText('Zapisane bez sieci').count()).toBe(0);

    await a.context.setOffline(false);
    await anna.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    await jan.noteWithText('Zapisane bez sieci').waitFor({ state: 'attached', timeout: 10_000 });
  });
});
