import 'reflect-metadata';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { setupDatabase } from './report-setup.js';
import { dropDatabase, fmt, gqlRequest, here, log, serve, startDatabaseServer, stopDatabaseServer, type Served } from './report-support.js';

/**
 * Server CPU per GraphQL request, app against hello-world, and where it goes: `node
 * dist/bench/cpu-profile.js` (after `npm run build -w server`). Reads the server process's
 * utime + stime from /proc per answered request (robust to a busy machine, unlike req/s), then
 * profiles the same workload and prints the top self-time entries. BENCH_CPU_REQUESTS sets
 * the requests per figure (default 4,000), BENCH_ACCOUNTS the accounts (500 is plenty here),
 * BENCH_CPU_PROFILE=0 skips the profiles. Profiles go to .data/cpu-profiles.
 */
const REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 4000);
const PROFILE = process.env.BENCH_CPU_PROFILE !== '0';
const TOP = Number(process.env.BENCH_CPU_TOP ?? 25);
const ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 3);
const profileDir = path.resolve(here, '../../../.data/cpu-profiles');
const CHARGE = `mutation($k: String!) { recordUsage(input: { model: "bench-model", inputTokens: 1000, outputTokens: 100, idempotencyKey: $k }) { chargedMillicredits } }`;
const BALANCE = '{ me { balance { balanceMillicredits availableMillicredits } } }';

type Requests = NonNullable<Parameters<typeof autocannon>[0]['requests']>;

/** utime + stime of one process, in ms (Linux /proc; clock ticks are 1/100 s). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(server: Served, requests: Requests, amount = REQUESTS) {
  const pid = server.proc.pid!;
  const before = cpuMs(pid);
  const r = await autocannon({ url: server.url, connections: 16, amount, requests });
  const answered = r['2xx'];
  if (r.non2xx || r.errors) log(`  (non-2xx ${r.non2xx}, errors ${r.errors})`);
  return { msPerRequest: (cpuMs(pid) - before) / answered, answered };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const shown = (xs: number[]) => xs.map((x) => fmt(x, 3)).join(' / ');

/** Runs the workload again under the in-process profiler (cpu-profile-hook.ts); returns the file. */
async function profiled(server: Served, requests: Requests, amount = REQUESTS): Promise<string> {
  const next = (what: RegExp) =>
    new Promise<string>((resolve) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = what.exec(out);
        if (m) {
          server.proc.stdout!.off('data', onData);
          resolve(m[1] ?? '');
        }
      };
      server.proc.stdout!.on('data', onData);
    });
  const started = next(/profiling()/);
  server.proc.kill('SIGUSR2');
  await started;
  await autocannon({ url: server.url, connections: 16, amount, requests });
  const written = next(/profiled (\S+)/);
  server.proc.kill('SIGUSR2');
  return written;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

/** Self time by function and by package/file, as shares of the profile's samples, in ms per request. */
function summarise(file: string, requests: number, msPerRequest: number) {
  const { nodes } = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const total = nodes.reduce((s, n) => s + n.hitCount, 0);
  const idle = nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((s, n) => s + n.hitCount, 0);
  const where = (url: string) => {
    const rel = url.replace(/^file:\/\//, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
    if (pkg) return pkg[1];
    const own = /\/(server\/src\/.*|bench\/.*)$/.exec(rel);
    return own ? own[1].replace(/^.*dist\//, '') : rel || '(native)';
  };
  const byFn = new Map<string, number>();
  const byWhere = new Map<string, number>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  // Inclusive by package: each package on a sample's stack counted once (middleware that calls
  // next() synchronously includes everything after it, so read this for leaf libraries).
  const walk = (n: ProfileNode, above: ReadonlySet<string>) => {
    const here = new Set(above).add(where(n.callFrame.url));
    if (n.callFrame.functionName !== '(idle)') for (const w of here) inclusive.set(w, (inclusive.get(w) ?? 0) + n.hitCount);
    for (const c of n.children ?? []) walk(byId.get(c)!, here);
  };
  walk(nodes[0], new Set());
  for (const n of nodes) {
    if (n.callFrame.functionName === '(idle)') continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const fn = `${functionName || '(anonymous)'} ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + n.hitCount);
    byWhere.set(where(url), (byWhere.get(where(url)) ?? 0) + n.hitCount);
  }
  // The profiler's own samples are not the request's: scale the sampled share to the measured CPU.
  const busy = total - idle;
  const ms = (hits: number) => fmt((hits / busy) * msPerRequest, 3);
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, v]) => `    ${ms(v).padStart(7)} ms  ${fmt((100 * v) / busy, 1).padStart(5)}%  ${k}`)
      .join('\n');
  log(`  profile ${file} (${requests} requests; ${fmt((100 * idle) / total, 0)}% idle samples left out)`);
  log(`  self time by package/file:\n${top(byWhere)}`);
  log(`  self time by function:\n${top(byFn)}`);
  log(`  inclusive by package/file:\n${top(inclusive)}`);
}

async function main() {
  mkdirSync(profileDir, { recursive: true });
  const env: Record<string, string> = PROFILE
    ? { BENCH_NODE_ARGS: `--import ${path.join(here, 'cpu-profile-hook.js')}`, BENCH_CPU_PROFILE_DIR: profileDir }
    : {};
  await startDatabaseServer();
  const helloRequests: Requests = [
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hello }' }) },
  ];
  const hello = await serve('hello', env);
  await measure(hello, helloRequests, 2000); // JIT warm-up

  log('setting up accounts...');
  const db = await setupDatabase();
  const app = await serve('app', { ...env, BENCH_DATABASE_URL: db.url });
  let k = 0;
  const run = Date.now();
  const randomKey = () => db.spread[Math.floor(Math.random() * db.spread.length)];
  const charges: Requests = [gqlRequest(() => JSON.stringify({ query: CHARGE, variables: { k: `cpu${run}-${k++}` } }), randomKey)];
  const balances: Requests = [gqlRequest(() => JSON.stringify({ query: BALANCE }), randomKey)];
  let w = 0;
  const everyKey: Requests = [
    gqlRequest(
      () => JSON.stringify({ query: BALANCE }),
      () => db.spread[w++ % db.spread.length],
    ),
  ];
  await measure(app, everyKey, db.spread.length); // every key once: the key cache fills as in a running service
  await measure(app, charges, 1000); // JIT warm-up

  // Rounds of hello, charge, balance read back to back: each ratio is against the hello-world
  // of its own round, so a machine whose load drifts still gives comparable ratios.
  const cpu = { hello: [] as number[], charge: [] as number[], balance: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    cpu.hello.push((await measure(hello, helloRequests)).msPerRequest);
    cpu.charge.push((await measure(app, charges)).msPerRequest);
    cpu.balance.push((await measure(app, balances)).msPerRequest);
  }
  const helloMs = median(cpu.hello);
  const ratios = (xs: number[]) => xs.map((x, i) => x / cpu.hello[i]);
  log(`hello-world: ${fmt(helloMs, 3)} ms CPU per request (median; rounds ${shown(cpu.hello)})`);
  for (const [name, xs, target] of [
    ['charge', cpu.charge, 3],
    ['balance read', cpu.balance, 2],
  ] as const) {
    log(
      `${name}: ${fmt(median(xs), 3)} ms CPU per request, ${fmt(median(ratios(xs)), 2)}× hello-world (target ≤ ${target}×; rounds ${shown(xs)}; ratios ${shown(ratios(xs))})`,
    );
  }
  const helloProfile = PROFILE ? await profiled(hello, helloRequests) : null;
  await hello.stop();
  if (PROFILE) {
    log('\nhello-world:');
    summarise(helloProfile!, REQUESTS, helloMs);
    log('\ncharge:');
    summarise(await profiled(app, charges), REQUESTS, median(cpu.charge));
    log('\nbalance read:');
    summarise(await profiled(app, balances), REQUESTS, median(cpu.balance));
  }
  await app.stop();
  await db.client.end();
  await dropDatabase(db.name);
  await stopDatabaseServer();
}

// `cpu-profile.js <file.cpuprofile> [ms per request]`: summarise a profile already written.
if (process.argv[2]?.endsWith('.cpuprofile')) summarise(process.argv[2], 0, Number(process.argv[3] ?? 1));
else await main();
