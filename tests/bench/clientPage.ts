/**
 * What the client benchmark measures inside the page. The scripts are strings: the TypeScript
 * loader would otherwise wrap named functions in a helper the page does not have.
 *
 * "The notes in view painted": every note the editor does not cull (the ones in the viewport) is
 * on the page with its text, and the browser has painted a frame since — the figure is the start
 * of the next animation frame, in milliseconds since the navigation began (the page's own clock).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Installs the watcher before the page's own scripts run; `notes` is how many the board holds. */
export async function watchForNotesPainted(context: BrowserContext, notes: number): Promise<void> {
  await context.addInitScript(`(() => {
    window.__notesPainted = new Promise((resolve) => {
      const ready = () => {
        const editor = window.editor;
        if (!editor) return false;
        const all = editor.getCurrentPageShapes().filter((s) => s.type === 'note');
        if (all.length < ${notes}) return false;
        const culled = editor.getCulledShapes();
        const inView = all.filter((s) => !culled.has(s.id));
        if (inView.length === 0) return false;
        return inView.every((s) => {
          const label = document.querySelector('.tl-shape[data-shape-id="' + s.id + '"] .tl-note__container');
          return label !== null && label.textContent.length > 0;
        });
      };
      const check = () => {
        if (ready()) {
          const editor = window.editor;
          const inView = editor.getCurrentPageShapes().filter((s) => s.type === 'note' && !editor.getCulledShapes().has(s.id)).length;
          requestAnimationFrame(() => {
            performance.mark('tablica-notes-painted');
            resolve({ at: performance.now(), inView });
          });
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  })()`);
}

export interface Painted {
  /** Milliseconds from the start of the navigation. */
  at: number;
  /** How many notes were in view. */
  inView: number;
}

export async function notesPainted(page: Page): Promise<Painted> {
  return (await page.evaluate('window.__notesPainted')) as Painted;
}

/**
 * Taps the topmost note at the middle of the view and waits until it is selected and a frame has
 * been painted since: the board answers a touch. Milliseconds since the navigation began.
 */
export async function tapSelectsNote(page: Page): Promise<number> {
  const target = (await page.evaluate(`(() => {
    const editor = window.editor;
    const { w, h } = editor.getViewportScreenBounds();
    for (let fy = 0.5; fy < 0.95; fy += 0.05) {
      for (let fx = 0.3; fx < 0.8; fx += 0.05) {
        const x = w * fx, y = h * fy;
        const shape = document.elementFromPoint(x, y)?.closest('.tl-shape[data-shape-type="note"]');
        if (shape) return { x, y };
      }
    }
    return null;
  })()`)) as { x: number; y: number } | null;
  if (!target) throw new Error('no note under the middle of the view');
  await page.touchscreen.tap(target.x, target.y);
  return (await page.evaluate(`new Promise((resolve) => {
    const check = () => {
      const selected = window.editor.getSelectedShapes();
      if (selected.length === 1 && selected[0].type === 'note') requestAnimationFrame(() => resolve(performance.now()));
      else requestAnimationFrame(check);
    };
    check();
  })`)) as number;
}

/** Script URLs the context's pages request from here on. */
export function scriptRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(request.url());
  });
  return urls;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  tdur?: number;
}

/** Starts a trace of the page's tasks, for `mainThreadBusy`. */
export async function traceTasks(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
}

/**
 * The CPU time the page's main thread spent on tasks until the notes in view were painted (the
 * thread's own time, so other processes on a busy machine do not count, nor does the CPU
 * slow-down, which pauses the thread).
 */
export async function mainThreadBusy(browser: Browser): Promise<number> {
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const mark = traceEvents.find((e) => e.name === 'tablica-notes-painted');
  if (!mark) throw new Error('the trace holds no paint mark');
  const tasks = traceEvents.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.ts <= mark.ts);
  return tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
}
