/**
 * The system programs some tests need beyond Node — Chromium (browser tests), LibreOffice (document
 * conversion) and nginx (the reverse-proxy test) — the Debian/Ubuntu packages that bring them, and
 * how to find them. `npm test` installs what is missing when it may (scripts/pretest.ts); tests that
 * need a missing program skip with the install command, or fail under TABLICA_REQUIRE_SERVICES=1.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SystemProgram {
  /** What people call it. */
  label: string;
  /** The Debian/Ubuntu package that installs it. */
  pkg: string;
  /** Which tests need it. */
  usedBy: string;
  /** Its path, or undefined when it is not installed. */
  find(): string | undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A command on PATH or in the system folders (sbin is not on every user's PATH). */
export function findCommand(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  return dirs.map((dir) => path.join(dir, name)).find(isExecutable);
}

export const SYSTEM_PROGRAMS = {
  // playwright-core drives Debian's own Chromium at this path; no browser is ever downloaded.
  chromium: { label: 'Chromium', pkg: 'chromium', usedBy: 'the browser tests', find: () => (isExecutable('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined) },
  soffice: { label: 'LibreOffice', pkg: 'libreoffice-writer-nogui', usedBy: 'the document conversion tests', find: () => findCommand('soffice') },
  nginx: { label: 'nginx', pkg: 'nginx', usedBy: 'the reverse-proxy test', find: () => findCommand('nginx') },
} satisfies Record<string, SystemProgram>;

export type SystemProgramName = keyof typeof SYSTEM_PROGRAMS;

export function missingPrograms(): SystemProgram[] {
  return Object.values(SYSTEM_PROGRAMS).filter((program) => !program.find());
}

/** The one command that installs these programs' packages. */
export function installCommand(programs: SystemProgram[]): string {
  return `sudo apt-get install -y ${programs.map((p) => p.pkg).join(' ')}`;
}

export const servicesRequired = () => process.env.TABLICA_REQUIRE_SERVICES === '1';

/**
 * For a test suite that needs `name`: its path, or why the suite skips. Under
 * TABLICA_REQUIRE_SERVICES=1 a missing program is an error, never a skip.
 */
export function programForTests(name: SystemProgramName | SystemProgram): { path: string; skip?: undefined } | { path?: undefined; skip: string } {
  const program = typeof name === 'string' ? SYSTEM_PROGRAMS[name] : name;
  const found = program.find();
  if (found) return { path: found };
  const message = `${program.label} is not installed, so ${program.usedBy} cannot run: ${installCommand([program])}`;
  if (servicesRequired()) throw new Error(`TABLICA_REQUIRE_SERVICES=1 but ${message}`);
  return { skip: message };
}
