/**
 * Agreed actions in real Chromium: a date from the date picker, kept as an ISO date and shown the
 * Polish way; the note lands in the step's "Działania" area; the panel lists the actions and edits
 * one; the participant and the summary note read the edited action.
 */
import { describe, expect, it } from 'vitest';
import { stepAreaId } from '../../shared/formats/layout';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

describe('agreed actions', () => {
  const e2e = useServerAndBrowser();

  it('go into the actions area with a Polish date, and are listed and edited in the panel', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Działania', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const participant = await e2e.person(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.7 / }).click();
    const current = panel.locator('.step-card.current');
    await current.getByLabel('Co').fill('Zebrać przykłady regulaminów');
    await current.getByLabel('Kto').fill('Starachowice');
    const due = current.getByLabel('Do kiedy');
    expect(await due.getAttribute('type')).toBe('date');
    await due.fill('2027-01-15');
    await current.getByRole('button', { name: 'Dodaj działanie do bieżącego kroku' }).click();

    await participant.noteWithText('Zebrać przykłady regulaminów — Starachowice — 15 stycznia 2027 r.').waitFor({ timeout: 5000 });
    const areaId: string = stepAreaId('solutions', '2.7', 'actions');
    const placed = await host.page.evaluate((areaId: string) => {
      type Box = { minX: number; minY: number; maxX: number; maxY: number };
      type Shape = { id: string; meta: Record<string, unknown> };
      const editor = (window as unknown as { editor: { getCurrentPageShapes(): Shape[]; getShapePageBounds(id: string): Box } }).editor;
      const note = editor.getCurrentPageShapes().find((s) => s.meta.action)!;
      const area = editor.getShapePageBounds(areaId);
      const box = editor.getShapePageBounds(note.id);
      return JSON.stringify({ action: note.meta.action, inside: box.minX >= area.minX && box.maxX <= area.maxX && box.minY >= area.minY && box.maxY <= area.maxY });
    }, areaId);
    expect(JSON.parse(placed)).toEqual({ action: { what: 'Zebrać przykłady regulaminów', who: 'Starachowice', due: '2027-01-15' }, inside: true });

    const list = panel.getByRole('region', { name: /^Działania na tablicy/ });
    await list.getByText('15 stycznia 2027 r.').waitFor();
    await list.getByRole('button', { name: 'Zmień: Zebrać przykłady regulaminów' }).click();
    const editor = list.getByRole('form', { name: 'Zmień 1' });
    expect(await editor.getByLabel('Do kiedy').inputValue()).toBe('2027-01-15');
    await editor.getByLabel('Kto').fill('Kielce');
    await editor.getByLabel('Do kiedy').fill('2027-02-01');
    await editor.getByRole('button', { name: 'Zapisz' }).click();

    await participant.noteWithText('Zebrać przykłady regulaminów — Kielce — 1 lutego 2027 r.').waitFor({ timeout: 5000 });
    await expect
      .poll(async () => (await fetch(`${e2e.server.url}/api/boards/${board.id}/summary.md?token=${board.tokens.facilitator}`)).text(), { timeout: 5000 })
      .toContain('| Zebrać przykłady regulaminów | Kielce | 1 lutego 2027 r. |');
  });
});
