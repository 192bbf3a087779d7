/**
 * Links and boards in real Chromium: each role's link with what it may do (the facilitator's to
 * be kept private) and a QR beside the participants'; "Moje tablice" in the browser that created
 * the board and in no other; the hosts' links dialog at any time, and replacing the links.
 */
import { describe, expect, it } from 'vitest';
import { trackedContext } from '../helpers/browser';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';
import { BoardPageObject } from '../helpers/browser';

const claims = (link: string) => {
  const { b, r, g } = JSON.parse(Buffer.from(new URL(link).hash.slice(3).split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
  return { path: new URL(link).pathname, b, r, g };
};

describe('links and my boards', () => {
  const e2e = useServerAndBrowser();

  it('explains each link, lists the board under "Moje tablice" here only, and lets a host replace the links', async () => {
    const { context } = await trackedContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    await page.getByLabel('Tytuł spotkania').fill('Sieć Miast na rzecz Zielonych Podwórek — spotkanie nr 2');
    await page.getByRole('button', { name: 'Utwórz tablicę' }).click();
    const links = page.getByRole('region', { name: 'Linki do tablicy' });
    await links.waitFor();
    const facilitator = links.getByRole('textbox', { name: 'Koordynator-facylitator' });
    const help = await facilitator.getAttribute('aria-describedby');
    expect(await page.locator(`#${help}`).textContent()).toContain('nie udostępniaj go');
    for (const role of ['Ekspert-moderator', 'Osoba uczestnicząca', 'Osoba obserwująca']) {
      const input = links.getByRole('textbox', { name: role });
      expect((await page.locator(`#${await input.getAttribute('aria-describedby')}`).textContent())!.length).toBeGreaterThan(20);
    }
    await links.locator('li[data-role="participant"] .link-qr svg').waitFor();
    const facilitatorLink = await facilitator.inputValue();
    const participantLink = await links.getByRole('textbox', { name: 'Osoba uczestnicząca' }).inputValue();

    await page.reload();
    const mine = page.getByRole('region', { name: 'Moje tablice' });
    await mine.getByRole('link', { name: 'Sieć Miast na rzecz Zielonych Podwórek — spotkanie nr 2' }).waitFor();
    expect(await mine.getByRole('link').getAttribute('href')).toBe(facilitatorLink);
    await mine.getByText('Koordynator-facylitator').waitFor();
    // Another browser knows nothing of it.
    const stranger = await (await trackedContext(e2e.browser)).context.newPage();
    await stranger.goto(e2e.server.url);
    await stranger.getByRole('button', { name: 'Utwórz tablicę' }).waitFor();
    expect(await stranger.getByRole('region', { name: 'Moje tablice' }).count()).toBe(0);

    // The host's links dialog shows the same four links; replacing them shuts the old ones out.
    const host = new BoardPageObject(await context.newPage());
    await host.open(facilitatorLink, { name: 'Halina Dąbrowska', city: 'ZMP' });
    await hostPanel(host).getByRole('button', { name: 'Linki do tablicy…' }).click();
    const dialog = host.page.getByRole('dialog', { name: 'Linki do tablicy' });
    // Links are signed afresh on each request: the same board, role and generation.
    expect(claims(await dialog.getByRole('textbox', { name: 'Osoba uczestnicząca' }).inputValue())).toEqual(claims(participantLink));
    host.page.on('dialog', (confirm) => void confirm.accept());
    await dialog.getByRole('button', { name: 'Zastąp linki' }).click();
    await expect.poll(() => host.page.url(), { timeout: 10_000 }).not.toBe(facilitatorLink);
    await host.canvas().waitFor({ timeout: 20_000 });
    await hostPanel(host).waitFor();
    const oldToken = new URL(facilitatorLink).hash.slice(3);
    const asked = await fetch(`${e2e.server.url}/api/boards/${claims(facilitatorLink).b}/links`, { headers: { authorization: `Bearer ${oldToken}` } });
    expect(asked.status).toBeGreaterThanOrEqual(400);
  });
});
