/**
 * Requests waiting for their replies on one connection, matched by id (never first-in-first-out:
 * the server answers a slow request after a quick one sent later). When the connection drops,
 * every waiting caller hears "refused" for its own request.
 */
import { RefusalReason, type ClientRequest, type ReplyMessage, type RequestBody, type ServerReply } from './requests';

export class PendingRequests {
  readonly #waiting = new Map<string, { type: ClientRequest['t']; resolve: (reply: ServerReply) => void }>();
  #next = 0;
  readonly #prefix = Math.random().toString(36).slice(2, 8);

  /** Gives the request an id and remembers who waits for it; returns what to send and the answer. */
  add(body: RequestBody): { request: ClientRequest; reply: Promise<ServerReply> } {
    const id = `${this.#prefix}${(this.#next++).toString(36)}`;
    const request = { ...body, id } as ClientRequest;
    const reply = new Promise<ServerReply>((resolve) => this.#waiting.set(id, { type: request.t, resolve }));
    return { request, reply };
  }

  /** A reply arrived: hands it to the caller that sent its id (an unknown id is dropped). */
  settle(message: ReplyMessage): void {
    const waiting = this.#waiting.get(message.id);
    if (!waiting) return;
    this.#waiting.delete(message.id);
    const { id: _id, ...reply } = message;
    waiting.resolve(reply as ServerReply);
  }

  /** The connection closed: every waiting request is answered as refused, with its own type. */
  refuseAll(): void {
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const { type, resolve } of waiting) resolve({ t: 'refused', request: type, reason: RefusalReason.boardNotLoaded });
  }

  get size(): number {
    return this.#waiting.size;
  }
}
