/**
 * Requests with ids: a slow request (closing the meeting) and a quick one sent after it are
 * answered in the other order, and each caller still gets its own reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { MessageType } from '../../shared/protocol';
import { RefusalReason, type ReplyMessage } from '../../shared/requests';
import { roomName } from '../../shared/roles';
import { connectStockClient, openRaw, sendRequest, waitOpen, type StockClient } from '../helpers/clients';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

describe('requests carry ids and replies name them', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    host = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    await host.synced();
  });
  afterAll(async () => {
    host.destroy();
    await server.close();
  });

  it('a slow close-meeting and a quick vote sent after it: replies come back out of order, each to its own caller', async () => {
    // Listen to the raw replies too, to see the order they arrive in.
    const arrived: string[] = [];
    const provider = host.provider as WebsocketProvider & { ws: { addEventListener(type: 'message', fn: (e: { data: ArrayBuffer | Buffer }) => void): void } };
    provider.ws.addEventListener('message', (event) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      if (decoding.readVarUint(decoder) !== MessageType.request) return;
      arrived.push((JSON.parse(decoding.readVarString(decoder)) as ReplyMessage).t);
    });
    const closing = sendRequest(host, { t: 'close-meeting', confirm: true });
    const voting = sendRequest(host, { t: 'my-votes', voter: 'voter-aaaaaaaaaaaaaaaa', voteId: 'none' });
    const [closed, voted] = await Promise.all([closing, voting]);
    expect(arrived).toEqual(['refused', 'ok']);
    expect(closed).toEqual({ t: 'ok', request: 'close-meeting' });
    expect(voted).toEqual({ t: 'refused', request: 'my-votes', reason: RefusalReason.noOpenVote });
  });

  it('a request still waiting when the connection drops is answered as refused, with its own type', async () => {
    const closing = sendRequest(host, { t: 'close-meeting', confirm: true });
    // Closing the meeting stores the board first: the socket goes before its reply comes.
    host.provider.ws!.close();
    expect(await closing).toEqual({ t: 'refused', request: 'close-meeting', reason: RefusalReason.boardNotLoaded });
    // The provider reconnects, and requests are answered again.
    await waitFor(() => host.provider.wsconnected, 'the reconnect');
    expect(await sendRequest(host, { t: 'bin-list' })).toMatchObject({ t: 'bin' });
  });

  it('a request without an id is a broken client: the connection is closed', async () => {
    const raw = openRaw(server.url, roomName(board.id, 'control'), board.tokens.facilitator, { sync: true });
    await waitOpen(raw.ws);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.request);
    encoding.writeVarString(encoder, JSON.stringify({ t: 'bin-list' }));
    raw.ws.send(encoding.toUint8Array(encoder));
    expect((await raw.done).close?.code).toBe(4400);
  });
});
