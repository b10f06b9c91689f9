import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One build, four pages. Every asset lands in `dist/assets/` with a content hash and is
 * referenced by absolute URL (`/assets/...`), so the server can mount each page's HTML at any
 * path (`/admin/accounts/42`, `/credits?purchase=...`) and serve the assets with a long cache.
 */
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return; // "use client" etc. in dependencies
        warn(warning);
      },
      input: {
        home: page('./index.html'),
        console: page('./console/index.html'),
        credits: page('./credits/index.html'),
        graphiql: page('./graphiql/index.html'),
      },
    },
  },
  server: {
    // `npm run dev -w admin` against a server on :4000.
    proxy: { '/graphql': { target: 'http://localhost:4000', ws: true }, '/statements': 'http://localhost:4000', '/portal': 'http://localhost:4000' },
  },
});
