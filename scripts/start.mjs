// `npm start`: builds the client when its build is missing, then runs the server in this process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = process.env.CLIENT_DIR ? path.resolve(process.env.CLIENT_DIR) : path.join(root, 'client', 'dist');

if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
  process.stdout.write(`No client build in ${clientDir}: building it once (about a minute)…\n`);
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(root, 'client', 'vite.config.ts'), '--outDir', clientDir, '--emptyOutDir'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write('The client build failed; Tablica did not start.\n');
    process.exit(1);
  }
}

register();
await import(path.join(root, 'server', 'main.ts'));
