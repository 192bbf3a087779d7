/**
 * Private writing that survives, in real Chromium: a note dropped just outside the frame is held
 * too; the banner is on top of everything (nothing covers it); leaving the page asks first; after
 * a reload the held notes are back, still private; the reveal publishes them once.
 */
import { describe, expect, it } from 'vitest';
import { connectStockClient } from '../helpers/clients';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

const INSIDE = 'Bariera w ramce 3K';
const OUTSIDE = 'Bariera obok ramki 9M';

describe('private writing that survives', () => {
  const e2e = useServerAndBrowser();

  it('holds notes near the frame, keeps them across a reload, warns before leaving, publishes them once', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Bariery', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, { name: 'Halina Dąbrowska', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.2 / }).click();
    await panel.getByRole('button', { name: 'Włącz dla bieżącego kroku' }).click();
    const author = await e2e.person(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    const witness = connectStockClient(e2e.server.url, board.id, board.tokens.participant);
    await witness.synced();
    const shared = () => JSON.stringify([...witness.records.map.values()]);

    // The banner: a status nothing covers.
    const banner = author.page.getByRole('status').filter({ hasText: 'Pisanie indywidualne:' });
    await banner.waitFor();
    const uncovered = await banner.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [0.1, 0.5, 0.9].every((f) => el.contains(document.elementFromPoint(box.left + box.width * f, box.top + box.height / 2)));
    });
    expect(uncovered).toBe(true);

    await author.addNote(INSIDE, { x: 640, y: 450 });
    // Just outside the frame's right edge, on the page.
    const outside = await author.page.evaluate(() => {
      type Box = { maxX: number; midY: number };
      const editor = (window as unknown as { editor: { getCurrentPageShapes(): { id: string; type: string; meta: Record<string, unknown> }[]; getShapePageBounds(id: string): Box; pageToViewport(p: { x: number; y: number }): { x: number; y: number } } }).editor;
      const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && s.meta.stepId === '2.2')!;
      const bounds = editor.getShapePageBounds(frame.id);
      return editor.pageToViewport({ x: bounds.maxX + 60, y: bounds.midY });
    });
    await author.addNote(OUTSIDE, { x: Math.min(outside.x, 1200), y: outside.y });
    await author.page.waitForTimeout(800);
    expect(await author.page.locator('.flag-private').count()).toBe(2);
    const parentOfOutside = await author.page.evaluate((text) => {
      const editor = (window as unknown as { editor: { getCurrentPageShapes(): { parentId: string; props: { richText?: unknown } }[] } }).editor;
      return editor.getCurrentPageShapes().find((s) => JSON.stringify(s.props.richText ?? '').includes(text))?.parentId ?? '';
    }, OUTSIDE);
    expect(parentOfOutside).toMatch(/^page:/);
    expect(shared()).not.toContain(INSIDE);
    expect(shared()).not.toContain(OUTSIDE);

    // Leaving asks first; after the reload the notes are back, still private.
    let asked = '';
    author.page.once('dialog', (dialog) => {
      asked = dialog.type();
      void dialog.accept();
    });
    await author.page.reload();
    await author.canvas().waitFor();
    expect(asked).toBe('beforeunload');
    await author.noteWithText(INSIDE).waitFor({ state: 'attached', timeout: 5000 });
    await author.noteWithText(OUTSIDE).waitFor({ state: 'attached' });
    await author.page.waitForTimeout(800);
    expect(shared()).not.toContain(INSIDE);

    await panel.getByRole('button', { name: 'Odsłoń wszystkie karteczki' }).click();
    await expect.poll(shared, { timeout: 5000 }).toContain(INSIDE);
    expect(shared()).toContain(OUTSIDE);
    // Published once: another reload brings no second copy, and asks nothing.
    author.page.once('dialog', (dialog) => {
      asked = `again: ${dialog.type()}`;
      void dialog.accept();
    });
    await author.page.reload();
    await author.canvas().waitFor();
    await author.noteWithText(INSIDE).waitFor({ state: 'attached', timeout: 5000 });
    await author.page.waitForTimeout(800);
    expect(await author.noteWithText(INSIDE).count()).toBe(1);
    expect(asked).toBe('beforeunload');
    witness.destroy();
  });
});
