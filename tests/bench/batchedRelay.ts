/**
 * The limit reference for the benchmark (issue #20): a minimal batched relay, run as its own
 * process. No Yjs document and no checks: per room it merges the updates that arrived during a tick
 * (Y.mergeUpdates) and keeps the latest awareness state per client, and once per tick (10 ms, like
 * Tablica's BROADCAST_TICK_MS) sends one merged update and one awareness message, each encoded once,
 * to the room's sockets — the same bytes to all of them, the sender's own included, as Tablica and
 * y-websocket do. It answers sync step 1 with the merged state it has seen, so clients can sync.
 * What it costs is the floor for any server that batches this way; the gap between it and Tablica
 * is what Tablica's document, checks and rules cost.
 *
 * `node --import tsx tests/bench/batchedRelay.ts` prints `{"event":"server.listening","port":N}`.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const TICK_MS = 10;
/** Tick merges kept before they are merged into one (sync step 1 merges what is left on demand). */
const HISTORY_COMPACT_AT = 256;
/** An update with no structs and an empty delete set. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

interface AwarenessState {
  clock: number;
  /** The JSON state as received (`null` once the client has gone). */
  state: Uint8Array;
}

interface Room {
  name: string;
  sockets: Set<WebSocket>;
  /** Updates received since the last tick. */
  pending: Uint8Array[];
  /** Every tick's merged update so far; merged into one when long, or when someone syncs. */
  history: Uint8Array[];
  awareness: Map<number, AwarenessState>;
  /** Awareness clients changed since the last tick. */
  changedClients: Set<number>;
  /** A client left since the last tick: its removal goes out, then it is forgotten. */
  removals: boolean;
  timer: NodeJS.Timeout | undefined;
}

const rooms = new Map<string, Room>();
const NULL_STATE = new TextEncoder().encode('null');

function roomOf(name: string): Room {
  let room = rooms.get(name);
  if (!room) {
    room = { name, sockets: new Set(), pending: [], history: [], awareness: new Map(), changedClients: new Set(), removals: false, timer: undefined };
    rooms.set(name, room);
  }
  return room;
}

function merged(updates: Uint8Array[]): Uint8Array {
  if (updates.length === 0) return EMPTY_UPDATE;
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/** The whole state this room has seen, as one update (history compacted in place). */
function stateOf(room: Room): Uint8Array {
  if (room.history.length > 1) room.history = [merged(room.history)];
  return room.history[0] ?? EMPTY_UPDATE;
}

function schedule(room: Room): void {
  room.timer ??= setTimeout(() => flush(room), TICK_MS);
}

function syncMessage(subType: number, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, subType);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function awarenessMessage(room: Room, clients: Iterable<number>): Uint8Array {
  const inner = encoding.createEncoder();
  const list = [...clients];
  encoding.writeVarUint(inner, list.length);
  for (const id of list) {
    const entry = room.awareness.get(id)!;
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarUint8Array(inner, entry.state);
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

function sendAll(room: Room, message: Uint8Array): void {
  for (const ws of room.sockets) if (ws.readyState === ws.OPEN) ws.send(message);
}

function flush(room: Room): void {
  room.timer = undefined;
  if (room.pending.length > 0) {
    const update = merged(room.pending);
    room.pending = [];
    room.history.push(update);
    if (room.history.length >= HISTORY_COMPACT_AT) room.history = [merged(room.history)];
    sendAll(room, syncMessage(2, update));
  }
  if (room.changedClients.size > 0) {
    const message = awarenessMessage(room, room.changedClients);
    room.changedClients.clear();
    sendAll(room, message);
  }
  // Gone clients' removals have been sent: forget them.
  if (room.removals) {
    room.removals = false;
    for (const [id, entry] of room.awareness) if (entry.state === NULL_STATE) room.awareness.delete(id);
  }
  if (room.sockets.size === 0 && !room.timer) rooms.delete(room.name);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function connect(ws: WebSocket, room: Room): void {
  room.sockets.add(ws);
  const ownClients = new Set<number>();
  const live = [...room.awareness.keys()];
  if (live.length > 0) ws.send(awarenessMessage(room, live));
  ws.on('message', (data) => {
    try {
      const decoder = decoding.createDecoder(toBytes(data));
      const type = decoding.readVarUint(decoder);
      if (type === 0) {
        const subType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (subType === 0) {
          ws.send(syncMessage(1, Y.diffUpdate(stateOf(room), payload)));
        } else if (payload.byteLength > 2 || payload[0] !== 0 || payload[1] !== 0) {
          // Step 2 or an update with content: into this tick's merge.
          room.pending.push(payload);
          schedule(room);
        }
      } else if (type === 1) {
        const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
        const count = decoding.readVarUint(inner);
        for (let i = 0; i < count; i++) {
          const id = decoding.readVarUint(inner);
          const clock = decoding.readVarUint(inner);
          const state = decoding.readVarUint8Array(inner);
          const known = room.awareness.get(id);
          if (known && known.clock >= clock) continue;
          room.awareness.set(id, { clock, state });
          room.changedClients.add(id);
          ownClients.add(id);
        }
        schedule(room);
      } else if (type === 3) {
        ws.send(awarenessMessage(room, room.awareness.keys()));
      }
    } catch {
      ws.close(4400, 'malformed message');
    }
  });
  ws.on('close', () => {
    room.sockets.delete(ws);
    for (const id of ownClients) {
      const known = room.awareness.get(id);
      if (!known) continue;
      room.awareness.set(id, { clock: known.clock + 1, state: NULL_STATE });
      room.changedClients.add(id);
      room.removals = true;
    }
    schedule(room);
  });
  ws.on('error', () => ws.terminate());
}

const server = http.createServer((_req, res) => res.end('batched relay'));
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  ws.binaryType = 'nodebuffer';
  // The same addresses as the reference server: /{room} or /sync/{room}, query ignored.
  const name = (req.url ?? '/').slice(1).split('?')[0]!.replace(/^sync\//, '');
  connect(ws, roomOf(name));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ event: 'server.listening', port: typeof address === 'object' && address ? address.port : 0 }));
});
process.on('SIGTERM', () => process.exit(0));
