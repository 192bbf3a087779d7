/**
 * Attacks on the canvas write rules (shared/writeRules.ts), defined once and run against one
 * instance on SQLite (tests/integration/write-rules.test.ts) and against two instances on
 * PostgreSQL and Redis (tests/integration/write-rules-scale-out.test.ts). The attacker always uses
 * instance `a`; witnesses and observers sit on instance `b` (the same one on SQLite), so "never
 * visible on the other instance" is checked wherever there is one.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { CreateBoardResponse } from '../../shared/api';
import { CloseCode } from '../../shared/protocol';
import { roomName } from '../../shared/roles';
import { MAX_PARTICIPANT_DELETES, type WriteRule } from '../../shared/writeRules';
import { tldrawSchema } from '../../shared/tldrawSchema';
import { connectPeer, deleteRecord, recordOf, recordsArray, setRecord, type Peer, type Verdict } from './attacker';
import type { StockClient } from './clients';
import { BOARD_PAGE_ID, expectServerAlive, waitUnloaded, type Cluster } from './instances';
import { frameRecord, noteRecord, richText } from './records';
import { canvasProblems, PUBLIC_ROOM_CHECK, reopenBoard } from './reopen';
import { createBoard } from './server';
import { waitFor } from './wait';

// ---------------------------------------------------------------------------------------------
// Records on the board the server creates (its page is BOARD_PAGE_ID).

export function note(id: string, text: string, options: { parentId?: string; x?: number; y?: number; meta?: Record<string, unknown> } = {}) {
  return noteRecord(id, text, { parentId: BOARD_PAGE_ID, ...options }) as unknown as Record<string, unknown> & { id: string };
}

export function frame(id: string, name: string, options: { parentId?: string; x?: number; y?: number; meta?: Record<string, unknown> } = {}) {
  return { ...frameRecord(id, name, options), parentId: options.parentId ?? BOARD_PAGE_ID } as unknown as Record<string, unknown> & { id: string };
}

// ---------------------------------------------------------------------------------------------
// What a test opened, closed after it whatever happened.

export class Opened {
  readonly #closers: (() => unknown)[] = [];

  async peer(connecting: Promise<Peer>): Promise<Peer> {
    const peer = await connecting;
    this.#closers.push(() => peer.disconnect());
    return peer;
  }

  stock(client: StockClient): StockClient {
    this.#closers.push(() => client.destroy());
    return client;
  }

  async closeAll(): Promise<void> {
    const closers = this.#closers.splice(0);
    await Promise.allSettled(closers.map(async (close) => close()));
  }
}

/** Registers the per-test hooks: instances restarted if a previous test killed one, everything closed after. */
export function attackHooks(cluster: () => Cluster): Opened {
  const opened = new Opened();
  beforeEach(async () => {
    await cluster().ensureRunning();
  });
  afterEach(async () => {
    await opened.closeAll();
  });
  return opened;
}

// ---------------------------------------------------------------------------------------------
// Expectations.

/** The server refused with a notice naming `rule` (the connection stays open; checked later). */
export function expectRefused(verdict: Verdict, rule: WriteRule): void {
  expect(verdict, `expected a ${rule} write-refusal notice`).toMatchObject({ kind: 'refused', rule });
}

/** The server closed the connection with `code` (a notice sent before the close is tolerated). */
export async function expectClosed(peer: Peer, verdict: Verdict, code: number, reason?: string): Promise<void> {
  if (verdict.kind === 'refused') await waitFor(() => peer.closed !== undefined, `a close after the ${verdict.rule} notice`, 2000).catch(() => {});
  const seen: Verdict = peer.closed ? { kind: 'closed', ...peer.closed } : verdict;
  expect(seen, `expected the server to close the connection with ${code}`).toMatchObject({ kind: 'closed', code, ...(reason === undefined ? {} : { reason }) });
}

let barriers = 0;

/**
 * A host writes a fresh note and every peer receives it: whatever the server relayed before it,
 * each peer has received by now (one connection's traffic arrives in order).
 */
export async function barrier(host: Peer, ...peers: Peer[]): Promise<{ id: string; text: string }> {
  const id = `shape:barrier-${++barriers}`;
  const text = `BARRIER-${barriers}-${Date.now()}`;
  host.push((d) => setRecord(d, note(id, text, { x: 2000 + barriers * 10 })));
  await waitFor(() => peers.every((p) => p.saw(text)), `the host's note ${id} to reach every peer`, 10_000);
  return { id, text };
}

// ---------------------------------------------------------------------------------------------
// Case 1: G10 with an observer on the public room.

export function defineObserverAttack(cluster: () => Cluster): void {
  const opened = attackHooks(cluster);

  it('G10: an entry without val ({ key: "shape:x" }) is refused whole while an observer watches; the server stays up, other boards sync and the observer keeps receiving', async () => {
    const c = cluster();
    const board = await createBoard(c.a.url);
    const host = await opened.peer(connectPeer(c.a.url, board.id, board.tokens.facilitator));
    host.push((d) => {
      setRecord(d, frame('shape:pub', 'Publiczna', { meta: { public: true } }));
      setRecord(d, note('shape:pub-1', 'PUBLIC-BEFORE', { parentId: 'shape:pub', x: 10, y: 10 }));
    });
    const observer = await opened.peer(connectPeer(c.b.url, roomName(board.id, 'public'), board.tokens.observer));
    const witness = await opened.peer(connectPeer(c.b.url, board.id, board.tokens.participant));
    await waitFor(() => observer.saw('PUBLIC-BEFORE') && witness.saw('PUBLIC-BEFORE'), 'the public note to reach the observer');

    const attacker = await opened.peer(connectPeer(c.a.url, board.id, board.tokens.participant));
    const verdict = await attacker.write((d) => recordsArray(d).push([{ key: 'shape:x' }]));
    await expectClosed(attacker, verdict, CloseCode.malformedMessage);

    await expectServerAlive(c);
    host.push((d) => setRecord(d, note('shape:pub-2', 'PUBLIC-AFTER', { parentId: 'shape:pub', x: 300, y: 10 })));
    await waitFor(() => observer.saw('PUBLIC-AFTER') && witness.saw('PUBLIC-AFTER'), 'a later public note to reach the observer and the witness', 10_000);
    expect(observer.closed).toBeUndefined();
    expect(witness.saw('shape:x'), 'the refused entry reached another client').toBe(false);
    expect(observer.saw('shape:x'), 'the refused entry reached the observer').toBe(false);
    expect(canvasProblems(witness.doc)).toEqual([]);
    expect(canvasProblems(observer.doc, PUBLIC_ROOM_CHECK)).toEqual([]);
  });
}

// ---------------------------------------------------------------------------------------------
// Case 2: structural writes (G10), each refused whole, then the board unloaded and reopened.

interface StructuralAttack {
  name: string;
  /** Who sends it: hosts may break no structural rule either. */
  role: 'participant' | 'facilitator';
  /** Text that only the attack contains, looked for in what others received and in storage. */
  marker?: string;
  change: (doc: Y.Doc) => void;
}

/** A schema from a future tldraw: every client would refuse to open the board. */
function futureSchema() {
  const schema = tldrawSchema().serialize() as { sequences: Record<string, number> };
  return { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape': 999, 'com.tldraw.SCHEMA-MARKER': 1 } };
}

export const STRUCTURAL_ATTACKS: StructuralAttack[] = [
  { name: 'G10: a null entry in the tldraw array', role: 'facilitator', change: (d) => recordsArray(d).push([null]) },
  { name: 'G10: an entry { key } without val', role: 'participant', marker: 'NOVAL-MARKER', change: (d) => recordsArray(d).push([{ key: 'shape:NOVAL-MARKER' }]) },
  {
    name: 'G10: an entry whose key differs from val.id',
    role: 'participant',
    marker: 'MISMATCH-MARKER',
    change: (d) => recordsArray(d).push([{ key: 'shape:mismatch-key', val: note('shape:mismatch-val', 'MISMATCH-MARKER') }]),
  },
  { name: 'G10: overwriting meta.schema', role: 'facilitator', marker: 'SCHEMA-MARKER', change: (d) => d.getMap('meta').set('schema', futureSchema()) },
  { name: "G10: writing another top-level map, doc.getMap('x')", role: 'participant', marker: 'MAP-MARKER', change: (d) => d.getMap('x').set('k', 'MAP-MARKER') },
  { name: "G10: writing a top-level text, doc.getText('t')", role: 'facilitator', marker: 'TEXT-MARKER', change: (d) => d.getText('t').insert(0, 'TEXT-MARKER') },
];

export function defineStructuralAttacks(cluster: () => Cluster): void {
  const opened = attackHooks(cluster);

  for (const attack of STRUCTURAL_ATTACKS) {
    it(`${attack.name} is refused whole (4400, from a ${attack.role}); after an unload the board reopens in tldraw, for an observer and in the exports`, async () => {
      const c = cluster();
      const board = await createBoard(c.a.url);
      const host = await opened.peer(connectPeer(c.a.url, board.id, board.tokens.facilitator));
      host.push((d) => setRecord(d, note('shape:before', 'PRZED-ATAKIEM')));
      const witness = await opened.peer(connectPeer(c.b.url, board.id, board.tokens.participant));
      await waitFor(() => witness.saw('PRZED-ATAKIEM'), 'the note before the attack');

      const attacker = await opened.peer(connectPeer(c.a.url, board.id, board.tokens[attack.role]));
      const verdict = await attacker.write(attack.change);
      await expectClosed(attacker, verdict, CloseCode.malformedMessage);

      const after = await barrier(host, witness);
      if (attack.marker) expect(witness.saw(attack.marker), 'the refused update reached another client').toBe(false);
      expect(canvasProblems(witness.doc), 'what another client holds').toEqual([]);

      await opened.closeAll();
      await waitUnloaded(c);
      const stored = await c.storedState(board.id);
      expect(stored, 'the board was stored').not.toBeNull();
      if (attack.marker) expect(Buffer.from(stored!).includes(attack.marker), 'the refused update reached storage').toBe(false);

      const reopened = await reopenBoard(c.a.url, board, { otherUrl: c.b.url });
      expect(reopened.problems).toEqual([]);
      expect(reopened.records.has('shape:before') && reopened.records.has(after.id)).toBe(true);
      expect(reopened.storeRecordCount).toBeGreaterThanOrEqual(reopened.records.size);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Case 5: honest rules — a notice, the connection stays, nothing changes anywhere.

export interface HonestSetup {
  c: Cluster;
  board: CreateBoardResponse;
  host: Peer;
  witness: Peer;
  attacker: Peer;
}

export async function honestSetup(opened: Opened, c: Cluster, createBody?: Record<string, unknown>): Promise<HonestSetup> {
  const board = await createBoard(c.a.url, createBody);
  const host = await opened.peer(connectPeer(c.a.url, board.id, board.tokens.facilitator));
  const witness = await opened.peer(connectPeer(c.b.url, board.id, board.tokens.participant));
  const attacker = await opened.peer(connectPeer(c.a.url, board.id, board.tokens.participant));
  return { c, board, host, witness, attacker };
}

/** Writes as the host and waits until the witness and the attacker hold it. */
export async function hostWrites(s: HonestSetup, change: (doc: Y.Doc) => void, marker: string): Promise<void> {
  s.host.push(change);
  await waitFor(() => s.witness.saw(marker) && s.attacker.saw(marker), `the host's ${marker} to reach everyone`, 10_000);
}

/**
 * The attacker's `change` is refused by `rule` with a notice; its connection stays open and keeps
 * receiving; the witness on the other instance never saw any of `keys` change (nor appear); the
 * server (a fresh reader on the attacker's instance) holds them as before.
 */
export async function expectHonestRefusal(s: HonestSetup, rule: WriteRule, keys: string[], change: (doc: Y.Doc) => void): Promise<void> {
  const before = new Map(keys.map((key) => [key, recordOf(s.witness.doc, key)]));
  const histories = new Map(keys.map((key) => [key, s.witness.track(key)]));
  expectRefused(await s.attacker.write(change), rule);

  await barrier(s.host, s.witness, s.attacker);
  expect(s.attacker.closed, 'the connection of an honest client stays open').toBeUndefined();
  expect(s.attacker.badNotices, 'notices that are not a WriteRefusal').toEqual([]);
  for (const [key, history] of histories) expect(history, `what another client saw of ${key}`).toHaveLength(1);
  const reader = await connectPeer(s.c.a.url, s.board.id, s.board.tokens.participant);
  try {
    for (const key of keys) expect(reader.record(key), `${key} on the server`).toEqual(before.get(key));
  } finally {
    await reader.disconnect();
  }
}

export function defineHonestAttacks(cluster: () => Cluster): void {
  const opened = attackHooks(cluster);
  const agreedNote = note('shape:agreed', 'UZGODNIONE', { x: 100, y: 100, meta: { agreed: true } });
  const withAgreed = async () => {
    const s = await honestSetup(opened, cluster());
    await hostWrites(s, (d) => setRecord(d, agreedNote), 'UZGODNIONE');
    return s;
  };

  it('G5: a participant changing the text of a note hosts marked agreed is refused; the server and other clients keep it', async () => {
    const s = await withAgreed();
    await expectHonestRefusal(s, 'G5', ['shape:agreed'], (d) => setRecord(d, { ...agreedNote, props: { ...(agreedNote.props as object), richText: richText('ZMIENIONE') } }));
    expect(s.witness.saw('ZMIENIONE'), 'the refused update reached another client').toBe(false);
  });

  it('G5: a participant moving an agreed note is refused; the server and other clients keep it', async () => {
    const s = await withAgreed();
    await expectHonestRefusal(s, 'G5', ['shape:agreed'], (d) => setRecord(d, { ...agreedNote, x: 4321, y: 1234 }));
  });

  it('G5: a participant deleting an agreed note is refused; the server and other clients keep it', async () => {
    const s = await withAgreed();
    await expectHonestRefusal(s, 'G5', ['shape:agreed'], (d) => deleteRecord(d, 'shape:agreed'));
  });

  it('G1: a participant adding meta.action to a note is refused; the server and other clients keep the note as it was', async () => {
    const s = await honestSetup(opened, cluster());
    const plain = note('shape:plain', 'ZWYKŁA', { x: 50, y: 50 });
    await hostWrites(s, (d) => setRecord(d, plain), 'ZWYKŁA');
    await expectHonestRefusal(s, 'G1', ['shape:plain'], (d) =>
      setRecord(d, { ...plain, meta: { action: { what: 'ACTION-MARKER', who: 'Gdańsk', due: '2030-01-01' } } }),
    );
    expect(s.witness.saw('ACTION-MARKER'), 'the refused update reached another client').toBe(false);
  });

  it("G2: a participant deleting a template step frame with its notes (tldraw's trash) is refused, also again after re-setting the frame unchanged; the notes stay", async () => {
    const s = await honestSetup(opened, cluster(), { title: 'Szablon', formatId: 'kickoff' });
    const stepFrame = [...s.attacker.doc.getArray<{ key: string; val: Record<string, unknown> }>('tldraw').toArray()]
      .map((e) => e.val)
      .find((r) => r.type === 'frame' && (r.meta as Record<string, unknown>).template === true && typeof (r.meta as Record<string, unknown>).stepId === 'string');
    expect(stepFrame, 'the kickoff format lays out step frames').toBeDefined();
    const frameId = stepFrame!.id as string;
    // The participant's own notes in the step (allowed), then tldraw's delete of the frame and everything in it.
    s.attacker.push((d) => {
      setRecord(d, note('shape:mine-1', 'MOJA-1', { parentId: frameId, x: 40, y: 400 }));
      setRecord(d, note('shape:mine-2', 'MOJA-2', { parentId: frameId, x: 300, y: 400 }));
    });
    await waitFor(() => s.witness.saw('MOJA-1') && s.witness.saw('MOJA-2'), 'the participant’s notes in the step');
    const descendants = (d: Y.Doc): string[] => {
      const all = d.getArray<{ key: string; val: { parentId?: string } }>('tldraw').toArray();
      const ids = [frameId];
      for (let i = 0; i < ids.length; i++) for (const e of all) if (e.val.parentId === ids[i]) ids.push(e.key);
      return ids;
    };
    const keys = descendants(s.attacker.doc);
    expect(keys).toEqual(expect.arrayContaining([frameId, 'shape:mine-1', 'shape:mine-2']));
    await expectHonestRefusal(s, 'G2', keys, (d) => {
      for (const key of keys) deleteRecord(d, key);
    });

    // The participant's client puts the frame back as it was (its copy lost it), then deletes it
    // again. Whether the unchanged re-set passes or is itself refused (G2: participants write no
    // template element), the second delete must not: G2 if the server took the re-set, else G11,
    // as it builds on the refused re-set.
    const reset = await s.attacker.write((d) => setRecord(d, stepFrame as { id: string }));
    expect(reset.kind === 'silent' || (reset.kind === 'refused' && reset.rule === 'G2'), `the re-set's verdict: ${JSON.stringify(reset)}`).toBe(true);
    const histories = keys.map((key) => s.witness.track(key));
    const again = await s.attacker.write((d) => deleteRecord(d, frameId));
    expectRefused(again, reset.kind === 'refused' ? 'G11' : 'G2');
    await barrier(s.host, s.witness, s.attacker);
    for (const history of histories) expect(history.at(-1)).not.toBeUndefined();
    const reader = await connectPeer(s.c.a.url, s.board.id, s.board.tokens.participant);
    try {
      for (const key of keys) expect(reader.record(key), `${key} on the server`).toBeDefined();
      expect(reader.record(frameId)).toEqual(stepFrame);
    } finally {
      await reader.disconnect();
    }
  });

  it(`G6: a participant deleting ${MAX_PARTICIPANT_DELETES + 1} notes in one update is refused; ${MAX_PARTICIPANT_DELETES} pass, and the same bulk deletion by a host is accepted`, async () => {
    const s = await honestSetup(opened, cluster());
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `shape:${prefix}-${i}`);
    const many = ids('many', MAX_PARTICIPANT_DELETES + 1);
    const few = ids('few', MAX_PARTICIPANT_DELETES);
    await hostWrites(
      s,
      (d) => {
        for (const [i, id] of [...many, ...few].entries()) setRecord(d, note(id, `N-${id}`, { x: i * 220 }));
      },
      `N-${few.at(-1)}`,
    );
    await expectHonestRefusal(s, 'G6', many, (d) => {
      for (const id of many) deleteRecord(d, id);
    });

    const fresh = await opened.peer(connectPeer(s.c.a.url, s.board.id, s.board.tokens.participant));
    fresh.push((d) => {
      for (const id of few) deleteRecord(d, id);
    });
    await waitFor(() => few.every((id) => recordOf(s.witness.doc, id) === undefined), `a participant's deletion of ${MAX_PARTICIPANT_DELETES} notes to pass`, 10_000);
    expect(fresh.notices).toEqual([]);

    s.host.push((d) => {
      for (const id of many) deleteRecord(d, id);
    });
    await waitFor(() => many.every((id) => recordOf(s.witness.doc, id) === undefined), 'the host’s bulk deletion to reach the other instance', 10_000);
    expect(s.host.notices).toEqual([]);
    expect(s.host.closed).toBeUndefined();
  });
}
