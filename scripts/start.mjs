// `npm start`: builds the client when its build is missing or was made from other sources or
// dependencies (scripts/clientBuild.ts), then runs the server in this process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = process.env.CLIENT_DIR ? path.resolve(process.env.CLIENT_DIR) : path.join(root, 'client', 'dist');

register();
const { ensureClientBuild } = await import('./clientBuild.ts');

const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const built = ensureClientBuild({
  root,
  outDir: clientDir,
  build: () =>
    spawnSync(process.execPath, [vite, 'build', '--config', path.join(root, 'client', 'vite.config.ts'), '--outDir', clientDir, '--emptyOutDir'], {
      cwd: root,
      stdio: 'inherit',
    }).status === 0,
  say: (line) => process.stdout.write(`${line}\n`),
});
if (built === 'failed') {
  process.stderr.write('The client build failed; Tablica did not start.\n');
  process.exit(1);
}

await import(path.join(root, 'server', 'main.ts'));
