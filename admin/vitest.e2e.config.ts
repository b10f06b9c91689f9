import path from 'node:path';
import { defineConfig } from 'vitest/config';

const resultsDir = path.resolve(import.meta.dirname, '../.data/test-results');

/** Browser tests: headless Debian Chromium (playwright-core) against the real server. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: path.join(resultsDir, 'e2e.json') },
  },
});
