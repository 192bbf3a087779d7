import { describe, expect, it } from 'vitest';
import { canConnect, canWrite, parseRoomName, roomName, type Role, type RoomKind } from '../../shared/roles';

describe('room names', () => {
  it.each([
    ['AbCdEfGhIj0123456789', { boardId: 'AbCdEfGhIj0123456789', kind: 'canvas' }],
    ['AbCdEfGhIj0123456789/control', { boardId: 'AbCdEfGhIj0123456789', kind: 'control' }],
    ['AbCdEfGhIj0123456789/public', { boardId: 'AbCdEfGhIj0123456789', kind: 'public' }],
    ['AbCdEfGhIj0123456789/other', null],
    ['AbCdEfGhIj0123456789/control/x', null],
    ['short', null],
    ['../../etc/passwd', null],
    ['', null],
  ])('%s parses as %j', (name, expected) => {
    expect(parseRoomName(name)).toEqual(expected);
    if (expected) expect(roomName(expected.boardId, expected.kind as RoomKind)).toBe(name);
  });
});

describe('who may connect and write (docs/architecture.md, the board as documents)', () => {
  const table: [Role, RoomKind, boolean, boolean][] = [
    ['facilitator', 'canvas', true, true],
    ['expert', 'control', true, true],
    ['participant', 'canvas', true, true],
    ['participant', 'control', true, false],
    ['participant', 'public', true, false],
    ['observer', 'canvas', false, false],
    ['observer', 'control', false, false],
    ['observer', 'public', true, false],
    ['facilitator', 'public', true, false],
  ];
  it.each(table)('%s on %s: connect %s, write %s', (role, kind, connect, write) => {
    expect(canConnect(role, kind)).toBe(connect);
    expect(canWrite(role, kind)).toBe(write);
  });
});
