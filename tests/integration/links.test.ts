import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import { TokenSigner } from '../../server/auth/tokens';
import { CloseCode } from '../../shared/protocol';
import { CreateBoardResponse } from '../../shared/api';
import { openRaw, waitOpen } from '../helpers/clients';
import { createBoard, startTestServer, TEST_SECRET } from '../helpers/server';

describe('links expire and hosts can replace them', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
  });
  afterAll(() => server.close());
  const rotate = (token: string) => fetch(`${server.url}/api/boards/${board.id}/links`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

  it('refuses an expired link at the upgrade and on the API', async () => {
    const expired = new TokenSigner(TEST_SECRET).sign({ boardId: board.id, role: 'facilitator', generation: 0 }, 1000, Date.now() - 10_000);
    expect((await openRaw(server.url, board.id, expired).done).status).toBe(401);
    const res = await fetch(`${server.url}/api/boards/${board.id}/summary.md?token=${expired}`);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('link expired');
  });

  it('gives hosts the current links, and nobody else', async () => {
    const get = (token: string) => fetch(`${server.url}/api/boards/${board.id}/links`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get(board.tokens.participant)).status).toBe(403);
    const current = CreateBoardResponse.parse(await (await get(board.tokens.expert)).json());
    const joined = openRaw(server.url, board.id, current.tokens.participant);
    await waitOpen(joined.ws);
    joined.ws.close();
  });

  it('lets only hosts replace the links', async () => {
    expect((await rotate(board.tokens.participant)).status).toBe(403);
    expect((await fetch(`${server.url}/api/boards/${board.id}/links`, { method: 'POST' })).status).toBe(401);
  });

  it('after a rotation, old links are refused, people connected by them are closed, new links work', async () => {
    const connected = openRaw(server.url, board.id, board.tokens.participant);
    await waitOpen(connected.ws);
    const res = await rotate(board.tokens.expert);
    expect(res.status).toBe(200);
    const fresh = CreateBoardResponse.parse(await res.json());
    expect(fresh.id).toBe(board.id);
    expect(fresh.links.participant).toContain(`#t=${fresh.tokens.participant}`);
    expect((await connected.done).close?.code).toBe(CloseCode.linkReplaced);
    for (const role of ['facilitator', 'participant'] as const) {
      expect((await openRaw(server.url, board.id, board.tokens[role]).done).status).toBe(401);
    }
    const again = openRaw(server.url, board.id, fresh.tokens.participant);
    await waitOpen(again.ws);
    again.ws.close();
    expect((await fetch(`${server.url}/api/boards/${board.id}/summary.md?token=${board.tokens.facilitator}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/boards/${board.id}/summary.md?token=${fresh.tokens.facilitator}`)).status).toBe(200);
  });
});
