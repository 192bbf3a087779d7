/**
 * Is the built client the one the sources make? A build records a stamp in its directory: a hash
 * of everything the client is built from (client/, shared/ and formats/, which it imports, the
 * lockfile, the TypeScript settings) and of the Node and Vite versions that built it. `npm start`
 * rebuilds whenever the stamp is missing or differs, so `git pull && npm install && npm start`
 * serves the new client with the new server.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** In the build directory; express.static does not serve dotfiles. */
export const STAMP_FILE = '.tablica-build';

/** What the client is built from, relative to the project root. */
export const CLIENT_INPUTS = ['client', 'shared', 'formats', 'package-lock.json', 'tsconfig.json'];

/** Never inputs, wherever they are under an input folder. */
const SKIPPED_NAMES = new Set(['node_modules', 'dist', '.git']);

export interface BuildTools {
  node: string;
  vite: string;
}

/** The Node running now and the Vite installed under `root`. */
export function buildTools(root: string): BuildTools {
  let vite = 'missing';
  try {
    vite = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'vite', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // No Vite: the build itself will say so.
  }
  return { node: process.version, vite };
}

/** The stamp a build of `root`'s client into `outDir` would have now. */
export function clientBuildStamp(root: string, outDir: string, tools: BuildTools = buildTools(root)): string {
  const hash = createHash('sha256');
  hash.update(`node ${tools.node}\nvite ${tools.vite}\n`);
  const skipped = path.resolve(outDir);
  const add = (relative: string): void => {
    const full = path.join(root, relative);
    if (path.resolve(full) === skipped) return;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      hash.update(`missing ${relative}\n`);
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) if (!SKIPPED_NAMES.has(name)) add(path.join(relative, name));
    } else if (stat.isFile()) {
      fileInto(hash, relative, full, stat.size);
    }
  };
  for (const input of CLIENT_INPUTS) add(input);
  return hash.digest('hex');
}

function fileInto(hash: Hash, relative: string, full: string, size: number): void {
  hash.update(`file ${relative.split(path.sep).join('/')} ${size}\n`);
  hash.update(fs.readFileSync(full));
  hash.update('\n');
}

/** The stamp recorded in `outDir`, or undefined when there is none or no built page. */
export function recordedStamp(outDir: string): string | undefined {
  if (!fs.existsSync(path.join(outDir, 'index.html'))) return undefined;
  try {
    return fs.readFileSync(path.join(outDir, STAMP_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

export function recordStamp(outDir: string, stamp: string): void {
  fs.writeFileSync(path.join(outDir, STAMP_FILE), `${stamp}\n`);
}

export interface EnsureOptions {
  root: string;
  outDir: string;
  /** Builds the client into outDir (emptying it first); returns whether it succeeded. */
  build: () => boolean;
  /** Tells the person starting Tablica what happens. */
  say: (line: string) => void;
  tools?: BuildTools;
}

/** Builds the client when its build is missing or stale; 'failed' when the build did not succeed. */
export function ensureClientBuild(options: EnsureOptions): 'current' | 'built' | 'failed' {
  const { root, outDir, build, say } = options;
  // Taken before building: if a source changes during the build, the next start builds again.
  const stamp = clientBuildStamp(root, outDir, options.tools ?? buildTools(root));
  const recorded = recordedStamp(outDir);
  if (recorded === stamp) return 'current';
  if (!fs.existsSync(path.join(outDir, 'index.html'))) say(`No client build in ${outDir}: building it once (about a minute)…`);
  else say(`The client's sources or dependencies changed since ${outDir} was built: building it again (about a minute)…`);
  if (!build() || !fs.existsSync(path.join(outDir, 'index.html'))) return 'failed';
  recordStamp(outDir, stamp);
  return 'built';
}
