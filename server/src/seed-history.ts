import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Principal } from './auth/roles.js';
import type { Config } from './config.js';
import { ormOptions } from './db/orm.js';
import { DemoClockEntity } from './demo-clock.repository.js';
import { createEventBus } from './shared/events/bus.js';
import { DEMO_EMAIL, seedDemo } from './seed.js';
import { swallowed } from './shared/errors.js';
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
  const events = createEventBus();
  const services = createServices(orm, { ...config, LEDGER_POOL_MAX: 2 }, events, log);
  const setClock = (at: Date) => orm.em.fork().getRepository(DemoClockEntity).set(at);
  let created: boolean;
  try {
    await setClock(new Date(dayStart(now) - DAYS * DAY_MS + 8 * 3_600_000));
    created = await seedDemo(services, log, () => writeHistory(services, now, setClock));
  } finally {
    await orm.em
      .fork()
      .getRepository(DemoClockEntity)
      .reset()
      .catch((err: unknown) => swallowed(err, 'seed.demoClock.reset', log));
    await services.engine.close();
    await services.notify.close();
    await events.close();
    await services.loadControl.close();
    await services.signInLimiter.close();
    await services.proxy.close();
    await orm.close();
  }
  if (created) log.info({ days: DAYS, ms: Math.round(performance.now() - started) }, 'seeded the demo with 30 days of history');
  return created;
}

const dayStart = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

type Moment = { at: Date; run: () => Promise<unknown> };

/** What the history's parts share: the services, a moment `daysAgo` at `hour`, and the timeline they add to. */
interface History {
  services: Services;
  at: (daysAgo: number, hour: number, minute?: number) => Date;
  on: (when: Date, run: () => Promise<unknown>) => void;
  testMode: boolean;
  /** Purchase ids by label, filled in as the timeline runs. */
  bought: Record<string, string>;
}

type Person = (typeof CUSTOMERS)[number] & { id: string };

const customer = (accountId: string): Principal => ({ keyId: null, accountId, role: 'USER' });

/**
 * One timeline, written in the order of its dates: the ledger decides at each write what it burns
 * (promotional grants first), so a grant must not be written before spending it postdates.
 */
async function writeHistory(services: Services, now: Date, setClock: (at: Date) => Promise<unknown>): Promise<void> {
  const today = dayStart(now);
  const demo = await services.accounts.findByEmail(DEMO_EMAIL);
  if (!demo) return;
  const timeline: Moment[] = [];
  const history: History = {
    services,
    /** `hour` UTC on the day `daysAgo` days before today (never later than now). */
    at: (daysAgo, hour, minute = 0) =>
      new Date(Math.min(today - daysAgo * DAY_MS + hour * 3_600_000 + minute * 60_000, now.getTime() - 60_000)),
    on: (when, run) => timeline.push({ at: when, run }),
    testMode: services.billing.checkout.testMode && services.billing.checkout.testModeReason !== null,
    bought: {},
  };
  const people = await customers(services);
  purchases(history, demo.id, people);
  const teamId = teamAndBonus(history, demo.id, people);
  dailyUsage(history, demo.id, people, teamId);
  await runTimeline(timeline, setClock);
}

async function customers(services: Services): Promise<Person[]> {
  const people: Person[] = [];
  for (const c of CUSTOMERS) {
    const account =
      (await services.accounts.findByEmail(c.email)) ?? (await services.accounts.create(null, { email: c.email, name: c.name }));
    people.push({ ...c, id: account.id });
  }
  return people;
}

/** A pack bought through the test-mode checkout `daysAgo` (nothing without test mode), kept as `bought[label]`. */
function buy(h: History, daysAgo: number, principal: Principal, packId: string, label: string, accountId?: () => string): void {
  if (!h.testMode) return;
  h.on(h.at(daysAgo, 9, 5), async () => {
    const session = await h.services.billing.checkout.create(principal, packId, null, accountId?.() ?? null);
    await h.services.billing.checkout.completeTestCheckout(session.purchaseId);
    h.bought[label] = session.purchaseId;
  });
}

function purchases(h: History, demoId: string, people: Person[]): void {
  buy(h, DAYS - 1, customer(demoId), 'starter', 'demo');
  for (const p of people) buy(h, p.boughtDaysAgo, customer(p.id), p.pack, p.email);
  // Bought twice by mistake, refunded the next day: a refund on the books.
  const linus = people[2];
  buy(h, 17, customer(linus.id), 'starter', 'duplicate');
  if (h.testMode)
    h.on(h.at(16, 11), () =>
      h.services.billing.refunds.refundPurchase(
        { keyId: null, accountId: null, role: 'ADMIN' },
        h.bought.duplicate,
        null,
        'Demo: a duplicate purchase, refunded at the customer’s request',
      ),
    );
}

/** A team the demo account owns, funded by its own purchase, that Grace spends from; and Ada's welcome bonus that expires. The team's id, once created. */
function teamAndBonus(h: History, demoId: string, people: Person[]): () => string {
  const [ada, grace] = people;
  let teamId = '';
  h.on(h.at(22, 8), async () => {
    teamId = (await h.services.teamPolicy.create(customer(demoId), { name: 'Research', timeZone: 'Europe/Berlin' })).id;
    await h.services.teamMembership.addMember(customer(demoId), teamId, grace.id);
    await h.services.teamInvitations.accept(customer(grace.id), teamId);
  });
  buy(h, 22, customer(demoId), 'pro', 'team', () => teamId);

  // A welcome bonus valid for a week, partly unused when it ran out: breakage.
  h.on(h.at(18, 12), () =>
    h.services.ledger.post(
      {
        accountId: ada.id,
        type: 'BONUS',
        delta: 2_000_000n,
        counterparty: 'promotions',
        idempotencyKey: 'seed:demo-history:welcome-bonus',
        reason: 'Welcome bonus, valid 7 days',
      },
      (tem, posted) => h.services.grants.setTerms(tem, posted.transactionId, { expiresAt: h.at(11, 12) }),
    ),
  );
  h.on(h.at(11, 12, 30), () => h.services.grants.expireDueLocked());
  return () => teamId;
}

/** Each customer's calls every day since their purchase, and Grace's calls on the team. */
function dailyUsage(h: History, demoId: string, people: Person[], teamId: () => string): void {
  const grace = people[1];
  const random = numbers(20_261_207);
  const spenders = [
    { accountId: demoId, models: ['gpt-4o-mini', 'gpt-4.1-mini', 'creditmeter-sim'], from: DAYS - 1 },
    ...people.map((p) => ({ accountId: p.id, models: [...p.models], from: p.boughtDaysAgo })),
  ];
  for (let daysAgo = DAYS - 1; daysAgo >= 0; daysAgo--) {
    for (const s of spenders) {
      if (daysAgo > s.from) continue;
      for (let call = random(1, 3); call > 0; call--) {
        const model = s.models[random(0, s.models.length - 1)];
        const input = { model, inputTokens: random(300, model === 'gpt-4o' ? 2500 : 9000), cachedInputTokens: random(0, 400) };
        const usage = { ...input, outputTokens: random(50, 1800), idempotencyKey: `seed:demo-history:${s.accountId}:${daysAgo}:${call}` };
        h.on(h.at(daysAgo, 13), () => h.services.usage.record(customer(s.accountId), s.accountId, usage));
      }
    }
    if (daysAgo <= 21) {
      const usage = { model: 'gpt-4o-mini', inputTokens: random(2000, 12000), cachedInputTokens: 0, outputTokens: random(200, 2000) };
      h.on(h.at(daysAgo, 15), () =>
        h.services.usage.record(customer(grace.id), grace.id, {
          ...usage,
          teamId: teamId(),
          idempotencyKey: `seed:demo-history:team:${daysAgo}`,
        }),
      );
    }
  }
}

/**
 * Events of one moment (a day's calls) run together: the ledger's group commit charges them in
 * one batch, which keeps the first start fast.
 */
async function runTimeline(timeline: Moment[], setClock: (at: Date) => Promise<unknown>): Promise<void> {
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
