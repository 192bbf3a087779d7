/**
 * Check before apply (shared/writeRules.ts), attacked through real connections to the real server
 * process on its SQLite file: every refused update is refused whole — none of it reaches the
 * document, storage or another client — honest rules answer with a notice and keep the
 * connection, structural ones close it, and the process never stops, hangs or balloons.
 * The same attacks on PostgreSQL and Redis with two instances: write-rules-scale-out.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode, CloseReason } from '../../shared/protocol';
import { roomName } from '../../shared/roles';
import { bigStateVector, connectPeer, deleteRecord, encodeSyncStep1, recordOf, setRecord, watchNotices, type Peer } from '../helpers/attacker';
import { connectStockClient, sendRequest } from '../helpers/clients';
import { BOARD_PAGE_ID, metrics, processMemory, readSqliteState, sqliteBytes, startSqliteCluster, type Cluster } from '../helpers/instances';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { canvasProblems } from '../helpers/reopen';
import { createBoard, TEST_SECRET, tempDataDir } from '../helpers/server';
import { waitFor } from '../helpers/wait';
import {
  attackHooks,
  barrier,
  defineHonestAttacks,
  defineObserverAttack,
  defineStructuralAttacks,
  expectClosed,
  expectHonestRefusal,
  expectRefused,
  frame,
  honestSetup,
  hostWrites,
  note,
} from '../helpers/writeRuleAttacks';

const MiB = 2 ** 20;
/** Small enough that a note over it is still a small update. */
const MAX_TEXT_CHARS = 500;
/** "Did not jump by hundreds of MiB": the most a single attack may add to the server's peak RSS. */
const RSS_ALLOWANCE = 150 * MiB;

describe('check before apply, one instance on SQLite', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startSqliteCluster({ MAX_TEXT_CHARS: String(MAX_TEXT_CHARS) });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  describe('an entry without val while an observer watches', () => defineObserverAttack(() => cluster));
  describe('structural writes, then the board reopens', () => defineStructuralAttacks(() => cluster));
  describe('honest rules: agreed notes, host flags, the template, bulk deletes', () => defineHonestAttacks(() => cluster));

  describe('pages and the document record (G7)', () => {
    const opened = attackHooks(() => cluster);
    const pageOf = (s: { witness: Peer }) => recordOf(s.witness.doc, BOARD_PAGE_ID) as Record<string, unknown>;

    it('G7: a participant renaming the page is refused; the page keeps its name everywhere', async () => {
      const s = await honestSetup(opened, cluster);
      expect(pageOf(s)).toBeDefined();
      await expectHonestRefusal(s, 'G7', [BOARD_PAGE_ID], (d) => setRecord(d, { ...pageOf(s), id: BOARD_PAGE_ID, name: 'PAGE-RENAME-MARKER' }));
      expect(s.witness.saw('PAGE-RENAME-MARKER'), 'the refused update reached another client').toBe(false);
    });

    it('G7: a participant renaming the document is refused', async () => {
      const s = await honestSetup(opened, cluster);
      const document = recordOf(s.witness.doc, 'document:document') as Record<string, unknown>;
      expect(document).toBeDefined();
      await expectHonestRefusal(s, 'G7', ['document:document'], (d) => setRecord(d, { ...document, id: 'document:document', name: 'DOC-RENAME-MARKER' }));
      expect(s.witness.saw('DOC-RENAME-MARKER'), 'the refused update reached another client').toBe(false);
    });

    it('G7: a participant adding a page is refused; no client ever sees it', async () => {
      const s = await honestSetup(opened, cluster);
      await expectHonestRefusal(s, 'G7', ['page:second'], (d) => setRecord(d, { id: 'page:second', typeName: 'page', name: 'NEW-PAGE-MARKER', index: 'a2', meta: {} }));
      expect(recordOf(s.witness.doc, 'page:second')).toBeUndefined();
      expect(s.witness.saw('NEW-PAGE-MARKER'), 'the refused update reached another client').toBe(false);
    });

    it('G7: a participant deleting the page is refused; the page stays', async () => {
      const s = await honestSetup(opened, cluster);
      expect(pageOf(s)).toBeDefined();
      await expectHonestRefusal(s, 'G7', [BOARD_PAGE_ID], (d) => deleteRecord(d, BOARD_PAGE_ID));
    });
  });

  describe('missing dependencies (G11)', () => {
    const opened = attackHooks(() => cluster);

    it("G11: after a refused update, the same stock client's next valid update is refused as missing its dependencies, not applied in part; a fresh client's applies", async () => {
      const s = await honestSetup(opened, cluster);
      const plain = note('shape:n1', 'PIERWSZA', { x: 10 });
      await hostWrites(s, (d) => setRecord(d, plain), 'PIERWSZA');

      const client = opened.stock(connectStockClient(cluster.a.url, s.board.id, s.board.tokens.participant));
      const seen = watchNotices(client.provider as unknown as { messageHandlers: unknown[] });
      await client.synced();
      client.records.set('shape:n1', { ...plain, meta: { action: { what: 'REFUSED-ACTION', who: 'Lublin', due: '2030-01-01' } } });
      await waitFor(() => seen.notices.length >= 1, 'the G1 notice for the refused update');
      expect(seen.notices[0]).toMatchObject({ t: 'write-refused', rule: 'G1' });

      // Valid on its own, but it comes after the refused update in this client's history.
      client.records.set('shape:n2', note('shape:n2', 'AFTER-REFUSAL-MARKER', { x: 300 }));
      await waitFor(() => seen.notices.length >= 2, 'a notice for the next update');
      expect(seen.notices[1]).toMatchObject({ t: 'write-refused', rule: 'G11' });
      expect(seen.bad).toEqual([]);

      await barrier(s.host, s.witness);
      expect(s.witness.saw('AFTER-REFUSAL-MARKER'), 'the dependent update was applied').toBe(false);
      expect(s.witness.saw('REFUSED-ACTION'), 'the refused update was applied').toBe(false);
      expect(recordOf(s.witness.doc, 'shape:n1')).toEqual(plain);
      expect(recordOf(s.witness.doc, 'shape:n2')).toBeUndefined();

      const fresh = opened.stock(connectStockClient(cluster.a.url, s.board.id, s.board.tokens.participant));
      const freshSeen = watchNotices(fresh.provider as unknown as { messageHandlers: unknown[] });
      await fresh.synced();
      fresh.records.set('shape:n3', note('shape:n3', 'FRESH-MARKER', { x: 600 }));
      await waitFor(() => s.witness.saw('FRESH-MARKER'), "a fresh client's valid update to apply");
      expect(freshSeen.notices).toEqual([]);
    });
  });

  describe('parents (G8): refused, and nothing loops afterwards', () => {
    const opened = attackHooks(() => cluster);

    /** The summary, the report and closing the meeting each complete within a few seconds. */
    async function expectExportsAndClosing(board: { id: string; tokens: { facilitator: string } }): Promise<void> {
      for (const path of ['summary.md', 'report.json']) {
        const res = await fetch(`${cluster.a.url}/api/boards/${board.id}/${path}?token=${board.tokens.facilitator}`, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        expect(res.status, `GET ${path}`).toBe(200);
      }
      const control = opened.stock(connectStockClient(cluster.a.url, roomName(board.id, 'control'), board.tokens.facilitator));
      await waitFor(() => control.provider.synced, 'the host on the control room', 5000);
      const reply = await Promise.race([sendRequest(control, { t: 'close-meeting', confirm: true }), new Promise((resolve) => setTimeout(() => resolve('no answer within 5 s'), 5000))]);
      expect(reply).toEqual({ t: 'ok', request: 'close-meeting' });
    }

    async function setup() {
      const board = await createBoard(cluster.a.url);
      const host = await opened.peer(connectPeer(cluster.a.url, board.id, board.tokens.facilitator));
      const witness = await opened.peer(connectPeer(cluster.a.url, board.id, board.tokens.participant));
      return { board, host, witness };
    }

    async function attack(role: 'participant' | 'facilitator', board: { id: string; tokens: Record<string, string> }, change: (d: Y.Doc) => void) {
      const attacker = await opened.peer(connectPeer(cluster.a.url, board.id, board.tokens[role]!));
      await expectClosed(attacker, await attacker.write(change), CloseCode.malformedMessage);
    }

    it("G8: two frames that are each other's parent in one update are refused (4400, even from a host); the summary, report and closing complete", async () => {
      const { board, host, witness } = await setup();
      await attack('facilitator', board, (d) => {
        setRecord(d, frame('shape:c', 'CYCLE-C', { parentId: 'shape:d', meta: { stepId: 'c' } }));
        setRecord(d, frame('shape:d', 'CYCLE-D', { parentId: 'shape:c', meta: { stepId: 'd' } }));
      });
      await barrier(host, witness);
      expect(witness.saw('CYCLE-C') || witness.saw('CYCLE-D'), 'the refused update reached another client').toBe(false);
      expect(canvasProblems(witness.doc)).toEqual([]);
      await expectExportsAndClosing(board);
    });

    it("G8: two frames made each other's parent over two updates: the second is refused (4400); the summary, report and closing complete", async () => {
      const { board, host, witness } = await setup();
      const a = frame('shape:a', 'RAMA-A', { meta: { stepId: 'a' } });
      const b = frame('shape:b', 'RAMA-B', { x: 1000 });
      host.push((d) => {
        setRecord(d, a);
        setRecord(d, b);
      });
      await waitFor(() => witness.saw('RAMA-A') && witness.saw('RAMA-B'), 'both frames');
      const attacker = await opened.peer(connectPeer(cluster.a.url, board.id, board.tokens.participant));
      attacker.push((d) => setRecord(d, { ...a, parentId: 'shape:b' }));
      await waitFor(() => (recordOf(witness.doc, 'shape:a') as { parentId: string }).parentId === 'shape:b', 'frame A inside frame B (a valid move)');
      await expectClosed(attacker, await attacker.write((d) => setRecord(d, { ...b, parentId: 'shape:a' })), CloseCode.malformedMessage);
      await barrier(host, witness);
      expect((recordOf(witness.doc, 'shape:b') as { parentId: string }).parentId).toBe(BOARD_PAGE_ID);
      expect(canvasProblems(witness.doc)).toEqual([]);
      await expectExportsAndClosing(board);
    });

    it('G8: a shape parented to itself is refused (4400, even from a host); the summary, report and closing complete', async () => {
      const { board, host, witness } = await setup();
      await attack('facilitator', board, (d) => setRecord(d, frame('shape:self', 'SELF-PARENT', { parentId: 'shape:self', meta: { stepId: 'self' } })));
      await barrier(host, witness);
      expect(witness.saw('SELF-PARENT'), 'the refused update reached another client').toBe(false);
      expect(canvasProblems(witness.doc)).toEqual([]);
      await expectExportsAndClosing(board);
    });

    it('G8: a shape parented to a note is refused (4400); the summary, report and closing complete', async () => {
      const { board, host, witness } = await setup();
      host.push((d) => setRecord(d, note('shape:holder', 'NOTATKA-RODZIC')));
      await waitFor(() => witness.saw('NOTATKA-RODZIC'), 'the note');
      await attack('participant', board, (d) => setRecord(d, note('shape:child', 'CHILD-OF-NOTE', { parentId: 'shape:holder' })));
      await barrier(host, witness);
      expect(witness.saw('CHILD-OF-NOTE'), 'the refused update reached another client').toBe(false);
      expect(canvasProblems(witness.doc)).toEqual([]);
      await expectExportsAndClosing(board);
    });
  });
});

describe('sizes (G9): refused early, memory and storage stay small', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    // Frames up to 32 MiB reach the server's own checks (the default 8 MiB would close a 10 MiB note with 1009 first).
    cluster = await startSqliteCluster({ MAX_TEXT_CHARS: String(MAX_TEXT_CHARS), MAX_MESSAGE_BYTES: String(32 * MiB) });
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  const peers: Peer[] = [];
  const track = async (connecting: Promise<Peer>) => {
    const peer = await connecting;
    peers.push(peer);
    return peer;
  };
  afterEach(async () => {
    await Promise.allSettled(peers.splice(0).map((p) => p.disconnect()));
    await cluster.ensureRunning();
  });

  /** After the last writer left, storage holds `text` (so anything applied before it is stored too). */
  async function storedWith(boardId: string, text: string): Promise<Buffer> {
    let state = Buffer.alloc(0);
    await waitFor(() => {
      state = Buffer.from(readSqliteState(cluster.a.dataDir, boardId) ?? []);
      return state.includes(text);
    }, 'the board to be stored after its last writer left', 10_000);
    return state;
  }

  function expectMemoryFrom(before: { rss: number }): void {
    const after = processMemory(cluster.a);
    expect(after.peak - before.rss, `peak RSS ${(after.peak / MiB).toFixed(0)} MiB from ${(before.rss / MiB).toFixed(0)} MiB`).toBeLessThan(RSS_ALLOWANCE);
  }

  it("G9: a 10 MiB note is closed with 4413 'update too large'; the server's RSS and the SQLite file stay small", async () => {
    const board = await createBoard(cluster.a.url);
    const host = await track(connectPeer(cluster.a.url, board.id, board.tokens.facilitator));
    const witness = await track(connectPeer(cluster.a.url, board.id, board.tokens.participant));
    const before = processMemory(cluster.a);
    const attacker = await track(connectPeer(cluster.a.url, board.id, board.tokens.participant));
    const verdict = await attacker.write((d) => setRecord(d, note('shape:huge', `HUGE-MARKER${'W'.repeat(10 * MiB)}`)), 15_000);
    await expectClosed(attacker, verdict, CloseCode.payloadTooLarge, CloseReason.updateTooLarge);

    const { text } = await barrier(host, witness);
    expect(witness.saw('HUGE-MARKER'), 'the refused update reached another client').toBe(false);
    await host.disconnect();
    await witness.disconnect();
    const stored = await storedWith(board.id, text);
    expect(stored.includes('HUGE-MARKER'), 'the refused note reached storage').toBe(false);
    expect(sqliteBytes(cluster.a.dataDir), 'the SQLite file with its WAL').toBeLessThan(2 * MiB);
    expectMemoryFrom(before);
  });

  it(`G9: a note over maxTextChars (${MAX_TEXT_CHARS}) in a small update is refused with a notice; the connection stays; RSS and the SQLite file stay small`, async () => {
    const board = await createBoard(cluster.a.url);
    const host = await track(connectPeer(cluster.a.url, board.id, board.tokens.facilitator));
    const witness = await track(connectPeer(cluster.a.url, board.id, board.tokens.participant));
    const before = processMemory(cluster.a);
    const attacker = await track(connectPeer(cluster.a.url, board.id, board.tokens.participant));
    // Over the limit set here and over the default (4000) alike, in an update of a few KB.
    expectRefused(await attacker.write((d) => setRecord(d, note('shape:long', `LONG-MARKER${'ą'.repeat(5000)}`))), 'G9');
    const { text } = await barrier(host, witness, attacker);
    expect(attacker.closed, 'the connection of an honest client stays open').toBeUndefined();
    expect(witness.saw('LONG-MARKER'), 'the refused update reached another client').toBe(false);
    expect(recordOf(witness.doc, 'shape:long')).toBeUndefined();
    for (const peer of [attacker, host, witness]) await peer.disconnect();
    const stored = await storedWith(board.id, text);
    expect(stored.includes('LONG-MARKER'), 'the refused note reached storage').toBe(false);
    expect(sqliteBytes(cluster.a.dataDir), 'the SQLite file with its WAL').toBeLessThan(2 * MiB);
    expectMemoryFrom(before);
  });

  it("G9: an observer's sync step 1 with an oversized state vector is closed with 4413 'state vector too large'; RSS and the SQLite file stay small", async () => {
    const board = await createBoard(cluster.a.url);
    const observer = await track(connectPeer(cluster.a.url, roomName(board.id, 'public'), board.tokens.observer));
    const before = processMemory(cluster.a);
    // A million clients named: about 4 MiB, far over the default 256 KiB and under the default MAX_MESSAGE_BYTES.
    const verdict = await observer.sendFrame(encodeSyncStep1(bigStateVector(1_000_000)), 15_000);
    await expectClosed(observer, verdict, CloseCode.payloadTooLarge, CloseReason.stateVectorTooLarge);
    expect((await fetch(`${cluster.a.url}/healthz`)).status).toBe(200);
    expect(sqliteBytes(cluster.a.dataDir), 'the SQLite file with its WAL').toBeLessThan(2 * MiB);
    expectMemoryFrom(before);
  });
});

describe('storing when the last writer leaves', () => {
  const procs: ServerProcess[] = [];
  afterAll(() => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  });

  it('the room is stored at once when its last writer leaves, even while an observer keeps it open: kill -9 half a second later loses nothing', async () => {
    // Nothing but the last writer's leaving stores the room: no debounce or unload within the test.
    const env = { DATA_DIR: tempDataDir(), SECRET: TEST_SECRET, STORE_DEBOUNCE_MS: '60000', STORE_MAX_WAIT_MS: '60000', ROOM_UNLOAD_GRACE_MS: '60000' };
    const first = await startServerProcess(env);
    procs.push(first);
    const board = await createBoard(first.url);
    const observer = await connectPeer(first.url, roomName(board.id, 'public'), board.tokens.observer);
    const host = await connectPeer(first.url, board.id, board.tokens.facilitator);
    host.push((d) => setRecord(d, frame('shape:pub', 'PUBLIC-FRAME', { meta: { public: true } })));
    await waitFor(() => observer.saw('PUBLIC-FRAME'), 'the public frame to reach the observer');
    await host.disconnect();

    const participant = connectStockClient(first.url, board.id, board.tokens.participant);
    await participant.synced();
    participant.doc.transact(() => {
      participant.records.set('shape:kept-public', note('shape:kept-public', 'KEPT-PUBLIC', { parentId: 'shape:pub', x: 10, y: 10 }));
      participant.records.set('shape:kept-internal', note('shape:kept-internal', 'KEPT-INTERNAL', { x: 1200 }));
    });
    // The observer sees the public note: the server has applied the participant's update.
    await waitFor(() => observer.saw('KEPT-PUBLIC'), 'the participant’s note to reach the observer');
    participant.destroy();
    await waitFor(async () => (await metrics(first)).tablica_connections === 1, 'the server to see the participant leave (the observer stays)');
    await new Promise((resolve) => setTimeout(resolve, 500));
    first.child.kill('SIGKILL');
    await first.exited;
    await observer.disconnect();

    const second = await startServerProcess(env);
    procs.push(second);
    const reader = await connectPeer(second.url, board.id, board.tokens.participant);
    try {
      expect(reader.record('shape:pub'), 'the host’s frame').toBeDefined();
      expect(reader.record('shape:kept-public'), 'the participant’s public note').toBeDefined();
      expect(reader.record('shape:kept-internal'), 'the participant’s internal note').toBeDefined();
    } finally {
      await reader.disconnect();
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 60_000);
});
