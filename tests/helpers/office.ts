/**
 * Opens files the way an office does: LibreOffice headless converts them to plain text, and the
 * test reads back what a person would see. Each call runs with its own LibreOffice profile, so
 * parallel test files do not share (and lock) one.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of each file, in order, as LibreOffice reads it. */
export async function officeText(files: Record<string, Uint8Array>): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablica-office-'));
  try {
    const inDir = path.join(dir, 'in');
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(inDir);
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(inDir, name), bytes);
    await run(
      'soffice',
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'txt:Text', '--outdir', outDir, ...Object.keys(files).map((name) => path.join(inDir, name))],
      { timeout: 120_000 },
    );
    return Object.fromEntries(
      Object.keys(files).map((name) => {
        const out = path.join(outDir, name.replace(/\.[^.]+$/, '.txt'));
        if (!fs.existsSync(out)) throw new Error(`LibreOffice could not open ${name}`);
        return [name, fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '')];
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
