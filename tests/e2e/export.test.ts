/** After a short session the facilitator downloads the summary note (.docx and .md) from the dialog. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { stepFrameId } from '../../shared/formats/layout';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { connectStockClient } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('the export dialog', () => {
  const e2e = useServerAndBrowser();

  it('gives the facilitator the note with the agreed conclusion only, as .docx and .md', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Sieć Przedsiębiorczość', formatId: 'solutions', locale: 'pl' });
    const participant = new BoardPageObject(await (await trackedContext(e2e.browser)).context.newPage());
    await participant.open(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    const writer = connectStockClient(e2e.server.url, board.id, board.tokens.participant);
    await writer.synced();
    writer.records.set('shape:agree-me', noteRecord('shape:agree-me', 'Łącznicy ds. komunikacji w wydziałach', { parentId: stepFrameId('solutions', '2.6'), x: 60, y: 320 }));
    writer.records.set('shape:draft', noteRecord('shape:draft', 'Szkic, którego nie uzgodniono', { parentId: stepFrameId('solutions', '2.6'), x: 320, y: 320 }));

    // bypassCSP lets the axe-core script in; every other test keeps our CSP.
    const host = new BoardPageObject(await (await trackedContext(e2e.browser, { acceptDownloads: true, bypassCSP: true })).context.newPage());
    await host.open(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.6 / }).click();
    await host.noteWithText('Łącznicy ds. komunikacji w wydziałach').click();
    await panel.getByRole('button', { name: 'Oznacz jako uzgodnione' }).click();
    await host.page.locator('.flag-agreed[data-shape="shape:agree-me"]').waitFor();

    await panel.getByRole('button', { name: 'Notatka ze spotkania…' }).click();
    const dialog = host.page.getByRole('dialog', { name: 'Notatka podsumowująca spotkanie' });
    expect(await seriousViolations(host.page, ['.export-dialog'])).toEqual([]);
    // One button closes the dialog; ending the meeting is worded apart from it.
    expect(await dialog.getByRole('button', { name: /^Zamknij/ }).allTextContents()).toEqual(['Zamknij okno']);
    await dialog.getByRole('button', { name: 'Zakończ spotkanie' }).waitFor();
    await dialog.getByLabel('Miejsce').fill('Starachowice');
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    // Both people who joined are on the attendance list.
    await expect.poll(() => dialog.locator('.attendance input[aria-label="Miasto lub organizacja"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).sort())).toEqual(['Gdynia', 'ZMP']);
    await expect.poll(async () => (await dialog.locator('iframe.preview').getAttribute('srcdoc')) ?? '', { timeout: 5000 }).toContain('Starachowice');
    expect(await dialog.locator('iframe.preview').getAttribute('srcdoc')).toContain('Łącznicy ds. komunikacji w wydziałach');

    const [docx] = await Promise.all([host.page.waitForEvent('download'), dialog.getByRole('link', { name: 'Pobierz .docx' }).click()]);
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync((await docx.path())!)))['word/document.xml']!);
    expect(xml).toContain('Łącznicy ds. komunikacji w wydziałach');
    expect(xml).toContain('Ewa Zielińska');
    expect(xml).not.toContain('Szkic, którego nie uzgodniono');

    const [md] = await Promise.all([host.page.waitForEvent('download'), dialog.getByRole('link', { name: 'Pobierz .md' }).click()]);
    const text = fs.readFileSync((await md.path())!, 'utf8');
    expect(md.suggestedFilename()).toMatch(/\.md$/);
    expect(text).toContain('Łącznicy ds. komunikacji w wydziałach');
    expect(text).toContain('Starachowice');
    expect(text).not.toContain('Szkic');
    writer.destroy();
  });

  it('gives a host whose browser speaks English the note in the board’s language', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Sieć Mobilność', formatId: 'solutions', locale: 'pl' });
    const host = new BoardPageObject(await (await trackedContext(e2e.browser, { acceptDownloads: true, locale: 'en-GB' })).context.newPage());
    await host.open(board.links.facilitator, { name: 'Jan Kowalski', city: 'ZMP' });
    const panel = host.page.getByRole('complementary', { name: 'Host panel' });
    await panel.getByRole('button', { name: 'Meeting note…' }).click();
    const dialog = host.page.getByRole('dialog', { name: 'Meeting summary note' });
    const [md] = await Promise.all([host.page.waitForEvent('download'), dialog.getByRole('link', { name: 'Download .md' }).click()]);
    const text = fs.readFileSync((await md.path())!, 'utf8');
    expect(text).toContain('# Notatka podsumowująca spotkanie: Sieć Mobilność');
    expect(text).not.toContain('Meeting summary note');
    expect(md.suggestedFilename()).toMatch(/Notatka – Sieć Mobilność\.md$/);
  });
});
