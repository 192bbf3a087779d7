/**
 * `npm start` serves the client its sources make: the build's stamp decides, against a project
 * laid out in a temporary directory (the build itself is a stand-in that writes index.html, as
 * Vite does after emptying the directory).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientBuildStamp, ensureClientBuild, recordStamp, STAMP_FILE, type BuildTools } from '../../scripts/clientBuild';

describe('the client is rebuilt when what it is built from changed', () => {
  let root: string;
  let outDir: string;
  let builds: number;
  let buildSucceeds: boolean;
  const said: string[] = [];
  const tools: BuildTools = { node: 'v20.19.0', vite: '8.3.8' };

  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };
  const start = (withTools: BuildTools = tools) =>
    ensureClientBuild({
      root,
      outDir,
      tools: withTools,
      say: (line) => said.push(line),
      build: () => {
        builds++;
        fs.rmSync(outDir, { recursive: true, force: true });
        fs.mkdirSync(outDir, { recursive: true });
        if (buildSucceeds) fs.writeFileSync(path.join(outDir, 'index.html'), `<!doctype html><title>build ${builds}</title>`);
        return buildSucceeds;
      },
    });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tablica-client-build-'));
    outDir = path.join(root, 'client', 'dist');
    builds = 0;
    buildSucceeds = true;
    said.length = 0;
    write('client/index.html', '<div id="root"></div>');
    write('client/vite.config.ts', 'export default {};');
    write('client/src/main.tsx', 'console.log(1);');
    write('shared/roles.ts', 'export const ROLES = [];');
    write('formats/kickoff.ts', 'export const kickoff = {};');
    write('package-lock.json', '{"lockfileVersion":3}');
    write('tsconfig.json', '{}');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds when there is no build, then not again while nothing changed', () => {
    expect(start()).toBe('built');
    expect(said).toEqual([`No client build in ${outDir}: building it once (about a minute)…`]);
    expect(fs.readFileSync(path.join(outDir, STAMP_FILE), 'utf8').trim()).toBe(clientBuildStamp(root, outDir, tools));
    expect(start()).toBe('current');
    expect(start()).toBe('current');
    expect(builds).toBe(1);
  });

  it.each([
    ['a client source', 'client/src/main.tsx', 'console.log(2);'],
    ['a new client source', 'client/src/new.tsx', 'export {};'],
    ['the Vite configuration', 'client/vite.config.ts', 'export default { base: "/" };'],
    ['shared code the client imports', 'shared/roles.ts', 'export const ROLES = ["x"];'],
    ['a format the client imports', 'formats/kickoff.ts', 'export const kickoff = { x: 1 };'],
    ['the lockfile (npm install brought other dependencies)', 'package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
  ])('rebuilds after a change to %s', (_what, file, text) => {
    start();
    write(file, text);
    expect(start()).toBe('built');
    expect(said.at(-1)).toMatch(/changed since .* was built: building it again/);
    expect(builds).toBe(2);
    expect(start()).toBe('current');
  });

  it('rebuilds when a source is deleted', () => {
    write('client/src/old.tsx', 'export {};');
    start();
    fs.rmSync(path.join(root, 'client/src/old.tsx'));
    expect(start()).toBe('built');
  });

  it('rebuilds for another Node or Vite', () => {
    start();
    expect(start({ ...tools, node: 'v22.1.0' })).toBe('built');
    expect(start({ ...tools, node: 'v22.1.0', vite: '8.4.0' })).toBe('built');
    expect(builds).toBe(3);
  });

  it('ignores the build itself and installed modules', () => {
    start();
    write('client/dist/assets/extra.js', 'x');
    write('client/node_modules/some/index.js', 'x');
    expect(start()).toBe('current');
  });

  it('rebuilds a build made before builds were stamped (an upgrade from an older Tablica)', () => {
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><title>old</title>');
    expect(start()).toBe('built');
    expect(said).toEqual([expect.stringMatching(/changed since .* was built/)]);
  });

  it('records nothing when the build fails, so the next start tries again', () => {
    buildSucceeds = false;
    expect(start()).toBe('failed');
    expect(fs.existsSync(path.join(outDir, STAMP_FILE))).toBe(false);
    buildSucceeds = true;
    expect(start()).toBe('built');
  });

  it('a build directory of another name inside client/ (CLIENT_DIR) is not counted as a source', () => {
    outDir = path.join(root, 'client', 'public-build');
    expect(start()).toBe('built');
    expect(start()).toBe('current');
    expect(builds).toBe(1);
  });
});
