/**
 * The hosts' run sheet in real Chromium: one card per step with the current one open and its
 * tools inline, the rest folded and opened by keyboard; no two buttons with the same name;
 * disabled buttons say why; axe finds nothing serious; at 200 % zoom (half the CSS width) the
 * panel starts folded, leaves the canvas whole and the step banner inside the screen.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { getFormat } from '../../formats';
import { createBoard } from '../helpers/server';
import { seriousViolations } from '../helpers/axe';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

async function buttonNames(scope: Locator): Promise<string[]> {
  const names: string[] = [];
  for (const button of await scope.getByRole('button').all()) names.push(await button.evaluate((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()));
  return names;
}

describe('the run sheet', () => {
  const e2e = useServerAndBrowser();
  const format = getFormat('solutions');

  it('shows each step as a card, the current one open with its tools, the rest folded', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Przebieg', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' }, { viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const panel = hostPanel(host);
    const cards = panel.locator('.step-card');
    await expect.poll(() => cards.count(), { timeout: 5000 }).toBe(format.steps.length);

    // Before any step: "previous" is disabled and says why.
    const previous = panel.getByRole('button', { name: '← Poprzedni krok' });
    expect(await previous.isDisabled()).toBe(true);
    expect(await host.page.locator(`#${await previous.getAttribute('aria-describedby')}`).textContent()).toBe('Wybierz krok z listy, aby zacząć.');

    await panel.getByRole('button', { name: /^2\.2 / }).click();
    const current = panel.locator('.step-card.current');
    expect(await current.getAttribute('data-step')).toBe('2.2');
    const step = format.steps.find((s) => s.id === '2.2')!;
    await current.getByText(step.tip.pl).waitFor();
    await current.getByRole('button', { name: 'Włącz dla bieżącego kroku' }).waitFor();
    await current.getByRole('button', { name: 'Rozpocznij głosowanie w bieżącym kroku' }).waitFor();
    await current.getByRole('button', { name: 'Dodaj działanie do bieżącego kroku' }).waitFor();
    await current.getByLabel('Długość').waitFor();
    // The other cards are folded: no instruction of another step is shown.
    const other = format.steps.find((s) => s.id === '2.4')!;
    expect(await panel.getByText(other.instructions.pl).count()).toBe(0);

    // Unfolded by keyboard.
    const fold = panel.getByRole('button', { name: 'Rozwiń krok 2.4' });
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    await fold.focus();
    await host.page.keyboard.press('Enter');
    await panel.getByText(other.instructions.pl).waitFor();
    expect(await panel.getByRole('button', { name: 'Zwiń krok 2.4' }).getAttribute('aria-expanded')).toBe('true');

    // The scale poll asks for no options; a choice poll does.
    expect(await current.getByLabel('Odpowiedzi do wyboru (jedna w wierszu)').count()).toBe(0);
    await current.getByLabel('Rodzaj').selectOption('single');
    await current.getByLabel('Odpowiedzi do wyboru (jedna w wierszu)').fill('Tak\nNie');
    await current.getByLabel('Pytanie').fill('Czy regulamin jest potrzebny?');
    await current.getByRole('button', { name: 'Zadaj pytanie' }).click();
    await current.getByRole('button', { name: 'Dodaj wynik ankiety do uzgodnień' }).waitFor();

    // A note selected while a poll is open: each "agreed" button has a name of its own.
    await host.addNote('Wspólny regulamin', { x: 400, y: 450 });
    await host.page.evaluate(() => {
      const editor = (window as unknown as { editor: { selectAll(): void } }).editor;
      editor.selectAll();
    });
    await panel.getByRole('button', { name: 'Oznacz jako uzgodnione' }).waitFor();
    const names = await buttonNames(panel);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);

    expect(await seriousViolations(host.page, ['.host-panel', '.step-banner'])).toEqual([]);
  });

  it('at 200 % zoom starts folded, leaves the whole canvas and the step banner on screen, and opens by keyboard', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Powiększenie', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' }, { viewport: { width: 640, height: 450 }, bypassCSP: true });
    const panel = hostPanel(host);
    const toggle = panel.getByRole('button', { name: 'Panel osób prowadzących' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect((await host.page.locator('.canvas-area').boundingBox())!.width).toBe(640);

    await toggle.focus();
    await host.page.keyboard.press('Enter');
    const fold = panel.getByRole('button', { name: 'Zwiń panel' });
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    await panel.getByRole('button', { name: /^2\.6 / }).click();
    await fold.click();

    const banner = host.page.getByRole('region', { name: 'Bieżący krok' });
    await banner.getByRole('heading', { name: /^2\.6 / }).waitFor();
    const box = (await banner.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(640);
    expect(await seriousViolations(host.page, ['.host-panel', '.step-banner'])).toEqual([]);
  });
});
