import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningTablica } from '../../server/app';
import type { CreateBoardResponse } from '../../shared/api';
import { RefusalReason, type BinItem, type ServerReply } from '../../shared/requests';
import { roomName } from '../../shared/roles';
import { connectStockClient, sendRequest, type StockClient } from '../helpers/clients';
import { frameRecord, noteRecord } from '../helpers/records';
import { createBoard, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

describe('the hosts’ bin', () => {
  let server: RunningTablica;
  let board: CreateBoardResponse;
  let host: StockClient;
  let participant: StockClient;
  let hostControl: StockClient;
  const binOf = async (client: StockClient): Promise<BinItem[]> => {
    const reply = (await sendRequest(client, { t: 'bin-list' })) as Extract<ServerReply, { t: 'bin' }>;
    expect(reply.t).toBe('bin');
    return reply.items;
  };
  const diskBytes = () => {
    const dir = server.config.dataDir;
    return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
  };

  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
    host = connectStockClient(server.url, board.id, board.tokens.facilitator);
    participant = connectStockClient(server.url, board.id, board.tokens.participant);
    hostControl = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.expert);
    await Promise.all([host.synced(), participant.synced(), hostControl.synced()]);
    host.records.set('shape:step', frameRecord('shape:step', 'Krok 2.3 Pomysły', { meta: { template: true, stepId: '2.3' } }));
    host.records.set('shape:idea', noteRecord('shape:idea', 'KOSZ-MARKER pomysł na konsultacje', { parentId: 'shape:step' }));
    await waitFor(() => participant.records.has('shape:idea'), 'the note to reach the participant');
  });
  afterAll(async () => {
    for (const c of [host, participant, hostControl]) c.destroy();
    await server.close();
  });

  it('R6: a note a participant deleted is in the hosts’ bin, in memory only, and a host puts it back for everyone', async () => {
    participant.records.delete('shape:idea');
    await waitFor(() => !host.records.has('shape:idea'), 'the deletion to reach the host');
    const items = await binOf(hostControl);
    expect(items).toEqual([expect.objectContaining({ id: 'shape:idea', shapeType: 'note', frameName: 'Krok 2.3 Pomysły', alsoRestores: 0 })]);
    expect(items[0]!.preview).toContain('KOSZ-MARKER');

    for (const room of server.rooms.rooms()) await room.persist();
    expect(diskBytes().includes('KOSZ-MARKER')).toBe(false);

    const participantControl = connectStockClient(server.url, roomName(board.id, 'control'), board.tokens.participant);
    await participantControl.synced();
    expect(await sendRequest(participantControl, { t: 'bin-list' })).toMatchObject({ t: 'refused', reason: RefusalReason.hostsOnly });
    participantControl.destroy();

    expect(await sendRequest(hostControl, { t: 'bin-restore', recordId: 'shape:idea' })).toMatchObject({ t: 'ok', request: 'bin-restore' });
    await waitFor(() => participant.records.has('shape:idea'), 'the note back on the participant’s screen');
    expect(participant.records.get('shape:idea')).toMatchObject({ parentId: 'shape:step' });
    expect(await binOf(hostControl)).toEqual([]);
    expect(await sendRequest(hostControl, { t: 'bin-restore', recordId: 'shape:idea' })).toMatchObject({ t: 'refused', reason: RefusalReason.notInBin });
  });

  it('R6: closing the meeting empties the bin', async () => {
    participant.records.delete('shape:idea');
    await waitFor(async () => (await binOf(hostControl)).length === 1, 'the deleted note in the bin');
    expect(await sendRequest(hostControl, { t: 'close-meeting', confirm: true })).toEqual({ t: 'ok', request: 'close-meeting' });
    expect(await binOf(hostControl)).toEqual([]);
  });
});
