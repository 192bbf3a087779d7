/**
 * The network's living work plan over real HTTP and sync: what a meeting agrees on the work plan's
 * steps becomes the network's plan when it closes (only agreed notes); the next meeting's note
 * records the plan as it stood; any meeting opens it as a step; actions carry their latest status;
 * the plan exports to .md and to a .docx LibreOffice opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';
import { stepAreaId, stepFrameId } from '../../shared/formats/layout';
import { CreateNetworkResponse, NetworkView } from '../../shared/network/network';
import { PLAN_FRAME_ID } from '../../shared/network/reviewLayout';
import { sendRequest, syncedClients } from '../helpers/clients';
import { noteRecord } from '../helpers/records';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import { officeText } from '../helpers/office';

describe('the network’s living work plan', () => {
  let server: RunningTablica;
  let network: CreateNetworkResponse;
  const clients = syncedClients(() => server.url);
  const connect = clients.connect;
  const auth = () => ({ authorization: `Bearer ${network.token}` });
  const page = async () => NetworkView.parse(await (await fetch(`${server.url}/api/networks/${network.id}`, { headers: auth() })).json());
  const noteOf = async (meeting: NetworkView['meetings'][number]) => (await fetch(`${server.url}/api/boards/${meeting.boardId}/summary.md`, { headers: { authorization: `Bearer ${meeting.hostToken}` } })).text();

  beforeAll(async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/api/networks`, { method: 'POST', body: JSON.stringify({ title: 'Sieć Zieleni', firstMeeting: { formatId: 'workplan', date: '2027-01-15' } }) });
    network = CreateNetworkResponse.parse(await res.json());
  });
  afterAll(async () => {
    clients.destroyAll();
    await server.close();
  });

  it('takes what a meeting agreed on the work plan’s steps, records it in the next meeting’s note, opens it as a step and exports it', { timeout: 120_000 }, async () => {
    const [first] = (await page()).meetings;
    expect((await page()).workplan).toMatchObject({ sections: {}, actions: [] });
    const canvas = await connect(first!.boardId, first!.hostToken);
    // A note inside a step's area, placed by the area's own box.
    const inArea = (id: string, text: string, stepId: string, areaId: string, meta: Record<string, unknown> = { agreed: true }) => {
      const area = canvas.records.get(stepAreaId('workplan', stepId, areaId)) as { x: number; y: number };
      canvas.records.set(id, noteRecord(id, text, { parentId: stepFrameId('workplan', stepId), x: area.x + 16, y: area.y + 70, meta }));
    };
    canvas.doc.transact(() => {
      inArea('shape:goal', 'Więcej zieleni przy szkołach', 'W.4', 'goals');
      inArea('shape:goal-draft', 'ROBOCZY-CEL-NIEUZGODNIONY', 'W.4', 'goals', {});
      inArea('shape:topic', 'Łąki kwietne', 'W.8', 'topics');
      inArea('shape:product', 'Rekomendacje dla miast', 'W.8', 'product-types');
      inArea('shape:q1', 'Spotkanie w Gdyni, marzec', 'W.9', 'quarter-1');
      canvas.records.set('shape:act', noteRecord('shape:act', 'Mapa', { x: 0, y: 3000, meta: { agreed: true, action: { what: 'Mapa terenów zielonych', who: 'Gdynia', due: '' } } }));
    });
    const host = await connect(roomName(first!.boardId, 'control'), first!.hostToken);
    await waitFor(async () => (await noteOf(first!)).includes('Spotkanie w Gdyni'), 'the notes on the server');
    expect((await sendRequest(host, { t: 'close-meeting', confirm: true })).t).toBe('ok');

    const plan = (await page()).workplan;
    expect(plan.sections).toEqual({
      goals: { fromNumber: 1, items: ['Więcej zieleni przy szkołach'] },
      topics: { fromNumber: 1, items: ['Łąki kwietne'] },
      productTypes: { fromNumber: 1, items: ['Rekomendacje dla miast'] },
      schedule: { fromNumber: 1, items: ['I kwartał: Spotkanie w Gdyni, marzec'] },
    });
    expect(plan.actions).toEqual([{ what: 'Mapa terenów zielonych', who: 'Gdynia', due: '', status: null }]);

    // Meeting 2 records the plan as it stood when it was made.
    await fetch(`${server.url}/api/networks/${network.id}/meetings`, { method: 'POST', headers: auth(), body: JSON.stringify({ date: '2027-03-10' }) });
    const second = (await page()).meetings[1]!;
    const before = await noteOf(second);
    expect(before).toContain('## Plan pracy sieci\n\n_Stan na 10 marca 2027 r._');
    expect(before).toContain('### Cele i założenia (ze spotkania nr 1)\n\n- Więcej zieleni przy szkołach');
    expect(before).toContain('- Mapa terenów zielonych — Gdynia: bez statusu');

    // A status set in meeting 2's review; then meeting 2 opens the plan as a step.
    const host2 = await connect(roomName(second.boardId, 'control'), second.hostToken);
    host2.doc.getMap(SESSION_MAP).set('reviewStatus:a1', 'in-progress');
    await waitFor(async () => (await page()).meetings[1]!.review[0]?.status === 'in-progress', 'the status');
    expect((await fetch(`${server.url}/api/networks/${network.id}/meetings/${second.boardId}/workplan`, { method: 'POST', headers: auth() })).status).toBe(201);
    const canvas2 = await connect(second.boardId, second.hostToken);
    const frame = canvas2.records.get(PLAN_FRAME_ID) as { meta: Record<string, unknown>; props: { name: string } } | undefined;
    expect(frame?.meta).toMatchObject({ template: true, stepId: 'plan' });
    expect(frame?.props.name).toBe('0. Plan pracy sieci');
    expect(JSON.stringify([...canvas2.records.map.values()])).toContain('Łąki kwietne');
    await waitFor(async () => (await noteOf(second)).includes('- Mapa terenów zielonych — Gdynia: w toku'), 'the plan in the note with the status');
    // Only a meeting of this network opens it.
    expect((await fetch(`${server.url}/api/networks/${network.id}/meetings/not-a-board-of-this-network/workplan`, { method: 'POST', headers: auth() })).status).toBe(404);

    const md = await (await fetch(`${server.url}/api/networks/${network.id}/workplan.md`, { headers: auth() })).text();
    expect(md).toContain('# Plan pracy sieci: Sieć Zieleni');
    expect(md).toContain('## Harmonogram spotkań (ze spotkania nr 1)\n\n- I kwartał: Spotkanie w Gdyni, marzec');
    expect(md).toContain('## Działania do monitorowania i ich stan\n\n- Mapa terenów zielonych — Gdynia: w toku');
    const docx = new Uint8Array(await (await fetch(`${server.url}/api/networks/${network.id}/workplan.docx`, { headers: auth() })).arrayBuffer());
    const text = (await officeText({ 'plan.docx': docx }))['plan.docx']!;
    expect(text).toContain('Plan pracy sieci: Sieć Zieleni');
    expect(text).toContain('Rekomendacje dla miast');
    for (const out of [md, text, JSON.stringify(await page()), await noteOf(second)]) expect(out).not.toContain('ROBOCZY-CEL');
    expect((await fetch(`${server.url}/api/networks/${network.id}/workplan.pdf`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${server.url}/api/networks/${network.id}/workplan.md`)).status).toBe(401);
  });
});
