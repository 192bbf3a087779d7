/**
 * The client build's chunks, from vite's manifest: which script files a page loads up front and
 * which only the hosts' panel pulls in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FORMAT_IDS } from '../../shared/api';

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The built client this repository serves. */
export const CLIENT_DIST = path.resolve(import.meta.dirname, '..', '..', 'client', 'dist');

/** The lazy module that holds everything only hosts use. */
export const HOST_PANEL_MODULE = 'src/steps/HostPanel.tsx';

/** The canvas (tldraw and what needs it): a chunk every board page loads, started by the page itself. */
export const BOARD_CANVAS_MODULE = 'src/board/BoardCanvas.tsx';

function readManifest(dist: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The script files reachable from `key` through static and lazy imports, entering none of `except`. */
function reachable(manifest: Manifest, key: string, except: Set<string>, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || except.has(key) || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) reachable(manifest, next, except, into);
  return into;
}

/** The script files `key` needs, itself included, following static imports only. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const next of chunk.imports ?? []) staticClosure(manifest, next, into);
  return into;
}

export interface ClientChunks {
  /** Script files (`assets/…`) every board page loads: the entry's and the canvas's, before anything else lazy. */
  upfront: Set<string>;
  /** Script files only the hosts' panel needs: nothing a participant's page loads, up front or later, reaches them. */
  hostOnly: Set<string>;
  /** Each format's own chunk (a board page fetches its format's when the step banner asks), by format id. */
  formats: Map<string, string>;
}

export function clientChunks(dist = CLIENT_DIST): ClientChunks {
  const manifest = readManifest(dist);
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('the client build has no entry');
  if (!manifest[HOST_PANEL_MODULE]) throw new Error(`${HOST_PANEL_MODULE} is not a chunk of its own`);
  if (!manifest[BOARD_CANVAS_MODULE]) throw new Error(`${BOARD_CANVAS_MODULE} is not a chunk of its own`);
  const upfront = staticClosure(manifest, BOARD_CANVAS_MODULE, staticClosure(manifest, entry));
  // What a participant's board page may load: the above, and what the canvas fetches later (its
  // format, the projector's QR code) — not the hosts' panel, nor the entry's other pages.
  const everyonesCode = new Set([...upfront, ...reachable(manifest, BOARD_CANVAS_MODULE, new Set([HOST_PANEL_MODULE, entry]))]);
  const hostOnly = new Set([...staticClosure(manifest, HOST_PANEL_MODULE)].filter((file) => !everyonesCode.has(file)));
  const formats = new Map(FORMAT_IDS.map((id) => [id, Object.values(manifest).find((chunk) => chunk.name === id)?.file ?? '']));
  for (const [id, file] of formats) if (!file) throw new Error(`the format ${id} is not a chunk of its own`);
  return { upfront, hostOnly, formats };
}

/** The path part of a script URL the page requested, as the manifest names files. */
export function assetPath(url: string): string {
  return new URL(url).pathname.replace(/^\//, '');
}
