import { defineConfig } from 'vitest/config';

/** `npm run screenshots`: the browser tour against the real server, no test report. */
export default defineConfig({
  test: {
    include: ['e2e/screenshots.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 240_000,
  },
});
