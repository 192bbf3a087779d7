/** A board ready for voting and polling, and its invitation list over real HTTP. */
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';
import type { InvitationsResponse } from '../../shared/invitations';
import { connectStockClient, type StockClient } from './clients';
import { frameRecord, noteRecord } from './records';
import { waitFor } from './wait';

/** Lays out a ballot frame with `notes` notes through a host's canvas client; resolves with their ids. */
export async function layOutBallot(canvas: StockClient, notes: number): Promise<string[]> {
  const ids = Array.from({ length: notes }, (_, i) => `shape:n${i}`);
  canvas.doc.transact(() => {
    canvas.records.set('shape:ballot', frameRecord('shape:ballot', 'Pomysły'));
    for (const id of ids) canvas.records.set(id, noteRecord(id, `pomysł ${id}`, { parentId: 'shape:ballot' }));
  });
  return ids;
}

/** Opens a vote (and, with `pollId`, a single-choice poll) as a host, and waits until `seen` has both. */
export async function openVoteAndPoll(host: StockClient, seen: StockClient, options: { voteId: string; votesPerPerson: number; pollId?: string }): Promise<void> {
  const session = host.doc.getMap(SESSION_MAP);
  host.doc.transact(() => {
    session.set('vote', { id: options.voteId, stepId: null, frameId: 'shape:ballot', votesPerPerson: options.votesPerPerson, capPerNote: null, state: 'open' });
    if (options.pollId) session.set('poll', { id: options.pollId, stepId: null, question: 'Czy spotkanie jest potrzebne?', kind: 'single', options: ['tak', 'nie'], state: 'open', shown: false, agreed: false });
  });
  await waitFor(() => {
    const s = seen.doc.getMap(SESSION_MAP);
    return (s.get('vote') as { id?: string } | undefined)?.id === options.voteId && (!options.pollId || (s.get('poll') as { id?: string } | undefined)?.id === options.pollId);
  }, 'the vote and poll to open', 10_000);
}

export async function invite(baseUrl: string, boardId: string, hostToken: string, text: string): Promise<InvitationsResponse> {
  const res = await fetch(`${baseUrl}/api/boards/${boardId}/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hostToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (res.status !== 201) throw new Error(`invitations failed: ${res.status}`);
  return (await res.json()) as InvitationsResponse;
}

/** `count` stock clients on a board's control room with one token, synced. */
export async function controlClients(baseUrl: string, boardId: string, token: string, count: number): Promise<StockClient[]> {
  const clients = Array.from({ length: count }, () => connectStockClient(baseUrl, roomName(boardId, 'control'), token));
  await Promise.all(clients.map((c) => c.synced()));
  return clients;
}

/** A device id as a browser makes one (shared/requests.ts VoterId). */
export const deviceId = (label: string | number) => `device-${String(label).padStart(16, '0')}`;
