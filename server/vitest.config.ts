import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const resultsDir = path.resolve(import.meta.dirname, '../.data/test-results');

/** Shared by every suite: decorators with metadata (type-graphql, MikroORM) and one graphql realm. */
export const baseConfig = {
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
};

export default defineConfig({
  ...baseConfig,
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/redis/**', '**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: path.join(resultsDir, 'main.json') },
  },
});
