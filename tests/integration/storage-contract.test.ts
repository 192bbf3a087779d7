/** One storage contract, run against every DocumentStore: the SQLite file and PostgreSQL. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../../server/persistence/store';
import { SqliteStore } from '../../server/persistence/sqlite';
import { NetworkStore } from '../../server/network/networkStore';
import { PostgresStore } from '../../server/persistence/postgres';
import { assertServicesReachable, databaseUrl, uniqueTable } from '../helpers/services';
import { tempDataDir } from '../helpers/server';

const stateWith = (fill: (map: Y.Map<string>) => void, base?: Uint8Array) => {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  fill(doc.getMap('m'));
  return Y.encodeStateAsUpdate(doc);
};
const read = (state: Uint8Array | null) => {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getMap('m').toJSON();
};

function contract(name: string, make: () => Promise<DocumentStore & { drop?(): Promise<void> }>, merges: boolean) {
  describe(`storage contract: ${name}`, () => {
    let store: DocumentStore & { drop?(): Promise<void> };
    beforeAll(async () => {
      store = await make();
    });
    afterAll(async () => {
      await store.drop?.();
      await store.close();
    });

    it('loads null for a document never stored', async () => {
      expect(await store.load('nothing-here')).toBeNull();
    });

    it('round-trips a state, under names with slashes', async () => {
      const state = stateWith((m) => m.set('a', 'jeden'));
      await store.store('board123456/control', state);
      expect(read(await store.load('board123456/control'))).toEqual({ a: 'jeden' });
    });

    it('replaces the stored state with a newer one', async () => {
      const first = stateWith((m) => m.set('k', '1'));
      await store.store('doc-overwrite', first);
      await store.store('doc-overwrite', stateWith((m) => m.set('k', '2'), first));
      expect(read(await store.load('doc-overwrite'))).toEqual({ k: '2' });
    });

    it('keeps no deleted content', async () => {
      const doc = new Y.Doc();
      doc.getMap('m').set('gone', 'TAJNY-TEKST-CONTRACT');
      await store.store('doc-delete', Y.encodeStateAsUpdate(doc));
      doc.getMap('m').delete('gone');
      await store.store('doc-delete', Y.encodeStateAsUpdate(doc));
      const stored = await store.load('doc-delete');
      expect(Buffer.from(stored!).includes('TAJNY-TEKST-CONTRACT')).toBe(false);
    });

    it('reports its health, and fails it once closed', async () => {
      await expect(store.check()).resolves.toBeUndefined();
      const other = await make();
      await other.close();
      await expect(other.check()).rejects.toThrow();
    });

    it('keeps a network: its settings, meetings in order and a closed meeting’s attendance list', async () => {
      const networks = new NetworkStore(store);
      const id = 'siec-kontrakt-0001';
      expect(await networks.read(id)).toBeNull();
      await networks.create(id, { title: 'Sieć Zielone Miasta', locale: 'pl', cities: [{ name: 'Gdynia', observer: false }, { name: 'Nowa Sól', observer: true }], hosts: ['Anna Nowak'], contract: 'Mówimy otwarcie.', createdAt: '2027-01-01T10:00:00.000Z' });
      await networks.addMeeting(id, { boardId: 'board-two-0000000000', number: 2, formatId: 'planning', createdAt: '2027-03-01T10:00:00.000Z' });
      await networks.addMeeting(id, { boardId: 'board-one-0000000000', number: 1, formatId: 'kickoff', createdAt: '2027-01-01T10:00:00.000Z' });
      await networks.archiveAttendance(id, 'board-one-0000000000', { closedAt: '2027-01-15T16:00:00.000Z', people: [{ name: 'Ewa Zielińska', city: 'Gdynia', function: 'urbanistka', present: true }] });
      // Only a meeting of this network gets an archive.
      await networks.archiveAttendance(id, 'board-elsewhere-000000', { closedAt: '2027-01-15T16:00:00.000Z', people: [] });
      const read = await networks.read(id);
      expect(read?.info.cities).toEqual([{ name: 'Gdynia', observer: false }, { name: 'Nowa Sól', observer: true }]);
      expect(read?.meetings.map((m) => m.number)).toEqual([1, 2]);
      expect([...read!.attendance.keys()]).toEqual(['board-one-0000000000']);
      expect(read?.attendance.get('board-one-0000000000')?.people[0]?.name).toBe('Ewa Zielińska');
      expect(await networks.list()).toContain(id);
    });

    if (merges) {
      it('keeps both instances’ meetings of one network added at once', async () => {
        const id = 'siec-dwie-instancje';
        const second = await make();
        const [a, b] = [new NetworkStore(store), new NetworkStore(second)];
        await a.create(id, { title: 'Sieć', locale: 'pl', cities: [], hosts: [], contract: '', createdAt: '2027-01-01T10:00:00.000Z' });
        await Promise.all([
          a.addMeeting(id, { boardId: 'board-from-a-0000000', number: 1, formatId: null, createdAt: '2027-01-01T10:00:00.000Z' }),
          b.addMeeting(id, { boardId: 'board-from-b-0000000', number: 2, formatId: null, createdAt: '2027-01-02T10:00:00.000Z' }),
        ]);
        expect((await a.read(id))?.meetings.map((m) => m.boardId)).toEqual(['board-from-a-0000000', 'board-from-b-0000000']);
        // Two networks made at once on two instances are both listed.
        await Promise.all([a.create('siec-z-instancji-a', { title: 'A', locale: 'pl', cities: [], hosts: [], contract: '', createdAt: '2027-01-03T10:00:00.000Z' }), b.create('siec-z-instancji-b', { title: 'B', locale: 'pl', cities: [], hosts: [], contract: '', createdAt: '2027-01-03T10:00:00.000Z' })]);
        expect(await a.list()).toEqual(expect.arrayContaining(['siec-z-instancji-a', 'siec-z-instancji-b']));
        await second.close();
      });

      it('keeps both of two diverged writers’ changes (merge before write)', async () => {
        const base = stateWith((m) => m.set('base', 'wspólne'));
        await store.store('doc-merge', base);
        const fromA = stateWith((m) => m.set('a', 'z instancji A'), base);
        const fromB = stateWith((m) => m.set('b', 'z instancji B'), base);
        await Promise.all([store.store('doc-merge', fromA), store.store('doc-merge', fromB)]);
        expect(read(await store.load('doc-merge'))).toEqual({ base: 'wspólne', a: 'z instancji A', b: 'z instancji B' });
      });
    }
  });
}

contract('SQLite', async () => new SqliteStore(path.join(tempDataDir(), 'contract.sqlite')), false);

describe.skipIf(!databaseUrl)('PostgreSQL is reachable', () => {
  it('answers', async () => {
    await assertServicesReachable();
  });
});

if (databaseUrl) {
  const table = uniqueTable('contract');
  const url = databaseUrl;
  contract('PostgreSQL', async () => new PostgresStore(url, table), true);

  describe('PostgreSQL: instances starting together', () => {
    it('several stores on a table nobody has made yet all come up and work (no duplicate-type race)', async () => {
      const fresh = uniqueTable('together');
      const stores = Array.from({ length: 6 }, () => new PostgresStore(url, fresh));
      try {
        await Promise.all(stores.map((s) => s.check()));
        await Promise.all(stores.map((s, i) => s.store(`doc-${i}`, new Uint8Array([0, 0]))));
        for (const [i, s] of stores.entries()) expect(await s.load(`doc-${(i + 1) % stores.length}`)).not.toBeNull();
      } finally {
        await stores[0]!.drop();
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });
}
