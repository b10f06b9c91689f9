import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench:legacy`: runs every `*.bench.js` beside this file (or those named exactly on the
 * command line: `load-shedding` is `load-shedding.bench.js`), each printing its own figures.
 * Benchmarks measure; they never assert a time.
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.js$/, '')))
  .sort();
for (const file of files) {
  console.log(`\n=== ${file.replace('.bench.js', '')} ===`);
  const mod = (await import(path.join(dir, file))) as { run: () => Promise<void> };
  await mod.run();
}
process.exit(0);
