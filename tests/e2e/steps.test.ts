/** The facilitator steps the group through Format 2 in real Chromium; the participant follows. */
import { describe, expect, it } from 'vitest';
import { getFormat } from '../../formats';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('stepping through a format', () => {
  const e2e = useServerAndBrowser();

  it('the facilitator goes to step 2.3 and starts the timer; the participant’s view moves there with its instructions and countdown', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Generowanie rozwiązań', formatId: 'solutions', locale: 'pl' });
    const step = getFormat('solutions').steps.find((s) => s.id === '2.3')!;
    const host = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    const participant = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await host.open(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    await participant.open(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });

    const panel = hostPanel(host);
    await panel.getByRole('button', { name: new RegExp(`^2\\.3 ${step.title.pl}`) }).click();
    await panel.getByRole('button', { name: 'Uruchom' }).click();

    const banner = participant.page.getByRole('region', { name: 'Bieżący krok' });
    await banner.getByText(`2.3 ${step.title.pl}`).waitFor({ timeout: 5000 });
    await banner.getByText(step.instructions.pl).waitFor();
    const timer = banner.getByRole('timer');
    await timer.waitFor();
    const first = await timer.textContent();
    await participant.page.waitForTimeout(1500);
    expect(await timer.textContent()).not.toBe(first);
    expect(first).toMatch(/^1[45]:\d\d/);

    // The view moved: the step's frame is in the middle of the participant's screen.
    const frameTitle = participant.page.locator('.tl-frame-heading').filter({ hasText: step.title.pl });
    await frameTitle.waitFor({ state: 'visible', timeout: 5000 });

    // A host builds a step of their own on the board; the group is taken there too.
    await panel.getByRole('textbox', { name: 'Nazwa własnego kroku' }).fill('Wymiana na forum');
    await panel.getByRole('button', { name: 'Dodaj krok' }).click();
    await banner.getByText('C.1 Wymiana na forum').waitFor({ timeout: 5000 });
  });
});
