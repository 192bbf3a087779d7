/**
 * A network over real HTTP and real sync clients: created with its first meeting, the next meeting
 * opening with the review of what meeting 1 agreed (and nothing else), statuses set by a host going
 * into meeting 2's note and onto the network's page, the attendance list archived at closing, and
 * network tokens that open only their own network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningTablica } from '../../server/app';
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';
import { CreateNetworkResponse, NetworkView } from '../../shared/network/network';
import { REVIEW_FRAME_ID } from '../../shared/network/reviewLayout';
import { barometerPoll } from '../../shared/network/barometer';
import { CloseCode } from '../../shared/protocol';
import { closeCodeOfWrite, sendRequest, syncedClients } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { officeText } from '../helpers/office';

const NETWORK = {
  title: 'Sieć Miast na rzecz Zieleni',
  cities: [{ name: 'Gdynia' }, { name: 'Starachowice' }, { name: 'Nowa Sól', observer: true }],
  hosts: ['Anna Nowak', 'Jan Kowalski'],
  contract: 'Mówimy otwarcie, dzielimy się doświadczeniem, nie nagrywamy części roboczej.',
  firstMeeting: { formatId: 'kickoff', date: '2027-01-15' },
};

async function createNetwork(url: string, body: unknown = NETWORK): Promise<CreateNetworkResponse> {
  const res = await fetch(`${url}/api/networks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return CreateNetworkResponse.parse(await res.json());
}

describe('a network of meetings', () => {
  let server: RunningTablica;
  let network: CreateNetworkResponse;
  let first: NetworkView['meetings'][number];
  const clients = syncedClients(() => server.url);
  const connect = clients.connect;
  const view = async (token = network.token, id = network.id) => fetch(`${server.url}/api/networks/${id}`, { headers: { authorization: `Bearer ${token}` } });
  const page = async () => NetworkView.parse(await (await view()).json());

  beforeAll(async () => {
    server = await startTestServer();
    network = await createNetwork(server.url);
    first = (await page()).meetings[0]!;
  });
  afterAll(async () => {
    clients.destroyAll();
    await server.close();
  });

  it('is created with its first meeting, which is planned until someone comes', async () => {
    expect(network.link).toBe(`${server.url}/n/${network.id}#t=${network.token}`);
    const seen = await page();
    expect(seen.info).toMatchObject({ title: NETWORK.title, hosts: NETWORK.hosts, contract: NETWORK.contract, locale: 'pl' });
    expect(seen.info.cities).toEqual([
      { name: 'Gdynia', observer: false },
      { name: 'Starachowice', observer: false },
      { name: 'Nowa Sól', observer: true },
    ]);
    expect(seen.meetings).toHaveLength(1);
    // Each visit renews the page's link: a network outlives one link's life.
    const renewed = seen.link.split('#t=')[1]!;
    expect(seen.link.split('#')[0]).toBe(`${server.url}/n/${network.id}`);
    expect((await view(renewed)).status).toBe(200);
    expect(first).toMatchObject({ number: 1, formatId: 'kickoff', date: '2027-01-15', state: 'planned', attendance: { present: 0, invited: 0, cities: 0 }, review: [] });
    expect(first.title).toBe('Sieć Miast na rzecz Zieleni — spotkanie nr 1');
    // The board's own links work as any board's: its hosts read its note.
    const note = await fetch(`${server.url}/api/boards/${first.boardId}/summary.md`, { headers: { authorization: `Bearer ${first.hostToken}` } });
    expect(note.status).toBe(200);
    expect(await note.text()).toContain('Sieć Miast na rzecz Zieleni');
  });

  it('opens to its own host token only: not to a board’s tokens, another network’s, or a forged one', async () => {
    expect((await fetch(`${server.url}/api/networks/${network.id}`)).status).toBe(401);
    expect((await view(first.links.participant!.split('#t=')[1]!)).status).toBe(401);
    expect((await view(first.hostToken)).status).toBe(401);
    const other = await createNetwork(server.url, { title: 'Inna sieć' });
    expect((await view(other.token)).status).toBe(403);
    expect((await fetch(`${server.url}/api/networks/${network.id}/meetings`, { method: 'POST', headers: { authorization: `Bearer ${other.token}` }, body: '{}' })).status).toBe(403);
    const [body, mac] = network.token.split('.');
    expect((await view(`${body}.${mac!.slice(0, -2)}AA`)).status).toBe(401);
    // …and a network token is no board token.
    expect((await fetch(`${server.url}/api/boards/${first.boardId}/links`, { headers: { authorization: `Bearer ${network.token}` } })).status).toBe(401);
    expect((await view(network.token, 'not-a-network-id!')).status).toBe(404);
  });

  it('refuses a malformed network', async () => {
    for (const body of [{}, { title: '' }, { title: 'x', cities: [{ name: '' }] }, { title: 'x', firstMeeting: { date: 'jutro' } }, { title: 'x', extra: 1 }]) {
      const res = await fetch(`${server.url}/api/networks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('starts meeting 2 with a review of what meeting 1 agreed — and of nothing else — that hosts mark and the note and the network page show', { timeout: 120_000 }, async () => {
    const tokenOf = (role: string) => first.links[role]!.split('#t=')[1]!;
    const canvas = await connect(roomName(first.boardId, 'canvas'), tokenOf('facilitator'));
    canvas.doc.transact(() => {
      canvas.records.set('shape:agreed', noteRecord('shape:agreed', 'Wspólny katalog dobrych praktyk', { x: 0, y: 2000, meta: { agreed: true } }));
      canvas.records.set('shape:act1', noteRecord('shape:act1', 'Mapa zasobów', { x: 300, y: 2000, meta: { agreed: true, action: { what: 'Mapa zasobów miast', who: 'Gdynia', due: '2027-02-15' } } }));
      canvas.records.set('shape:act2', noteRecord('shape:act2', 'Ankieta', { x: 600, y: 2000, meta: { agreed: true, action: { what: 'Ankieta wśród mieszkańców', who: 'Starachowice', due: '' } } }));
      canvas.records.set('shape:draft', noteRecord('shape:draft', 'ROBOCZA-NOTATKA-NIE-DO-PRZENIESIENIA', { x: 900, y: 2000 }));
    });
    const participant = await connect(roomName(first.boardId, 'control'), tokenOf('participant'));
    await sendRequest(participant, { t: 'join', person: 'osoba-aaaaaaaaaaaaaaaa', name: 'Ewa Zielińska', city: 'Gdynia' });
    await waitFor(async () => (await page()).meetings[0]!.state === 'open', 'meeting 1 to be open');
    expect((await page()).meetings[0]!.attendance).toMatchObject({ present: 1, cities: 1 });

    const res = await fetch(`${server.url}/api/networks/${network.id}/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${network.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ formatId: 'planning', date: '2027-03-10' }),
    });
    expect(res.status).toBe(201);
    const second = (await res.json()) as { boardId: string; number: number };
    expect(second.number).toBe(2);
    const listed = (await page()).meetings;
    expect(listed.map((m) => [m.number, m.state])).toEqual([
      [1, 'open'],
      [2, 'planned'],
    ]);
    const meeting2 = listed[1]!;
    expect(meeting2.review.map((r) => [r.what, r.status]).sort()).toEqual([
      ['Ankieta wśród mieszkańców', null],
      ['Mapa zasobów miast', null],
    ]);

    const host = await connect(roomName(second.boardId, 'control'), meeting2.hostToken);
    const session = host.doc.getMap(SESSION_MAP);
    const review = session.get('review') as { items: { id: string; what: string }[]; conclusions: { text: string }[]; contract: string };
    expect(review.conclusions.map((c) => c.text)).toEqual(['Wspólny katalog dobrych praktyk']);
    expect(review.contract).toBe(NETWORK.contract);
    expect(JSON.stringify(session.toJSON())).not.toContain('ROBOCZA-NOTATKA');
    expect(session.get('network')).toEqual({ id: network.id, number: 2 });
    // The review step is on meeting 2's board, a template element with the same, agreed content only.
    const canvas2 = await connect(second.boardId, meeting2.hostToken);
    const frame = canvas2.records.get(REVIEW_FRAME_ID) as { meta: Record<string, unknown>; props: { name: string } } | undefined;
    expect(frame?.meta).toMatchObject({ template: true, stepId: 'review' });
    expect(frame?.props.name).toBe('0. Przegląd ustaleń');
    const onBoard = JSON.stringify([...canvas2.records.map.values()]);
    expect(onBoard).toContain('Ankieta wśród mieszkańców');
    expect(onBoard).not.toContain('ROBOCZA-NOTATKA');

    const itemId = (what: string) => review.items.find((i) => i.what === what)!.id;
    session.set(`reviewStatus:${itemId('Mapa zasobów miast')}`, 'done');
    session.set(`reviewStatus:${itemId('Ankieta wśród mieszkańców')}`, 'in-progress');
    await waitFor(async () => (await page()).meetings[1]!.review.find((r) => r.what === 'Mapa zasobów miast')!.status === 'done', 'the status on the network page');
    const note = await (await fetch(`${server.url}/api/boards/${second.boardId}/summary.md`, { headers: { authorization: `Bearer ${meeting2.hostToken}` } })).text();
    expect(note).toContain('## Przegląd ustaleń ze spotkania nr 1');
    expect(note).toContain('| Mapa zasobów miast | Gdynia | 15 lutego 2027 r. | zrobione |');
    expect(note).toContain('| Ankieta wśród mieszkańców | Starachowice |  | w toku |');
    // The .docx note with its review table opens in LibreOffice.
    const docx = new Uint8Array(await (await fetch(`${server.url}/api/boards/${second.boardId}/summary.docx`, { headers: { authorization: `Bearer ${meeting2.hostToken}` } })).arrayBuffer());
    const text = (await officeText({ 'notatka.docx': docx }))['notatka.docx']!;
    expect(text).toContain('Przegląd ustaleń ze spotkania nr 1');
    expect(text).toMatch(/Mapa zasobów miast\s+Gdynia\s+15 lutego 2027 r\.\s+zrobione/);
    // Only the allowed statuses, and only from hosts (participants never write the session).
    expect(await closeCodeOfWrite(server.url, roomName(second.boardId, 'control'), meeting2.hostToken, (doc: Y.Doc) => doc.getMap(SESSION_MAP).set(`reviewStatus:${review.items[0]!.id}`, 'prawie'))).toBe(CloseCode.malformedMessage);
    expect(await closeCodeOfWrite(server.url, roomName(second.boardId, 'control'), meeting2.hostToken, (doc: Y.Doc) => doc.getMap(SESSION_MAP).set('review', { items: [] }))).toBe(CloseCode.malformedMessage);

    // Meeting 3 carries forward what meeting 2 left open, and meeting 2's own actions.
    const third = await fetch(`${server.url}/api/networks/${network.id}/meetings`, { method: 'POST', headers: { authorization: `Bearer ${network.token}` }, body: '{}' });
    const thirdId = ((await third.json()) as { boardId: string }).boardId;
    const meeting3 = (await page()).meetings.find((m) => m.boardId === thirdId)!;
    expect(meeting3.number).toBe(3);
    expect(meeting3.review.map((r) => r.what)).toEqual(['Ankieta wśród mieszkańców']);
  });

  it('keeps a closed meeting’s attendance list in the network and exports it per meeting and by city', async () => {
    const host = await connect(roomName(first.boardId, 'control'), first.hostToken);
    const participant = await connect(roomName(first.boardId, 'control'), first.links.participant!.split('#t=')[1]!);
    await sendRequest(participant, { t: 'join', person: 'osoba-bbbbbbbbbbbbbbbb', name: '=HYPERLINK("x")', city: 'Starachowice' });
    await sendRequest(host, { t: 'attendance-edit', edit: { op: 'add', name: 'Piotr Wiśniewski', city: 'Gdynia', function: 'urbanista' } });
    expect((await sendRequest(host, { t: 'close-meeting', confirm: true })).t).toBe('ok');
    await waitFor(() => host.doc.getMap(SESSION_MAP).has('closedAt'), 'the meeting closed');
    // The board's attendance list is gone (R5); the network kept it.
    expect([...host.doc.getMap(SESSION_MAP).keys()].filter((k) => k.startsWith('attendance'))).toEqual([]);
    const meeting1 = (await page()).meetings[0]!;
    expect(meeting1.state).toBe('closed');
    expect(meeting1.attendance).toMatchObject({ present: 3, cities: 2 });

    const one = await fetch(`${server.url}/api/networks/${network.id}/meetings/${first.boardId}/attendance.csv`, { headers: { authorization: `Bearer ${network.token}` } });
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await one.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const list = new TextDecoder().decode(bytes.slice(3));
    expect(list.split('\r\n')[0]).toBe('Imię i nazwisko;Miasto;Funkcja;Obecność');
    expect(list).toContain('\r\nPiotr Wiśniewski;Gdynia;urbanista;obecna/obecny\r\n');
    // Spreadsheet-safe: a name that looks like a formula is text.
    expect(list).toContain(`"'=HYPERLINK(""x"")";Starachowice`);

    const table = new TextDecoder().decode(new Uint8Array(await (await fetch(`${server.url}/api/networks/${network.id}/attendance.csv`, { headers: { authorization: `Bearer ${network.token}` } })).arrayBuffer()).slice(3));
    const rows = table.trim().split('\r\n');
    expect(rows[0]).toBe('Miasto;Miasto obserwujące;Spotkanie nr 1;Spotkanie nr 2;Spotkanie nr 3');
    expect(rows).toContain('Gdynia;;2;;');
    expect(rows).toContain('Starachowice;;1;;');
    expect(rows).toContain('Nowa Sól;tak;0;;');
    expect(rows.at(-1)).toBe('Razem;;3;;');

    // A meeting not yet closed has no archive; another network's meeting is not this network's.
    const open = (await page()).meetings[1]!;
    expect((await fetch(`${server.url}/api/networks/${network.id}/meetings/${open.boardId}/attendance.csv`, { headers: { authorization: `Bearer ${network.token}` } })).status).toBe(404);
  });

  it('follows the barometer across meetings: one click asks a template poll, the network page counts its answers (never who)', async () => {
    const meetings = (await page()).meetings;
    const ask = async (meeting: (typeof meetings)[number], answers: number[]) => {
      const host = await connect(roomName(meeting.boardId, 'control'), meeting.hostToken);
      const poll = barometerPoll('trust', 'pl', `m${meeting.number}`, null)!;
      host.doc.getMap(SESSION_MAP).set('poll', poll);
      for (const [i, scale] of answers.entries()) {
        const person = await connect(roomName(meeting.boardId, 'control'), meeting.links.participant!.split('#t=')[1]!);
        await waitFor(() => (person.doc.getMap(SESSION_MAP).get('poll') as { id?: string } | undefined)?.id === poll.id, 'the poll to arrive');
        expect((await sendRequest(person, { t: 'poll-answer', person: `barometr-${meeting.number}-osoba-${i}`, pollId: poll.id, scale })).t).toBe('ok');
      }
    };
    await ask(meetings[1]!, [2, 3]);
    await ask(meetings[2]!, [4, 4, 5]);
    await waitFor(async () => (await page()).barometer[0]?.meetings.length === 2, 'both meetings in the barometer');
    const [trust] = (await page()).barometer;
    expect(trust).toEqual({
      templateId: 'trust',
      question: 'Na ile ufasz innym miastom w naszej sieci? (1 — wcale, 5 — w pełni)',
      labels: ['1', '2', '3', '4', '5'],
      meetings: [
        { number: 2, answered: 2, counts: [0, 1, 1, 0, 0] },
        { number: 3, answered: 3, counts: [0, 0, 0, 2, 1] },
      ],
    });
  });

  it('leaves a lone board as it was: POST /api/boards makes no network', async () => {
    const board = await createBoard(server.url, { title: 'Samodzielna tablica', formatId: 'planning' });
    const host = await connect(roomName(board.id, 'control'), board.tokens.facilitator);
    expect(host.doc.getMap(SESSION_MAP).has('network')).toBe(false);
    expect((await sendRequest(host, { t: 'close-meeting', confirm: true })).t).toBe('ok');
  });
});
