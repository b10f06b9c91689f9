import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Principal } from './auth/roles.js';
import type { Config } from './config.js';
import { ormOptions } from './db/orm.js';
import { createBalanceEvents } from './ledger/balance-events.js';
import { DEMO_EMAIL, seedDemo } from './seed.js';
import { createServices, type Services } from './services.js';

const DAYS = 30;
const DAY_MS = 86_400_000;

/** The demo's customers besides the demo account: who they are and what they use. */
const CUSTOMERS = [
  { email: 'ada@demo.creditmeter.local', name: 'Ada Lovelace', pack: 'pro', boughtDaysAgo: 27, models: ['gpt-4o', 'gpt-4o-mini'] },
  {
    email: 'grace@demo.creditmeter.local',
    name: 'Grace Hopper',
    pack: 'starter',
    boughtDaysAgo: 24,
    models: ['gpt-4.1-mini', 'gpt-4o-mini'],
  },
  { email: 'linus@demo.creditmeter.local', name: 'Linus Torvalds', pack: 'starter', boughtDaysAgo: 16, models: ['gpt-4o-mini'] },
] as const;

/**
 * The demo's clock connection option: the seed's own connections read the time from `demo_clock`
 * (Migration20261207220001_demo_clock), so each row it writes is dated the day it stands for.
 */
const DEMO_CLOCK_OPTION = '-c creditmeter.demo_clock=on';

/** A small deterministic generator: the same history on every first start. */
function numbers(seed: number) {
  let s = seed >>> 0;
  return (min: number, max: number) => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return min + (s % (max - min + 1));
  };
}

/**
 * First start with the embedded database: the demo (seed.ts) as it stood 30 days ago, then 30 days
 * of history, so every dashboard has something true to show. Purchases through the test-mode
 * checkout and its fulfilment, usage charged by the usage service and the ledger, a refund through
 * the refunds service, a team with a member who spends from it, and a promotional grant that
 * expires: the services production uses, unchanged. False (and nothing written) when the demo
 * account exists already: it runs once.
 *
 * How it is dated: the services take their time from the database (column defaults). The seed
 * runs them on connections of its own that set `creditmeter.demo_clock=on`, and before each
 * simulated moment it sets the one-row `demo_clock` table; those connections' `now()` for the
 * dated tables (journal, postings, usage, purchases, grants and their burns) is then that moment.
 * Every other connection, the server's included, keeps the real clock. Rows are written once,
 * with their date: nothing is rewritten afterwards. Audit rows keep the real time of the seeding
 * (the audit hash chain is ordered by time); so do purchases' `fulfilled_at` and keys.
 */
export async function seedDemoWithHistory(databaseUrl: string, config: Config, log: Logger, now = new Date()): Promise<boolean> {
  const started = performance.now();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', DEMO_CLOCK_OPTION);
  const orm = await MikroORM.init({
    ...ormOptions(url.toString(), 4),
    driverOptions: { connection: { options: DEMO_CLOCK_OPTION } },
  });
  const events = createBalanceEvents();
  const services = createServices(orm, { ...config, LEDGER_POOL_MAX: 2 }, events, log);
  const clock = orm.em.getConnection();
  const setClock = (at: Date) =>
    clock.execute(`insert into demo_clock (id, at) values (true, ?) on conflict (id) do update set at = excluded.at`, [at.toISOString()]);
  let created: boolean;
  try {
    await setClock(new Date(dayStart(now) - DAYS * DAY_MS + 8 * 3_600_000));
    created = await seedDemo(services, log, () => writeHistory(services, now, setClock));
  } finally {
    await clock.execute(`delete from demo_clock`).catch(() => undefined);
    await services.engine.close();
    await services.notify.close();
    await events.close();
    await services.loadControl.close();
    await services.signInLimiter.close();
    await services.locks.close();
    await services.proxy.close();
    await orm.close();
  }
  if (created) log.info({ days: DAYS, ms: Math.round(performance.now() - started) }, 'seeded the demo with 30 days of history');
  return created;
}

const dayStart = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

/**
 * One timeline, written in the order of its dates: the ledger decides at each write what it burns
 * (promotional grants first), so a grant must not be written before spending it postdates.
 */
async function writeHistory(services: Services, now: Date, setClock: (at: Date) => Promise<unknown>): Promise<void> {
  const today = dayStart(now);
  /** `hour` UTC on the day `daysAgo` days before today (never later than now). */
  const at = (daysAgo: number, hour: number, minute = 0) =>
    new Date(Math.min(today - daysAgo * DAY_MS + hour * 3_600_000 + minute * 60_000, now.getTime() - 60_000));
  const demo = await services.accounts.findByEmail(DEMO_EMAIL);
  if (!demo) return;
  const customer = (accountId: string): Principal => ({ keyId: null, accountId, role: 'USER' });
  const testMode = services.billing.checkout.testMode && services.billing.checkout.testModeReason !== null;
  const timeline: Array<{ at: Date; run: () => Promise<unknown> }> = [];
  const on = (when: Date, run: () => Promise<unknown>) => timeline.push({ at: when, run });

  const people = [];
  for (const c of CUSTOMERS) {
    const account =
      (await services.accounts.findByEmail(c.email)) ?? (await services.accounts.create(null, { email: c.email, name: c.name }));
    people.push({ ...c, id: account.id });
  }
  const [ada, grace, linus] = people;
  const bought: Record<string, string> = {};
  const buy = (daysAgo: number, principal: Principal, packId: string, label: string, accountId?: () => string) =>
    testMode &&
    on(at(daysAgo, 9, 5), async () => {
      const session = await services.billing.checkout.create(principal, packId, null, accountId?.() ?? null);
      await services.billing.checkout.completeTestCheckout(session.purchaseId);
      bought[label] = session.purchaseId;
    });
  buy(DAYS - 1, customer(demo.id), 'starter', 'demo');
  for (const p of people) buy(p.boughtDaysAgo, customer(p.id), p.pack, p.email);
  // Bought twice by mistake, refunded the next day: a refund on the books.
  buy(17, customer(linus.id), 'starter', 'duplicate');
  if (testMode)
    on(at(16, 11), () =>
      services.billing.refunds.refundPurchase(
        { keyId: null, accountId: null, role: 'ADMIN' },
        bought.duplicate,
        null,
        'Demo: a duplicate purchase, refunded at the customer’s request',
      ),
    );

  // A team the demo account owns, funded by its own purchase; Grace spends from it.
  let teamId = '';
  on(at(22, 8), async () => {
    teamId = (await services.teamPolicy.create(customer(demo.id), { name: 'Research', timeZone: 'Europe/Berlin' })).id;
    await services.teamMembership.addMember(customer(demo.id), teamId, grace.id);
    await services.teamInvitations.accept(customer(grace.id), teamId);
  });
  buy(22, customer(demo.id), 'pro', 'team', () => teamId);

  // A welcome bonus valid for a week, partly unused when it ran out: breakage.
  on(at(18, 12), () =>
    services.ledger.post(
      {
        accountId: ada.id,
        type: 'BONUS',
        delta: 2_000_000n,
        counterparty: 'promotions',
        idempotencyKey: 'seed:demo-history:welcome-bonus',
        reason: 'Welcome bonus, valid 7 days',
      },
      (sql, posted) => services.grants.setTerms(sql, posted.transactionId, { expiresAt: at(11, 12) }),
    ),
  );
  on(at(11, 12, 30), () => services.grants.expireDueLocked());

  const random = numbers(20_261_207);
  const spenders = [
    { accountId: demo.id, models: ['gpt-4o-mini', 'gpt-4.1-mini', 'creditmeter-sim'], from: DAYS - 1 },
    ...people.map((p) => ({ accountId: p.id, models: [...p.models], from: p.boughtDaysAgo })),
  ];
  for (let daysAgo = DAYS - 1; daysAgo >= 0; daysAgo--) {
    for (const s of spenders) {
      if (daysAgo > s.from) continue;
      for (let call = random(1, 3); call > 0; call--) {
        const model = s.models[random(0, s.models.length - 1)];
        const input = { model, inputTokens: random(300, model === 'gpt-4o' ? 2500 : 9000), cachedInputTokens: random(0, 400) };
        const usage = { ...input, outputTokens: random(50, 1800), idempotencyKey: `seed:demo-history:${s.accountId}:${daysAgo}:${call}` };
        on(at(daysAgo, 13), () => services.usage.record(customer(s.accountId), s.accountId, usage));
      }
    }
    if (daysAgo <= 21) {
      const usage = { model: 'gpt-4o-mini', inputTokens: random(2000, 12000), cachedInputTokens: 0, outputTokens: random(200, 2000) };
      on(at(daysAgo, 15), () =>
        services.usage.record(customer(grace.id), grace.id, { ...usage, teamId, idempotencyKey: `seed:demo-history:team:${daysAgo}` }),
      );
    }
  }

  // Events of one moment (a day's calls) run together: the ledger's group commit charges them in
  // one batch, which keeps the first start fast.
  timeline.sort((x, y) => x.at.getTime() - y.at.getTime());
  for (let i = 0; i < timeline.length;) {
    const moment = timeline[i].at.getTime();
    let j = i;
    while (j < timeline.length && timeline[j].at.getTime() === moment) j++;
    await setClock(timeline[i].at);
    await Promise.all(timeline.slice(i, j).map((e) => e.run()));
    i = j;
  }
}
