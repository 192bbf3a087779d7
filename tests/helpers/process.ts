/** Tablica as a real child process (`server/main.ts`), for signals, crashes and start-up errors. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitFor } from './wait';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const proc: ServerProcess = { child, url: '', output: () => output, exited };
  return proc;
}

/** Spawns and waits until the server says which port it listens on. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const proc = spawnServer(env);
  await waitFor(() => /"event":"server.listening","port":\d+/.test(proc.output()) || proc.child.exitCode !== null, 'the server process to listen', 20_000);
  const port = /"event":"server.listening","port":(\d+)/.exec(proc.output())?.[1];
  if (!port) throw new Error(`server process did not start:\n${proc.output()}`);
  proc.url = `http://127.0.0.1:${port}`;
  return proc;
}
