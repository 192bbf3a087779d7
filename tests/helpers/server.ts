/** Starting the real server for a test file, and creating boards on it over real HTTP. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTablica, type RunningTablica, type StartOptions } from '../../server/app';
import type { Config } from '../../server/config';
import { CreateBoardResponse } from '../../shared/api';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';

const madeDirs: string[] = [];
process.once('exit', () => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the system's temp folder, removed when the test process exits. */
export function tempDataDir(label = 'tablica'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  madeDirs.push(dir);
  return dir;
}

/** A real server on a free port with a fresh data directory (or the given one, to restart). */
export async function startTestServer(overrides: Partial<Config> = {}, options: StartOptions = {}): Promise<RunningTablica> {
  return startTablica(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: overrides.dataDir ?? tempDataDir(),
      secret: TEST_SECRET,
      logLevel: 'silent',
      storeDebounceMs: 200,
      storeMaxWaitMs: 1000,
      roomUnloadGraceMs: 50,
      ...overrides,
    },
    options,
  );
}

export async function createBoard(baseUrl: string, body: Record<string, unknown> = { title: 'Sieć testowa' }): Promise<CreateBoardResponse> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status} ${await res.text()}`);
  return CreateBoardResponse.parse(await res.json());
}

export function syncUrl(baseUrl: string): string {
  return baseUrl.replace(/^http/, 'ws') + '/sync';
}
