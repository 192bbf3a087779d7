/**
 * The short join: a board's code and `/j/CODE` lead to its participant link and nothing else; an
 * unknown or replaced code is a clear 404; guessing is limited per address; the code survives a
 * restart and works across two instances on PostgreSQL and Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import { PostgresStore } from '../../server/persistence/postgres';
import { CreateBoardResponse } from '../../shared/api';
import { JOIN_CODE_ALPHABET, JoinInfo } from '../../shared/joinCode';
import { readTokenPayload } from '../../shared/token';
import { shortLinkQrVersion, MAX_SHORT_QR_VERSION } from '../../client/src/people/shortLinkQr';
import { createBoard, startTestServer, tempDataDir } from '../helpers/server';
import { assertServicesReachable, databaseUrl, redisUrl, uniqueTable } from '../helpers/services';

const follow = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers });
const rotate = (baseUrl: string, board: CreateBoardResponse, token = board.tokens.facilitator) =>
  fetch(`${baseUrl}/api/boards/${board.id}/links`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then(async (r) => CreateBoardResponse.parse(await r.json()));

/** Where `/j/CODE` sends a browser: the role and board of the token in the link it redirects to. */
async function destination(baseUrl: string, code: string) {
  const res = await follow(`${baseUrl}/j/${code}`);
  expect(res.status).toBe(302);
  const location = res.headers.get('location')!;
  const [path, fragment] = location.split('#');
  const claims = readTokenPayload(new URLSearchParams(fragment).get('t') ?? '');
  return { location, path, claims };
}

describe('the short join code', () => {
  let server: RunningTablica;
  let dataDir: string;
  let board: CreateBoardResponse;
  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startTestServer({ dataDir });
    board = await createBoard(server.url);
  });
  afterAll(() => server.close());

  it('comes with a new board: 7 unambiguous characters and the short URL', () => {
    const join = board.join!;
    expect(join.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{7}$`));
    expect(join.code).not.toMatch(/[01OIL]/);
    expect(join.link).toBe(`${server.url}/j/${join.code}`);
  });

  it('leads to the participant link, never a host token, however the code is typed', async () => {
    for (const typed of [board.join!.code, board.join!.code.toLowerCase(), `${board.join!.code.slice(0, 3)}-${board.join!.code.slice(3)}`]) {
      const { path, claims, location } = await destination(server.url, typed);
      expect(path).toBe(`${server.url}/b/${board.id}`);
      expect(claims?.r).toBe('participant');
      expect(claims?.b).toBe(board.id);
      for (const host of [board.tokens.facilitator, board.tokens.expert]) expect(location).not.toContain(host);
    }
    // The typing page sends a typed code on to its short URL.
    const typed = await follow(`${server.url}/j?code=${encodeURIComponent(' ' + board.join!.code.toLowerCase())}`);
    expect(typed.status).toBe(302);
    expect(typed.headers.get('location')).toBe(`/j/${board.join!.code}`);
  });

  it('answers an unknown code with a clear 404: a page for browsers, JSON for programs', async () => {
    const page = await follow(`${server.url}/j/ZZZZZZZ`, { accept: 'text/html' });
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('Nie ma spotkania z takim kodem');
    expect(html).toContain('<form action="/j"');
    const json = await follow(`${server.url}/j/ZZZZZZZ`, { accept: 'application/json' });
    expect(json.status).toBe(404);
    expect((await json.json()).error).toMatch(/no board has this join code/);
    // Not a code at all (a zero, an O): the same answer, nothing looked up.
    expect((await follow(`${server.url}/j/O0O0O0O`, { accept: 'application/json' })).status).toBe(404);
  });

  it('is given to hosts and participants with the links, never to observers', async () => {
    const get = (token: string) => fetch(`${server.url}/api/boards/${board.id}/join`, { headers: { authorization: `Bearer ${token}` } });
    for (const role of ['facilitator', 'participant'] as const) expect(JoinInfo.parse(await (await get(board.tokens[role])).json())).toEqual(board.join);
    expect((await get(board.tokens.observer)).status).toBe(403);
    expect((await fetch(`${server.url}/api/boards/${board.id}/join`)).status).toBe(401);
    const links = await fetch(`${server.url}/api/boards/${board.id}/links`, { headers: { authorization: `Bearer ${board.tokens.expert}` } });
    expect(CreateBoardResponse.parse(await links.json()).join).toEqual(board.join);
  });

  it('is replaced with the links: the old code is 404, the new one leads to the new participant link', async () => {
    const other = await createBoard(server.url);
    const fresh = await rotate(server.url, other);
    expect(fresh.join!.code).not.toBe(other.join!.code);
    expect((await follow(`${server.url}/j/${other.join!.code}`, { accept: 'application/json' })).status).toBe(404);
    const { claims, path } = await destination(server.url, fresh.join!.code);
    expect(claims?.g).toBe(readTokenPayload(fresh.tokens.participant)?.g);
    expect(claims?.g).toBeGreaterThan(0);
    expect(path).toBe(fresh.links.participant.slice(0, fresh.links.participant.indexOf('#')));
  });

  it('keeps its QR code at version 4 or less, for this server and for a long host name', () => {
    expect(shortLinkQrVersion(board.join!.link)).toBeLessThanOrEqual(MAX_SHORT_QR_VERSION);
    expect(shortLinkQrVersion(`https://tablica.sieci-wymiany.example.gov.pl/j/${board.join!.code}`)).toBeLessThanOrEqual(MAX_SHORT_QR_VERSION);
    // The participant link itself needs a far larger code: the reason for the short URL.
    expect(shortLinkQrVersion(board.links.participant)).toBeGreaterThan(MAX_SHORT_QR_VERSION);
  });

  it('tells the join screen the meeting’s title, date and hosts, for hosts and participants only', async () => {
    const get = (token: string) => fetch(`${server.url}/api/boards/${board.id}/meeting`, { headers: { authorization: `Bearer ${token}` } });
    const info = await (await get(board.tokens.participant)).json();
    expect(info).toEqual({ title: 'Sieć testowa', date: new Date().toISOString().slice(0, 10), hosts: [] });
    expect((await get(board.tokens.observer)).status).toBe(403);
  });

  it('works after a restart', async () => {
    await server.close();
    server = await startTestServer({ dataDir });
    const { claims } = await destination(server.url, board.join!.code);
    expect(claims?.b).toBe(board.id);
  });
});

describe('guessing join codes', () => {
  let server: RunningTablica;
  afterAll(() => server.close());

  it('refuses an address that missed too many codes this hour, even for a good code, with Retry-After', async () => {
    server = await startTestServer({ joinCodeMissesPerHour: 3 });
    const board = await createBoard(server.url);
    for (const guess of ['AAAAAAA', 'BBBBBBB', 'CCCCCCC']) expect((await follow(`${server.url}/j/${guess}`, { accept: 'application/json' })).status).toBe(404);
    const limited = await follow(`${server.url}/j/DDDDDDD`, { accept: 'text/html' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Za dużo błędnych kodów');
    expect((await follow(`${server.url}/j/${board.join!.code}`)).status).toBe(429);
  });
});

describe.skipIf(!databaseUrl || !redisUrl)('the join code across two instances (PostgreSQL and Redis)', () => {
  const table = uniqueTable('join');
  let a: RunningTablica;
  let b: RunningTablica;
  beforeAll(async () => {
    await assertServicesReachable();
    const config = { databaseUrl: databaseUrl!, databaseTable: table, redisUrl: redisUrl! };
    // One after the other: the first makes the table (two at once race to create it).
    a = await startTestServer(config);
    await fetch(`${a.url}/healthz`);
    b = await startTestServer(config);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await new PostgresStore(databaseUrl!, table).drop();
  });

  it('a code made on one instance works on the other, and replacing it on either refuses it on both', async () => {
    const board = await createBoard(a.url);
    expect((await destination(b.url, board.join!.code)).claims?.b).toBe(board.id);
    const fresh = await rotate(b.url, board);
    for (const instance of [a, b]) {
      expect((await follow(`${instance.url}/j/${board.join!.code}`, { accept: 'application/json' })).status).toBe(404);
      expect((await destination(instance.url, fresh.join!.code)).claims?.b).toBe(board.id);
    }
  });
});
