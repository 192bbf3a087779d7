import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import { CreateBoardResponse } from '../../shared/api';
import { isValidRecord } from '../../shared/canvasGuard';
import { connectStockClient } from '../helpers/clients';
import { startTestServer } from '../helpers/server';

describe('the demo board', () => {
  let server: RunningTablica;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is a Format 2 session with Polish notes, votes, agreed conclusions and actions', async () => {
    const res = await fetch(`${server.url}/api/demo`, { method: 'POST' });
    expect(res.status).toBe(201);
    const board = CreateBoardResponse.parse(await res.json());
    const client = connectStockClient(server.url, board.id, board.tokens.participant);
    await client.synced();
    const records = [...client.records.map.values()].map((e) => e.val as { type: string; index: string; parentId: string; meta: Record<string, unknown> });
    const notes = records.filter((r) => r.type === 'note');
    expect(notes.length).toBeGreaterThan(20);
    // Every note is drawn above the template areas of its frame.
    for (const note of notes) {
      const areas = records.filter((r) => r.parentId === note.parentId && r.meta.part === 'area');
      for (const area of areas) expect(note.index > area.index, `${note.index} over ${area.index}`).toBe(true);
    }
    for (const [key, entry] of client.records.map) expect(isValidRecord(key, entry.val), key).toBe(true);
    client.destroy();
    const md = await (await fetch(`${server.url}/api/boards/${board.id}/summary.md?token=${board.tokens.facilitator}`)).text();
    expect(md).toContain('Długa ścieżka akceptacji wpisów (7 głosów)');
    expect(md).toContain('| Przygotować wzór zasad publikacji w mediach społecznościowych | Cieszyn i Przemyśl | 15 stycznia 2027 r. |');
    expect(md).toContain('**Starachowice:** Alicja Brzezińska-Tur');
    expect(md).toContain('Sieć Miast na rzecz Otwartej Komunikacji z Mieszkańcami');
    expect(md).not.toContain('Seniorzy nie korzystają z Facebooka');
  });
});
