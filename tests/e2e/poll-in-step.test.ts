/** Poll results stay with the step they were asked in, in real Chromium, unless a host pins them. */
import { describe, expect, it } from 'vitest';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('poll results and steps', () => {
  const e2e = useServerAndBrowser();

  it('are shown in the step of the poll, hidden after the group moves on, and back everywhere when pinned', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Ankieta w kroku', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, { name: 'Witold Sowa', city: 'ZMP' });
    const participant = await e2e.person(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.1 / }).click();
    await panel.getByLabel('Pytanie').fill('Na ile to wyzwanie jest pilne?');
    await panel.getByRole('button', { name: 'Zadaj pytanie' }).click();
    const card = participant.page.getByRole('region', { name: 'Ankieta' });
    await card.getByRole('radio', { name: '4', exact: true }).check();
    await card.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await panel.getByRole('button', { name: 'Pokaż wyniki' }).click();
    const chart = participant.page.locator('.poll-bars');
    await chart.waitFor({ timeout: 5000 });

    await panel.getByRole('button', { name: /^2\.2 / }).click();
    await chart.waitFor({ state: 'detached', timeout: 5000 });

    const pin = panel.getByRole('button', { name: 'Pokazuj wyniki we wszystkich krokach' });
    expect(await pin.getAttribute('aria-pressed')).toBe('false');
    await pin.click();
    await chart.waitFor({ timeout: 5000 });
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
  });
});
