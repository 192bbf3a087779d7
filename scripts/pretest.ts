/**
 * `npm test` runs this first: it brings the system programs some tests need (scripts/systemPackages.ts)
 * the way .ci/run does. When one is missing and this may install (as root with apt-get, or with
 * passwordless sudo), it runs `apt-get update` once and installs the missing packages; otherwise it
 * prints the one command that would, and the tests go on (those that need the program skip, or
 * fail under TABLICA_REQUIRE_SERVICES=1). It never stops the tests.
 */
import { spawnSync } from 'node:child_process';
import { findCommand, installCommand, missingPrograms, type SystemProgram } from './systemPackages';

function mayInstall(): { sudo: boolean } | undefined {
  if (process.platform !== 'linux' || !findCommand('apt-get')) return undefined;
  if (process.getuid?.() === 0) return { sudo: false };
  if (findCommand('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return { sudo: true };
  return undefined;
}

function aptGet(sudo: boolean, args: string[]): boolean {
  const command = sudo ? 'sudo' : 'apt-get';
  const argv = sudo ? ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args] : args;
  return spawnSync(command, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

function tellWhatToInstall(missing: SystemProgram[]): void {
  const which = missing.map((p) => `${p.label} (${p.usedBy})`).join(', ');
  process.stdout.write(`Not installed, so some tests will skip: ${which}. Install: ${installCommand(missing)}\n`);
}

const missing = missingPrograms();
if (missing.length > 0) {
  const installer = mayInstall();
  if (installer) {
    process.stdout.write(`Installing what the tests need: ${missing.map((p) => p.pkg).join(' ')} (apt-get)…\n`);
    if (aptGet(installer.sudo, ['update', '-q'])) aptGet(installer.sudo, ['install', '-y', '-q', ...missing.map((p) => p.pkg)]);
    const still = missingPrograms();
    if (still.length > 0) tellWhatToInstall(still);
  } else {
    tellWhatToInstall(missing);
  }
}
