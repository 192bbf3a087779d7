/**
 * The programme's figures across networks, behind the organiser secret: meetings held (closed),
 * average attendance and cities taking part, per network and in total, from the counts the
 * reports keep — never a name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import { roomName } from '../../shared/roles';
import { CreateNetworkResponse, NetworkView } from '../../shared/network/network';
import type { ProgrammeStats } from '../../shared/network/programmeStats';
import { connectStockClient, sendRequest, type StockClient } from '../helpers/clients';
import path from 'node:path';
import { startTestServer, tempDataDir } from '../helpers/server';
import { SqliteStore } from '../../server/persistence/sqlite';
import type { DocumentStore } from '../../server/persistence/store';

const ORGANISER = 'organiser-secret-of-the-programme-2027';

describe('across networks', () => {
  let server: RunningTablica;
  const clients: StockClient[] = [];
  const organiser = { authorization: `Bearer ${ORGANISER}` };

  // A store that answers reads a little late, as a database over the network does: requests that
  // arrive together then really overlap, which is where the numbering of meetings could repeat.
  const file = new SqliteStore(path.join(tempDataDir(), 'slow.sqlite'));
  const slowStore: DocumentStore = {
    load: async (name) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      return file.load(name);
    },
    store: (name, state) => file.store(name, state),
    check: () => file.check(),
    close: () => file.close(),
  };

  beforeAll(async () => {
    server = await startTestServer({ organiserSecret: ORGANISER }, { store: slowStore });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    await file.close();
  });

  const createNetwork = async (title: string) => {
    const res = await fetch(`${server.url}/api/networks`, { method: 'POST', headers: { ...organiser, 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
    expect(res.status).toBe(201);
    return CreateNetworkResponse.parse(await res.json());
  };
  const meetingsOf = async (network: CreateNetworkResponse) => NetworkView.parse(await (await fetch(`${server.url}/api/networks/${network.id}`, { headers: { authorization: `Bearer ${network.token}` } })).json()).meetings;
  /** People join a meeting (name, city), then its hosts close it. */
  const hold = async (meeting: NetworkView['meetings'][number], people: [string, string][]) => {
    const host = connectStockClient(server.url, roomName(meeting.boardId, 'control'), meeting.hostToken);
    const participant = connectStockClient(server.url, roomName(meeting.boardId, 'control'), meeting.links.participant!.split('#t=')[1]!);
    clients.push(host, participant);
    await Promise.all([host.synced(), participant.synced()]);
    for (const [name, city] of people) await sendRequest(host, { t: 'attendance-edit', edit: { op: 'add', name, city, function: '' } });
    expect((await sendRequest(host, { t: 'close-meeting', confirm: true })).t).toBe('ok');
  };

  it('needs the organiser secret when one is set', async () => {
    expect((await fetch(`${server.url}/api/networks/stats`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/networks`, { method: 'POST', body: JSON.stringify({ title: 'Bez sekretu' }) })).status).toBe(401);
  });

  it('counts meetings held, average attendance and cities, per network and in total', async () => {
    const green = await createNetwork('Sieć Zieleni');
    const mobility = await createNetwork('Sieć Mobilności');
    // Next meetings asked for at once get numbers of their own.
    const next = () => fetch(`${server.url}/api/networks/${green.id}/meetings`, { method: 'POST', headers: { authorization: `Bearer ${green.token}` }, body: '{}' });
    const numbers = await Promise.all([next(), next(), next()].map(async (res) => ((await (await res).json()) as { number: number }).number));
    expect(numbers.sort()).toEqual([2, 3, 4]);
    const [first, second] = await meetingsOf(green);
    await hold(first!, [
      ['Ewa Zielińska', 'Gdynia'],
      ['Marta Lis', 'Gdynia'],
      ['Piotr Wiśniewski', 'Starachowice'],
    ]);
    // Meeting 2 is not held yet: it counts for nothing.
    expect(second!.state).toBe('planned');
    await hold((await meetingsOf(mobility))[0]!, [['Jan Nowak', 'gdynia']]);

    const res = await fetch(`${server.url}/api/networks/stats`, { headers: organiser });
    expect(res.status).toBe(200);
    const stats = (await res.json()) as ProgrammeStats;
    expect(stats.networks).toEqual([
      { id: green.id, title: 'Sieć Zieleni', meetingsHeld: 1, averageAttendance: 3, cities: 2 },
      { id: mobility.id, title: 'Sieć Mobilności', meetingsHeld: 1, averageAttendance: 1, cities: 1 },
    ]);
    expect(stats.total).toEqual({ networks: 2, meetingsHeld: 2, averageAttendance: 2, cities: 2 });
    expect(JSON.stringify(stats)).not.toMatch(/Zielińska|Nowak/);
  });
});
