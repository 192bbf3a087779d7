/**
 * Live counts for the hosts in real Chromium: notes held in private writing (how many, from how
 * many people), people who have voted and poll answers — from numbers the participants' clients
 * report, never the notes' text; participants see no counts.
 */
import { describe, expect, it } from 'vitest';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

const SECRET = 'Tajna bariera 7Q';

describe('live counters', () => {
  const e2e = useServerAndBrowser();

  it('show the hosts how many notes are held, how many have voted and answered', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Liczniki', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.2 / }).click();
    await panel.getByRole('button', { name: 'Włącz dla bieżącego kroku' }).click();
    const ewa = await e2e.person(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    const jan = await e2e.person(board.links.participant, { name: 'Jan Kowalski', city: 'Cieszyn' });
    const counter = (label: string) => panel.locator('.live-counters div').filter({ hasText: label }).locator('dd');

    await ewa.page.getByText('Pisanie indywidualne:').waitFor();
    await ewa.addNote(SECRET, { x: 560, y: 450 });
    await ewa.addNote('Druga bariera', { x: 780, y: 450 });
    await jan.page.getByText('Pisanie indywidualne:').waitFor();
    await jan.addNote('Bariera Jana', { x: 600, y: 500 });
    await expect.poll(() => counter('Karteczki czekające na odsłonięcie').textContent(), { timeout: 8000 }).toBe('3 (osoby: 2)');
    // Counts, not content: the host's page holds none of the held text.
    expect(await host.page.content()).not.toContain(SECRET);
    expect(await ewa.page.locator('.live-counters').count()).toBe(0);

    await panel.getByRole('button', { name: 'Odsłoń wszystkie karteczki' }).click();
    await host.noteWithText(SECRET).waitFor({ state: 'attached', timeout: 5000 });
    expect(await panel.locator('.live-counters').count()).toBe(0);

    await panel.getByRole('button', { name: 'Rozpocznij głosowanie w bieżącym kroku' }).click();
    await expect.poll(() => counter('Osoby, które zagłosowały').textContent(), { timeout: 5000 }).toBe('0 / 2');
    await ewa.page.locator('.vote-buttons button[aria-label="Oddaj głos"]').first().click();
    await expect.poll(() => counter('Osoby, które zagłosowały').textContent(), { timeout: 5000 }).toBe('1 / 2');
    // A second vote from the same person is still one person.
    await ewa.page.locator('.vote-buttons button[aria-label="Oddaj głos"]').nth(1).click();
    await ewa.page.waitForTimeout(500);
    expect(await counter('Osoby, które zagłosowały').textContent()).toBe('1 / 2');
    await panel.getByRole('button', { name: 'Zakończ głosowanie' }).click();

    const current = panel.locator('.step-card.current');
    await current.getByLabel('Pytanie').fill('Czy to wszystkie bariery?');
    await current.getByRole('button', { name: 'Zadaj pytanie' }).click();
    await expect.poll(() => counter('Odpowiedzi na ankietę').textContent(), { timeout: 5000 }).toBe('0 / 2');
    await jan.page.getByRole('region', { name: 'Ankieta' }).getByLabel('4').check();
    await jan.page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect.poll(() => counter('Odpowiedzi na ankietę').textContent(), { timeout: 5000 }).toBe('1 / 2');
  });
});
