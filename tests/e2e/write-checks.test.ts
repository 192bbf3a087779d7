/**
 * Writes checked before they enter the board, seen in real Chromium: a participant's refused change
 * is taken back on their screen with a notice in Polish while nobody else ever loses anything (an
 * edit kept offline too, refused as the page opens again, before the canvas's code is there); a
 * participant's browser does not let them pick up a step's template or an agreed note, nor delete
 * many shapes at once, nor touch pages; a host puts a deleted note back from the bin ("Kosz").
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Editor, TLShapeId } from 'tldraw';
import { BoardPageObject } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';

const HOST = { name: 'Halina Dąbrowska', city: 'ZMP' };
const EWA = { name: 'Ewa Zielińska', city: 'Gdynia' };
const JAN = { name: 'Jan Kowalski', city: 'Cieszyn' };

declare global {
  interface Window {
    editor: Editor;
    /** Set by `watchForLoss` when the watched shape ever leaves this screen. */
    lostShapes?: string[];
  }
}

/**
 * A point on the screen inside a step's frame where the frame is all there is (or, with
 * `overArea`, the frame and its locked area) and none of our UI covers the canvas.
 */
async function pointInStep(page: Page, stepId: string, overArea: boolean): Promise<{ x: number; y: number; frameId: string }> {
  const found = await page.evaluate(
    ({ stepId, overArea }) => {
      const editor = window.editor;
      const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && s.meta.stepId === stepId);
      const bounds = frame && editor.getShapePageBounds(frame.id);
      if (!frame || !bounds) return null;
      for (let fy = 0.3; fy < 0.99; fy += 0.02) {
        for (let fx = 0.3; fx < 0.9; fx += 0.05) {
          const point = { x: bounds.minX + bounds.w * fx, y: bounds.minY + bounds.h * fy };
          const others = editor.getShapesAtPoint(point, { hitInside: true, margin: 24 }).filter((s) => s.id !== frame.id);
          const fits = overArea ? others.length > 0 && others.every((s) => s.meta.part === 'area') : others.length === 0;
          if (!fits) continue;
          const screen = editor.pageToScreen(point);
          if (!document.elementFromPoint(screen.x, screen.y)?.closest('.tl-canvas')) continue;
          return { x: screen.x, y: screen.y, frameId: frame.id as string };
        }
      }
      return null;
    },
    { stepId, overArea },
  );
  if (!found) throw new Error(`no free point in step ${stepId}`);
  return found;
}

/** A shape's id as a plain string (tldraw's branded id type is too deep for page.evaluate's typing). */
async function shapeIdOf(person: BoardPageObject, text: string): Promise<string> {
  const id = await person.noteWithText(text).first().getAttribute('data-shape-id');
  if (!id) throw new Error('the note has no shape id');
  return id;
}

/** Records on this screen whether any of these shapes is ever removed from the store. */
async function watchForLoss(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((ids) => {
    window.lostShapes = [];
    window.editor.store.listen(({ changes }) => {
      for (const id of ids) if (id in changes.removed) window.lostShapes!.push(id);
    });
  }, ids);
}

const lost = (page: Page) => page.evaluate(() => window.lostShapes);
const selectedIds = (page: Page) => page.evaluate(() => window.editor.getSelectedShapeIds());
const notice = (page: Page, text: string) => page.locator('.write-notice[role="status"]').getByText(text);

describe('writes checked before they enter the board', () => {
  const e2e = useServerAndBrowser();

  it('a participant’s refused delete of an agreed note: a notice, the note back on their screen, never gone from anyone else’s; private notes, camera and presence survive', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Uzgodnienia', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, HOST);
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.2 / }).click();
    const ewa = await e2e.person(board.links.participant, EWA);
    const jan = await e2e.person(board.links.participant, JAN);
    await ewa.page.locator('.step-banner[data-step="2.2"]').waitFor();
    await ewa.page.waitForTimeout(500);

    const agreedText = 'Wspólny kalendarz naborów';
    const spot = await pointInStep(ewa.page, '2.2', true);
    await ewa.addNote(agreedText, spot);
    const noteId = await shapeIdOf(ewa, agreedText);
    await jan.noteWithText(agreedText).waitFor({ state: 'attached', timeout: 5000 });
    await host.page.evaluate((id) => void window.editor.select(id as TLShapeId), noteId);
    await panel.getByRole('button', { name: 'Oznacz jako uzgodnione' }).click();
    await ewa.page.locator(`.flag-agreed[data-shape="${noteId}"]`).waitFor({ timeout: 5000 });

    // A note Ewa holds privately must stay hers through the reset.
    await panel.getByRole('button', { name: 'Włącz dla bieżącego kroku' }).click();
    await ewa.page.getByText('Pisanie indywidualne:').waitFor();
    const privateText = 'Mój prywatny pomysł';
    await ewa.addNote(privateText, await pointInStep(ewa.page, '2.2', true));
    await ewa.page.locator('.flag-private').waitFor();

    await watchForLoss(jan.page, [noteId]);
    const cameraOf = (page: Page) => page.evaluate((): { x: number; y: number; z: number } => ({ ...window.editor.getCamera() }));
    const camera = await cameraOf(ewa.page);
    // Past the browser's own protection, as a modified client would: with tldraw's side effects off.
    await ewa.page.evaluate((id) => {
      const store = window.editor.store as unknown as { atomic(fn: () => void, runCallbacks: boolean): void; remove(ids: string[]): void };
      store.atomic(() => store.remove([id]), false);
    }, noteId);

    await notice(ewa.page, 'To, co grupa uzgodniła, mogą zmieniać tylko osoby prowadzące — przywrócono poprzedni stan.').waitFor({ timeout: 10_000 });
    await ewa.noteWithText(agreedText).waitFor({ state: 'attached', timeout: 10_000 });
    await ewa.page.locator(`.flag-agreed[data-shape="${noteId}"]`).waitFor({ timeout: 5000 });
    await ewa.noteWithText(privateText).waitFor({ state: 'attached' });
    await ewa.page.locator('.flag-private').waitFor();
    expect(await cameraOf(ewa.page)).toEqual(camera);
    await ewa.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 10_000 });
    await ewa.page.locator('.people-popover summary').click();
    await ewa.page.getByRole('heading', { name: 'Osoby obecne (3)' }).waitFor({ timeout: 10_000 });
    await panel.getByRole('heading', { name: 'Osoby obecne (3)' }).waitFor({ timeout: 10_000 });

    expect(await lost(jan.page)).toEqual([]);
    expect(await jan.noteWithText(agreedText).count()).toBe(1);
    expect(await jan.noteWithText(privateText).count()).toBe(0);

    // The fresh copy syncs both ways: the reveal sends the held note, a new note arrives.
    await panel.getByRole('button', { name: 'Odsłoń wszystkie karteczki' }).click();
    await jan.noteWithText(privateText).waitFor({ state: 'attached', timeout: 10_000 });
    const laterText = 'Napisane po powrocie';
    await ewa.addNote(laterText, await pointInStep(ewa.page, '2.2', true));
    await jan.noteWithText(laterText).waitFor({ state: 'attached', timeout: 5000 });

    // The refused copy was deleted from the browser too: a reload sends nothing that is refused again.
    await ewa.page.reload();
    await ewa.canvas().waitFor({ state: 'visible', timeout: 20_000 });
    await ewa.noteWithText(agreedText).waitFor({ state: 'attached', timeout: 5000 });
    await ewa.page.waitForTimeout(1500);
    expect(await ewa.page.locator('.write-notice p').count()).toBe(0);
    expect(await lost(jan.page)).toEqual([]);
  });

  it('an edit kept offline and refused when the page opens again is told and taken back, though the refusal comes before the canvas’s code', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Uzgodnienia offline', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, HOST);
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.2 / }).click();
    const ewa = await e2e.person(board.links.participant, EWA);
    await ewa.page.locator('.step-banner[data-step="2.2"]').waitFor();
    const agreedText = 'Uzgodnione przed wyjazdem';
    await ewa.addNote(agreedText, await pointInStep(ewa.page, '2.2', true));
    const noteId = await shapeIdOf(ewa, agreedText);
    await host.noteWithText(agreedText).waitFor({ state: 'attached', timeout: 5000 });
    await host.page.evaluate((id) => void window.editor.select(id as TLShapeId), noteId);
    await panel.getByRole('button', { name: 'Oznacz jako uzgodnione' }).click();
    await ewa.page.locator(`.flag-agreed[data-shape="${noteId}"]`).waitFor({ timeout: 5000 });
    await watchForLoss(host.page, [noteId]);

    // Offline, past the browser's own protection (side effects off): the delete stays in this browser's copy.
    const context = ewa.page.context();
    await context.setOffline(true);
    await ewa.page.locator('.connection[data-state="offline"]').waitFor({ timeout: 5000 });
    await ewa.page.evaluate((id) => {
      const store = window.editor.store as unknown as { atomic(fn: () => void, runCallbacks: boolean): void; remove(ids: string[]): void };
      store.atomic(() => store.remove([id]), false);
    }, noteId);
    await ewa.page.waitForTimeout(500);
    await ewa.page.close();

    // Back online; the canvas's code arrives late, so the server's refusal of the kept delete comes first.
    await context.setOffline(false);
    await context.route('**/assets/BoardCanvas-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    const again = new BoardPageObject(await context.newPage());
    // The stock provider logs a message it has no handler for: a refusal nobody was listening to yet.
    const unheard: string[] = [];
    again.page.on('console', (m) => void (m.text().includes('Unable to compute message') && unheard.push(m.text())));
    await again.open(board.links.participant, EWA);
    await notice(again.page, 'To, co grupa uzgodniła, mogą zmieniać tylko osoby prowadzące — przywrócono poprzedni stan.').waitFor({ timeout: 10_000 });
    await again.noteWithText(agreedText).waitFor({ state: 'attached', timeout: 10_000 });
    expect(unheard).toEqual([]);
    expect(await lost(host.page)).toEqual([]);
    await context.close();
  });

  it('a participant cannot select, drag or edit a step’s frame, its area or an agreed note, yet writes notes inside the step', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Szablon', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, HOST);
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.2 / }).click();
    const ewa = await e2e.person(board.links.participant, EWA);
    const crashes: string[] = [];
    ewa.page.on('pageerror', (error) => crashes.push(error.message));
    await ewa.page.locator('.step-banner[data-step="2.2"]').waitFor();
    await ewa.page.waitForTimeout(500);

    const empty = await pointInStep(ewa.page, '2.2', false);
    await ewa.page.mouse.click(empty.x, empty.y);
    expect(await selectedIds(ewa.page)).toEqual([]);
    const area = await pointInStep(ewa.page, '2.2', true);
    await ewa.page.mouse.click(area.x, area.y);
    expect(await selectedIds(ewa.page)).toEqual([]);

    // The frame's name is where tldraw picks a frame up; here it stays put.
    const frameAt = () => ewa.page.evaluate((id) => window.editor.getShapePageBounds(id as TLShapeId)?.toJson(), empty.frameId);
    const before = await frameAt();
    await ewa.page.evaluate((id) => {
      const bounds = window.editor.getShapePageBounds(id as TLShapeId)!;
      window.editor.centerOnPoint({ x: bounds.minX + 150, y: bounds.minY });
    }, empty.frameId);
    const heading = ewa.page.locator('.tl-frame-heading').filter({ hasText: '2.2' });
    await heading.click();
    expect(await selectedIds(ewa.page)).toEqual([]);
    const box = (await heading.boundingBox())!;
    await ewa.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await ewa.page.mouse.down();
    await ewa.page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2 + 120, { steps: 8 });
    await ewa.page.mouse.up();
    expect(await frameAt()).toEqual(before);
    await ewa.page.keyboard.press('Delete');
    expect(await ewa.page.evaluate((id) => window.editor.getShape(id as TLShapeId) !== undefined, empty.frameId)).toBe(true);

    // A note written over the step's area belongs to the step's frame, and the host has it.
    const text = 'Brak wspólnego kalendarza';
    await ewa.page.evaluate((id) => {
      window.editor.zoomToBounds(window.editor.getShapePageBounds(id as TLShapeId)!, { inset: 48 });
    }, empty.frameId);
    await ewa.addNote(text, await pointInStep(ewa.page, '2.2', true));
    const noteId = await shapeIdOf(ewa, text);
    expect(await ewa.page.evaluate((id) => window.editor.getShape(id as TLShapeId)?.parentId, noteId)).toBe(empty.frameId);
    await host.noteWithText(text).waitFor({ state: 'attached', timeout: 5000 });

    // Once the group agreed on it, Ewa can no longer pick it up, edit or delete it.
    await host.page.evaluate((id) => void window.editor.select(id as TLShapeId), noteId);
    await panel.getByRole('button', { name: 'Oznacz jako uzgodnione' }).click();
    await ewa.page.locator(`.flag-agreed[data-shape="${noteId}"]`).waitFor({ timeout: 5000 });
    await ewa.noteWithText(text).click();
    expect(await selectedIds(ewa.page)).toEqual([]);
    const shapeCount = () => ewa.page.evaluate(() => window.editor.getCurrentPageShapeIds().size);
    const shapesBefore = await shapeCount();
    await ewa.noteWithText(text).dblclick();
    expect(await ewa.page.evaluate(() => window.editor.getEditingShapeId())).not.toBe(noteId);
    // Nor does the double-click make a new note on top of it (it does on the step's free space).
    expect(await shapeCount()).toBe(shapesBefore);
    await ewa.page.keyboard.press('Escape');
    // Stopped in the browser itself: the note never leaves Ewa's screen, nothing is refused.
    await watchForLoss(ewa.page, [noteId]);
    await ewa.page.evaluate((id) => void window.editor.deleteShapes([id as TLShapeId]), noteId);
    await ewa.page.waitForTimeout(800);
    expect(await lost(ewa.page)).toEqual([]);
    expect(await ewa.page.locator('.write-notice p').count()).toBe(0);
    expect(await host.noteWithText(text).count()).toBe(1);
    expect(crashes).toEqual([]);
  });

  it('a participant deleting more than five shapes at once is stopped in the browser; pages stay the hosts’', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Porządki' });
    const host = await e2e.person(board.links.facilitator, HOST);
    const ewa = await e2e.person(board.links.participant, EWA);
    const jan = await e2e.person(board.links.participant, JAN);
    await host.page.getByTestId('page-menu.button').waitFor();
    await ewa.page.getByTestId('tools.select').waitFor();
    expect(await ewa.page.getByTestId('page-menu.button').count()).toBe(0);

    const ids = await ewa.page.evaluate(() => {
      const editor = window.editor;
      const center = editor.getViewportPageBounds().center;
      const made = Array.from({ length: 6 }, (_, i) => `shape:porzadki-${i}`);
      editor.createShapes(made.map((id, i) => ({ id: id as TLShapeId, type: 'note', x: center.x - 330 + (i % 3) * 220, y: center.y - 220 + Math.floor(i / 3) * 220 })));
      return made;
    });
    await expect.poll(() => jan.page.evaluate((ids) => ids.filter((id) => window.editor.getShape(id as TLShapeId)).length, ids), { timeout: 5000 }).toBe(6);
    await watchForLoss(jan.page, ids);

    await ewa.page.evaluate((ids) => void window.editor.select(...(ids as TLShapeId[])), ids);
    await ewa.page.keyboard.press('Delete');
    await notice(ewa.page, 'Naraz możesz usunąć najwyżej 5 elementów').waitFor({ timeout: 5000 });
    await expect.poll(() => ewa.page.evaluate((ids) => ids.filter((id) => window.editor.getShape(id as TLShapeId)).length, ids)).toBe(6);
    await jan.page.waitForTimeout(800);
    expect(await lost(jan.page)).toEqual([]);

    // Two at once is the participant's own business.
    await ewa.page.evaluate((ids) => void window.editor.deleteShapes(ids.slice(0, 2) as TLShapeId[]), ids);
    await expect.poll(() => jan.page.evaluate((ids) => ids.filter((id) => window.editor.getShape(id as TLShapeId)).length, ids), { timeout: 5000 }).toBe(4);

    await ewa.page.evaluate(() => void window.editor.createPage({ name: 'Moja strona' }));
    await notice(ewa.page, 'Strony tablicy dodają, nazywają i usuwają tylko osoby prowadzące').waitFor({ timeout: 5000 });
    await expect.poll(() => ewa.page.evaluate(() => window.editor.getPages().length)).toBe(1);
    await jan.page.waitForTimeout(500);
    expect(await jan.page.evaluate(() => window.editor.getPages().length)).toBe(1);
  });

  it('when the server’s tldraw schema is not this page’s, the board says so, offers a reload and stays read-only', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Aktualizacja' });
    const ewa = await e2e.person(board.links.participant, EWA);
    const text = 'Zapisane przed aktualizacją';
    await ewa.addNote(text);
    const room = [...e2e.server.rooms.rooms()].find((r) => r.boardId === board.id && r.kind === 'canvas')!;
    await expect.poll(() => JSON.stringify(room.doc.getArray('tldraw').toJSON())).toContain(text);

    // As after an upgrade of the server: its pinned schema moves on while this page is open.
    const meta = room.doc.getMap<{ sequences: Record<string, number> }>('meta');
    const schema = meta.get('schema')!;
    meta.set('schema', { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': schema.sequences['com.tldraw.shape.note']! + 1 } });
    const banner = ewa.page.getByRole('alert').filter({ hasText: 'Tablica została zaktualizowana — odśwież stronę' });
    await banner.waitFor({ timeout: 5000 });
    await banner.getByRole('button', { name: 'Odśwież stronę' }).waitFor();
    expect(await ewa.page.evaluate(() => window.editor.getIsReadonly())).toBe(true);
    const before = JSON.stringify(room.doc.getArray('tldraw').toJSON());
    await ewa.page.evaluate(() => window.editor.store.put([{ ...window.editor.getCurrentPageShapes()[0]!, x: 4321 }]));
    await ewa.page.waitForTimeout(800);
    expect(JSON.stringify(room.doc.getArray('tldraw').toJSON())).toBe(before);

    // Whoever opens the board now sees it read-only from the start, the notes still on screen.
    const jan = await e2e.person(board.links.participant, JAN);
    await jan.page.getByRole('alert').filter({ hasText: 'Tablica została zaktualizowana' }).waitFor({ timeout: 5000 });
    expect(await jan.page.evaluate(() => window.editor.getIsReadonly())).toBe(true);
  });

  it('a host deletes a note, finds it in the bin and puts it back; it is back on a participant’s screen', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Kosz' });
    const ewa = await e2e.person(board.links.participant, EWA);
    // bypassCSP lets the axe-core script in; every other page keeps our CSP.
    const host = await e2e.person(board.links.facilitator, HOST, { bypassCSP: true });
    const text = 'Do przywrócenia z kosza';
    await ewa.addNote(text);
    const noteId = await shapeIdOf(ewa, text);
    await host.noteWithText(text).waitFor({ state: 'attached', timeout: 5000 });

    await host.page.evaluate((id) => void window.editor.deleteShapes([id as TLShapeId]), noteId);
    await expect.poll(() => ewa.noteWithText(text).count(), { timeout: 5000 }).toBe(0);

    const panel = hostPanel(host);
    await panel.getByRole('button', { name: 'Kosz…' }).click();
    const dialog = host.page.getByRole('dialog', { name: 'Kosz — usunięte z tablicy' });
    await dialog.getByText('Kosz jest przechowywany tylko w pamięci serwera').waitFor();
    const item = dialog.getByRole('listitem').filter({ hasText: text });
    await item.waitFor({ timeout: 5000 });
    expect(await item.textContent()).toContain('Karteczka');
    expect(await seriousViolations(host.page, ['.bin-dialog'])).toEqual([]);

    await item.getByRole('button', { name: 'Przywróć' }).click();
    await ewa.noteWithText(text).waitFor({ state: 'attached', timeout: 5000 });
    await dialog.getByText('Kosz jest pusty.').waitFor({ timeout: 5000 });
    await dialog.getByRole('status').getByText('Przywrócono na tablicę.').waitFor();
  });
});
