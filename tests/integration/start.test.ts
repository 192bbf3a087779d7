/**
 * `npm start` (scripts/start.mjs) as a real process: it serves a client build whose stamp matches
 * the sources as it is, and rebuilds (real Vite) one made from other sources — an upgrade's old
 * client — before it serves anything.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientBuildStamp, recordStamp, STAMP_FILE } from '../../scripts/clientBuild';
import { tempDataDir } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Runs `node scripts/start.mjs` until the server listens; returns its output and the page it serves. */
async function npmStart(clientDir: string): Promise<{ output: string; page: string }> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', DATA_DIR: tempDataDir(), CLIENT_DIR: clientDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitFor(() => /"event":"server.listening"/.test(output) || child.exitCode !== null, 'npm start to listen', 90_000);
    const port = /"event":"server.listening","port":(\d+)/.exec(output)?.[1];
    if (!port) throw new Error(`npm start did not start:\n${output}`);
    const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    return { output, page };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('npm start and the client build', () => {
  it('serves a build whose stamp matches the sources without building', async () => {
    const clientDir = tempDataDir('tablica-client');
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>ZBUDOWANY-WCZESNIEJ</title>');
    recordStamp(clientDir, clientBuildStamp(root, clientDir));
    const { output, page } = await npmStart(clientDir);
    expect(output).not.toMatch(/building/);
    expect(page).toContain('ZBUDOWANY-WCZESNIEJ');
  });

  it('rebuilds a build made from other sources (after git pull && npm install) before serving', { timeout: 180_000 }, async () => {
    const clientDir = tempDataDir('tablica-client');
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>STARY-KLIENT</title>');
    recordStamp(clientDir, '0'.repeat(64));
    const { output, page } = await npmStart(clientDir);
    expect(output).toMatch(/changed since .* was built: building it again/);
    expect(page).not.toContain('STARY-KLIENT');
    expect(page).toMatch(/<script type="module"[^>]*src="\/assets\/[^"]+\.js"/);
    expect(fs.readFileSync(path.join(clientDir, STAMP_FILE), 'utf8').trim()).toBe(clientBuildStamp(root, clientDir));
  });
});
