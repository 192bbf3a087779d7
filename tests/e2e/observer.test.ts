/** An observer's browser shows the frames a host marked public, and nothing else. */
import { describe, expect, it } from 'vitest';
import { stepFrameId } from '../../shared/formats/layout';
import { getFormat } from '../../formats';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { connectStockClient } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { createBoard } from '../helpers/server';
import { useServerAndBrowser } from '../helpers/e2e';

describe('observers', () => {
  const e2e = useServerAndBrowser();

  it('see the notes of a frame the facilitator marks public, and none of the others', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Generowanie rozwiązań', formatId: 'solutions', locale: 'pl' });
    const writer = connectStockClient(e2e.server.url, board.id, board.tokens.participant);
    await writer.synced();
    writer.records.set('shape:n22', noteRecord('shape:n22', 'Bariera: długa akceptacja wpisów', { parentId: stepFrameId('solutions', '2.2'), x: 40, y: 300 }));
    writer.records.set('shape:n23', noteRecord('shape:n23', 'Grupa: obieg informacji', { parentId: stepFrameId('solutions', '2.3'), x: 40, y: 300 }));

    const observer = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await observer.open(board.links.observer);
    await observer.page.getByText('Widok dla osób obserwujących').waitFor();
    expect(await observer.noteWithText('Bariera: długa akceptacja wpisów').count()).toBe(0);

    const host = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await host.open(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    await host.noteWithText('Bariera: długa akceptacja wpisów').waitFor({ state: 'attached' });
    const title = getFormat('solutions').steps.find((s) => s.id === '2.2')!.title.pl;
    await host.canvas().click({ position: { x: 600, y: 600 }, force: true });
    await host.page.keyboard.press('Shift+1');
    await host.page.locator('.tl-frame-heading').filter({ hasText: `2.2 ${title}` }).click();
    await host.page.getByRole('button', { name: 'Pokaż osobom obserwującym' }).click();

    await observer.noteWithText('Bariera: długa akceptacja wpisów').waitFor({ state: 'attached', timeout: 5000 });
    // Public frames are marked for everyone.
    await host.page.locator(`.flag-public[data-shape="${stepFrameId('solutions', '2.2')}"]`).waitFor();
    expect(await observer.noteWithText('Grupa: obieg informacji').count()).toBe(0);
    writer.destroy();
  });
});
