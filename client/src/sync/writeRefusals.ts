/** The server's refusals of this browser's canvas writes (shared/writeRules.ts), heard on the canvas socket. */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../../shared/protocol';
import { WriteRefusal } from '../../../shared/writeRules';

export function onWriteRefused(provider: WebsocketProvider, listener: (refusal: WriteRefusal) => void): void {
  provider.messageHandlers[MessageType.notice] = (_encoder, decoder) => {
    let parsed: ReturnType<typeof WriteRefusal.safeParse>;
    try {
      parsed = WriteRefusal.safeParse(JSON.parse(decoding.readVarString(decoder)));
    } catch {
      return;
    }
    // A notice of a kind this page does not know yet is not a refusal it can act on.
    if (parsed.success) listener(parsed.data);
  };
}
