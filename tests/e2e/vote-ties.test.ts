/** A tie at the cut of a dot vote, in real Chromium: shown before marking, the host chooses among the tied notes. */
import { describe, expect, it } from 'vitest';
import { stepFrameId } from '../../shared/formats/layout';
import { connectStockClient } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('a tie in a vote', () => {
  const e2e = useServerAndBrowser();

  it('is shown before the top N are marked, and the host chooses which tied note goes in', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Remis', formatId: 'solutions', locale: 'pl' });
    const writer = connectStockClient(e2e.server.url, board.id, board.tokens.participant);
    await writer.synced();
    const frame = stepFrameId('solutions', '2.3');
    writer.records.set('shape:a', noteRecord('shape:a', 'Długa ścieżka akceptacji', { parentId: frame, x: 60, y: 320 }));
    writer.records.set('shape:b', noteRecord('shape:b', 'Brak budżetu', { parentId: frame, x: 320, y: 320 }));
    writer.records.set('shape:c', noteRecord('shape:c', 'Obawa przed hejtem', { parentId: frame, x: 580, y: 320 }));

    const host = await e2e.person(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.3 / }).click();
    await panel.getByLabel('Głosy na osobę').fill('1');
    await panel.getByRole('button', { name: 'Rozpocznij głosowanie w bieżącym kroku' }).click();
    for (const [name, note] of [['Ewa Zielińska', 'shape:a'], ['Jan Kowalski', 'shape:b']] as const) {
      const person = await e2e.person(board.links.participant, { name, city: 'Gdynia' });
      await person.page.locator(`.vote-buttons[data-note="${note}"] button[aria-label="Oddaj głos"]`).click();
      await expect.poll(() => person.page.getByTestId('votes-left').textContent()).toBe('0');
      await person.page.close();
    }
    await panel.getByRole('button', { name: 'Zakończ głosowanie' }).click();
    await panel.getByLabel('Ile najlepszych').fill('1');

    const ties = panel.getByRole('group', { name: /^Remis na ostatnim miejscu/ });
    await ties.waitFor();
    expect(await ties.getByRole('checkbox').count()).toBe(2);
    const mark = panel.getByRole('button', { name: 'Oznacz najlepsze jako uzgodnione' });
    expect(await mark.isDisabled()).toBe(true);
    expect(await host.page.locator(`#${await mark.getAttribute('aria-describedby')}`).textContent()).toContain('z remisem');

    await ties.getByRole('checkbox', { name: /Brak budżetu/ }).check();
    expect(await ties.getByRole('checkbox', { name: /Długa ścieżka/ }).isDisabled()).toBe(true);
    await mark.click();
    await host.page.locator('.flag-agreed[data-shape="shape:b"]').waitFor();
    await expect.poll(() => (writer.records.get('shape:b') as { meta: { agreed?: boolean } }).meta.agreed).toBe(true);
    expect((writer.records.get('shape:a') as { meta: { agreed?: boolean } }).meta.agreed).toBeUndefined();
    writer.destroy();
  });
});
