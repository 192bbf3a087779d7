import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { writeUpdate } from 'y-protocols/sync';
import type { RunningTablica } from '../../server/app';
import { WebSocket } from 'ws';
import { CloseCode, MessageType, READ_ONLY_REASON, SYNC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '../../shared/protocol';
import { roomName } from '../../shared/roles';
import type { CreateBoardResponse } from '../../shared/api';
import { connectStockClient, openRaw, waitOpen, type StockClient } from '../helpers/clients';
import { createBoard, startTestServer, syncUrl, tempDataDir } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { noteRecord, shapeCount } from '../helpers/records';

const note = (id: string, text: string) => noteRecord(id, text);

describe('sync through the real server', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  const clients: StockClient[] = [];
  const connect = (room: string, token: string, doc?: Y.Doc) => {
    const client = connectStockClient(server.url, room, token, doc);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('two clients converge', async () => {
    const a = connect(board.id, board.tokens.participant);
    const b = connect(board.id, board.tokens.facilitator);
    await Promise.all([a.synced(), b.synced()]);
    a.records.set('shape:a', note('shape:a', 'z pierwszego'));
    b.records.set('shape:b', note('shape:b', 'z drugiego'));
    await waitFor(() => a.records.has('shape:b') && b.records.has('shape:a'), 'both notes on both clients');
    expect(a.doc.getArray('tldraw').toJSON()).toEqual(b.doc.getArray('tldraw').toJSON());
  });

  it('a late joiner gets the whole state', async () => {
    const early = connect(board.id, board.tokens.expert);
    await early.synced();
    for (let i = 0; i < 50; i++) early.records.set(`shape:late${i}`, note(`shape:late${i}`, `notatka ${i}`));
    await waitFor(() => server.rooms.rooms().next().value?.doc.getArray('tldraw').length! >= 50, 'server to have the notes');
    const late = connect(board.id, board.tokens.participant);
    await late.synced();
    for (let i = 0; i < 50; i++) expect(late.records.get(`shape:late${i}`)).toEqual(note(`shape:late${i}`, `notatka ${i}`));
  });

  it('relays presence (awareness) between clients of a room', async () => {
    const a = connect(board.id, board.tokens.participant);
    const b = connect(board.id, board.tokens.participant);
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalStateField('user', { name: 'Anna z Gdyni' });
    await waitFor(
      () => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Anna z Gdyni',
      'b to see a’s presence',
    );
  });

  it('stamps each presence state with the role of its token, whatever the client claims', async () => {
    const liar = connect(board.id, board.tokens.participant);
    const host = connect(board.id, board.tokens.expert);
    await Promise.all([liar.synced(), host.synced()]);
    liar.provider.awareness.setLocalState({ user: { name: 'Kłamczuch' }, role: 'facilitator' });
    host.provider.awareness.setLocalState({ user: { name: 'Ekspertka' } });
    const seen = (c: StockClient, id: number) => c.provider.awareness.getStates().get(id) as { role?: string; user?: { name: string } } | undefined;
    await waitFor(() => seen(host, liar.doc.clientID)?.user?.name === 'Kłamczuch' && seen(liar, host.doc.clientID)?.user?.name === 'Ekspertka', 'both presences');
    expect(seen(host, liar.doc.clientID)?.role).toBe('participant');
    expect(seen(liar, host.doc.clientID)?.role).toBe('expert');
  });

  it('answers a participant’s write to the control room with permission-denied and drops it', async () => {
    const host = connect(roomName(board.id, 'control'), board.tokens.facilitator);
    await host.synced();
    const raw = openRaw(server.url, roomName(board.id, 'control'), board.tokens.participant);
    await waitOpen(raw.ws);
    const forged = new Y.Doc();
    forged.getMap('session').set('currentStep', 'hijacked');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    writeUpdate(encoder, Y.encodeStateAsUpdate(forged));
    raw.ws.send(encoding.toUint8Array(encoder));
    await waitFor(() => raw.outcome.received.some((m) => m[0] === MessageType.auth), 'a permission-denied answer');
    const denial = raw.outcome.received.find((m) => m[0] === MessageType.auth)!;
    expect(denial.toString('utf8')).toContain(READ_ONLY_REASON);
    // The host's own write still goes through, and the participant's never arrived.
    host.doc.getMap('session').set('title', 'Sonda');
    await waitFor(() => {
      const room = [...server.rooms.rooms()].find((r) => r.name === roomName(board.id, 'control'));
      return room?.doc.getMap('session').get('title') === 'Sonda';
    }, 'the host write to reach the server');
    const room = [...server.rooms.rooms()].find((r) => r.name === roomName(board.id, 'control'))!;
    expect(room.doc.getMap('session').get('currentStep')).toBeUndefined();
    expect(host.doc.getMap('session').get('currentStep')).toBeUndefined();
    raw.ws.close();
  });

  it('closes only the connection that sends a malformed frame; the room and others are untouched', async () => {
    const good = connect(board.id, board.tokens.participant);
    await good.synced();
    good.records.set('shape:keep', note('shape:keep', 'zostaje'));
    const before = () => JSON.stringify(good.doc.getArray('tldraw').toJSON());
    const snapshot = before();
    const cases: [string, Buffer | string, number][] = [
      ['unknown message type', Buffer.from([42]), CloseCode.malformedMessage],
      ['truncated varint', Buffer.from([0, 2, 0xff]), CloseCode.malformedMessage],
      ['huge length prefix', Buffer.from([0, 2, 0xff, 0xff, 0xff, 0x7f, 1]), CloseCode.malformedMessage],
      ['invalid Yjs update', Buffer.from([0, 2, 5, 9, 9, 9, 9, 9]), CloseCode.malformedMessage],
      ['text frame', 'hello', CloseCode.unsupportedData],
    ];
    for (const [label, frame, code] of cases) {
      const raw = openRaw(server.url, board.id, board.tokens.participant);
      await waitOpen(raw.ws);
      raw.ws.send(frame);
      const outcome = await raw.done;
      expect(outcome.close?.code, label).toBe(code);
    }
    good.records.set('shape:after', note('shape:after', 'po'));
    const peer = connect(board.id, board.tokens.participant);
    await peer.synced();
    await waitFor(() => peer.records.has('shape:after'), 'the room to keep working');
    expect(JSON.parse(snapshot)).toEqual(expect.arrayContaining(peer.doc.getArray('tldraw').toJSON().filter((e: { key: string }) => e.key !== 'shape:after')));
    expect(good.provider.wsconnected).toBe(true);
  });

  it('drops awareness a connection sends for another client (the victim’s presence is unchanged)', async () => {
    const victim = connect(board.id, board.tokens.participant);
    await victim.synced();
    victim.provider.awareness.setLocalStateField('user', { name: 'Ofiara' });
    const victimId = victim.doc.clientID;
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.awareness.getStates().has(victimId)), 'victim presence on server');
    const raw = openRaw(server.url, board.id, board.tokens.participant);
    await waitOpen(raw.ws);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, victimId);
    encoding.writeVarUint(inner, 999);
    encoding.writeVarString(inner, JSON.stringify({ user: { name: 'Podszywacz' } }));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    raw.ws.send(encoding.toUint8Array(encoder));
    // Then a harmless query: its answer proves the forged entry was handled before it.
    raw.ws.send(Buffer.from([MessageType.queryAwareness]));
    await waitFor(() => raw.outcome.received.some((m) => m[0] === MessageType.awareness), 'the query answer');
    const room = [...server.rooms.rooms()].find((r) => r.name === board.id)!;
    expect((room.awareness.getStates().get(victimId) as { user: { name: string } }).user.name).toBe('Ofiara');
    expect(room.awarenessOwners.get(victimId)).not.toBeUndefined();
    raw.ws.close();
  });

  it('closes a connection whose awareness state is too large', async () => {
    const big = connect(board.id, board.tokens.participant);
    await big.synced();
    const closed = new Promise<number>((resolve) => big.provider.ws?.addEventListener('close', (e) => resolve((e as CloseEvent).code)));
    big.provider.awareness.setLocalStateField('junk', 'x'.repeat(server.config.maxAwarenessBytes + 10));
    expect(await closed).toBe(CloseCode.payloadTooLarge);
  });
});

describe('tokens at the upgrade', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let other: CreateBoardResponse;
  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    other = await createBoard(server.url);
  });
  afterAll(() => server.close());

  const forge = (token: string) => {
    const [payload, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.r = 'facilitator';
    return `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
  };

  it.each([
    ['missing token', () => [board.id, undefined], 401],
    ['garbage token', () => [board.id, 'not-a-token'], 401],
    ['token with an altered role', () => [board.id, forge(board.tokens.participant)], 401],
    ['token of another board', () => [board.id, other.tokens.facilitator], 403],
    ['observer on the canvas room', () => [board.id, board.tokens.observer], 403],
    ['observer on the control room', () => [roomName(board.id, 'control'), board.tokens.observer], 403],
    ['a room name that is no board', () => ['../etc', board.tokens.facilitator], 404],
  ] as const)('%s is refused before any Yjs byte', async (_label, args, status) => {
    const [room, token] = args();
    const outcome = await openRaw(server.url, room as string, token).done;
    expect(outcome.status).toBe(status);
    expect(outcome.opened).toBe(false);
    expect(outcome.received).toHaveLength(0);
  });

  it('takes the token as a subprotocol (Tablica’s own client), so it appears in no URL', async () => {
    const url = `${syncUrl(server.url)}/${board.id}`;
    const ws = new WebSocket(url, [SYNC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + board.tokens.participant]);
    await waitOpen(ws);
    expect(ws.protocol).toBe(SYNC_SUBPROTOCOL);
    ws.close();
    const forged = await new Promise<number>((resolve) => {
      const refused = new WebSocket(url, [SYNC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + forge(board.tokens.participant)]);
      refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      refused.on('open', () => resolve(101));
    });
    expect(forged).toBe(401);
  });

  it('lets an observer read the public room', async () => {
    const outcome = openRaw(server.url, roomName(board.id, 'public'), board.tokens.observer);
    await waitOpen(outcome.ws);
    await waitFor(() => outcome.outcome.received.length > 0, 'the public room’s sync step 1');
    outcome.ws.close();
  });
});

describe('storage across restarts', () => {
  it('keeps everything that was written when the server restarts', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer({ dataDir });
    const board = await createBoard(server.url);
    const writer = connectStockClient(server.url, board.id, board.tokens.participant);
    await writer.synced();
    for (let i = 0; i < 20; i++) writer.records.set(`shape:r${i}`, note(`shape:r${i}`, `przetrwa ${i}`));
    writer.records.delete('shape:r3');
    await waitFor(() => [...server.rooms.rooms()].some((r) => shapeCount(r.records) === 19), 'server to hold the edits');
    writer.destroy();
    await server.close();

    server = await startTestServer({ dataDir });
    const reader = connectStockClient(server.url, board.id, board.tokens.participant);
    await reader.synced();
    expect(reader.records.get('shape:r7')).toEqual(note('shape:r7', 'przetrwa 7'));
    expect(reader.records.has('shape:r3')).toBe(false);
    expect(shapeCount(reader.records)).toBe(19);
    reader.destroy();
    await server.close();
  });

  it('stores a room that never falls quiet within the longest wait, not only after the writing stops', async () => {
    const server = await startTestServer({ storeDebounceMs: 150, storeMaxWaitMs: 400 });
    const board = await createBoard(server.url);
    const writer = connectStockClient(server.url, board.id, board.tokens.participant);
    await writer.synced();
    const { SqliteStore } = await import('../../server/persistence/sqlite');
    const probe = SqliteStore.inDataDir(server.config.dataDir);
    const storedKeys = async () => {
      const state = await probe.load(board.id);
      if (!state) return [];
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return doc.getArray<{ key: string }>('tldraw').toArray().map((e) => e.key);
    };
    // A write every 50 ms for 1.5 s: never 150 ms of quiet, so only the longest wait stores.
    let stored = false;
    for (let i = 0; i < 30 && !stored; i++) {
      writer.records.set(`shape:w${i}`, note(`shape:w${i}`, `wpis ${i}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (i >= 10) stored = (await storedKeys()).includes('shape:w0');
    }
    expect(stored).toBe(true);
    await probe.close();
    writer.destroy();
    await server.close();
  });

  it('stores a busy room debounced, without anyone leaving, and unloads a room after its last client left', async () => {
    const server = await startTestServer({ storeDebounceMs: 100, storeMaxWaitMs: 300, roomUnloadGraceMs: 100 });
    const board = await createBoard(server.url);
    const writer = connectStockClient(server.url, board.id, board.tokens.participant);
    await writer.synced();
    writer.records.set('shape:debounced', note('shape:debounced', 'zapisane'));
    const { SqliteStore } = await import('../../server/persistence/sqlite');
    const probe = SqliteStore.inDataDir(server.config.dataDir);
    await waitFor(async () => {
      const state = await probe.load(board.id);
      if (!state) return false;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return doc.getArray('tldraw').toJSON().some((e: { key: string }) => e.key === 'shape:debounced');
    }, 'the debounced snapshot', 3000);
    await probe.close();
    expect(server.rooms.get(board.id)).toBeDefined();
    writer.destroy();
    await waitFor(() => server.rooms.size === 0, 'the room to unload');
    await server.close();
  });
});
