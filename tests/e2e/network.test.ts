/**
 * A network's memory in real Chromium: a network made on the home page runs meeting 1, where the
 * hosts agree two actions; the next meeting, made in one action on the network's page, opens with
 * both in its review step; a host marks one done; meeting 2's note and the network's page show it.
 * The network's page passes axe-core, fits a phone and speaks Polish and English.
 */
import { describe, expect, it } from 'vitest';
import { NetworkView } from '../../shared/network/network';
import { seriousViolations } from '../helpers/axe';
import { trackedContext } from '../helpers/browser';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('a network of meetings', () => {
  const e2e = useServerAndBrowser();

  it('carries meeting 1’s agreed actions into meeting 2’s review, whose status reaches its note and the network’s page', async () => {
    const { context } = await trackedContext(e2e.browser, { bypassCSP: true });
    const coordinator = await context.newPage();
    await coordinator.goto(e2e.server.url);
    const form = coordinator.getByRole('form', { name: 'Nowa sieć spotkań' });
    await form.getByLabel('Nazwa sieci').fill('Sieć Miast na rzecz Zieleni');
    await form.getByLabel(/^Miasta sieci/).fill('Gdynia\nStarachowice\nNowa Sól (obserwujące)');
    await form.getByLabel(/^Osoby prowadzące/).fill('Anna Nowak\nJan Kowalski');
    await form.getByLabel(/^Kontrakt sieci/).fill('Mówimy otwarcie i dzielimy się doświadczeniem.');
    await form.getByLabel('Format pierwszego spotkania').selectOption('solutions');
    await form.getByLabel('Data spotkania').fill('2027-01-15');
    expect(await seriousViolations(coordinator, ['main'])).toEqual([]);
    await form.getByRole('button', { name: 'Utwórz sieć i pierwsze spotkanie' }).click();
    const networkLink = await coordinator.getByLabel('Link do strony sieci (tylko dla osób prowadzących)').inputValue();
    expect(networkLink).toMatch(/\/n\/[A-Za-z0-9_-]+#t=/);
    await coordinator.getByRole('link', { name: 'Otwórz stronę sieci' }).click();

    const meetings = coordinator.getByRole('region', { name: 'Spotkania' });
    const first = meetings.getByRole('listitem').filter({ has: coordinator.getByRole('heading', { name: 'Spotkanie nr 1' }) });
    await first.waitFor();
    await expect.poll(() => first.locator('.meeting-state').textContent()).toBe('zaplanowane');
    await first.getByText('15 stycznia 2027 r.').waitFor();
    await coordinator.getByText('Nowa Sól').waitFor();
    expect(await coordinator.getByText('(miasto obserwujące)').count()).toBe(1);
    expect(await seriousViolations(coordinator, ['main'])).toEqual([]);

    // Meeting 1: the hosts agree two actions in the step for them.
    const host1 = await e2e.person((await first.getByRole('link', { name: 'Otwórz tablicę' }).getAttribute('href'))!, { name: 'Anna Nowak', city: 'ZMP' });
    const panel1 = hostPanel(host1);
    await panel1.getByRole('button', { name: /^2\.7 / }).click();
    const current = panel1.locator('.step-card.current');
    for (const [what, who, due] of [
      ['Mapa zasobów zieleni miejskiej', 'Gdynia', '2027-02-15'],
      ['Ankieta wśród mieszkańców', 'Starachowice', ''],
    ] as const) {
      await current.getByLabel('Co').fill(what);
      await current.getByLabel('Kto').fill(who);
      await current.getByLabel('Do kiedy').fill(due);
      await current.getByRole('button', { name: 'Dodaj działanie do bieżącego kroku' }).click();
      await host1.noteWithText(what).waitFor();
    }

    // Meeting 2, in one action on the network's page.
    const next = coordinator.getByRole('form', { name: 'Następne spotkanie' });
    await next.getByLabel('Data spotkania').fill('2027-03-10');
    await next.getByRole('button', { name: 'Utwórz następne spotkanie' }).click();
    await next.getByRole('status').filter({ hasText: 'Utworzono spotkanie nr 2' }).waitFor();
    const second = meetings.getByRole('listitem').filter({ has: coordinator.getByRole('heading', { name: 'Spotkanie nr 2' }) });
    await second.getByText('Ankieta wśród mieszkańców — Starachowice: bez statusu').waitFor();

    const host2 = await e2e.person((await second.getByRole('link', { name: 'Otwórz tablicę' }).getAttribute('href'))!, { name: 'Jan Kowalski', city: 'ZMP' });
    const panel2 = hostPanel(host2);
    // The review is the first step, on the board for everyone, with both actions.
    expect(await panel2.locator('.step-cards .step-go').first().textContent()).toBe(' Przegląd ustaleń');
    await panel2.getByRole('button', { name: 'Przegląd ustaleń', exact: true }).click();
    await host2.page.locator('.tl-shape').filter({ hasText: 'Mapa zasobów zieleni miejskiej — Gdynia — 15 lutego 2027 r.' }).waitFor();
    const review = panel2.getByRole('region', { name: /^Przegląd ustaleń/ });
    expect(await review.getByRole('combobox').count()).toBe(2);
    await review.getByLabel('Mapa zasobów zieleni miejskiej — Gdynia — 15 lutego 2027 r.').selectOption({ label: 'zrobione' });

    const view = NetworkView.parse(await (await fetch(`${e2e.server.url}/api/networks/${networkLink.split('/n/')[1]!.split('#')[0]}`, { headers: { authorization: `Bearer ${networkLink.split('#t=')[1]}` } })).json());
    const meeting2 = view.meetings[1]!;
    await expect
      .poll(async () => (await fetch(`${e2e.server.url}/api/boards/${meeting2.boardId}/summary.md`, { headers: { authorization: `Bearer ${meeting2.hostToken}` } })).text(), { timeout: 5000 })
      .toContain('| Mapa zasobów zieleni miejskiej | Gdynia | 15 lutego 2027 r. | zrobione |');

    // The barometer in one click; the network's page charts its answers by meeting.
    await panel2.getByRole('region', { name: 'Barometr sieci' }).getByRole('button', { name: /^Zadaj pytanie: Na ile ufasz/ }).click();

    // Meeting 2 opens the network's work plan as a step, from the network's page.
    await second.getByRole('button', { name: 'Dodaj plan pracy jako krok' }).click();
    await second.getByRole('status').filter({ hasText: 'Plan pracy jest na tablicy jako krok.' }).waitFor();
    await panel2.getByRole('button', { name: 'Plan pracy sieci', exact: true }).waitFor();
    expect(await panel2.locator('.step-cards .step-go').allTextContents()).toEqual(expect.arrayContaining([' Przegląd ustaleń', ' Plan pracy sieci']));

    await coordinator.reload();
    const plan = coordinator.getByRole('region', { name: 'Plan pracy sieci' });
    await plan.getByText('Ankieta wśród mieszkańców — Starachowice: bez statusu').waitFor();
    const chart = coordinator.getByRole('region', { name: 'Barometr sieci' }).getByRole('figure', { name: /^Na ile ufasz innym miastom/ });
    await chart.getByRole('row', { name: /^2 / }).waitFor();
    await second.getByText('Mapa zasobów zieleni miejskiej — Gdynia — 15 lutego 2027 r.: zrobione').waitFor();
    await second.getByText('Ankieta wśród mieszkańców — Starachowice: bez statusu').waitFor();
    expect(await seriousViolations(coordinator, ['main'])).toEqual([]);

    // The network's page is kept under "Moje tablice" in this browser, the way back to it.
    await coordinator.goto(e2e.server.url);
    expect(await coordinator.getByRole('region', { name: 'Moje tablice' }).getByRole('link', { name: 'Sieć: Sieć Miast na rzecz Zieleni' }).getAttribute('href')).toMatch(new RegExp(`^${networkLink.split('#')[0]}#t=`));

    // On a phone, in English.
    const phone = await (await trackedContext(e2e.browser, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, locale: 'en-GB', bypassCSP: true })).context.newPage();
    await phone.goto(networkLink);
    const english = phone.getByRole('region', { name: 'Meetings' }).getByRole('listitem').filter({ has: phone.getByRole('heading', { name: 'Meeting no. 2' }) });
    await english.getByText('Mapa zasobów zieleni miejskiej — Gdynia — 15 lutego 2027 r.: done').waitFor();
    await phone.getByRole('button', { name: 'Create the next meeting' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(phone, ['main'])).toEqual([]);
    // Without the network's token the page opens nothing.
    await phone.goto(networkLink.split('#')[0]!);
    await phone.getByRole('alert').filter({ hasText: 'This link has no access key for the network.' }).waitFor();
  });

  it('shows whoever runs the programme the figures across networks, counts only', async () => {
    await fetch(`${e2e.server.url}/api/networks`, { method: 'POST', body: JSON.stringify({ title: 'Sieć Mobilności' }) });
    const page = await (await trackedContext(e2e.browser, { bypassCSP: true })).context.newPage();
    await page.goto(`${e2e.server.url}/stats`);
    const table = page.getByRole('region', { name: 'Zestawienie sieci' }).getByRole('table');
    await table.getByRole('row', { name: /^Sieć Mobilności 0 — 0$/ }).waitFor();
    await table.getByRole('row', { name: /^Razem sieci \(\d+\)/ }).waitFor();
    expect(await seriousViolations(page, ['main'])).toEqual([]);
  });
});
