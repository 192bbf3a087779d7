/**
 * The no-recording rules (docs/no-recording.md), each proved on the real server and the real
 * SQLite file: R1 one compacted snapshot and no log, R2 no authorship stored, R3 presence never
 * stored and logs free of board content, R4 the export holds agreed items only, R5 closing the
 * meeting clears all non-public content.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import { createLogger } from '../../server/log';
import type { CreateBoardResponse } from '../../shared/api';
import { roomName } from '../../shared/roles';
import { attendanceOf } from '../../shared/sessionTotals';
import { SESSION_MAP } from '../../shared/session';
import { connectStockClient, sendRequest, type StockClient } from '../helpers/clients';
import { documentRecord, frameRecord, noteRecord, pageRecord } from '../helpers/records';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/** Every byte of every file in the data directory (the database, its WAL and shared memory). */
function dataBytes(server: RunningTablica): Buffer {
  const dir = server.config.dataDir;
  return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
}

async function storeEverything(server: RunningTablica): Promise<void> {
  for (const room of server.rooms.rooms()) {
    room.broadcaster.flush();
    await room.persist();
  }
}

describe('no recording of the internal working part', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;
  let participant: StockClient;
  const logLines: string[] = [];
  const serverRoom = (name: string) => [...server.rooms.rooms()].find((r) => r.name === name)!;

  beforeAll(async () => {
    server = await startTestServer({}, { logger: createLogger('debug', (line) => logLines.push(line)) });
    board = await createBoard(server.url, { title: 'TYTUL-MARKER-R3' });
    host = connectStockClient(server.url, board.id, board.tokens.facilitator);
    participant = connectStockClient(server.url, board.id, board.tokens.participant);
    await Promise.all([host.synced(), participant.synced()]);
    host.provider.awareness.setLocalState({ user: { name: 'IMIE-MARKER-HOST', city: 'MIASTO-MARKER' } });
    participant.provider.awareness.setLocalState({ user: { name: 'IMIE-MARKER-PART', city: 'MIASTO-MARKER' } });
    host.doc.transact(() => {
      host.records.set('document:document', documentRecord());
      host.records.set('page:main', pageRecord());
      host.records.set('shape:pub', frameRecord('shape:pub', 'Publiczna', { meta: { public: true } }));
      host.records.set('shape:work', frameRecord('shape:work', 'Robocza', { x: 1000 }));
    });
    participant.records.set('shape:w1', noteRecord('shape:w1', 'ROBOCZA-MARKER-1', { parentId: 'shape:work' }));
    participant.records.set('shape:p1', noteRecord('shape:p1', 'PUBLICZNA-MARKER-1', { parentId: 'shape:pub' }));
    await waitFor(() => serverRoom(board.id)?.records.has('shape:p1') && serverRoom(board.id)?.records.has('shape:w1'), 'the notes on the server');
  });
  afterAll(async () => {
    host.destroy();
    participant.destroy();
    await server.close();
  });

  it('R1: a deleted note leaves no byte on disk, WAL included', async () => {
    participant.records.set('shape:gone', noteRecord('shape:gone', 'USUNIETA-MARKER-R1', { parentId: 'shape:work' }));
    await waitFor(() => serverRoom(board.id).records.has('shape:gone'), 'the note to arrive');
    await storeEverything(server);
    // Proof the scan sees stored text at all.
    expect(dataBytes(server).includes('USUNIETA-MARKER-R1')).toBe(true);
    participant.records.delete('shape:gone');
    await waitFor(() => !serverRoom(board.id).records.has('shape:gone'), 'the delete to arrive');
    await storeEverything(server);
    expect(dataBytes(server).includes('USUNIETA-MARKER-R1')).toBe(false);
  });

  it('R1: edits leave no earlier versions on disk', async () => {
    participant.records.set('shape:w1', noteRecord('shape:w1', 'WERSJA-MARKER-A', { parentId: 'shape:work' }));
    await waitFor(() => JSON.stringify(serverRoom(board.id).records.get('shape:w1')).includes('WERSJA-MARKER-A'), 'version A');
    await storeEverything(server);
    participant.records.set('shape:w1', noteRecord('shape:w1', 'ROBOCZA-MARKER-1', { parentId: 'shape:work' }));
    await waitFor(() => JSON.stringify(serverRoom(board.id).records.get('shape:w1')).includes('ROBOCZA-MARKER-1'), 'version B');
    await storeEverything(server);
    expect(dataBytes(server).includes('WERSJA-MARKER-A')).toBe(false);
  });

  it('R2/R3: no name, city or presence of anyone is stored', async () => {
    await waitFor(() => serverRoom(board.id).awareness.getStates().size >= 2, 'presence on the server');
    await storeEverything(server);
    const bytes = dataBytes(server);
    for (const marker of ['IMIE-MARKER-HOST', 'IMIE-MARKER-PART', 'MIASTO-MARKER']) expect(bytes.includes(marker)).toBe(false);
    const stored = JSON.stringify(serverRoom(board.id).records.get('shape:w1'));
    expect(stored).not.toMatch(/author|user|createdBy|IMIE/i);
  });

  it('R3: the server log holds no board content, names or titles', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    expect(log).toContain(board.id);
    for (const marker of ['TYTUL-MARKER-R3', 'IMIE-MARKER', 'MIASTO-MARKER', 'ROBOCZA-MARKER', 'PUBLICZNA-MARKER', 'USUNIETA-MARKER']) expect(log).not.toContain(marker);
  });

  it('R5: closing the meeting clears every non-public record, keeps the public frames and the note', async () => {
    participant.records.set('shape:agreed', noteRecord('shape:agreed', 'UZGODNIONE-MARKER', { parentId: 'shape:work' }));
    // The host marks the note once it has it (a concurrent write of the same record is a race).
    await waitFor(() => host.records.has('shape:agreed'), 'the note to reach the host');
    host.records.set('shape:agreed', noteRecord('shape:agreed', 'UZGODNIONE-MARKER', { parentId: 'shape:work', meta: { agreed: true } }));
    const control = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    await control.synced();
    await waitFor(() => (serverRoom(board.id).records.get('shape:agreed') as { meta: { agreed?: boolean } }).meta.agreed === true, 'the agreed flag');
    const participantControl = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.participant);
    await participantControl.synced();
    expect(await sendRequest(participantControl, { t: 'close-meeting', confirm: true })).toMatchObject({ t: 'refused', reason: 'only hosts may do this' });

    expect(await sendRequest(control, { t: 'close-meeting', confirm: true })).toEqual({ t: 'ok', request: 'close-meeting' });
    await waitFor(() => !participant.records.has('shape:w1'), 'the internal work to disappear from clients');
    expect([...serverRoom(board.id).records.map.keys()].sort()).toEqual(['document:document', 'page:main', 'page:page', 'shape:p1', 'shape:pub']);
    const bytes = dataBytes(server);
    expect(bytes.includes('ROBOCZA-MARKER-1')).toBe(false);
    expect(bytes.includes('PUBLICZNA-MARKER-1')).toBe(true);
    const md = await (await fetch(`${server.url}/api/boards/${board.id}/summary.md?token=${board.tokens.expert}`)).text();
    expect(md).toContain('UZGODNIONE-MARKER');
    expect(md).not.toContain('ROBOCZA-MARKER');
    expect(control.doc.getMap(SESSION_MAP).get('closedAt')).toBeTypeOf('string');
    control.destroy();
    participantControl.destroy();
  });
});

describe('attendance', () => {
  it('records who joined, as they gave it, with a per-person opt-out, keyed by no id they sent', async () => {
    const server = await startTestServer();
    const board = await createBoard(server.url);
    const person = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.participant);
    await person.synced();
    const id = 'person-0123456789abcdef';
    expect(await sendRequest(person, { t: 'join', person: id, name: 'Ewa Zielińska', city: 'Gdynia' })).toEqual({ t: 'ok', request: 'join' });
    const list = () => Object.values(attendanceOf(person.doc.getMap(SESSION_MAP).toJSON()));
    await waitFor(() => list().length === 1, 'the attendance list');
    expect(list()).toEqual([{ name: 'Ewa Zielińska', city: 'Gdynia', role: 'participant', optOut: false, function: '', invited: false, present: true }]);
    // One key for the person, named by a digest: neither the key nor the entry holds the id they sent.
    expect(JSON.stringify(person.doc.getMap(SESSION_MAP).toJSON())).not.toContain(id);
    expect([...person.doc.getMap(SESSION_MAP).keys()].filter((k) => k.startsWith('attendance:'))).toHaveLength(1);
    await sendRequest(person, { t: 'attendance-opt-out', person: id, optOut: true });
    await waitFor(() => (list()[0] as { optOut: boolean }).optOut === true, 'the opt-out');
    person.destroy();
    await server.close();
  });
});
