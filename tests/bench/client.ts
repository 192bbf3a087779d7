/**
 * `npm run bench:client`: the client side of the benchmark. A real server, a real board of 2,000
 * notes in the step areas of a format (busyBoard.ts) and Debian's Chromium, headless, with
 * software rendering. Each figure is the median of RUNS fresh browser contexts (nothing cached):
 *
 * - desktop, 1280×800: time from navigation to the notes in view painted (clientPage.ts says
 *   exactly what that means), then frame times while the view pans across the board;
 * - phone, 375×812 with touch and the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate): time
 *   from navigation until a tap on a note in view selects it and that is painted — the board
 *   answers a participant;
 * - the script a participant's page downloads, and that none of it is the hosts' panel (the host's
 *   page is loaded too, to show where that code went).
 *
 * `--profile FILE` writes a CPU profile of one desktop load (read it with profileSummary.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { assetPath, CLIENT_DIST, clientChunks } from '../helpers/chunks';
import { startTestServer } from '../helpers/server';
import { busyBoard } from './busyBoard';
import { mainThreadBusy, notesPainted, scriptRequests, tapSelectsNote, traceTasks, watchForNotesPainted } from './clientPage';

const NOTES = 2000;
const RUNS = 3;
const { values } = parseArgs({ options: { profile: { type: 'string' } } });

const root = path.resolve(import.meta.dirname, '..', '..');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(root, 'client/vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

const server = await startTestServer();
const board = await busyBoard(server.url, NOTES);
const loadBefore = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const browser = await launchBrowser();
const PERSON = JSON.stringify({ name: 'Bench', city: 'Test', color: '#1d4ed8' });

/** A fresh context that already knows who the person is (no join screen). */
async function freshPage(b: Browser, options: BrowserContextOptions) {
  const context = await b.newContext({ locale: 'pl-PL', ...options });
  await context.addInitScript(`localStorage.setItem('tablica.person', ${JSON.stringify(PERSON)})`);
  await watchForNotesPainted(context, NOTES);
  const scripts = scriptRequests(context);
  const page = await context.newPage();
  return { context, page, scripts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (xs: number[]) => `${Math.round(median(xs))} ms (runs: ${xs.map((x) => Math.round(x)).join(', ')})`;

// Desktop: the notes in view painted.
const desktop: number[] = [];
const desktopBusy: number[] = [];
let inView = 0;
let participantScripts: string[] = [];
for (let run = 0; run < RUNS; run++) {
  const { context, page, scripts } = await freshPage(browser, { viewport: { width: 1280, height: 800 } });
  await traceTasks(browser, page);
  await page.goto(board.links.participant, { waitUntil: 'commit' });
  const painted = await notesPainted(page);
  desktop.push(painted.at);
  desktopBusy.push(await mainThreadBusy(browser));
  inView = painted.inView;
  participantScripts = [...scripts];
  await context.close();
}

// Panning with the hand tool (space + drag) while sampling frame times.
const pan = await freshPage(browser, { viewport: { width: 1280, height: 800 } });
await pan.page.goto(board.links.participant, { waitUntil: 'commit' });
await notesPainted(pan.page);
await pan.page.mouse.click(640, 400);
await pan.page.keyboard.down(' ');
await pan.page.evaluate(`(() => {
  window.__frames = []; window.__run = true; let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__run) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`);
await pan.page.mouse.move(1100, 700);
await pan.page.mouse.down();
for (let i = 0; i < 60; i++) await pan.page.mouse.move(1100 - i * 15, 700 - i * 8);
await pan.page.mouse.up();
const frameTimes = ((await pan.page.evaluate(`(() => { window.__run = false; return window.__frames.slice(1); })()`)) as number[]).sort((a, b) => a - b);
await pan.page.keyboard.up(' ');
await pan.context.close();
const p = (q: number) => frameTimes[Math.min(frameTimes.length - 1, Math.floor(frameTimes.length * q))]!.toFixed(1);

// Phone: a tap on a note answered, with the CPU slowed 4×.
const phone: number[] = [];
const phonePainted: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const { context, page } = await freshPage(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(board.links.participant, { waitUntil: 'commit' });
  phonePainted.push((await notesPainted(page)).at);
  phone.push(await tapSelectsNote(page));
  await context.close();
}

// The host's page, for where the hosts' code went.
const host = await freshPage(browser, { viewport: { width: 1280, height: 800 } });
await host.page.goto(board.links.facilitator, { waitUntil: 'commit' });
await host.page.getByRole('complementary', { name: 'Panel osób prowadzących' }).waitFor({ timeout: 60_000 });
const hostScripts = [...host.scripts];
await host.context.close();

if (values.profile) {
  const { context, page } = await freshPage(browser, { viewport: { width: 1280, height: 800 } });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await page.goto(board.links.participant, { waitUntil: 'commit' });
  await notesPainted(page);
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync(values.profile, JSON.stringify(profile));
  await context.close();
}

const chunks = clientChunks();
const files = (urls: string[]) => [...new Set(urls.map(assetPath))];
const bytes = (list: string[]) => {
  const data = list.map((file) => fs.readFileSync(path.join(CLIENT_DIST, file)));
  const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  return `${kB(data.reduce((s, d) => s + d.length, 0))} (${kB(data.reduce((s, d) => s + gzipSync(d).length, 0))} gzipped)`;
};
const participantFiles = files(participantScripts);
const hostFiles = files(hostScripts);
const leaked = participantFiles.filter((file) => chunks.hostOnly.has(file));

const loadAfter = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
console.log(`Client: a board of ${NOTES} notes in the step areas of a format, headless Chromium (software rendering, --disable-gpu), median of ${RUNS} fresh loads`);
console.log(`  machine: ${os.cpus().length} cores, load average ${loadBefore} before and ${loadAfter} after (wall times grow with it; the main thread's CPU time much less)`);
console.log(`  desktop 1280×800, navigation to the notes in view painted (${inView} notes in view): ${ms(desktop)}`);
console.log(`    of which the page's main thread was busy (its own CPU time): ${ms(desktopBusy)}`);
console.log(`  frame times while panning (${frameTimes.length} frames): p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${frameTimes.at(-1)!.toFixed(1)} ms`);
console.log(`  phone 375×812, CPU slowed 4×: notes in view painted ${ms(phonePainted)}; a tap on a note answered (selected and painted): ${ms(phone)}`);
console.log(`  participant's page: ${participantFiles.length} script files, ${bytes(participantFiles)}; host-only chunks requested: ${leaked.length === 0 ? 'none' : leaked.join(', ')}`);
console.log(`  host's page: ${hostFiles.length} script files, ${bytes(hostFiles)}; of them host-only: ${hostFiles.filter((f) => chunks.hostOnly.has(f)).join(', ') || 'none'}`);
await browser.close();
await server.close();
process.exit(leaked.length === 0 ? 0 : 1);
