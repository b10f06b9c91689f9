// Builds the web pages when their sources changed since the last build (or were never built), so
// `npm start` always serves current pages without paying for a Vite build on every start.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// ../server/src/shared/return-to.ts: the Credits page imports the server's returnTo rule.
const inputs = [
  'index.html',
  'home',
  'console',
  'credits',
  'graphiql',
  'shared',
  'vite.config.ts',
  'package.json',
  '../package-lock.json',
  '../server/src/shared/return-to.ts',
];
const stampFile = path.join(root, 'dist', '.source-hash');

function* files(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) return yield full;
  for (const name of readdirSync(full).sort()) yield* files(path.join(entry, name));
}

const hash = createHash('sha256');
for (const input of inputs) for (const file of files(input)) hash.update(file).update(readFileSync(file));
const digest = hash.digest('hex');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) {
  console.log('admin: web pages are up to date');
} else {
  const started = performance.now();
  // Always a production build: when started from a test runner NODE_ENV is "test", and Vite would
  // then bundle React's development build.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  writeFileSync(stampFile, digest);
  console.log(`admin: built the web pages in ${Math.round(performance.now() - started)} ms`);
}
