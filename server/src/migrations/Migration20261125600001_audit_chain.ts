import { Migration } from '@mikro-orm/migrations';

/**
 * A tamper-evident audit log: every row carries `prev_hash` (the hash of the row before it in the
 * chain) and `hash` = SHA-256 of its own canonical content, which includes `prev_hash` and its
 * place in the chain (`chain_seq`). Rewriting, deleting or inserting a row in the middle breaks
 * every later link; truncating the tail shows against `audit_chain_head` and the head hash that
 * reconciliation exports as a metric.
 *
 * The link is computed by a BEFORE INSERT trigger, so no writer can skip it or supply its own
 * values. Appends are serialised by the single `audit_chain_head` row lock, held until commit:
 * the chain order is the commit order of audit writers, and a rolled-back action leaves no link.
 * Under REPEATABLE READ a concurrent append fails with a serialisation error instead of forking
 * the chain.
 *
 * Canonical content: the row as jsonb without `hash` and without top-level nulls, rendered with
 * TimeZone UTC. A column added later that is nullable (or null on old rows) leaves old hashes
 * valid; a NOT NULL column with a default would change every old row's content: give such a
 * column no default on existing rows, or re-anchor the chain in its migration.
 */
export class Migration20261125600001_audit_chain extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table audit_log add column chain_seq bigint, add column prev_hash text, add column hash text;`);
    this.addSql(`
create table audit_chain_head (
  singleton boolean primary key default true check (singleton),
  seq bigint not null,
  hash text not null,
  updated_at timestamptz not null default now()
);`);
    this.addSql(`comment on table audit_chain_head is 'the last link of the audit_log hash chain; its row lock serialises audit appends';`);

    this.addSql(`
create function audit_row_hash(r audit_log) returns text language sql stable set timezone = 'UTC' as $$
  select encode(sha256(convert_to(coalesce(
    (select jsonb_object_agg(key, value) from jsonb_each(to_jsonb(r)) where key <> 'hash' and value <> 'null'::jsonb)::text, ''), 'UTF8')), 'hex')
$$;`);

    this.addSql(`
create function audit_log_chain() returns trigger language plpgsql as $$
declare
  head audit_chain_head%rowtype;
begin
  select * into head from audit_chain_head where singleton for update;
  new.chain_seq := head.seq + 1;
  new.prev_hash := head.hash;
  new.hash := null;
  new.hash := audit_row_hash(new);
  update audit_chain_head set seq = new.chain_seq, hash = new.hash, updated_at = now() where singleton;
  return new;
end $$;`);

    // Backfill the rows written before the chain existed, in id order (their commit order is unknown).
    this.addSql(`alter table audit_log disable trigger audit_log_append_only;`);
    this.addSql(`
do $$
declare
  r audit_log%rowtype;
  prev text := repeat('0', 64);
  n bigint := 0;
begin
  for r in select * from audit_log order by id loop
    n := n + 1;
    r.chain_seq := n;
    r.prev_hash := prev;
    r.hash := null;
    prev := audit_row_hash(r);
    update audit_log set chain_seq = n, prev_hash = r.prev_hash, hash = prev where id = r.id;
  end loop;
  insert into audit_chain_head (seq, hash) values (n, prev);
end $$;`);
    this.addSql(`alter table audit_log enable trigger audit_log_append_only;`);
    this.addSql(`create unique index audit_log_chain_seq on audit_log (chain_seq);`);
    this.addSql(`create trigger audit_log_chain before insert on audit_log for each row execute function audit_log_chain();`);
    this.addSql(
      `create trigger audit_chain_head_no_delete before delete or truncate on audit_chain_head for each statement execute function creditmeter_reject_mutation();`,
    );

    // One pass over the chain in order: the first row whose link, place or content does not check
    // out, and whether the head still points at the last row (a truncated tail shows there).
    this.addSql(`
create function audit_chain_verify() returns table (ok boolean, entries bigint, first_broken_id bigint, head_hash text)
language sql stable as $$
  with chain as (
    select a.id, a.chain_seq, a.prev_hash, a.hash, audit_row_hash(a) as recomputed,
           lag(a.hash) over w as expected_prev, lag(a.chain_seq) over w as prev_seq
      from audit_log a
    window w as (order by a.chain_seq nulls first, a.id)
  ), broken as (
    select id from chain
     where chain_seq is null or hash is null
        or chain_seq <> coalesce(prev_seq, 0) + 1
        or prev_hash is distinct from coalesce(expected_prev, repeat('0', 64))
        or hash <> recomputed
     order by chain_seq nulls first, id limit 1
  ), last as (
    select id, chain_seq, hash from audit_log where chain_seq is not null order by chain_seq desc limit 1
  )
  select (select count(*) from broken) = 0
           and coalesce((select chain_seq from last), 0) = h.seq
           and coalesce((select hash from last), repeat('0', 64)) = h.hash,
         (select count(*) from audit_log),
         coalesce((select id from broken),
                  case when coalesce((select chain_seq from last), 0) <> h.seq or coalesce((select hash from last), repeat('0', 64)) <> h.hash
                       then (select id from last) end),
         h.hash
    from audit_chain_head h
$$;`);
  }
}
