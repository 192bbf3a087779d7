/**
 * Around the meeting, in real Chromium: three participants answer a 1–5 scale poll and the chart
 * shows the right counts; the projector view shows the step and timer and no editing tools; the
 * hosts' report form is prefilled with counts that match the people who joined.
 */
import { describe, expect, it } from 'vitest';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('polls, the projector and the host’s report', () => {
  const e2e = useServerAndBrowser();

  it('three participants answer a scale poll and the chart, the projector and the report agree', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Spotkanie wprowadzające', formatId: 'kickoff', locale: 'pl' });
    const host = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await host.open(board.links.facilitator, { name: 'Witold Sowa', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^0\.3 / }).click();
    await panel.getByRole('button', { name: 'Uruchom' }).click();
    await panel.getByLabel('Pytanie').fill('Na ile ufamy sobie jako sieć?');
    await panel.getByRole('button', { name: 'Zadaj pytanie' }).click();

    const answers = [
      ['Ewa Zielińska', 'Gdynia', '4'],
      ['Jan Kowalski', 'Cieszyn', '5'],
      ['Anna Nowak', 'Gdynia', '4'],
    ] as const;
    for (const [name, city, value] of answers) {
      const person = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
      await person.open(board.links.participant, { name, city });
      const card = person.page.getByRole('region', { name: 'Ankieta' });
      await card.getByRole('radio', { name: value, exact: true }).check();
      await card.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
      await card.getByText('Dziękujemy za odpowiedź.').waitFor();
      await person.page.close();
    }

    await panel.getByRole('button', { name: 'Pokaż wyniki' }).click();
    const chart = host.page.locator('.poll-bars');
    await expect.poll(() => chart.locator('li').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-label')}:${r.getAttribute('data-count')}`))).toEqual(['1:0', '2:0', '3:0', '4:2', '5:1']);

    const projectorLink = board.links.participant.replace('#', '?view=projector#');
    const projector = await (await trackedContext(e2e.browser, { viewport: { width: 1280, height: 720 } })).context.newPage();
    await projector.goto(projectorLink);
    await projector.locator('.tl-canvas').waitFor();
    await projector.getByRole('region', { name: 'Bieżący krok' }).getByText(/^0\.3 /).waitFor();
    await projector.getByRole('timer').waitFor();
    await projector.locator('.poll-bars li[data-label="4"][data-count="2"]').waitFor();
    expect(await projector.locator('.tlui-toolbar, .tlui-menu-zone, .tlui-style-panel').count()).toBe(0);
    expect(await projector.getByRole('button', { name: 'Wyślij odpowiedź' }).count()).toBe(0);
    expect(await projector.getByLabel('Imię i nazwisko').count()).toBe(0);

    await panel.getByRole('button', { name: 'Sprawozdanie ze spotkania…' }).click();
    const report = host.page.getByRole('dialog', { name: 'Sprawozdanie ze spotkania' });
    // The facilitator's organisation is not a city, and the facilitator not a city's representative.
    await expect.poll(() => report.getByTestId('report-attendance').textContent()).toBe('3 — Cieszyn: 1, Gdynia: 2');
  });
});
