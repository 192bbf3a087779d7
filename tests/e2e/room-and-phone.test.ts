/**
 * The hybrid room: the host projects a QR code of the board's short URL; a phone (375 px) joins
 * through it, sees the step and the timer, adds a note and votes on the list. Our screens pass axe-core with
 * no serious or critical violations, and the language follows the browser.
 */
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('in the room and on a phone', () => {
  const e2e = useServerAndBrowser();

  it('a phone joins through the projected QR code, sees the step and timer, adds a note and votes', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Spotkanie w Starachowicach', formatId: 'solutions', locale: 'pl' });
    // axe-core is injected as a script: these contexts let it past our CSP (the other tests keep it).
    const host = new BoardPageObject(await (await trackedContext(e2e.browser, { bypassCSP: true })).context.newPage());
    await host.open(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.3 / }).click();
    await panel.getByRole('button', { name: 'Uruchom' }).click();
    expect(await seriousViolations(host.page, ['.host-panel', '.step-banner'])).toEqual([]);

    await panel.getByRole('button', { name: 'Kod QR dla osób uczestniczących' }).click();
    const qr = host.page.getByRole('dialog', { name: 'Zeskanuj, aby dołączyć do tablicy' });
    await qr.locator('svg').waitFor();
    const link = (await qr.locator('.qr-link').textContent())!;
    expect(link).toBe(board.join!.link);
    expect(await qr.getByTestId('join-code').textContent()).toBe(board.join!.code);
    expect(await seriousViolations(host.page, ['.qr-dialog'])).toEqual([]);
    await qr.getByRole('button', { name: 'Zamknij okno' }).click();

    const phoneContext = await trackedContext(e2e.browser, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, bypassCSP: true });
    const phone = new BoardPageObject(await phoneContext.context.newPage());
    await phone.page.goto(link);
    expect(await seriousViolations(phone.page, ['main'])).toEqual([]);
    await phone.open(link, { name: 'Ewa Zielińska', city: 'Gdynia' });
    const banner = phone.page.getByRole('region', { name: 'Bieżący krok' });
    await banner.getByText(/^2\.3 /).waitFor();
    await banner.getByRole('timer').waitFor();
    const box = (await banner.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375);

    await phone.addNote('Z telefonu', { x: 190, y: 400 });
    await host.noteWithText('Z telefonu').waitFor({ state: 'attached', timeout: 5000 });

    await panel.getByRole('button', { name: 'Rozpocznij głosowanie w bieżącym kroku' }).click();
    const noteId = await phone.noteWithText('Z telefonu').getAttribute('data-shape-id');
    // On a phone the vote is a list, with no pills over the canvas.
    const plus = phone.page.locator(`.vote-list li[data-note="${noteId}"]`).getByRole('button', { name: 'Oddaj głos: Z telefonu' });
    await plus.tap();
    expect(await phone.page.locator('.vote-buttons').count()).toBe(0);
    await expect.poll(() => phone.page.getByTestId('votes-left').textContent()).toBe('2');
  });

  it('speaks English to an English browser and Polish to a Polish one', async () => {
    const en = await (await trackedContext(e2e.browser, { locale: 'en-GB', bypassCSP: true })).context.newPage();
    await en.goto(e2e.server.url);
    await en.getByRole('button', { name: 'Create board' }).waitFor();
    expect(await seriousViolations(en, ['main'])).toEqual([]);
    const pl = await (await trackedContext(e2e.browser, { locale: 'pl-PL' })).context.newPage();
    await pl.goto(e2e.server.url);
    await pl.getByRole('button', { name: 'Utwórz tablicę' }).waitFor();
  });
});
