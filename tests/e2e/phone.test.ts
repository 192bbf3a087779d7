/**
 * Phone-first participants, at 375×812 and 360×640 with touch: from the board's short URL to a
 * first note on another participant's screen in at most three taps plus typing (the time is
 * printed here; `npm run bench:phone` measures it); the phone's toolbar, folded banner and "+
 * Karteczka" cover none of the canvas controls; voting is a list; a summon fits the host's view;
 * axe finds nothing serious; a board of 2,000 notes still takes a new note.
 */
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { BoardPageObject, trackedContext } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { hostPanel, useServerAndBrowser } from '../helpers/e2e';
import { overlap, PHONES, PhonePage, setSessionAsHost } from '../helpers/phone';
import { connectStockClient } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { DEFAULT_PAGE_ID, stepFrameId } from '../../shared/formats/layout';

const STEP = '2.3';

describe('phone-first participants', () => {
  const e2e = useServerAndBrowser();

  for (const viewport of PHONES) {
    it(`${viewport.width}×${viewport.height}: from the short URL to a note on another screen in three taps at most, covering no control`, async () => {
      const board = await createBoard(e2e.server.url, { title: 'Sieć Przedsiębiorczość — spotkanie nr 3', formatId: 'solutions', locale: 'pl' });
      await setSessionAsHost(e2e.server.url, board.id, board.tokens.facilitator, 'currentStepId', STEP);
      const witness = await e2e.person(board.links.participant, { name: 'Jan Nowak', city: 'Płock' });
      const phone = await PhonePage.open(e2e.browser, viewport, { bypassCSP: true });
      const text = `Brak danych o firmach ${viewport.width}`;

      const started = performance.now();
      await phone.joinAndWrite(board.join!.link, 'Ewa Zielińska', text);
      await witness.noteWithText(text).waitFor({ timeout: 10_000 });
      const ms = Math.round(performance.now() - started);
      console.log(`phone ${viewport.width}×${viewport.height}: short URL → first note on another screen in ${ms} ms, ${phone.taps} taps plus typing`);
      expect(phone.taps).toBeLessThanOrEqual(3);

      // The note went into the current step's frame, where the phone is looking.
      const note = await phone.page.evaluate(() => {
        const editor = (window as unknown as { editor: import('tldraw').Editor }).editor;
        const shape = editor.getCurrentPageShapes().find((s) => s.type === 'note' && editor.getSelectedShapeIds().includes(s.id))!;
        const bounds = editor.getShapePageBounds(shape.id)!;
        return { parentId: shape.parentId, inView: editor.getViewportPageBounds().contains(bounds) };
      });
      expect(note.parentId).toBe(stepFrameId('solutions', STEP));
      expect(note.inView).toBe(true);
      await phone.page.keyboard.press('Escape');
      await expect.poll(() => phone.page.title(), { timeout: 10_000 }).toBe('Sieć Przedsiębiorczość — spotkanie nr 3 — Tablica');

      // The toolbar: note, select, hand; the drawing tools behind "more".
      for (const tool of ['note', 'select', 'hand']) await phone.page.getByTestId(`tools.${tool}`).waitFor();
      expect(await phone.page.getByTestId('tools.note').getAttribute('aria-label')).toMatch(/^Karteczka/);
      expect(await phone.page.getByTestId('tools.draw').count()).toBe(0);
      await phone.page.getByTestId('tools.tablica-more-tools').tap();
      await phone.page.getByTestId('tools.draw').waitFor();
      await phone.page.getByTestId('tools.tablica-more-tools').tap();

      // Nothing of ours covers tldraw's controls, nor each other.
      const ours = ['.connection', '.add-note', '.people-popover', '.step-banner'];
      const theirs = ['[data-testid="quick-actions.undo"]', '[data-testid="quick-actions.redo"]', '.tlui-toolbar__tools', '[data-testid="main-menu.button"]'];
      for (const a of ours) {
        for (const b of [...theirs, ...ours.filter((o) => o !== a)]) expect(overlap(await phone.box(a), await phone.box(b)), `${a} over ${b}`).toBe(false);
      }
      // The banner is one line on a phone.
      expect((await phone.box('.step-banner')).height).toBeLessThan(60);
      expect(await seriousViolations(phone.page, ['.add-note', '.step-banner', '.people-popover', '.connection'])).toEqual([]);
    });
  }

  it('the join screen passes axe and remembers name and city on the device', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Spotkanie w Płocku', formatId: 'solutions', locale: 'pl' });
    const phone = await PhonePage.open(e2e.browser, PHONES[1], { bypassCSP: true });
    await phone.page.goto(board.join!.link);
    // The join screen names the meeting: its title and date (hosts once the hosts give them).
    await phone.page.getByTestId('join-meeting').getByText('Spotkanie w Płocku').waitFor();
    expect(await phone.page.getByTestId('join-meeting').textContent()).toMatch(/Data: \d{1,2} \p{L}+ \d{4} r\./u);
    expect(await phone.page.title()).toBe('Spotkanie w Płocku — Tablica');
    expect(await seriousViolations(phone.page, ['main'])).toEqual([]);
    // The tab icon is Tablica's own, under its old name too (no 404 in the console).
    expect(await phone.page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
    const icon = await phone.page.request.get(`${e2e.server.url}/favicon.ico`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    await phone.page.getByLabel('Imię i nazwisko').fill('Ewa Zielińska');
    await phone.page.getByLabel('Miasto lub organizacja').fill('Gdynia');
    await phone.page.getByRole('button', { name: 'Dołącz' }).tap();
    await phone.addNoteButton().waitFor();
    expect(await phone.page.evaluate(() => JSON.parse(localStorage.getItem('tablica.person') ?? '{}'))).toMatchObject({ name: 'Ewa Zielińska', city: 'Gdynia' });
  });

  it('the projector view and the hosts’ QR dialog show the code and a QR code of version 4 or less', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Spotkanie w sali', formatId: 'solutions', locale: 'pl' });
    const hash = board.links.participant.indexOf('#');
    const projector = await (await trackedContext(e2e.browser, { viewport: { width: 1920, height: 1080 } })).context.newPage();
    await projector.goto(`${board.links.participant.slice(0, hash)}?view=projector${board.links.participant.slice(hash)}`);
    const shown = projector.locator('.projector-join');
    await shown.getByTestId('join-code').waitFor();
    expect(await shown.getByTestId('join-code').textContent()).toBe(board.join!.code);
    expect(await shown.locator('.qr-link').textContent()).toBe(board.join!.link);
    // qrcode draws one unit per module plus a margin of 2 on each side: version 4 is 33 modules.
    const viewBox = (await shown.locator('svg').getAttribute('viewBox'))!.split(' ').map(Number);
    expect(viewBox[2]).toBeLessThanOrEqual(33 + 4);
    await expect.poll(() => projector.title(), { timeout: 10_000 }).toBe('Spotkanie w sali — rzutnik — Tablica');

    const host = await e2e.person(board.links.facilitator, { name: 'Anna Host', city: 'ZMP' });
    await expect.poll(() => host.page.title(), { timeout: 10_000 }).toBe('Spotkanie w sali — prowadzenie — Tablica');
    await hostPanel(host).getByRole('button', { name: 'Kod QR dla osób uczestniczących' }).click();
    const dialog = host.page.getByRole('dialog', { name: 'Zeskanuj, aby dołączyć do tablicy' });
    expect(await dialog.getByTestId('join-code').textContent()).toBe(board.join!.code);
    expect(await dialog.locator('.qr-link').textContent()).toBe(board.join!.link);
  });

  it('is offered on a desktop too: switched on under “Osoby obecne”, remembered on the device', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Na komputerze', formatId: 'solutions', locale: 'pl' });
    const desk = await e2e.person(board.links.participant, { name: 'Jan Nowak', city: 'Płock' });
    const add = desk.page.getByRole('button', { name: '+ Karteczka — dodaj w bieżącym kroku' });
    expect(await add.count()).toBe(0);
    await desk.page.locator('.people-popover summary').click();
    await desk.page.getByLabel('Widok na telefon').check();
    await add.waitFor();
    await desk.page.reload();
    await desk.canvas().waitFor();
    await add.waitFor();
  });

  it('votes on a list with + and −, sees the budget and the results, and can put an answered poll away', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Głosowanie z telefonu', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, { name: 'Anna Host', city: 'ZMP' });
    const panel = hostPanel(host);
    await panel.getByRole('button', { name: /^2\.3 / }).click();
    const phone = await PhonePage.open(e2e.browser, PHONES[0], { bypassCSP: true });
    await new BoardPageObject(phone.page).open(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    for (const text of ['Brak danych', 'Mało czasu']) {
      await phone.addNoteButton().tap();
      await phone.typing().waitFor();
      await phone.page.keyboard.type(text);
      await phone.page.keyboard.press('Escape');
      await host.noteWithText(text).waitFor({ state: 'attached' });
    }

    await panel.getByRole('button', { name: 'Rozpocznij głosowanie w bieżącym kroku' }).click();
    const list = phone.page.locator('.vote-sheet');
    await list.getByText('Brak danych').waitFor();
    await list.getByText('Mało czasu').waitFor();
    expect(await phone.page.locator('.vote-buttons').count()).toBe(0);
    await list.getByRole('button', { name: 'Oddaj głos: Brak danych' }).tap();
    await expect.poll(() => phone.page.getByTestId('votes-left').textContent(), { timeout: 10_000 }).toBe('2');
    await list.getByRole('button', { name: 'Oddaj głos: Brak danych' }).tap();
    await expect.poll(() => phone.page.getByTestId('votes-left').textContent(), { timeout: 10_000 }).toBe('1');
    await list.getByRole('button', { name: 'Cofnij głos: Brak danych' }).tap();
    await expect.poll(() => phone.page.getByTestId('votes-left').textContent(), { timeout: 10_000 }).toBe('2');
    expect(await seriousViolations(phone.page, ['.vote-sheet'])).toEqual([]);

    await panel.getByRole('button', { name: 'Zakończ głosowanie' }).click();
    const first = phone.page.locator('.vote-results-list li').first();
    await expect.poll(() => first.getAttribute('data-count'), { timeout: 10_000 }).toBe('1');
    expect(await first.textContent()).toContain('Brak danych');

    // A poll: answered, thanked, and the thanks can be put away.
    await panel.getByLabel('Pytanie').fill('Jak oceniasz spotkanie?');
    await panel.getByRole('button', { name: 'Zadaj pytanie' }).click();
    const card = phone.page.getByRole('region', { name: 'Ankieta' });
    await card.getByLabel('4').check();
    await card.getByRole('button', { name: 'Wyślij odpowiedź' }).tap();
    await card.getByText('Dziękujemy za odpowiedź.').waitFor();
    await card.getByRole('button', { name: 'Ukryj' }).tap();
    await card.waitFor({ state: 'detached' });
  });

  it('a summon fits the host’s whole view on the phone, and double-click in a step makes a note there', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Przywołanie', formatId: 'solutions', locale: 'pl' });
    const host = await e2e.person(board.links.facilitator, { name: 'Anna Host', city: 'ZMP' }, { viewport: { width: 1400, height: 900 } });
    const phone = await PhonePage.open(e2e.browser, PHONES[0]);
    await new BoardPageObject(phone.page).open(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    const frame: string = stepFrameId('solutions', STEP);
    const hostView = await host.page.evaluate((id) => {
      const editor = (window as unknown as { editor: import('tldraw').Editor }).editor;
      editor.zoomToBounds(editor.getShapePageBounds(id as import('tldraw').TLShapeId)!, { inset: 0 });
      const view = editor.getViewportPageBounds();
      return { x: view.x, y: view.y, w: view.w, h: view.h };
    }, frame) as { x: number; y: number; w: number; h: number };
    await hostPanel(host).getByRole('button', { name: 'Pokaż wszystkim mój widok' }).click();
    // The whole of the host's view is on the phone (a pixel's rounding aside).
    const fits = () =>
      phone.page.evaluate((view) => {
        const mine = (window as unknown as { editor: import('tldraw').Editor }).editor.getViewportPageBounds();
        return mine.minX <= view.x + 2 && mine.minY <= view.y + 2 && mine.maxX >= view.x + view.w - 2 && mine.maxY >= view.y + view.h - 2;
      }, hostView);
    await expect.poll(fits, { timeout: 10_000 }).toBe(true);

    // Double-click in the step's frame on a desktop: a note (not free text), inside the frame.
    const center = await host.page.evaluate((id) => {
      const editor = (window as unknown as { editor: import('tldraw').Editor }).editor;
      const b = editor.getShapePageBounds(id as import('tldraw').TLShapeId)!;
      const at = editor.pageToViewport({ x: b.midX, y: b.minY + b.h * 0.7 });
      return { x: at.x, y: at.y };
    }, frame) as { x: number; y: number };
    const before: string[] = await host.page.evaluate(() => (window as unknown as { editor: import('tldraw').Editor }).editor.getCurrentPageShapes().map((s) => String(s.id)));
    await host.page.mouse.dblclick(center.x, center.y);
    await host.page.locator('.tl-shape [contenteditable="true"]:focus').waitFor();
    await host.page.keyboard.type('Z dwukliku');
    await host.page.keyboard.press('Escape');
    const made = await host.page.evaluate((known) => {
      const editor = (window as unknown as { editor: import('tldraw').Editor }).editor;
      return editor
        .getCurrentPageShapes()
        .filter((s) => !known.includes(String(s.id)))
        .map((s) => ({ type: String(s.type), parentId: String(s.parentId) }));
    }, before) as { type: string; parentId: string }[];
    expect(made).toEqual([{ type: 'note', parentId: frame }]);
    await phone.page.locator('.tl-shape').filter({ hasText: 'Z dwukliku' }).waitFor({ state: 'attached' });
  });

  it('a summon fits the shared region on the phone even before the host’s presence reaches it', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Przywołanie bez obecności', formatId: 'solutions', locale: 'pl' });
    const phone = await PhonePage.open(e2e.browser, PHONES[1]);
    await new BoardPageObject(phone.page).open(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    await phone.page.waitForFunction((id) => !!(window as unknown as { editor?: import('tldraw').Editor }).editor?.getShapePageBounds(id as import('tldraw').TLShapeId), stepFrameId('solutions', STEP) as string);
    const region = await phone.page.evaluate((id) => {
      const b = (window as unknown as { editor: import('tldraw').Editor }).editor.getShapePageBounds(id as import('tldraw').TLShapeId)!;
      return { x: b.x, y: b.y, w: b.w, h: b.h };
    }, stepFrameId('solutions', STEP) as string) as { x: number; y: number; w: number; h: number };
    // A desktop host's camera on that region: 1,000 px of screen across it.
    const z = 1000 / region.w;
    await setSessionAsHost(e2e.server.url, board.id, board.tokens.facilitator, 'follow', { hostClientId: 1, pageId: 'page:page', camera: { x: -region.x, y: -region.y, z }, bounds: region, summonId: 'summon-1' });
    await expect
      .poll(
        () =>
          phone.page.evaluate((view) => {
            const mine = (window as unknown as { editor: import('tldraw').Editor }).editor.getViewportPageBounds();
            return mine.minX <= view.x + 2 && mine.minY <= view.y + 2 && mine.maxX >= view.x + view.w - 2 && mine.maxY >= view.y + view.h - 2;
          }, region),
        { timeout: 10_000 },
      )
      .toBe(true);
  });

  it('a board of 2,000 notes opens on the phone and still takes a note from + Karteczka', async () => {
    const board = await createBoard(e2e.server.url, { title: 'Duża tablica', formatId: 'solutions', locale: 'pl' });
    await setSessionAsHost(e2e.server.url, board.id, board.tokens.facilitator, 'currentStepId', STEP);
    const writer = connectStockClient(e2e.server.url, board.id, board.tokens.participant);
    await writer.synced();
    writer.doc.transact(() => {
      // Below the steps, so the step's own area stays free.
      for (let i = 0; i < 2000; i++) writer.records.set(`shape:big${i}`, noteRecord(`shape:big${i}`, `Notatka ${i}`, { parentId: DEFAULT_PAGE_ID, x: (i % 50) * 230, y: 4000 + Math.floor(i / 50) * 230 }));
    });
    const witness = connectStockClient(e2e.server.url, board.id, board.tokens.participant);
    await witness.synced();
    await expect.poll(() => witness.records.has('shape:big1999'), { timeout: 10_000 }).toBe(true);
    writer.destroy();

    const { context } = await trackedContext(e2e.browser, { viewport: PHONES[0], isMobile: true, hasTouch: true });
    const phone = new PhonePage(await context.newPage());
    await new BoardPageObject(phone.page).open(board.links.participant, { name: 'Ewa Zielińska', city: 'Gdynia' });
    await phone.addNoteButton().tap();
    await phone.typing().waitFor({ timeout: 20_000 });
    await phone.page.keyboard.type('Na dużej tablicy');
    await expect
      .poll(() => [...witness.records.map.values()].some((entry) => JSON.stringify((entry as { val: unknown }).val).includes('Na dużej tablicy')), { timeout: 20_000 })
      .toBe(true);
    witness.destroy();
    // Two thousand notes rendered in software on a phone's viewport: slow on a busy machine.
  }, 120_000);
});
