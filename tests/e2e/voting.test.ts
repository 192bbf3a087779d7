/** A three-person dot vote in real Chromium: results on the notes, the top note marked agreed. */
import { describe, expect, it } from 'vitest';
import { stepFrameId } from '../../shared/formats/layout';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { connectStockClient } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('dot voting in the browser', () => {
  const e2e = useServerAndBrowser();

  it('three people vote, the results appear ranked and the facilitator marks the top note agreed', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Wybór barier', formatId: 'solutions', locale: 'pl' });
    const writer = connectStockClient(e2e.server.url, board.id, board.tokens.participant);
    await writer.synced();
    const frame = stepFrameId('solutions', '2.3');
    writer.records.set('shape:a', noteRecord('shape:a', 'Długa ścieżka akceptacji', { parentId: frame, x: 60, y: 320 }));
    writer.records.set('shape:b', noteRecord('shape:b', 'Brak budżetu', { parentId: frame, x: 320, y: 320 }));
    writer.records.set('shape:c', noteRecord('shape:c', 'Obawa przed hejtem', { parentId: frame, x: 580, y: 320 }));

    const host = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await host.open(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.3 / }).click();
    await panel.getByRole('button', { name: 'Rozpocznij głosowanie w bieżącym kroku' }).click();

    const people = [
      ['Ewa Zielińska', 'Gdynia', ['shape:a', 'shape:a', 'shape:b']],
      ['Jan Kowalski', 'Cieszyn', ['shape:a', 'shape:c']],
      ['Anna Nowak', 'Przemyśl', ['shape:a', 'shape:b', 'shape:b', 'shape:b']],
    ] as const;
    for (const [name, city, votes] of people) {
      const page = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
      await page.open(board.links.participant, { name, city });
      const left = page.page.getByTestId('votes-left');
      await left.waitFor();
      for (const [i, note] of votes.entries()) {
        const add = page.page.locator(`.vote-buttons[data-note="${note}"] button[aria-label="Oddaj głos"]`);
        if (i >= 3) {
          // The fourth vote is over the budget of three: the button is disabled.
          expect(await add.isDisabled()).toBe(true);
          continue;
        }
        await add.click();
        await expect.poll(() => left.textContent()).toBe(String(3 - i - 1));
      }
      await page.page.close();
    }

    await panel.getByRole('button', { name: 'Zakończ głosowanie' }).click();
    const result = (id: string) => host.page.locator(`.vote-result[data-note="${id}"]`);
    await result('shape:a').waitFor();
    expect(await result('shape:a').textContent()).toBe('#1 · 4 głosy');
    expect(await result('shape:b').getAttribute('data-count')).toBe('3');
    expect(await result('shape:c').getAttribute('data-count')).toBe('1');

    await panel.getByLabel('Ile najlepszych').fill('1');
    await panel.getByRole('button', { name: 'Oznacz najlepsze jako uzgodnione' }).click();
    await host.page.locator('.flag-agreed[data-shape="shape:a"]').waitFor();
    await expect.poll(() => (writer.records.get('shape:a') as { meta: { agreed?: boolean } }).meta.agreed).toBe(true);
    writer.destroy();
  });
});
