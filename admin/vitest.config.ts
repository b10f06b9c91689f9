import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const resultsDir = path.resolve(import.meta.dirname, '../.data/test-results');

/** Unit tests of the pages (jsdom). The browser suite is vitest.e2e.config.ts. */
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: path.join(resultsDir, 'admin.json') },
  },
});
