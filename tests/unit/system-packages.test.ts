/** What a test that needs a system program does when it is missing: skip and say how to install it, or fail when required. */
import { afterEach, describe, expect, it } from 'vitest';
import { installCommand, programForTests, SYSTEM_PROGRAMS, type SystemProgram } from '../../scripts/systemPackages';

const absent: SystemProgram = { label: 'Brak', pkg: 'brak-pkg', usedBy: 'the imaginary tests', find: () => undefined };
const present: SystemProgram = { ...absent, find: () => '/usr/bin/brak' };

describe('system programs for the tests', () => {
  const required = process.env.TABLICA_REQUIRE_SERVICES;
  afterEach(() => {
    if (required === undefined) delete process.env.TABLICA_REQUIRE_SERVICES;
    else process.env.TABLICA_REQUIRE_SERVICES = required;
  });

  it('names the Debian packages in one install command', () => {
    expect(installCommand(Object.values(SYSTEM_PROGRAMS))).toBe('sudo apt-get install -y chromium libreoffice-writer-nogui nginx');
  });

  it('gives the path of an installed program', () => {
    expect(programForTests(present)).toEqual({ path: '/usr/bin/brak' });
  });

  it('a missing program skips its tests with the command that installs it', () => {
    delete process.env.TABLICA_REQUIRE_SERVICES;
    expect(programForTests(absent)).toEqual({ skip: 'Brak is not installed, so the imaginary tests cannot run: sudo apt-get install -y brak-pkg' });
  });

  it('a missing program is an error under TABLICA_REQUIRE_SERVICES=1', () => {
    process.env.TABLICA_REQUIRE_SERVICES = '1';
    expect(() => programForTests(absent)).toThrow(/TABLICA_REQUIRE_SERVICES=1 but Brak is not installed.*sudo apt-get install -y brak-pkg/);
  });
});
