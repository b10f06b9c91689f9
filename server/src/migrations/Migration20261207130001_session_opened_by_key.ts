import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 17, defect 6: a Credits page session ends with the API key that opened it. The session
 * keeps that key (`opened_by_key_id`, as `portal_tokens.created_by_key_id` does for the link), and
 * every check of the session also checks the key. Portal sessions are ended per account
 * (`revokePortalSessions`), staff sessions per user (`signOutEverywhere`): both look up the live
 * sessions of one owner.
 */
export class Migration20261207130001_session_opened_by_key extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table sessions add column opened_by_key_id uuid;`);
    this.addSql(
      `create index sessions_opened_by_key on sessions (opened_by_key_id) where revoked_at is null and opened_by_key_id is not null;`,
    );
    this.addSql(`create index sessions_account on sessions (account_id) where revoked_at is null and account_id is not null;`);
  }
}
