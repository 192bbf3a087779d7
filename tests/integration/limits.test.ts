import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { CloseCode, MessageType } from '../../shared/protocol';
import { connectStockClient, openRaw, waitOpen } from '../helpers/clients';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { noteRecord } from '../helpers/records';

describe('limits, each with a clear error', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  beforeAll(async () => {
    server = await startTestServer({ maxMessagesPerSecond: 20, maxConnectionsPerBoard: 3, boardCreationsPerHour: 3, maxMessageBytes: 4096 });
    board = await createBoard(server.url);
  });
  afterAll(() => server.close());

  it('closes a connection that sends too many messages per second, and only that one', async () => {
    const bystander = connectStockClient(server.url, board.id, board.tokens.participant);
    await bystander.synced();
    const flood = openRaw(server.url, board.id, board.tokens.participant);
    await waitOpen(flood.ws);
    for (let i = 0; i < 200; i++) flood.ws.send(Buffer.from([MessageType.queryAwareness]));
    const outcome = await flood.done;
    expect(outcome.close).toEqual({ code: CloseCode.rateLimited, reason: 'too many messages per second' });
    bystander.records.set('shape:still', noteRecord('shape:still', 'działa'));
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.records.has('shape:still')), 'the bystander to keep writing');
    expect(bystander.provider.wsconnected).toBe(true);
    bystander.destroy();
  });

  it('closes a connection whose frame is larger than the cap (1009)', async () => {
    const big = openRaw(server.url, board.id, board.tokens.participant);
    await waitOpen(big.ws);
    big.ws.send(Buffer.alloc(8192, 1));
    expect((await big.done).close?.code).toBe(CloseCode.messageTooBig);
  });

  it('refuses connections past the per-board cap with 429, and accepts again when one leaves', async () => {
    const other = await createBoard(server.url);
    const open = [0, 1, 2].map(() => openRaw(server.url, other.id, other.tokens.participant));
    await Promise.all(open.map((o) => waitOpen(o.ws)));
    const refused = await openRaw(server.url, other.id, other.tokens.participant).done;
    expect(refused.status).toBe(429);
    open[0]!.ws.close();
    await open[0]!.done;
    await waitFor(async () => {
      const retry = openRaw(server.url, other.id, other.tokens.participant);
      const result = await Promise.race([retry.done, waitOpen(retry.ws).then(() => 'open' as const)]);
      retry.ws.close();
      return result === 'open';
    }, 'a free place on the board');
    for (const o of open) o.ws.close();
  });

  it('limits board creations per address per hour', async () => {
    // One board was created in beforeAll and one in the test above: the cap of 3 allows one more.
    await createBoard(server.url);
    const res = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x' }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error).toMatch(/too many boards/);
  });
});

describe('REST input', () => {
  let server: RunningTablica;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  const post = (body: string) => fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it.each([
    ['malformed JSON', '{"title":', 400, /malformed JSON/],
    ['a body over the limit', JSON.stringify({ title: 'x'.repeat(40_000) }), 413, /too large/],
    ['no title', '{}', 400, /invalid board request/],
    ['an unknown format', JSON.stringify({ title: 'Sieć', formatId: 'nope' }), 400, /invalid board request/],
    ['an unknown field', JSON.stringify({ title: 'Sieć', admin: true }), 400, /invalid board request/],
    ['a title that is only spaces', JSON.stringify({ title: '   ' }), 400, /invalid board request/],
  ])('%s gets %i with a JSON error', async (_label, body, status, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(message);
  });

  it('requires the organiser secret when the server has one', async () => {
    const guarded = await startTestServer({ organiserSecret: 'organiser-secret-1' });
    const without = await fetch(`${guarded.url}/api/boards`, { method: 'POST', body: JSON.stringify({ title: 'x' }), headers: { 'content-type': 'application/json' } });
    expect(without.status).toBe(401);
    const withIt = await fetch(`${guarded.url}/api/boards`, { method: 'POST', body: JSON.stringify({ title: 'x' }), headers: { 'content-type': 'application/json', authorization: 'Bearer organiser-secret-1' } });
    expect(withIt.status).toBe(201);
    await guarded.close();
  });

  it('sends security headers, with a CSP that allows nothing beyond this host', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
  });
});
