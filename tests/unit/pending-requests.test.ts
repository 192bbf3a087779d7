import { describe, expect, it } from 'vitest';
import { PendingRequests } from '../../shared/pendingRequests';
import { RefusalReason } from '../../shared/requests';

describe('pending requests, matched by id', () => {
  it('gives each request its own id and settles replies in any order', async () => {
    const pending = new PendingRequests();
    const a = pending.add({ t: 'close-meeting', confirm: true });
    const b = pending.add({ t: 'bin-list' });
    expect(a.request.id).not.toBe(b.request.id);
    pending.settle({ id: b.request.id, t: 'bin', items: [] });
    pending.settle({ id: a.request.id, t: 'ok', request: 'close-meeting' });
    expect(await a.reply).toEqual({ t: 'ok', request: 'close-meeting' });
    expect(await b.reply).toEqual({ t: 'bin', items: [] });
    expect(pending.size).toBe(0);
  });

  it('answers every waiting request as refused with its own type when the connection drops', async () => {
    const pending = new PendingRequests();
    const a = pending.add({ t: 'close-meeting', confirm: true });
    const b = pending.add({ t: 'vote', voter: 'voter-aaaaaaaaaaaaaaaa', voteId: 'v', noteId: 'shape:n', delta: 1 });
    pending.settle({ id: 'someone-else', t: 'ok', request: 'join' });
    pending.refuseAll();
    expect(await a.reply).toEqual({ t: 'refused', request: 'close-meeting', reason: RefusalReason.boardNotLoaded });
    expect(await b.reply).toEqual({ t: 'refused', request: 'vote', reason: RefusalReason.boardNotLoaded });
  });
});
