/**
 * The invitation list in real Chromium: a host pastes the list, gets each person's personal link;
 * one person opens hers on a laptop and a phone (two browser contexts) and votes on both — her
 * budget of three holds across them, and the attendance list has her once, present.
 */
import { describe, expect, it } from 'vitest';
import { stepFrameId } from '../../shared/formats/layout';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { connectStockClient } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('personal links in the browser', () => {
  const e2e = useServerAndBrowser();

  it('invitation list → personal link → one person’s votes on two devices count against one budget', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Wybór barier', formatId: 'solutions', locale: 'pl' });
    const writer = connectStockClient(e2e.server.url, board.id, board.tokens.participant);
    await writer.synced();
    const frame = stepFrameId('solutions', '2.3');
    writer.records.set('shape:a', noteRecord('shape:a', 'Długa ścieżka akceptacji', { parentId: frame, x: 60, y: 320 }));
    writer.records.set('shape:b', noteRecord('shape:b', 'Brak budżetu', { parentId: frame, x: 320, y: 320 }));

    const host = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await host.open(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: 'Zaproszenia imienne…' }).click();
    const dialog = host.page.getByRole('dialog', { name: 'Zaproszenia imienne' });
    await dialog.getByRole('textbox', { name: 'Zaproszenia imienne' }).fill('Anna Kowalska; Gdynia; koordynatorka\nJan Nowak; Cieszyn; radny');
    await dialog.getByRole('button', { name: 'Utwórz linki imienne' }).click();
    const annaLink = dialog.getByRole('textbox', { name: 'Zaproszenia imienne: Anna Kowalska' });
    await annaLink.waitFor();
    const link = await annaLink.inputValue();
    expect(link).toContain(`/b/${board.id}#t=`);
    expect(await dialog.locator('.invitations li .qr-small svg').count()).toBe(2);
    // The printable sheet: a card per person with name, city, QR code and instructions.
    const [sheet] = await Promise.all([host.page.context().waitForEvent('page'), dialog.getByRole('button', { name: 'Drukuj karty (A4)' }).click()]);
    await sheet.locator('.card').first().waitFor();
    expect(await sheet.locator('.card .name').allTextContents()).toEqual(['Jan Nowak', 'Anna Kowalska']);
    expect(await sheet.locator('.card svg').count()).toBe(2);
    expect(await sheet.locator('.card .help').first().textContent()).toContain('link imienny');
    await sheet.close();
    await dialog.getByRole('button', { name: 'Zamknij' }).click();

    await panel.getByRole('button', { name: /^2\.3 / }).click();
    await panel.getByRole('button', { name: 'Rozpocznij głosowanie w bieżącym kroku' }).click();

    // Her laptop and her phone: two browser contexts, two device ids, one person.
    const laptop = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await laptop.open(link, { name: 'Anna K.', city: 'Gdynia' });
    const phone = new BoardPageObject(await (await trackedContext(e2e.browser, { viewport: { width: 900, height: 800 } })).context.newPage());
    await phone.open(link, { name: 'Anna (telefon)', city: 'Gdynia' });

    const add = (page: BoardPageObject, note: string) => page.page.locator(`.vote-buttons[data-note="${note}"] button[aria-label="Oddaj głos"]`);
    const left = (page: BoardPageObject) => page.page.getByTestId('votes-left');
    await left(laptop).waitFor();
    await add(laptop, 'shape:a').click();
    await expect.poll(() => left(laptop).textContent()).toBe('2');
    await add(laptop, 'shape:a').click();
    await expect.poll(() => left(laptop).textContent()).toBe('1');
    // The phone spends the one vote left, then has none.
    await left(phone).waitFor();
    await add(phone, 'shape:b').click();
    await expect.poll(() => left(phone).textContent()).toBe('0');
    expect(await add(phone, 'shape:b').isDisabled()).toBe(true);

    // A walk-in on the shared participant link: hosts see one person there (Anna's devices are on her personal link).
    const walkIn = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await walkIn.open(board.links.participant, { name: 'Gość', city: 'Kraków' });
    await expect.poll(() => panel.getByTestId('shared-link-count').textContent()).toBe('Osoby uczestniczące z linku wspólnego: 1');

    await panel.getByRole('button', { name: 'Zakończ głosowanie' }).click();
    const result = (id: string) => host.page.locator(`.vote-result[data-note="${id}"]`);
    await result('shape:a').waitFor();
    expect(await result('shape:a').getAttribute('data-count')).toBe('2');
    expect(await result('shape:b').getAttribute('data-count')).toBe('1');

    // On the attendance list once, under the name the hosts wrote, present; Jan invited, not present.
    await panel.getByRole('button', { name: 'Notatka ze spotkania…' }).click();
    const entries = host.page.locator('.attendance li');
    await expect.poll(() => entries.evaluateAll((items) => items.map((li) => `${(li.querySelector('input') as HTMLInputElement).value}:${li.getAttribute('data-present')}`).sort())).toEqual([
      'Anna Kowalska:true',
      'Gość:true',
      'Halina Dąbrowska:true',
      'Jan Nowak:false',
    ]);
    writer.destroy();
  });
});
