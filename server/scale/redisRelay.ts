/**
 * Several instances on one Redis: every stored room is relayed on a channel of its own. Local
 * changes (updates and presence) are published tagged with this instance's id; what arrives from
 * other instances is applied with the relay's origin and never published again. A room that opens
 * here asks the instances that have it open for what it lacks before it answers its clients.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { Logger } from '../log';
import { errorFields } from '../log';
import type { Room } from '../sync/room';
import type { RoomHooks } from '../sync/roomHooks';
import { Origin } from '../sync/origin';

const ID_BYTES = 12;
const Kind = { update: 1, awareness: 2, syncRequest: 3, syncReply: 4 } as const;
/** How long a room that opens waits for other instances' state (none may have it open). */
const SYNC_WAIT_MS = 250;

export class RedisRelay {
  readonly id = randomBytes(ID_BYTES);
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #rooms = new Map<string, Room>();
  readonly #waiting = new Map<string, () => void>();

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false };
    this.#pub = new Redis(url, options);
    this.#sub = new Redis(url, options);
    for (const client of [this.#pub, this.#sub]) client.on('error', (err) => this.log.warn('relay.redis_error', errorFields(err)));
    this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#receive(channel.toString(), message));
  }

  static channel(roomName: string): string {
    return `tablica:room:${roomName}`;
  }

  /** The relay's room hooks: joins a stored room to its channel before it answers anyone. */
  hooks(room: Room): RoomHooks {
    const channel = RedisRelay.channel(room.name);
    return {
      name: 'redis-relay',
      load: async () => {
        this.#rooms.set(channel, room);
        await this.#sub.subscribe(channel);
        // The room's one broadcaster hands over what this instance changed, once per tick.
        room.broadcaster.sink = {
          publish: (update, awareness) => {
            if (update) this.#publish(channel, Kind.update, update);
            if (awareness) this.#publish(channel, Kind.awareness, awareness);
          },
        };
        // Ask who has this room open for what we lack; answers are applied as they come.
        await new Promise<void>((resolve) => {
          const done = setTimeout(resolve, SYNC_WAIT_MS);
          this.#waiting.set(channel, () => {
            clearTimeout(done);
            resolve();
          });
          this.#publish(channel, Kind.syncRequest, Y.encodeStateVector(room.doc));
        });
        this.#waiting.delete(channel);
      },
      destroy: () => {
        room.broadcaster.flush();
        room.broadcaster.sink = undefined;
        this.#rooms.delete(channel);
        void this.#sub.unsubscribe(channel).catch(() => {});
      },
    };
  }

  #publish(channel: string, kind: number, payload: Uint8Array): void {
    const message = Buffer.allocUnsafe(1 + ID_BYTES + payload.byteLength);
    message[0] = kind;
    this.id.copy(message, 1);
    message.set(payload, 1 + ID_BYTES);
    this.#pub.publish(channel, message).catch((err: unknown) => this.log.warn('relay.publish_failed', errorFields(err)));
  }

  #receive(channel: string, message: Buffer): void {
    const room = this.#rooms.get(channel);
    if (!room || room.destroyed || message.length < 1 + ID_BYTES) return;
    if (message.subarray(1, 1 + ID_BYTES).equals(this.id)) return;
    const payload = new Uint8Array(message.buffer, message.byteOffset + 1 + ID_BYTES, message.length - 1 - ID_BYTES);
    try {
      switch (message[0]) {
        case Kind.update:
        case Kind.syncReply:
          room.applyIncoming(payload, Origin.relay);
          if (message[0] === Kind.syncReply) this.#waiting.get(channel)?.();
          break;
        case Kind.awareness:
          applyAwarenessUpdate(room.awareness, payload, Origin.relay);
          break;
        case Kind.syncRequest:
          this.#publish(channel, Kind.syncReply, Y.encodeStateAsUpdate(room.doc, payload));
          if (room.awareness.getStates().size > 0) this.#publish(channel, Kind.awareness, encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]));
          break;
      }
    } catch (err) {
      this.log.warn('relay.bad_message', errorFields(err));
    }
  }

  async check(): Promise<void> {
    await this.#pub.ping();
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#pub.quit(), this.#sub.quit()]);
  }
}
