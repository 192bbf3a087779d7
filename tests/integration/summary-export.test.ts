import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';
import { connectStockClient } from '../helpers/clients';
import { createBoard, startTestServer } from '../helpers/server';
import { AGREED_TEXTS, NOT_AGREED_TEXTS, finishedSession, finishedSessionRecords } from '../helpers/summaryFixture';
import { waitFor } from '../helpers/wait';

describe('summary note export', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  const get = (ext: string, token?: string, header = true) =>
    fetch(`${server.url}/api/boards/${board.id}/summary.${ext}${token && !header ? `?token=${token}` : ''}`, {
      headers: token && header ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url, { title: 'Sieć Przedsiębiorczość' });
    const canvas = connectStockClient(server.url, board.id, board.tokens.facilitator);
    const control = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    await Promise.all([canvas.synced(), control.synced()]);
    canvas.doc.transact(() => {
      for (const r of finishedSessionRecords()) canvas.records.set(r.id, r);
    });
    const session = control.doc.getMap(SESSION_MAP);
    const fixture = finishedSession();
    session.set('meeting', fixture.meeting);
    // The attendance list is the server's (people join, hosts edit through requests): the
    // fixture's entries go in as the server writes them, one key per person.
    const held = await server.rooms.hold(board.id, 'control');
    held.room.doc.transact(() => {
      for (const [key, entry] of Object.entries(fixture.attendance as Record<string, unknown>)) held.room.doc.getMap(SESSION_MAP).set(`attendance:${key}`, entry);
    });
    held.release();
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.name === board.id && r.records.has('shape:act2')), 'the board on the server');
    await waitFor(() => [...server.rooms.rooms()].some((r) => r.name === roomName(board.id, 'control') && r.doc.getMap(SESSION_MAP).has('meeting')), 'the session on the server');
    canvas.destroy();
    control.destroy();
    // Both left: the export reads the stored documents from here on.
    await waitFor(() => server.rooms.size === 0, 'the rooms to be stored and unloaded');
  });
  afterAll(() => server.close());

  it.each([
    ['no token', undefined, 401],
    ['a participant token', 'participant', 403],
    ['an observer token', 'observer', 403],
  ] as const)('refuses %s', async (_label, role, status) => {
    const res = await get('md', role ? board.tokens[role] : undefined);
    expect(res.status).toBe(status);
  });

  it('refuses another board’s host token', async () => {
    const other = await createBoard(server.url);
    expect((await get('md', other.tokens.facilitator)).status).toBe(403);
  });

  it('gives hosts the Markdown note, with agreed items only', async () => {
    const res = await get('md', board.tokens.expert);
    expect(res.status).toBe(200);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain('attachment; filename="2026-11-24 Notatka - Siec Przedsiebiorczosc.md"');
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe('2026-11-24 Notatka – Sieć Przedsiębiorczość.md');
    const md = await res.text();
    for (const text of AGREED_TEXTS) expect(md).toContain(text);
    for (const text of NOT_AGREED_TEXTS) expect(md).not.toContain(text);
    expect(md).toContain('Sieć Przedsiębiorczość');
  });

  it('gives a DOCX whose word/document.xml holds the agreed texts and none of the others', async () => {
    const res = await get('docx', board.tokens.facilitator, false);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toContain('[Content_Types].xml');
    const xml = strFromU8(files['word/document.xml']!);
    for (const text of AGREED_TEXTS) expect(xml).toContain(text);
    for (const text of NOT_AGREED_TEXTS) expect(xml).not.toContain(text);
    expect(xml).toContain('Przygotować kalendarz naborów');
    expect(xml).not.toContain('SZKIC-DZIALANIE');
    expect(xml).toContain('Ewa Zielińska');
    expect(xml).not.toContain('Adam Ukryty');
  });

  it('gives print-ready HTML, in English on request', async () => {
    const res = await fetch(`${server.url}/api/boards/${board.id}/summary.html?lang=en&token=${board.tokens.facilitator}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('Summary note of meeting no. 3: Sieć Przedsiębiorczość');
  });

  it('is in the board’s language whoever downloads it, unless another is asked for', async () => {
    const english = await createBoard(server.url, { title: 'Entrepreneurship network', locale: 'en' });
    const note = async (query = '') => (await fetch(`${server.url}/api/boards/${english.id}/summary.md?token=${english.tokens.facilitator}${query}`)).text();
    expect(await note()).toContain('# Meeting summary note: Entrepreneurship network');
    expect(await note('&lang=pl')).toContain('# Notatka podsumowująca spotkanie: Entrepreneurship network');
    const polish = await (await get('md', board.tokens.facilitator)).text();
    expect(polish).toContain('# Notatka podsumowująca spotkanie nr 3: Sieć Przedsiębiorczość');
  });
});
