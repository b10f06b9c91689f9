import { randomUUID } from 'node:crypto';
import { createApp } from '../server/src/app.js';
import type { KeyPrincipal as Principal } from '../server/src/auth/roles.js';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { benchDatabase, percentile } from './bench-support.js';

const CLIENTS = Number(process.env.BENCH_TEAM_MEMBERS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const RATES = [
  { model: 'bench-model', inputPer1k: '0.100', outputPer1k: '0.400', costInputPer1kUsd: '0.00005', costOutputPer1kUsd: '0.0002' },
];
const FUNDS = 10n ** 12n;

interface Result {
  charges: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** `clients` loops for SECONDS, each sending one charge at a time. */
async function load(charge: (client: number, i: number) => Promise<void>): Promise<Result> {
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        await charge(client, i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    charges: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const fmt = (r: Result) =>
  `${r.perSecond.toFixed(0).padStart(6)} charges/s  (${r.charges} in ${SECONDS}s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms)`;

/**
 * A hot team is the hot-account case: CLIENTS members charging one team at once (each charge
 * also takes the member's allocation step), beside CLIENTS clients on CLIENTS distinct accounts
 * (spread) and CLIENTS clients on one plain account (single hot account), in the same run,
 * through the usage service (group commit included; no HTTP).
 */
export async function run(): Promise<void> {
  const db = await benchDatabase(CLIENTS + 8);
  const config = loadConfig({}, { NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  const app = await createApp({ config, orm: db.orm, log: createLogger('silent') });
  const { services } = app;
  await services.rateCards.publish(null, { name: 'bench', rates: RATES });

  const customer = async (funds: bigint): Promise<Principal> => {
    const account = await services.accounts.create(null, { email: `${randomUUID()}@bench.test` });
    if (funds > 0n) await services.ledger.post({ accountId: account.id, type: 'BONUS', delta: funds, counterparty: 'promotions' });
    return { keyId: randomUUID(), accountId: account.id, role: 'USER' };
  };
  const spread = await Promise.all(Array.from({ length: CLIENTS }, () => customer(FUNDS)));
  const hot = await customer(FUNDS);

  const owner = await customer(0n);
  const team = await services.teamPolicy.create(owner, { name: 'Bench team' });
  await services.ledger.post({ accountId: team.id, type: 'BONUS', delta: FUNDS, counterparty: 'promotions' });
  const members: Principal[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const m = await customer(0n);
    await services.teamMembership.addMember(owner, team.id, m.accountId);
    // A cap the run never reaches: every charge still checks it (spent + held + charge <= cap).
    await services.teamMembership.setAllocation(owner, {
      teamId: team.id,
      accountId: m.accountId,
      monthlyAllocationMillicredits: (FUNDS / BigInt(CLIENTS)).toString(),
    });
    members.push({ ...m, teamId: team.id });
  }

  const usage = { model: 'bench-model', inputTokens: 1000, outputTokens: 100 };
  const charge = (p: Principal) => (i: number) =>
    services.usage.record(p, p.accountId, { ...usage, idempotencyKey: `${randomUUID()}-${i}` }).then(() => undefined);

  console.log(
    `${CLIENTS} concurrent clients, ${SECONDS}s each, usage service with group commit, PostgreSQL ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded'}`,
  );
  const rSpread = await load((c, i) => charge(spread[c])(i));
  const rHot = await load((_c, i) => charge(hot)(i));
  const rTeam = await load((c, i) => charge(members[c])(i));
  console.log(`spread (${CLIENTS} accounts):        ${fmt(rSpread)}`);
  console.log(`single hot account:            ${fmt(rHot)}`);
  console.log(`hot team (${CLIENTS} members, 1 team): ${fmt(rTeam)}`);
  console.log(
    `hot team / single hot account: ${(rTeam.perSecond / rHot.perSecond).toFixed(2)}x; hot team / spread: ${(rTeam.perSecond / rSpread.perSecond).toFixed(2)}x`,
  );

  // The books and the allocations must still agree after the load.
  const [check] = await db.orm.em.fork().execute<{ drift: string; spent: string; charged: string }[]>(
    `select (select count(*) from accounts a where kind <> 'SYSTEM'
               and posted <> (select coalesce(sum(amount), 0) from ledger_postings where account_id = a.id)) as drift,
            (select sum(spent) from team_members where team_id = ?) as spent,
            (select sum(charged) from usage_records where account_id = ?) as charged`,
    [team.id, team.id],
  );
  console.log(
    `after the run: accounts whose cached balance drifts: ${check.drift}; team members' spent ${check.spent} = team usage charged ${check.charged}`,
  );
  await app.close();
  await db.close();
}
