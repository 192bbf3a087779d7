import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import type { HostReport } from '../../shared/report/hostReport';
import { roomName } from '../../shared/roles';
import { SESSION_MAP, type StepsRun } from '../../shared/session';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { closeCodeOfWrite, connectStockClient, noticesOf, sendRequest, type StockClient } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { WriteRule } from '../../shared/writeRules';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const joiners = [
  ['osoba-aaaaaaaaaaaaaaaa', 'Ewa Zielińska', 'Gdynia', 'participant'],
  ['osoba-bbbbbbbbbbbbbbbb', 'Marta Lis', 'Gdynia', 'participant'],
  ['osoba-cccccccccccccccc', 'Piotr Wiśniewski', 'Starachowice', 'participant'],
  ['osoba-dddddddddddddddd', 'Anna Nowak', 'Warszawa', 'facilitator'],
] as const;

describe('the host’s post-meeting report', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;
  const clients: StockClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url, { title: 'Sieć Przedsiębiorczość', formatId: 'solutions' });
    host = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.facilitator);
    await host.synced();
    for (const [person, name, city, role] of joiners) {
      const client = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens[role]);
      clients.push(client);
      await client.synced();
      await sendRequest(client, { t: 'join', person, name, city });
    }
    const session = host.doc.getMap(SESSION_MAP);
    session.set('currentStepId', '2.1');
    session.set('currentStepId', '2.2');
    session.set('currentStepId', '2.1');
    session.set('meeting', { network: 'Sieć Przedsiębiorczość', meetingTitle: 'Spotkanie robocze', meetingNumber: '3', date: '2026-11-24', place: 'Starachowice', mode: 'hybrid', hosts: ['Anna Nowak'], nextMeeting: '' });
    session.set('report', { topics: '', products: 'Mapa barier', problems: 'Słaby internet w sali', nextSteps: '', notes: '' });
    await waitFor(() => ((host.doc.getMap(SESSION_MAP).get('stepsRun') as StepsRun | undefined)?.length ?? 0) === 2, 'the steps run');
  });
  afterAll(async () => {
    for (const c of [host, ...clients]) c.destroy();
    await server.close();
  });

  const get = (ext: string, token = board.tokens.facilitator) => fetch(`${server.url}/api/boards/${board.id}/report.${ext}?token=${token}`);

  it('is for hosts only', async () => {
    expect((await get('json', board.tokens.participant)).status).toBe(403);
  });

  it('prefills counts that match the people who joined, by city, the host apart, and the steps run', async () => {
    const report = (await (await get('json')).json()) as HostReport;
    expect(report.attendance).toEqual({
      people: 3,
      cities: 2,
      byCity: [{ city: 'Gdynia', count: 2 }, { city: 'Starachowice', count: 1 }],
      withoutCity: 0,
      hosts: 1,
      observers: 0,
    });
    expect(report.stepsRun.map((s) => s.stepId)).toEqual(['2.1', '2.2']);
    expect(report.meeting.place).toBe('Starachowice');
    expect(report.fields.find((f) => f.id === 'problems')?.value).toBe('Słaby internet w sali');
    expect(JSON.stringify(report)).not.toContain('Ewa Zielińska');
  });

  it('downloads as CSV and DOCX, in the board’s language, named from the date and title', async () => {
    const res = await get('csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('filename="2026-11-24 Sprawozdanie - Spotkanie robocze.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv.split('\r\n')[0]).toBe('Pole;Wartość');
    expect(csv).toContain('\r\nMiasto: Gdynia;2\r\n');
    expect(csv).toContain('\r\nWypracowane produkty;Mapa barier\r\n');
    expect(csv).toContain('\r\nForma;hybrydowo\r\n');
    expect(csv).not.toContain('Warszawa');
    const docx = unzipSync(new Uint8Array(await (await get('docx')).arrayBuffer()));
    const xml = strFromU8(docx['word/document.xml']!);
    expect(xml).toContain('Sprawozdanie ze spotkania');
    expect(xml).toContain('Słaby internet w sali');
  });

  it('keeps the steps run out of reach of hosts’ writes', async () => {
    const forged = (doc: Y.Doc) => doc.getMap(SESSION_MAP).set('stepsRun', []);
    expect(await closeCodeOfWrite(server.url, roomName(board.id, 'control'), board.tokens.facilitator, forged)).toBe(CloseCode.malformedMessage);
    expect((host.doc.getMap(SESSION_MAP).get('stepsRun') as StepsRun).length).toBe(2);
  });

  it('after closing, keeps the details and counts it was made from (someone who left the note counted still), and locks the board for participants', async () => {
    await sendRequest(clients[1]!, { t: 'attendance-opt-out', person: joiners[1][0], optOut: true });
    const before = (await (await get('json')).json()) as HostReport;
    expect(before.attendance.byCity).toEqual([{ city: 'Gdynia', count: 2 }, { city: 'Starachowice', count: 1 }]);
    const reply = await sendRequest(host, { t: 'close-meeting', confirm: true });
    expect(reply.t).toBe('ok');
    const after = (await (await get('json')).json()) as HostReport;
    expect(after.attendance).toEqual(before.attendance);
    expect(after.meeting).toEqual(before.meeting);
    expect(after.hosts).toEqual(['Anna Nowak']);
    expect(after.stepsRun.map((s) => s.stepId)).toEqual(['2.1', '2.2']);
    expect(after.durationMinutes).not.toBeNull();
    // The list of names is gone; only its counts stay.
    const session = host.doc.getMap(SESSION_MAP);
    await waitFor(() => session.has('closedAt'), 'the meeting closed');
    expect(session.has('attendance')).toBe(false);
    expect(JSON.stringify(session.toJSON())).not.toContain('Marta Lis');
    // A participant's write to the closed board is refused (G4).
    const late = connectStockClient(server.url, board.id, board.tokens.participant);
    const notices = noticesOf(late);
    await late.synced();
    late.records.set('shape:late', noteRecord('shape:late', 'po zakończeniu'));
    await waitFor(() => notices.length > 0, 'the refusal');
    expect(notices[0]!.rule).toBe(WriteRule.locked);
    late.destroy();
  });
});
