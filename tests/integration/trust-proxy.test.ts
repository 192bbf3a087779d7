/**
 * TRUST_PROXY decides who the client is for the per-address board limit: with none (the default)
 * an X-Forwarded-For header changes nothing; with a trusted proxy, the address it names counts.
 * (tests/integration/nginx-proxy.test.ts runs the same through a real nginx.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { Config } from '../../server/config';
import { startTestServer } from '../helpers/server';

const started: RunningTablica[] = [];
afterAll(() => Promise.all(started.map((s) => s.close())));

async function serverWith(overrides: Partial<Config>): Promise<RunningTablica> {
  const server = await startTestServer({ boardCreationsPerHour: 2, ...overrides });
  started.push(server);
  return server;
}

/** POST /api/boards as if through a proxy that says the client is `forwardedFor`. */
async function create(server: RunningTablica, forwardedFor?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const res = await fetch(`${server.url}/api/boards`, { method: 'POST', headers, body: JSON.stringify({ title: 'Sieć' }) });
  await res.arrayBuffer();
  return res.status;
}

describe('TRUST_PROXY and the per-address board limit', () => {
  it('by default trusts no proxy: a forged X-Forwarded-For does not get anyone past the limit', async () => {
    const server = await serverWith({});
    expect(await create(server, '198.51.100.1')).toBe(201);
    expect(await create(server, '198.51.100.2')).toBe(201);
    expect(await create(server, '198.51.100.3')).toBe(429);
  });

  it('with one trusted hop, each client the proxy names has a limit of its own, and a client cannot forge it', async () => {
    const server = await serverWith({ trustProxy: 1 });
    expect(await create(server, '198.51.100.1')).toBe(201);
    expect(await create(server, '198.51.100.1')).toBe(201);
    expect(await create(server, '198.51.100.1')).toBe(429);
    // The proxy appends the address it saw: what the client put in front of it is not believed.
    expect(await create(server, '203.0.113.9, 198.51.100.1')).toBe(429);
    expect(await create(server, '198.51.100.2')).toBe(201);
  });

  it('with a list of proxy addresses, only a proxy on that list is believed', async () => {
    const trusted = await serverWith({ trustProxy: ['127.0.0.1'] });
    expect(await create(trusted, '198.51.100.1')).toBe(201);
    expect(await create(trusted, '198.51.100.1')).toBe(201);
    expect(await create(trusted, '198.51.100.2')).toBe(201);
    const elsewhere = await serverWith({ trustProxy: ['10.0.0.0/8'] });
    expect(await create(elsewhere, '198.51.100.1')).toBe(201);
    expect(await create(elsewhere, '198.51.100.2')).toBe(201);
    expect(await create(elsewhere, '198.51.100.3')).toBe(429);
  });
});
