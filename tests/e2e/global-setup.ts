/** Builds the client once before the browser tests, so they always test the code as it is now. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { clientBuildStamp, recordStamp } from '../../scripts/clientBuild';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const outDir = path.join(root, 'client', 'dist');
  const stamp = clientBuildStamp(root, outDir);
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(root, 'client', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The same record `npm start` keeps, so it does not build this again.
  recordStamp(outDir, stamp);
}
