import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { financeFigure } from './report-finance.js';
import { liveFigures } from './report-live.js';
import { proxyFigures } from './report-proxy.js';
import { setupDatabase, TEAM_MEMBERS } from './report-setup.js';
import {
  ACCOUNTS,
  BENCH_RATE_LIMIT,
  admin,
  cpuCell,
  dropDatabase,
  EVENTS_PER_SECOND,
  FINANCE_ROWS,
  REDIS_URL,
  SUBSCRIBERS,
  fmt,
  gqlRequest,
  here,
  load,
  log,
  pgbenchTps,
  serve,
  SECONDS,
  SMALL,
  startDatabaseServer,
  stopDatabaseServer,
  type Row,
} from './report-support.js';

/**
 * `npm run bench`: the engine's figures against ceilings measured in the same run (pgbench TPC-B
 * on the same PostgreSQL, a hello-world Apollo Server on the same Node behind the same load
 * generator), each with its target and PASS or SHORT, the server's peak RSS per figure. Writes
 * bench/results/latest.md. Measures only; nothing here is a test. BENCH_SIZE=small runs every
 * figure smaller (see report-support.ts for each size's knob).
 */
const resultsDir = path.resolve(here, '../../../bench/results');
const CHARGE = `mutation($k: String!) { recordUsage(input: { model: "bench-model", inputTokens: 1000, outputTokens: 100, idempotencyKey: $k }) { chargedMillicredits } }`;
const BATCH = `mutation($i: [RecordUsageInput!]!) { recordUsageBatch(inputs: $i) { index errorCode } }`;
const rows: Row[] = [];

// --- figures ---------------------------------------------------------------------------------------------
export async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const database = await startDatabaseServer();
  if (process.env.BENCH_ONLY === 'finance') return financeOnly(database);
  log('pgbench TPC-B (scale 10, 16 clients) on the same PostgreSQL...');
  const pgb = (await pgbenchTps()) ?? { tps: NaN, version: 'pgbench not installed (no TPC-B ceiling in this run)' };
  log(`  ${fmt(pgb.tps)} tps`);

  const hello = await serve('hello');
  const helloRun = await load(hello, {
    url: hello.url,
    connections: 32,
    requests: [
      { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hello }' }) },
    ],
  });
  await hello.stop();
  const helloRps = helloRun.r.requests.average;
  const helloCpu = helloRun.cpuMs;
  log(`hello-world Apollo: ${fmt(helloRps)} req/s, ${fmt(helloCpu, 3)} ms CPU per request`);

  log(`setting up ${ACCOUNTS} funded accounts with keys...`);
  const db = await setupDatabase();
  // The per-key limit (1,200/min by default) would answer most of one hot key's load with
  // RATE_LIMIT_EXCEEDED (HTTP 200 with a GraphQL error, counted as served): the bench raises it,
  // so the limiter still runs on every request but the figures measure charges.
  const app = await serve('app', { BENCH_DATABASE_URL: db.url, RATE_LIMIT_PER_MINUTE: BENCH_RATE_LIMIT });
  let n = 0;
  const nextKey = () => `b${started}-${n++}`;
  const randomKey = () => db.spread[Math.floor(Math.random() * db.spread.length)];
  const chargeBody = () => JSON.stringify({ query: CHARGE, variables: { k: nextKey() } });

  // Warm-up: every key once (the key cache fills as it would in a running service) and the JIT.
  let w = 0;
  await autocannon({
    url: app.url,
    connections: 16,
    amount: db.spread.length,
    requests: [
      gqlRequest(
        () => JSON.stringify({ query: '{ me { id } }' }),
        () => db.spread[w++ % db.spread.length],
      ),
    ],
  });
  const spread = await load(app, { url: app.url, connections: 32, requests: [gqlRequest(chargeBody, randomKey)] });
  const spreadRps = spread.r.requests.average;
  rows.push({
    figure: `charges over GraphQL, 32 clients, ${fmt(ACCOUNTS)} accounts`,
    measured: `${fmt(spreadRps)}/s (${fmt(spreadRps / pgb.tps, 2)}× pgbench), p50 ${spread.r.latency.p50} ms, p99 ${spread.r.latency.p99} ms, non-2xx ${spread.r.non2xx}`,
    target: '≥ 0.5× pgbench TPC-B tps (stretch 1.0×); p99 ≤ 50 ms',
    pass: spreadRps >= 0.5 * pgb.tps && spread.r.latency.p99 <= 50,
    rssMb: spread.rssMb,
    cpuMs: spread.cpuMs,
  });
  log(rows.at(-1)!.measured);

  const hotBefore = (await db.client.query<{ posted: string }>(`select posted from accounts where id = $1`, [db.hot.id])).rows[0].posted;
  const hot4 = await load(app, { url: app.url, connections: 4, requests: [gqlRequest(chargeBody, () => db.hot.key)] });
  const hot64 = await load(app, { url: app.url, connections: 64, requests: [gqlRequest(chargeBody, () => db.hot.key)] });
  const [check] = (
    await db.client.query<{ posted: string; charged: string; rows: string; keys: string; min_after: string }>(
      `select a.posted, coalesce(sum(u.charged), 0) charged, count(u.*) as rows, count(distinct u.idempotency_key) as keys,
              (select min(balance_after) from ledger_postings where account_id = a.id) as min_after
         from accounts a left join usage_records u on u.account_id = a.id where a.id = $1 group by a.posted, a.id`,
      [db.hot.id],
    )
  ).rows;
  const acknowledged = hot4.r['2xx'] + hot64.r['2xx'];
  // Requests still in flight when the load generator stops are charged but not counted by it: rows >= acknowledged.
  const exact =
    BigInt(hotBefore) - BigInt(check.charged) === BigInt(check.posted) && check.rows === check.keys && Number(check.rows) >= acknowledged;
  const c4 = hot4.r.requests.average;
  const c64 = hot64.r.requests.average;
  rows.push({
    figure: 'one hot account, 4 / 64 clients',
    measured: `${fmt(c4)}/s / ${fmt(c64)}/s (c64 = ${fmt(c64 / c4, 2)}× c4, ${fmt(c64 / spreadRps, 2)}× spread); p99 ${hot4.r.latency.p99} / ${hot64.r.latency.p99} ms; ${exact ? 'zero overdraft, zero double charge' : 'MISMATCH'} (${check.rows} usage rows, one per key, ≥ ${acknowledged} acknowledged in the window)`,
    target: 'c64 ≥ 0.8× c4 and ≥ 0.8× spread; zero overdraft, zero double charge',
    pass: c64 >= 0.8 * c4 && c64 >= 0.8 * spreadRps && exact && BigInt(check.min_after) >= 0n,
    rssMb: Math.max(hot4.rssMb, hot64.rssMb),
    cpuMs: hot64.cpuMs,
  });
  log(rows.at(-1)!.measured);

  // A hot team is the hot-account case: 64 members, each with their own team key, charging one team.
  const teamBefore = (await db.client.query<{ posted: string }>(`select posted from accounts where id = $1`, [db.team.id])).rows[0].posted;
  let member = 0;
  const hotTeam = await load(app, {
    url: app.url,
    connections: TEAM_MEMBERS,
    requests: [gqlRequest(chargeBody, () => db.team.keys[member++ % TEAM_MEMBERS])],
  });
  const [teamCheck] = (
    await db.client.query<{
      posted: string;
      charged: string;
      rows: string;
      keys: string;
      spent: string;
      members: string;
      min_after: string;
    }>(
      `select a.posted, coalesce(sum(u.charged), 0) charged, count(u.*) as rows, count(distinct u.idempotency_key) as keys,
              (select sum(spent) from team_members where team_id = a.id) as spent,
              count(distinct u.member_account_id) as members,
              (select min(balance_after) from ledger_postings where account_id = a.id) as min_after
         from accounts a left join usage_records u on u.account_id = a.id where a.id = $1 group by a.posted, a.id`,
      [db.team.id],
    )
  ).rows;
  const teamExact =
    BigInt(teamBefore) - BigInt(teamCheck.charged) === BigInt(teamCheck.posted) &&
    teamCheck.spent === teamCheck.charged &&
    teamCheck.rows === teamCheck.keys &&
    Number(teamCheck.rows) >= hotTeam.r['2xx'];
  const cTeam = hotTeam.r.requests.average;
  rows.push({
    figure: `one hot team, ${TEAM_MEMBERS} members charging at once`,
    measured: `${fmt(cTeam)}/s (${fmt(cTeam / c64, 2)}× one hot account at 64, ${fmt(cTeam / spreadRps, 2)}× spread); p50 ${hotTeam.r.latency.p50} ms, p99 ${hotTeam.r.latency.p99} ms, non-2xx ${hotTeam.r.non2xx}; ${teamExact ? 'balance and allocations exact' : 'MISMATCH'} (${teamCheck.rows} usage rows from ${teamCheck.members} members, members' spent = team charged)`,
    target: '≥ 0.8× one hot account at 64 clients; balance and allocations exact',
    pass: cTeam >= 0.8 * c64 && teamExact && BigInt(teamCheck.min_after) >= 0n && hotTeam.r.non2xx === 0,
    rssMb: hotTeam.rssMb,
    cpuMs: hotTeam.cpuMs,
  });
  log(rows.at(-1)!.measured);

  const batchRows = 1000;
  const batchBody = () =>
    JSON.stringify({
      query: BATCH,
      variables: {
        i: Array.from({ length: batchRows }, () => ({
          model: 'bench-model',
          inputTokens: 1000,
          outputTokens: 100,
          idempotencyKey: nextKey(),
        })),
      },
    });
  await autocannon({ url: app.url, connections: 4, amount: 8, requests: [gqlRequest(batchBody, randomKey)] });
  const batch = await load(app, { url: app.url, connections: 4, requests: [gqlRequest(batchBody, randomKey)] });
  const rowsPerSecond = batch.r.requests.average * batchRows;
  rows.push({
    figure: 'recordUsageBatch (1,000 rows a call, 4 clients)',
    measured: `${fmt(rowsPerSecond)} rows/s (p50 ${batch.r.latency.p50} ms a call)`,
    target: '≥ 10,000 usage rows/s',
    pass: rowsPerSecond >= 10_000,
    rssMb: batch.rssMb,
    cpuMs: batch.cpuMs / batchRows,
  });
  log(rows.at(-1)!.measured);

  const me = await load(app, {
    url: app.url,
    connections: 32,
    requests: [gqlRequest(() => JSON.stringify({ query: '{ me { balance { balanceMillicredits availableMillicredits } } }' }), randomKey)],
  });
  const meRps = me.r.requests.average;
  rows.push({
    figure: '`me { balance }`, 32 clients',
    measured: `${fmt(meRps)} req/s = ${fmt(meRps / helloRps, 2)}× hello-world (${fmt(helloRps)} req/s, peak RSS ${helloRun.rssMb} MB); p99 ${me.r.latency.p99} ms`,
    target: '≥ 0.6× hello-world Apollo req/s',
    pass: meRps >= 0.6 * helloRps,
    rssMb: me.rssMb,
    cpuMs: me.cpuMs,
  });
  log(rows.at(-1)!.measured);
  rows.push({
    figure: 'server CPU per request: a charge / a balance read',
    measured: `charge ${cpuCell(spread.cpuMs, helloCpu)}; balance read ${cpuCell(me.cpuMs, helloCpu)}; hello-world ${fmt(helloCpu, 3)} ms, all measured the same way (utime + stime of the server process over the load, per 2xx answer)`,
    target: 'charge ≤ 3×, balance read ≤ 2× hello-world Apollo’s',
    pass: spread.cpuMs <= 3 * helloCpu && me.cpuMs <= 2 * helloCpu,
    rssMb: null,
  });
  log(rows.at(-1)!.measured);
  await app.stop();

  // The proxy: one account and 50 accounts at 500 calls/s, twice each, then streams (report-proxy.ts).
  const fifty = { ids: db.spreadAccounts.slice(100, 150), keys: db.spread.slice(100, 150) };
  const proxy = await proxyFigures({
    dbUrl: db.url,
    client: db.client,
    one: db.proxyOne,
    streams: db.streams,
    fifty,
    helloCpuMs: helloCpu,
  });
  rows.push(...proxy.rows);

  // The live figures: subscribers on the last SUBSCRIBERS spread accounts, charges on the others.
  const subscribers = Math.min(SUBSCRIBERS, Math.floor(db.spread.length / 2));
  const split = db.spread.length - subscribers;
  rows.push(
    ...(await liveFigures({
      dbUrl: db.url,
      chargeKeys: db.spread.slice(0, split),
      subscribers: db.spread.slice(split).map((key, i) => ({ key, accountId: db.spreadAccounts[split + i] })),
      watched: { accountId: db.hot.id, key: db.hot.key },
      chargeBody,
    })),
  );

  const [books] = (
    await db.client.query<{ total: string; drift: string }>(
      `select (select coalesce(sum(amount), 0) from ledger_postings) total,
              (select count(*) from accounts a where kind = 'CUSTOMER' and posted <> (select coalesce(sum(amount), 0) from ledger_postings p where p.account_id = a.id)) drift`,
    )
  ).rows;
  await db.client.end();
  await dropDatabase(db.name);

  rows.push(await financeFigure());
  log(rows.at(-1)!.measured);

  const pgVersion = await admin(async (c) => (await c.query<{ v: string }>(`select version() v`)).rows[0].v);
  const cpus = os.cpus();
  const md = [
    '# creditmeter benchmark report',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString()} in ${Math.round((Date.now() - started) / 1000)} s.`,
    '',
    '## Machine and versions',
    `- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}; memory ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${os.type()} ${os.release()}`,
    `- Node ${process.version}; ${pgVersion.split(' on ')[0]} (${database}); ${pgb.version}; autocannon 9 (load generator, on the same machine); Redis at ${REDIS_URL} for the live figures`,
    `- Sizes: ${SMALL ? "**BENCH_SIZE=small** (a quick run, not the issue's sizes): " : ''}${fmt(ACCOUNTS)} accounts, ${fmt(SUBSCRIBERS)} subscribers, ${fmt(EVENTS_PER_SECOND)} events/s, ${fmt(FINANCE_ROWS)} finance usage rows`,
    `- Each load runs ${SECONDS} s; the server under load runs in its own process (peak RSS is its VmHWM, reset before each figure).`,
    `- Server CPU per request: the server process's utime + stime (/proc/<pid>/stat) from before the load until it is idle again after it (settles committed after their answers included), divided by the 2xx answers; the same for the hello-world ceiling.`,
    `- 1-minute load average at the start / end of the run: ${loadBefore.toFixed(1)} / ${os.loadavg()[0].toFixed(1)} on ${cpus.length} CPUs (anything far above the CPU count means other work shared the machine and every figure is depressed).`,
    '',
    '## Ceilings, measured in this run',
    `- pgbench TPC-B, scale 10, 16 clients, 2 threads, same PostgreSQL: **${fmt(pgb.tps)} tps**`,
    `- hello-world Apollo Server (same Node, same Express integration), 32 connections: **${fmt(helloRps)} req/s**, p99 ${helloRun.r.latency.p99} ms, **${fmt(helloCpu, 3)} ms server CPU per request**, peak RSS ${helloRun.rssMb} MB`,
    '',
    '## Figures',
    '| figure | measured | target | result | server CPU per request | peak RSS |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${r.measured} | ${r.target} | ${r.pass === null ? '—' : r.pass ? 'PASS' : 'SHORT'} | ${cpuCell(r.cpuMs, helloCpu)} | ${r.rssMb === null ? '—' : `${r.rssMb} MB`} |`,
    ),
    '',
    `After the run: all postings sum to ${books.total}; customer accounts whose cached balance differs from their postings: ${books.drift}.`,
    '',
    ...beforeSection(),
  ].join('\n');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'latest.md'), md);
  log(`\nwrote ${path.join(resultsDir, 'latest.md')}`);
  await stopDatabaseServer();
}

/**
 * `BENCH_ONLY=finance`: the `financeDaily` / `usageReport` figure alone (BENCH_FINANCE_ROWS rows,
 * 5,000,000 by default), written to bench/results/finance-latest.md; the other figures are skipped.
 */
async function financeOnly(database: string) {
  const started = Date.now();
  const row = await financeFigure();
  log(row.measured);
  const md = [
    '# creditmeter benchmark: finance figure only (BENCH_ONLY=finance)',
    '',
    `Generated on ${new Date().toISOString()} in ${Math.round((Date.now() - started) / 1000)} s; ${database}; ${os.cpus().length} CPUs; 1-minute load average ${os.loadavg()[0].toFixed(1)} at the end.`,
    '',
    '| figure | measured | target | result |',
    '|---|---|---|---|',
    `| ${row.figure} | ${row.measured} | ${row.target} | ${row.pass ? 'PASS' : 'SHORT'} |`,
    '',
  ].join('\n');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'finance-latest.md'), md);
  log(`\nwrote ${path.join(resultsDir, 'finance-latest.md')}`);
  await stopDatabaseServer();
}

/** The baseline this work is measured against: bench/results/before-18.md (a whole earlier report), its headings one level down. */
function beforeSection(): string[] {
  const file = path.join(resultsDir, 'before-18.md');
  const title = '## Before (issue 18, same machine)';
  if (!existsSync(file)) return [title, '', `(no ${path.relative(process.cwd(), file)} in this checkout)`, ''];
  const body = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('# '))
    .map((line) => (line.startsWith('#') ? `#${line}` : line));
  return [title, '', ...body];
}

await main();
process.exit(0);
