import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { baseConfig } from './vitest.config.js';

/** Needs a Redis server (REDIS_URL, default redis://127.0.0.1:6379): run by `npm run test:redis`. */
export default defineConfig({
  ...baseConfig,
  test: {
    include: ['test/redis/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: path.resolve(import.meta.dirname, '../.data/test-results/redis.json') },
  },
});
