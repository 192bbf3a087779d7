/**
 * A real nginx (Debian's) as a child process: its own configuration, pid and logs in a temporary
 * directory, in the foreground, on a free loopback port. The site is the example from
 * docs/deployment.md, pointed at the test's instances, so the documented setup is what is tested.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { WebSocket } from 'ws';
import { tempDataDir } from './server';
import { waitFor } from './wait';

const root = path.resolve(import.meta.dirname, '..', '..');

/** A response header the test's nginx adds: which instance (host:port) answered. */
export const UPSTREAM_HEADER = 'x-test-upstream';

/** The ```nginx block of docs/deployment.md. */
export function documentedNginxSite(): string {
  const doc = fs.readFileSync(path.join(root, 'docs', 'deployment.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/deployment.md has no ```nginx example');
  return block;
}

/**
 * The documented site with the test's upstream instances, listening on `port` without TLS, its
 * access log in `dir`, and a header naming the instance that answered. Throws when the example no
 * longer has the parts replaced.
 */
export function siteForTest(site: string, port: number, upstreams: string[], dir: string): string {
  const servers = /^(\s*)server\s+\S+:\d+;\s*$/gm;
  const indent = servers.exec(site)?.[1];
  if (indent === undefined) throw new Error('the documented upstream lists no `server host:port;`');
  let first = true;
  let out = site.replace(servers, () => {
    if (!first) return '';
    first = false;
    return upstreams.map((u) => `${indent}server ${u};`).join('\n');
  });
  const listen = /^(\s*)listen\s+[^;]+;/m;
  if (!listen.test(out)) throw new Error('the documented server has no `listen`');
  out = out.replace(listen, (_m, ind: string) => `${ind}listen 127.0.0.1:${port};\n${ind}add_header ${UPSTREAM_HEADER} $upstream_addr always;`);
  const accessLog = /^(\s*)access_log\s+\S+(\s+\w+)?;/m;
  if (!accessLog.test(out)) throw new Error('the documented server has no `access_log`');
  out = out.replace(accessLog, (_m, ind: string, format = '') => `${ind}access_log ${path.join(dir, ACCESS_LOG)}${format};`);
  return out.replace(/\n{3,}/g, '\n\n');
}

/** The site's access log, in the nginx's temporary directory. */
export const ACCESS_LOG = 'access.log';

export interface RunningNginx {
  url: string;
  port: number;
  /** Its temporary directory: configuration, pid, logs. */
  dir: string;
  child: ChildProcess;
  /** nginx's error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `nginxPath` in the foreground with the given `server`/`upstream` blocks (inside `http`). */
export async function startNginx(nginxPath: string, site: (port: number, dir: string) => string): Promise<RunningNginx> {
  const dir = tempDataDir('tablica-nginx');
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  const errorLog = path.join(dir, 'error.log');
  fs.writeFileSync(
    conf,
    [
      // As root, nginx's workers would run as `nobody`, who cannot enter the temporary directory.
      process.getuid?.() === 0 ? 'user root root;' : '',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${errorLog} warn;`,
      'events { worker_connections 512; }',
      'http {',
      `  access_log ${dir}/other-access.log;`,
      `  client_body_temp_path ${dir}/client_body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      site(port, dir),
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(nginxPath, ['-p', dir, '-c', conf, '-e', errorLog, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave an nginx behind, even when the test process is stopped mid-run.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const errors = () => output + (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '');
  const listening = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  try {
    await waitFor(async () => child.exitCode !== null || (await listening()), 'nginx to listen', 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  if (child.exitCode !== null) throw new Error(`nginx did not start:\n${errors()}`);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    child,
    errors,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An HTTP request from a given loopback source address (so nginx sees it as that client). */
export function requestFrom(localAddress: string, url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, localAddress, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.once('error', reject);
    req.end(options.body);
  });
}

/** A `ws` WebSocket class whose connections come from `localAddress` (for the stock y-websocket provider). */
export function webSocketFrom(localAddress: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress });
    }
  } as typeof WebSocket;
}
