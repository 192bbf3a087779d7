import type { CloseCode } from '../../shared/protocol';

/** A client broke the protocol: its connection is closed with this code and reason. */
export class ProtocolError extends Error {
  constructor(
    readonly code: CloseCode,
    readonly reason: string,
  ) {
    super(reason);
  }
}
