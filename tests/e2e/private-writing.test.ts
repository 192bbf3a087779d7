/**
 * Private writing in real Chromium: a participant's notes stay in their browser — another client
 * and the stored board hold none of the text — until the facilitator reveals them. Then an action
 * recorded by the facilitator is read back exactly by the summary note.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { connectStockClient } from '../helpers/clients';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

const SECRET_TEXT = 'Prywatna bariera XYZ';

describe('private writing', () => {
  const e2e = useServerAndBrowser();

  const storedBytes = async () => {
    for (const room of e2e.server.rooms.rooms()) await room.persist();
    const dir = e2e.server.config.dataDir;
    return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
  };

  it('keeps a participant’s notes on their device until the reveal, then everyone has them', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Bariery', formatId: 'solutions', locale: 'pl' });
    const host = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await host.open(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.2 / }).click();
    await panel.getByRole('button', { name: 'Włącz dla bieżącego kroku' }).click();

    const author = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await author.open(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    await author.page.getByText('Pisanie indywidualne:').waitFor();
    const witness = connectStockClient(e2e.server.url, board.id, board.tokens.participant);
    await witness.synced();

    await author.addNote(SECRET_TEXT, { x: 640, y: 450 });
    await author.page.locator('.flag-private').waitFor();
    await author.page.waitForTimeout(500);
    expect(JSON.stringify([...witness.records.map.values()])).not.toContain(SECRET_TEXT);
    expect((await storedBytes()).includes(SECRET_TEXT)).toBe(false);

    await panel.getByRole('button', { name: 'Odsłoń wszystkie karteczki' }).click();
    await expect.poll(() => JSON.stringify([...witness.records.map.values()]), { timeout: 5000 }).toContain(SECRET_TEXT);
    await host.noteWithText(SECRET_TEXT).waitFor({ state: 'attached' });
    expect((await storedBytes()).includes(SECRET_TEXT)).toBe(true);

    await panel.getByLabel('Co').fill('Zebrać przykłady regulaminów');
    await panel.getByLabel('Kto').fill('Starachowice');
    await panel.getByLabel('Do kiedy').fill('2026-12-31');
    await panel.getByRole('button', { name: 'Dodaj działanie do bieżącego kroku' }).click();
    await expect
      .poll(async () => (await fetch(`${e2e.server.url}/api/boards/${board.id}/summary.md?token=${board.tokens.facilitator}`)).text(), { timeout: 5000 })
      .toContain('| Zebrać przykłady regulaminów | Starachowice | 31 grudnia 2026 r. |');
    witness.destroy();
  });
});
