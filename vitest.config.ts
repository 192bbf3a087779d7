import { defineConfig } from 'vitest/config';
import { installCommand, servicesRequired, SYSTEM_PROGRAMS } from './scripts/systemPackages.ts';

// The browser tests drive Debian's Chromium; without it they skip (npm test's pretest says how to
// install it), unless TABLICA_REQUIRE_SERVICES=1 demands them.
const chromium = SYSTEM_PROGRAMS.chromium;
const browserTests = Boolean(chromium.find()) || servicesRequired();
if (!browserTests) console.warn(`Browser tests (tests/e2e) skipped: Chromium is not installed at /usr/bin/chromium. Install: ${installCommand([chromium])}`);

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      ...(browserTests
        ? [
            {
              test: {
                name: 'e2e',
                include: ['tests/e2e/**/*.test.ts'],
                environment: 'node',
                globalSetup: ['tests/e2e/global-setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
                // One browser at a time: the machine has two cores.
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
