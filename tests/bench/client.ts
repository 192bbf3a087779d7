/**
 * The client side of the benchmark: a board of 2,000 notes in headless Chromium — time to the
 * first render of the notes, and frame times while the view pans across the board.
 */
import { connectStockClient } from '../helpers/clients';
import { launchBrowser, trackedContext } from '../helpers/browser';
import { noteRecord } from '../helpers/records';
import { createBoard, startTestServer } from '../helpers/server';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_PAGE_ID } from '../../shared/formats/layout';

const NOTES = 2000;
const root = path.resolve(import.meta.dirname, '..', '..');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(root, 'client/vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

const server = await startTestServer();
const board = await createBoard(server.url, { title: 'Duża tablica' });
const writer = connectStockClient(server.url, board.id, board.tokens.participant);
await writer.synced();
writer.doc.transact(() => {
  for (let i = 0; i < NOTES; i++) writer.records.set(`shape:n${i}`, noteRecord(`shape:n${i}`, `Notatka ${i}`, { parentId: DEFAULT_PAGE_ID, x: (i % 50) * 230, y: Math.floor(i / 50) * 230 }));
});
await new Promise((r) => setTimeout(r, 1000));
writer.destroy();

const browser = await launchBrowser();
const { context } = await trackedContext(browser, { viewport: { width: 1280, height: 800 } });
await context.addInitScript(() => localStorage.setItem('tablica.person', JSON.stringify({ name: 'Bench', city: 'Test', color: '#1d4ed8' })));
const page = await context.newPage();
const started = Date.now();
await page.goto(board.links.participant);
await page.locator('.tl-shape').first().waitFor({ timeout: 60_000 }).catch(async (err: unknown) => {
  await page.screenshot({ path: '/tmp/bench-client.png' });
  throw err;
});
const firstRender = Date.now() - started;

// Pan across the board with the hand tool (space + drag) while sampling frame times. The page
// scripts are strings: the TypeScript loader would otherwise wrap named functions in a helper the
// page does not have.
await page.mouse.click(640, 400);
await page.keyboard.down(' ');
await page.evaluate(`(() => {
  window.__frames = []; window.__run = true; let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__run) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`);
await page.mouse.move(1100, 700);
await page.mouse.down();
for (let i = 0; i < 60; i++) await page.mouse.move(1100 - i * 15, 700 - i * 8);
await page.mouse.up();
const frameTimes = (await page.evaluate(`(() => { window.__run = false; return window.__frames.slice(1); })()`)) as number[];
await page.keyboard.up(' ');
frameTimes.sort((a, b) => a - b);
const p = (q: number) => frameTimes[Math.min(frameTimes.length - 1, Math.floor(frameTimes.length * q))]!.toFixed(1);
console.log(`Client: a board of ${NOTES} notes in headless Chromium (software rendering, --disable-gpu)`);
console.log(`  time to first render of the notes: ${firstRender} ms`);
console.log(`  frame times while panning (${frameTimes.length} frames): p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${frameTimes.at(-1)!.toFixed(1)} ms`);
await browser.close();
await server.close();
process.exit(0);
