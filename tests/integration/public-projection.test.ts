/** Rule O1: an observer receives no byte of any record outside public frames, ever. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { roomName } from '../../shared/roles';
import { connectStockClient, openRaw, waitOpen, type StockClient } from '../helpers/clients';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { documentRecord, frameRecord, noteRecord, pageRecord } from '../helpers/records';
import type { CanvasRecord } from '../../shared/projection';
import { tldrawSchema } from '../../shared/tldrawSchema';

const frame = (id: string, isPublic: boolean) => frameRecord(id, id, { meta: isPublic ? { public: true } : {} });
const note = (id: string, parentId: string, text: string) => noteRecord(id, text, { parentId, x: 10, y: 10 });

describe('public projection for observers', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;
  let observer: ReturnType<typeof openRaw>;
  const received = () => Buffer.concat(observer.outcome.received).toString('latin1');
  const observerSees = (marker: string) => received().includes(marker);

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    host = connectStockClient(server.url, board.id, board.tokens.facilitator);
    await host.synced();
    host.doc.transact(() => {
      host.records.set('document:document', documentRecord());
      host.records.set('page:main', pageRecord());
      host.records.set('shape:public', frame('shape:public', true));
      host.records.set('shape:private', frame('shape:private', false));
      host.records.set('shape:n-pub', note('shape:n-pub', 'shape:public', 'MARKER-PUBLIC-AAA'));
      host.records.set('shape:n-priv', note('shape:n-priv', 'shape:private', 'MARKER-PRIVATE-BBB'));
      host.records.set('shape:n-loose', note('shape:n-loose', 'page:main', 'MARKER-LOOSE-CCC'));
    });
    observer = openRaw(server.url, roomName(board.id, 'public'), board.tokens.observer, { sync: true });
    await waitOpen(observer.ws);
  });
  afterAll(async () => {
    observer.ws.close();
    host.destroy();
    await server.close();
  });

  it('receives the public frame’s notes and nothing else', async () => {
    await waitFor(() => observerSees('MARKER-PUBLIC-AAA'), 'the public note to reach the observer');
    expect(observerSees('MARKER-PRIVATE-BBB')).toBe(false);
    expect(observerSees('MARKER-LOOSE-CCC')).toBe(false);
  });

  it('receives nothing of notes written later outside public frames', async () => {
    host.records.set('shape:n-priv2', note('shape:n-priv2', 'shape:private', 'MARKER-PRIVATE-LATER'));
    host.records.set('shape:n-pub2', note('shape:n-pub2', 'shape:public', 'MARKER-PUBLIC-LATER'));
    await waitFor(() => observerSees('MARKER-PUBLIC-LATER'), 'the later public note');
    expect(observerSees('MARKER-PRIVATE-LATER')).toBe(false);
  });

  it('gets nothing new of a note after it left the public frame, and a new observer gets none of it', async () => {
    host.records.set('shape:n-pub2', { ...note('shape:n-pub2', 'shape:private', 'MARKER-MOVED-OUT'), x: 50 });
    const projectionRoom = () => [...server.rooms.rooms()].find((r) => r.name === roomName(board.id, 'public'))!;
    await waitFor(() => !projectionRoom().records.has('shape:n-pub2'), 'the moved note to leave the projection');
    expect(observerSees('MARKER-MOVED-OUT')).toBe(false);
    const fresh = openRaw(server.url, roomName(board.id, 'public'), board.tokens.observer, { sync: true });
    await waitFor(() => Buffer.concat(fresh.outcome.received).toString('latin1').includes('MARKER-PUBLIC-AAA'), 'the fresh observer’s sync');
    expect(Buffer.concat(fresh.outcome.received).toString('latin1')).not.toContain('MARKER-PUBLIC-LATER');
    fresh.ws.close();
  });

  it('gets nothing more of a frame once it is un-flagged, and a new observer sees an empty board', async () => {
    host.records.set('shape:public', frame('shape:public', false));
    host.records.set('shape:n-pub', note('shape:n-pub', 'shape:public', 'MARKER-AFTER-UNFLAG'));
    const projectionRoom = () => [...server.rooms.rooms()].find((r) => r.name === roomName(board.id, 'public'))!;
    await waitFor(() => projectionRoom().records.map.size === 0, 'the projection to empty');
    expect(observerSees('MARKER-AFTER-UNFLAG')).toBe(false);
    const fresh = openRaw(server.url, roomName(board.id, 'public'), board.tokens.observer, { sync: true });
    await waitFor(() => fresh.outcome.received.length > 0, 'the fresh observer’s sync');
    await new Promise((r) => setTimeout(r, 100));
    const bytes = Buffer.concat(fresh.outcome.received).toString('latin1');
    for (const marker of ['MARKER-PUBLIC-AAA', 'MARKER-PRIVATE-BBB', 'MARKER-LOOSE-CCC', 'MARKER-AFTER-UNFLAG']) expect(bytes).not.toContain(marker);
    fresh.ws.close();
  });

  it('never relays presence into the public room', async () => {
    host.provider.awareness.setLocalStateField('user', { name: 'MARKER-PRESENCE-NAME' });
    await new Promise((r) => setTimeout(r, 200));
    expect(observerSees('MARKER-PRESENCE-NAME')).toBe(false);
  });

  it('refuses a write from the public room, even from a host', async () => {
    const hostOnPublic = connectStockClient(server.url, roomName(board.id, 'public'), board.tokens.facilitator);
    await hostOnPublic.synced();
    hostOnPublic.records.set('shape:injected', note('shape:injected', 'page:main', 'MARKER-INJECTED'));
    await new Promise((r) => setTimeout(r, 200));
    expect(observerSees('MARKER-INJECTED')).toBe(false);
    hostOnPublic.destroy();
  });
});

describe('containers around a public frame, for observers', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;
  let observer: ReturnType<typeof openRaw>;
  const received = () => Buffer.concat(observer.outcome.received).toString('latin1');
  const projectionRoom = () => [...server.rooms.rooms()].find((r) => r.name === roomName(board.id, 'public'))!;
  const nested = (id: string, name: string, parentId: string, meta: Record<string, unknown>) => ({ ...frameRecord(id, name, { meta }), parentId });
  const outer = nested('shape:outer', 'MARKER-OUTER-NAME', 'page:main', {});

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    host = connectStockClient(server.url, board.id, board.tokens.facilitator);
    await host.synced();
    host.doc.transact(() => {
      host.records.set('document:document', documentRecord());
      host.records.set('page:main', pageRecord());
      host.records.set('shape:outer', outer);
      host.records.set('shape:inner', nested('shape:inner', 'inner', 'shape:outer', { public: true }));
      host.records.set('shape:hidden', nested('shape:hidden', 'MARKER-HIDDEN-NAME', 'shape:inner', { public: false }));
      host.records.set('shape:n-inner', note('shape:n-inner', 'shape:inner', 'MARKER-INNER-NOTE'));
      host.records.set('shape:n-sibling', note('shape:n-sibling', 'shape:outer', 'MARKER-SIBLING-NOTE'));
      host.records.set('shape:n-hidden', note('shape:n-hidden', 'shape:hidden', 'MARKER-HIDDEN-NOTE'));
    });
    observer = openRaw(server.url, roomName(board.id, 'public'), board.tokens.observer, { sync: true });
    await waitOpen(observer.ws);
  });
  afterAll(async () => {
    observer.ws.close();
    host.destroy();
    await server.close();
  });

  it('gets the enclosing frame as an empty, valid container, and nothing of the hidden frame', async () => {
    await waitFor(() => received().includes('MARKER-INNER-NOTE'), 'the public note to reach the observer');
    for (const marker of ['MARKER-OUTER-NAME', 'MARKER-SIBLING-NOTE', 'MARKER-HIDDEN-NAME', 'MARKER-HIDDEN-NOTE']) expect(received()).not.toContain(marker);
    const container = projectionRoom().records.get('shape:outer') as CanvasRecord;
    expect(container.props).toEqual({ w: 800, h: 600, name: '', color: 'black' });
    expect(() => tldrawSchema().types.shape.validate(container)).not.toThrow();
    expect([...projectionRoom().records.map.keys()].sort()).toEqual(['document:document', 'page:main', 'shape:inner', 'shape:n-inner', 'shape:outer']);
  });

  it('is not sent the container again when only its private content changes', async () => {
    let updates = 0;
    const count = () => updates++;
    projectionRoom().doc.on('update', count);
    host.records.set('shape:outer', { ...outer, props: { ...(outer.props as object), name: 'MARKER-OUTER-RENAMED' } });
    await waitFor(() => (server.rooms.get(roomName(board.id, 'canvas'))?.records.get('shape:outer') as CanvasRecord | undefined)?.props?.name === 'MARKER-OUTER-RENAMED', 'the rename to reach the server');
    await new Promise((r) => setTimeout(r, 200));
    projectionRoom().doc.off('update', count);
    expect(updates).toBe(0);
    expect(received()).not.toContain('MARKER-OUTER-RENAMED');
  });
});
