/**
 * What makes a big board quick in the browser, seen in real Chromium: a participant's page never
 * fetches the hosts' code, nor formats other than its board's, while a host's page still gets its
 * panel (and, should that code not arrive, a notice and a working board); the shapes in view are put on
 * the page before the ones out of view, which follow on their own; and the note whose label is
 * measured only on demand, and whose fonts are read without the text editor, has tldraw's own
 * bounds, label and fonts.
 */
import { describe, expect, it } from 'vitest';
import type { Editor, TLShapeId } from 'tldraw';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { assetPath, clientChunks } from '../helpers/chunks';
import { connectStockClient } from '../helpers/clients';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';
import { noteRecord, PAGE_ID } from '../helpers/records';
import { createBoard } from '../helpers/server';

declare global {
  interface Window {
    editor: Editor;
    /** Set when the near note first reaches the page: whether the far one was there already. */
    farAtFirstPaint?: boolean;
  }
}

const EWA = { name: 'Ewa Zielińska', city: 'Gdynia' };
const HOST = { name: 'Halina Dąbrowska', city: 'ZMP' };

describe('a big board, quick in the browser', () => {
  const e2e = useServerAndBrowser();

  it("a participant's page fetches none of the hosts' code and of the formats only its board's; a host's page fetches the hosts' code and shows the panel, under the same CSP", async () => {
    const board = await createBoard(e2e.server.url, { title: 'Podział kodu', formatId: 'solutions', locale: 'pl' });
    const chunks = clientChunks();
    expect(chunks.hostOnly.size).toBeGreaterThan(0);
    // The build's map of chunks stays on the server's disk.
    expect((await fetch(`${e2e.server.url}/.vite/manifest.json`)).status).toBe(404);

    const participant = await trackedContext(e2e.browser);
    const ewa = new BoardPageObject(await participant.context.newPage());
    const cspErrors: string[] = [];
    ewa.page.on('console', (m) => void (m.text().includes('Content Security Policy') && cspErrors.push(m.text())));
    await ewa.open(board.links.participant, EWA);
    // The board's tools are up (where a host's panel would be), and nothing is still loading.
    await ewa.page.locator('.people-popover').waitFor();
    await ewa.page.waitForLoadState('networkidle');
    const participantFiles = participant.urls.filter((u) => u.includes('/assets/') && u.endsWith('.js')).map(assetPath);
    expect(participantFiles.length).toBeGreaterThan(0);
    expect(participantFiles.filter((f) => chunks.hostOnly.has(f))).toEqual([]);
    // For the step banner, the board's own format and no other.
    const formatFiles = new Set(chunks.formats.values());
    expect(participantFiles.filter((f) => formatFiles.has(f))).toEqual([chunks.formats.get('solutions')]);

    const hosting = await trackedContext(e2e.browser);
    const host = new BoardPageObject(await hosting.context.newPage());
    host.page.on('console', (m) => void (m.text().includes('Content Security Policy') && cspErrors.push(m.text())));
    await host.open(board.links.facilitator, HOST);
    await hostPanel(host).getByRole('heading', { name: 'Kroki' }).waitFor();
    const hostFiles = hosting.urls.filter((u) => u.includes('/assets/') && u.endsWith('.js')).map(assetPath);
    expect(hostFiles.filter((f) => chunks.hostOnly.has(f)).length).toBeGreaterThan(0);
    expect(cspErrors).toEqual([]);
    await participant.context.close();
    await hosting.context.close();
  });

  it("a host whose panel's code does not arrive is told so, and the board still works", async () => {
    const board = await createBoard(e2e.server.url, { title: 'Bez panelu' });
    const { context } = await trackedContext(e2e.browser);
    await context.route('**/assets/HostPanel-*.js', (route) => route.abort());
    const host = new BoardPageObject(await context.newPage());
    await host.open(board.links.facilitator, HOST);
    await hostPanel(host).getByRole('alert').filter({ hasText: 'Nie udało się wczytać panelu osób prowadzących' }).waitFor();
    await host.addNote('Tablica działa bez panelu');
    await host.noteWithText('Tablica działa bez panelu').waitFor({ state: 'visible' });
    await context.close();
  });

  it('the notes in view are on the page first; the ones out of view follow without anyone panning', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Daleko i blisko' });
    const writer = connectStockClient(e2e.server.url, board.id, board.tokens.facilitator);
    await writer.synced();
    writer.doc.transact(() => {
      writer.records.set('shape:near', noteRecord('shape:near', 'Blisko', { parentId: PAGE_ID, x: 200, y: 200 }));
      writer.records.set('shape:far', noteRecord('shape:far', 'Daleko', { parentId: PAGE_ID, x: 40_000, y: 40_000 }));
    });
    const { context } = await trackedContext(e2e.browser);
    // Watches the page from its first script: when the near note arrives, is the far one there?
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-shape-id="shape:near"]')) return;
        window.farAtFirstPaint = document.querySelector('[data-shape-id="shape:far"]') !== null;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const ewa = new BoardPageObject(await context.newPage());
    await ewa.open(board.links.participant, EWA);
    await ewa.noteWithText('Blisko').waitFor({ state: 'visible' });
    expect(await ewa.page.evaluate(() => window.farAtFirstPaint)).toBe(false);
    await ewa.noteWithText('Daleko').waitFor({ state: 'attached', timeout: 10_000 });
    // Panning there shows it, text and all.
    await ewa.page.evaluate(() => {
      window.editor.zoomToBounds(window.editor.getShapePageBounds('shape:far' as TLShapeId)!, { inset: 48 });
    });
    await ewa.noteWithText('Daleko').waitFor({ state: 'visible' });
    writer.destroy();
    await context.close();
  });

  it("a note's bounds, label, hit tests, plain text and fonts are tldraw's own, long text and all", async () => {
    const board = await createBoard(e2e.server.url, { title: 'Etykiety' });
    const ewa = await e2e.person(board.links.participant, EWA);
    await ewa.addNote('Krótko');
    await ewa.addNote('Dłuższa notatka, która nie mieści się w jednym wierszu, więc kartka rośnie w dół, żeby pomieścić cały tekst uczestnika', { x: 800, y: 350 });
    await expect.poll(() => ewa.page.evaluate(() => window.editor.getCurrentPageShapes().filter((s) => s.type === 'note').length)).toBe(2);
    // No named helpers inside: the page has none of the test loader's wrappers for them.
    const compared = await ewa.page.evaluate(() => {
      const editor = window.editor;
      return editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'note')
        .map((shape) => {
          const util = editor.getShapeUtil(shape);
          // tldraw's own note util is the one ours extends.
          type Box = { x: number; y: number; w: number; h: number; midX: number; midY: number };
          type Group = { bounds: Box; children: { isLabel: boolean; bounds: Box }[] };
          const stock = Object.getPrototypeOf(Object.getPrototypeOf(util)).getGeometry.call(util, shape) as Group;
          const ours = editor.getShapeGeometry(shape) as unknown as Group;
          const [ourLabel, stockLabel] = [ours, stock].map((g) => g.children.find((c) => c.isLabel)!.bounds);
          const inLabel = editor.getShapePageTransform(shape.id).applyToPoint({ x: ourLabel!.midX, y: ourLabel!.midY });
          return {
            grown: (shape.props as { growY: number }).growY > 0,
            bounds: [ours.bounds, stock.bounds].map((b) => [b.x, b.y, b.w, b.h].map((n) => Math.round(n * 100) / 100)),
            labels: [ourLabel!, stockLabel!].map((b) => [b.x, b.y, b.w, b.h].map((n) => Math.round(n * 100) / 100)),
            hitByLabel: editor.getShapeAtPoint(inLabel, { hitLabels: true })?.id === shape.id,
          };
        });
    });
    expect(compared.some((c) => c.grown)).toBe(true);
    // The plain text read directly is what tldraw's own reading gives, and mixed content goes to tldraw.
    const texts = await ewa.page.evaluate(() => {
      const editor = window.editor;
      const note = editor.getCurrentPageShapes().find((s) => s.type === 'note')!;
      const util = editor.getShapeUtil(note);
      const stockUtil = Object.getPrototypeOf(Object.getPrototypeOf(util));
      const text = (t: string) => ({ type: 'text', text: t });
      const docs = [
        [{ type: 'paragraph' }],
        [{ type: 'paragraph', content: [text('Jeden')] }],
        [{ type: 'paragraph', content: [text('Pierwszy')] }, { type: 'paragraph' }, { type: 'paragraph', content: [text('trzeci '), { ...text('pogrubiony'), marks: [{ type: 'bold' }] }] }],
        [{ type: 'paragraph', content: [text('Lista:')] }, { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('punkt')] }] }] }],
        [{ type: 'paragraph', content: [text('Wiersz'), { type: 'hardBreak' }, text('drugi')] }],
      ];
      return docs.map((content) => {
        const shape = { ...note, props: { ...note.props, richText: { type: 'doc', content } } };
        // The font faces are tldraw's own objects (its font manager keys on them), in the same order.
        const [ourFaces, stockFaces] = [util.getFontFaces(shape), stockUtil.getFontFaces.call(util, shape)];
        const sameFaces = ourFaces.length === stockFaces.length && ourFaces.every((face: unknown, i: number) => face === stockFaces[i]);
        return { text: [util.getText(shape), stockUtil.getText.call(util, shape)], faces: stockFaces.length, sameFaces };
      });
    });
    for (const { text } of texts) expect(text[0]).toBe(text[1]);
    for (const { sameFaces } of texts) expect(sameFaces).toBe(true);
    // Empty, plain and marked notes among them: no faces, the regular one, and a bold one beside it.
    expect(texts.map((t) => t.faces)).toEqual([0, 1, 2, 1, 1]);
    for (const c of compared) {
      expect(c.bounds[0]).toEqual(c.bounds[1]);
      expect(c.labels[0]).toEqual(c.labels[1]);
      expect(c.hitByLabel).toBe(true);
    }
  });
});
