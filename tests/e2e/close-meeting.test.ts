/**
 * Closing a meeting in real Chromium: the participant is told the meeting has ended and their
 * board turns view-only; the hosts' run sheet marks the steps whose frames were cleared (the
 * public one stays).
 */
import { describe, expect, it } from 'vitest';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('closing the meeting', () => {
  const e2e = useServerAndBrowser();

  it('ends it for the participant, read-only, and marks the cleared steps for the hosts', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Zamknięcie', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const participant = await e2e.person(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    const panel = hostPanel(host);
    // A note in step 2.2 (cleared at closing); step 2.1's frame is made public (it stays).
    await panel.getByRole('button', { name: /^2\.2 / }).click();
    await participant.page.getByRole('region', { name: 'Bieżący krok' }).getByRole('heading', { name: /^2\.2 / }).waitFor();
    await participant.page.waitForTimeout(500);
    await participant.addNote('Przed zamknięciem', { x: 640, y: 450 });
    await host.noteWithText('Przed zamknięciem').waitFor({ state: 'attached' });
    await panel.getByRole('button', { name: /^2\.1 / }).click();
    await host.page.evaluate(() => {
      type Shape = { id: string; type: string; meta: Record<string, unknown> };
      const editor = (window as unknown as { editor: { getCurrentPageShapes(): Shape[]; updateShape(s: Partial<Shape>): void } }).editor;
      const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && s.meta.stepId === '2.1')!;
      editor.updateShape({ id: frame.id, type: 'frame', meta: { ...frame.meta, public: true } });
    });
    expect(await participant.page.evaluate(() => (window as unknown as { editor: { getIsReadonly(): boolean } }).editor.getIsReadonly())).toBe(false);

    host.page.on('dialog', (dialog) => void dialog.accept());
    await panel.getByRole('button', { name: 'Notatka ze spotkania…' }).click();
    await host.page.getByRole('button', { name: 'Zakończ spotkanie' }).click();
    await host.page.getByText('Spotkanie zakończone. Notatka jest zachowana.').waitFor({ timeout: 10_000 });

    await participant.page.getByRole('status').filter({ hasText: 'Spotkanie zostało zakończone. Tablica jest teraz tylko do oglądania.' }).waitFor({ timeout: 5000 });
    await expect.poll(() => participant.page.evaluate(() => (window as unknown as { editor: { getIsReadonly(): boolean } }).editor.getIsReadonly())).toBe(true);
    await participant.noteWithText('Przed zamknięciem').waitFor({ state: 'detached', timeout: 5000 });

    await host.page.keyboard.press('Escape');
    const cleared = panel.locator('.step-card').filter({ hasText: 'wyczyszczony przy zakończeniu' });
    await expect.poll(() => cleared.count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await panel.locator('.step-card[data-step="2.1"]').textContent()).not.toContain('wyczyszczony');
    expect(await panel.locator('.step-card[data-step="2.2"]').textContent()).toContain('wyczyszczony przy zakończeniu');
  });
});
