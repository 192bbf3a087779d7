/**
 * Several instances on one Redis: events about a whole board, on one channel every instance
 * listens to (rooms have channels of their own, server/scale/redisRelay.ts). Today there is one
 * event: a host replaced the board's links. Every instance then refuses the older links at once and
 * closes the connections made with them, wherever the host's request landed.
 *
 * Messages are small JSON objects naming the board and numbers — never a token or board content.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { BOARD_ID_PATTERN } from '../../shared/roles';
import { errorFields, type Logger } from '../log';

export const BOARD_EVENTS_CHANNEL = 'tablica:boards';

/** How long start-up waits for the subscription before it goes on without (it completes later). */
const SUBSCRIBE_WAIT_MS = 3000;

const LinksReplaced = z.object({
  t: z.literal('links-replaced'),
  board: z.string().regex(BOARD_ID_PATTERN),
  generation: z.number().int().min(1),
  from: z.string(),
});

export interface BoardEventHandlers {
  /** A host replaced the board's links (on this instance or another): `generation` is the new one. */
  linksReplaced(boardId: string, generation: number): void;
}

export class BoardEvents {
  readonly id = randomBytes(8).toString('hex');
  readonly #pub: Redis;
  readonly #sub: Redis;

  constructor(
    url: string,
    private readonly handlers: BoardEventHandlers,
    private readonly log: Logger,
  ) {
    this.#pub = new Redis(url, { maxRetriesPerRequest: 2 });
    // The subscription waits for Redis however long it takes, and is renewed after a reconnect.
    this.#sub = new Redis(url, { maxRetriesPerRequest: null });
    for (const client of [this.#pub, this.#sub]) client.on('error', (err) => this.log.warn('board_events.redis_error', errorFields(err)));
    this.#sub.on('message', (channel: string, message: string) => {
      if (channel === BOARD_EVENTS_CHANNEL) this.#receive(message);
    });
  }

  /** Subscribes; resolves once subscribed, or after a short wait while Redis is unreachable. */
  async start(): Promise<void> {
    const subscribed = this.#sub.subscribe(BOARD_EVENTS_CHANNEL).then(
      () => true,
      (err: unknown) => {
        this.log.warn('board_events.subscribe_failed', errorFields(err));
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), SUBSCRIBE_WAIT_MS)));
    const ok = await Promise.race([subscribed, waited]);
    clearTimeout(timer);
    if (!ok) this.log.warn('board_events.not_subscribed', { channel: BOARD_EVENTS_CHANNEL });
  }

  /**
   * Tells every instance that the board's links were replaced. The caller has already stored the
   * new generation and handled it here; the echo of this message is ignored.
   */
  linksReplaced(boardId: string, generation: number): void {
    const message = JSON.stringify({ t: 'links-replaced', board: boardId, generation, from: this.id });
    this.#pub.publish(BOARD_EVENTS_CHANNEL, message).catch((err: unknown) => this.log.warn('board_events.publish_failed', errorFields(err)));
  }

  #receive(message: string): void {
    let parsed;
    try {
      parsed = LinksReplaced.safeParse(JSON.parse(message));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      this.log.warn('board_events.bad_message', { bytes: message.length });
      return;
    }
    const event = parsed.data;
    if (event.from === this.id) return;
    this.log.info('board.links_replaced_elsewhere', { board: event.board, generation: event.generation });
    try {
      this.handlers.linksReplaced(event.board, event.generation);
    } catch (err) {
      this.log.error('board_events.handler_failed', errorFields(err));
    }
  }

  async check(): Promise<void> {
    await this.#pub.ping();
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#pub.quit(), this.#sub.quit()]);
  }
}
