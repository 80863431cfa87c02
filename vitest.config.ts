import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Stress sizes (CT_STRESS=1) run 10-50x the properties of `npm test`; their time budget scales with them.
    testTimeout: process.env.CT_STRESS ? 1_800_000 : 60_000,
    hookTimeout: 120_000,
    // Browser and process tests wait for what they assert with expect.poll; on a loaded machine a
    // page may take seconds to refresh, so a poll waits up to 20 s (vitest's default is 1 s).
    expect: { poll: { timeout: 20_000, interval: 50 } },
  },
});
