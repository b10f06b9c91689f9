import { Migration } from '@mikro-orm/migrations';

/**
 * Team membership needs the member's consent: an OWNER's `addTeamMember` leaves an invitation
 * here, and only the invited account (with its own credentials) turns it into a `team_members`
 * row. Until then it grants nothing: charges, team keys and `team(id)` read `team_members` only.
 *
 * `teams.created_by_account_id` counts the teams an account created today, for the per-account
 * daily cap on `createTeam` (null: created by staff or before this migration).
 */
export class Migration20261207120001_team_invitations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table team_invitations (
  team_id uuid not null references teams (account_id),
  account_id uuid not null references accounts (id),
  role text not null check (role in ('OWNER', 'MEMBER')),
  invited_by_account_id uuid,
  created_at timestamptz not null default now(),
  primary key (team_id, account_id)
);`);
    this.addSql(`create index team_invitations_account on team_invitations (account_id);`);
    this.addSql(`alter table teams add column created_by_account_id uuid;`);
    this.addSql(`create index teams_created_by on teams (created_by_account_id, created_at) where created_by_account_id is not null;`);
  }
}
