/**
 * From the short URL to a first note on another participant's screen, on a phone in headless
 * Chromium (375×812 and 360×640, touch): the time and the taps, over several runs, each in a fresh
 * browser context (nothing cached, as for a phone that has just scanned the QR code). The goal of
 * issue #17: at most 3 taps plus typing, under 4 s.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { launchBrowser, BoardPageObject } from '../helpers/browser';
import { PHONES, PhonePage, setSessionAsHost } from '../helpers/phone';
import { createBoard, startTestServer } from '../helpers/server';

const RUNS = Number(process.env.RUNS ?? 5);
const root = path.resolve(import.meta.dirname, '..', '..');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(root, 'client/vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

const server = await startTestServer();
const browser = await launchBrowser();
console.log(`Phone join: short URL → first note on another screen (${RUNS} runs per size, fresh context each)`);
for (const viewport of PHONES) {
  const times: number[] = [];
  const phases: Record<string, number> = {};
  let taps = 0;
  for (let run = 0; run < RUNS; run++) {
    const board = await createBoard(server.url, { title: `Bench ${run}`, formatId: 'solutions', locale: 'pl' });
    await setSessionAsHost(server.url, board.id, board.tokens.facilitator, 'currentStepId', '2.3');
    const witness = new BoardPageObject(await (await browser.newContext({ locale: 'pl-PL' })).newPage());
    await witness.open(board.links.participant, { name: 'Jan Nowak', city: 'Płock' });
    const phone = await PhonePage.open(browser, viewport);
    const text = `Notatka ${run}`;
    const started = performance.now();
    await phone.joinAndWrite(board.join!.link, 'Ewa Zielińska', text, phases);
    const typed = performance.now();
    await witness.noteWithText(text).waitFor({ timeout: 20_000 });
    phases['on the other screen'] = (phases['on the other screen'] ?? 0) + performance.now() - typed;
    times.push(performance.now() - started);
    taps = Math.max(taps, phone.taps);
    await phone.page.context().close();
    await witness.page.context().close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`  ${viewport.width}×${viewport.height}: median ${median.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms; ${taps} taps plus typing`);
  console.log(`    mean by phase: ${Object.entries(phases).map(([phase, ms]) => `${phase} ${(ms / RUNS).toFixed(0)} ms`).join(', ')}`);
}
await browser.close();
await server.close();
