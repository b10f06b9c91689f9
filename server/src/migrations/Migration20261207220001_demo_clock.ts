import { Migration } from '@mikro-orm/migrations';

/** The tables whose rows the dashboards, statements and reports date: each gets the demo clock as its default. */
const DATED = ['ledger_transactions', 'ledger_postings', 'usage_records', 'purchases', 'grants', 'grant_allocations'] as const;

/**
 * The demo's clock: 30 days of history are seeded on the first start through the real services,
 * and each row must carry the day it stands for. A connection that sets `creditmeter.demo_clock=on`
 * (only the demo seed's own connections do, see seed-history.ts) reads the time from the one-row
 * `demo_clock` table; every other connection gets `now()` (or `clock_timestamp()` where the column
 * had it), as before. The journal's own rules (append-only, zero-sum) are unchanged: nothing is
 * rewritten after the fact; rows are written once, with their date.
 */
export class Migration20261207220001_demo_clock extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table demo_clock (
  id boolean primary key default true check (id),
  at timestamptz not null
);

create function demo_clock_now() returns timestamptz language sql stable as $$
  select case when current_setting('creditmeter.demo_clock', true) = 'on'
              then coalesce((select at from demo_clock), now()) else now() end
$$;

create function demo_clock_timestamp() returns timestamptz language sql volatile as $$
  select case when current_setting('creditmeter.demo_clock', true) = 'on'
              then coalesce((select at from demo_clock), clock_timestamp()) else clock_timestamp() end
$$;
`);
    for (const table of DATED) {
      const fn = table === 'grants' ? 'demo_clock_timestamp()' : 'demo_clock_now()';
      this.addSql(`alter table ${table} alter column created_at set default ${fn};`);
    }
  }
}
