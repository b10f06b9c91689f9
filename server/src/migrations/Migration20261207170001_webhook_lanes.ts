import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook isolation: `claimed_until` marks a delivery in flight (claimed by a worker, outcome not
 * yet recorded) until its lease ends. The claim counts these per endpoint, on every instance, and
 * gives an endpoint no more than its free places, so one slow endpoint holds at most its own.
 */
export class Migration20261207170001_webhook_lanes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table notification_deliveries add column claimed_until timestamptz;`);
    this.addSql(
      `create index notification_deliveries_in_flight on notification_deliveries (claimed_until) where claimed_until is not null;`,
    );
    this.addSql(
      `comment on column notification_deliveries.claimed_until is 'in flight until then: claimed by a worker, outcome not yet recorded (null otherwise)';`,
    );
  }
}
