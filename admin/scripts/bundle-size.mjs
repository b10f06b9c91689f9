// Initial JavaScript of each page, gzipped: the entry script plus every chunk the HTML preloads
// (what a browser must fetch before the page runs). Lazy chunks are listed apart. Budgets from
// issue 10: the Credits page ≤ 200 KB, the console ≤ 600 KB. Exits 1 when a budget is exceeded.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'dist');
const budgets = { credits: 200, console: 600 };
const pages = { home: 'index.html', console: 'console/index.html', credits: 'credits/index.html', graphiql: 'graphiql/index.html' };
const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let failed = false;
const report = {};
for (const [name, html] of Object.entries(pages)) {
  const text = readFileSync(path.join(dist, html), 'utf8');
  const scripts = [...text.matchAll(/<script[^>]+src="\/([^"]+)"/g), ...text.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]);
  const styles = [...text.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]);
  const js = scripts.reduce((sum, f) => sum + gz(f), 0);
  const css = styles.reduce((sum, f) => sum + gz(f), 0);
  report[name] = { initialJsGzipBytes: js, cssGzipBytes: css, files: scripts.length };
  const budget = budgets[name];
  const over = budget !== undefined && js > budget * 1024;
  failed ||= over;
  console.log(`${name.padEnd(9)} initial JS ${kb(js).padStart(9)} gzipped in ${scripts.length} file(s), CSS ${kb(css)}${budget ? ` (budget ${budget} KB${over ? ': EXCEEDED' : ''})` : ''}`);
}
const all = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const total = all.reduce((sum, f) => sum + gz(`assets/${f}`), 0);
console.log(`all JS chunks (incl. lazy pages and GraphiQL's editor): ${kb(total)} gzipped in ${all.length} files`);
if (process.argv.includes('--json')) console.log(JSON.stringify(report));
process.exit(failed ? 1 : 0);
