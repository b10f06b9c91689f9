import { Migration } from '@mikro-orm/migrations';

/**
 * Team charges in the ledger engine (Migration20261125500001): the same four functions, now for
 * accounts of kind TEAM too, with one optional step for a member spending a team's credits.
 *
 * `creditmeter_team_member_step` is that step: one conditional UPDATE of the member's allocation
 * row. The period is the calendar month in the team's time zone (`date_trunc` with a zone follows
 * DST), taken from the caller's clock; the first charge of a new period starts `spent` at zero, and
 * a period never moves backwards, so two instances whose clocks straddle midnight cannot reset an
 * allocation twice. Enforced, it refuses a member who is removed or missing (FORBIDDEN) or whose
 * spent + HELD holds + this amount would pass the allocation (SPEND_CAP); a settle is not enforced
 * (the call was allowed when it started and its hold sits inside the allocation).
 *
 * Lock order stays the engine's: accounts (the team's row, in id order), then the member's row.
 * Every path that writes a member row holds its team's account row first, so concurrent members
 * of one team are serialised on the team's row alone, the hot-account case group commit handles.
 */
export class Migration20261125700002_team_engine extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function creditmeter_team_member_step(
  p_team uuid, p_member uuid, p_check bigint, p_spend bigint, p_at timestamptz, p_enforce boolean
) returns text language plpgsql as $$
declare
  v_removed timestamptz;
begin
  update team_members m
     set spent = case when m.period_start >= p.start then m.spent else 0 end + p_spend,
         period_start = greatest(m.period_start, p.start)
    from (select date_trunc('month', p_at, t.time_zone) as start from teams t where t.account_id = p_team) p
   where m.team_id = p_team and m.account_id = p_member
     and (not p_enforce or (m.removed_at is null and (m.monthly_allocation is null or
          case when m.period_start >= p.start then m.spent else 0 end + p_check
            + (select coalesce(sum(h.amount), 0) from holds h
                where h.account_id = p_team and h.member_account_id = p_member and h.state = 'HELD')
          <= m.monthly_allocation)));
  if found then return 'OK'; end if;
  select m.removed_at into v_removed from team_members m where m.team_id = p_team and m.account_id = p_member;
  if not found or v_removed is not null then return 'FORBIDDEN'; end if;
  return 'SPEND_CAP';
end $$;`);

    // Accounts of kind TEAM move like customers'.
    this.addSql(`
create or replace function creditmeter_post(
  p_account uuid, p_type text, p_delta bigint, p_counterparty text, p_key text, p_hash text, p_reference text,
  p_reason text, p_actor uuid, p_reversal_of uuid, p_allow_negative boolean
) returns table (status text, transaction_id uuid, created_at timestamptz, posted bigint, pending bigint, updated_at timestamptz, request_hash text)
language plpgsql as $$
declare
  v_acc record;
  v_tx uuid := gen_random_uuid();
  v_at timestamptz;
  v_counter uuid;
begin
  select a.posted, a.pending into v_acc from accounts a where a.id = p_account and a.kind <> 'SYSTEM' for update;
  if not found then
    return query select 'NOT_FOUND'::text, null::uuid, null::timestamptz, null::bigint, null::bigint, null::timestamptz, null::text;
    return;
  end if;
  if p_key is not null then
    return query select 'REPLAY'::text, t.id, t.created_at, v_acc.posted, v_acc.pending, null::timestamptz, t.request_hash
      from ledger_transactions t where t.account_id = p_account and t.idempotency_key = p_key;
    if found then return; end if;
  end if;
  if not (p_allow_negative or p_delta >= 0 or v_acc.posted - v_acc.pending + p_delta >= 0) then
    return query select 'INSUFFICIENT'::text, null::uuid, null::timestamptz, v_acc.posted, v_acc.pending, null::timestamptz, null::text;
    return;
  end if;
  select id into strict v_counter from accounts where system_code = p_counterparty;
  update accounts a set posted = a.posted + p_delta, updated_at = clock_timestamp() where a.id = p_account
    returning a.posted, a.pending, a.updated_at into v_acc;
  with tx as (
    insert into ledger_transactions (id, account_id, type, idempotency_key, request_hash, reference_id, reason, actor_key_id, reversal_of_id)
    values (v_tx, p_account, p_type, p_key, p_hash, p_reference, p_reason, p_actor, p_reversal_of)
    returning ledger_transactions.created_at
  ), legs as (
    insert into ledger_postings (transaction_id, account_id, amount, balance_after)
    values (v_tx, p_account, p_delta, v_acc.posted), (v_tx, v_counter, -p_delta, null)
  )
  select tx.created_at into v_at from tx;
  perform creditmeter_grants_on_movement(p_account, v_tx, p_type, p_delta, v_acc.posted, p_reference, p_reversal_of);
  return query select 'OK'::text, v_tx, v_at, v_acc.posted, v_acc.pending, v_acc.updated_at, p_hash;
end $$;`);

    // Charges carry an optional member ("member", "member_at", "member_enforce"); the usage row
    // records the member. Refusals: FORBIDDEN, SPEND_CAP.
    this.addSql(`
create or replace function creditmeter_charge(p_rows jsonb) returns table (
  ord int, status text, available bigint, bal_posted bigint, bal_pending bigint, bal_at timestamptz,
  u_id uuid, u_seq bigint, u_account_id uuid, u_transaction_id uuid, u_rate_card_id uuid, u_model text,
  u_input_tokens bigint, u_cached_input_tokens bigint, u_output_tokens bigint, u_input_per1k bigint,
  u_cached_input_per1k bigint, u_output_per1k bigint, u_charged bigint, u_cost_micro_usd bigint,
  u_idempotency_key text, u_request_hash text, u_source text, u_request_id text, u_latency_ms int, u_created_at timestamptz
) language plpgsql as $$
declare
  r record;
  v_consumption uuid;
  v_acc uuid;
  v_found boolean := false;
  v_posted bigint;
  v_pending bigint;
  v_seen text[];
  v_hit record;
  v_step text;
  n int := 0;
  m int := 0;
  s_status text[] := '{}';
  s_avail bigint[] := '{}';
  c_ord int[] := '{}';
  c_tx uuid[] := '{}';
  c_after bigint[] := '{}';
  b_acc uuid[] := '{}';
  b_posted bigint[] := '{}';
  b_pending bigint[] := '{}';
  b_changed boolean := false;
begin
  select id into strict v_consumption from accounts where system_code = 'consumption';
  perform 1 from accounts a
    where a.id in (select (e->>'account_id')::uuid from jsonb_array_elements(p_rows) e)
    order by a.id for update;

  for r in
    select (o.ord)::int as i, x.account_id, x.key, x.hash, x.charged, coalesce(x.release, 0) as release,
           case when x.source = 'PROXY' then 'proxy' else 'client' end as scope,
           x.member, coalesce(x.member_at, clock_timestamp()) as member_at, coalesce(x.member_enforce, true) as member_enforce
      from jsonb_array_elements(p_rows) with ordinality as o(e, ord),
           jsonb_to_record(o.e) as x(account_id uuid, key text, hash text, charged bigint, release bigint, source text,
                                     member uuid, member_at timestamptz, member_enforce boolean)
     order by x.account_id, o.ord
  loop
    if v_acc is distinct from r.account_id then
      if b_changed then
        m := m + 1; b_acc[m] := v_acc; b_posted[m] := v_posted; b_pending[m] := v_pending;
      end if;
      v_acc := r.account_id;
      b_changed := false;
      v_seen := '{}';
      select a.posted, a.pending into v_posted, v_pending from accounts a where a.id = r.account_id and a.kind <> 'SYSTEM';
      v_found := found;
    end if;
    if not v_found then s_status[r.i] := 'NOT_FOUND'; continue; end if;
    if r.scope || ':' || r.key = any(v_seen) then s_status[r.i] := 'DUPLICATE'; continue; end if;
    v_seen := v_seen || (r.scope || ':' || r.key);
    select u.request_hash into v_hit from usage_records u
     where u.account_id = r.account_id and u.key_scope = r.scope and u.idempotency_key = r.key;
    if found then
      s_status[r.i] := case when v_hit.request_hash = r.hash then 'REPLAY' else 'CONFLICT' end;
      continue;
    end if;
    if v_posted - v_pending + r.release < r.charged then
      s_status[r.i] := 'INSUFFICIENT'; s_avail[r.i] := v_posted - v_pending; continue;
    end if;
    if r.member is not null then
      -- A team charge: the member's allocation row, under the team row's lock taken above.
      v_step := creditmeter_team_member_step(r.account_id, r.member, r.charged, r.charged, r.member_at, r.member_enforce);
      if v_step <> 'OK' then s_status[r.i] := v_step; continue; end if;
    end if;
    v_posted := v_posted - r.charged;
    v_pending := v_pending - r.release;
    b_changed := true;
    n := n + 1; c_ord[n] := r.i; c_tx[n] := gen_random_uuid(); c_after[n] := v_posted;
    s_status[r.i] := 'OK';
  end loop;
  if b_changed then
    m := m + 1; b_acc[m] := v_acc; b_posted[m] := v_posted; b_pending[m] := v_pending;
  end if;

  if n > 0 then
    update accounts a set posted = b.posted, pending = b.pending, updated_at = clock_timestamp()
      from unnest(b_acc, b_posted, b_pending) as b(id, posted, pending) where a.id = b.id;

    with c as (
      select c.ord, c.tx, c.after, x.*
        from unnest(c_ord, c_tx, c_after) as c(ord, tx, after),
             jsonb_to_record(p_rows -> (c.ord - 1)) as x(
               account_id uuid, key text, hash text, charged bigint, cost bigint, rate_card_id uuid, model text,
               input bigint, cached bigint, output bigint, in_rate bigint, cached_rate bigint, out_rate bigint,
               cost_in bigint, cost_cached bigint, cost_out bigint, source text, api_key_id uuid, actor_key_id uuid,
               request_id text, latency_ms int, member uuid)
    ), tx as (
      insert into ledger_transactions (id, account_id, type, idempotency_key, request_hash, actor_key_id)
      select c.tx, c.account_id, 'USAGE', case when c.source = 'PROXY' then 'settle:' else 'usage:' end || c.key, c.hash, c.actor_key_id
        from c order by c.ord
    ), legs as (
      insert into ledger_postings (transaction_id, account_id, amount, balance_after)
      select l.tx, l.account_id, l.amount, l.after from (
        select c.ord, 0 as leg, c.tx, c.account_id, -c.charged as amount, c.after from c
        union all
        select c.ord, 1, c.tx, v_consumption, c.charged, null from c
      ) l order by l.ord, l.leg
    )
    insert into usage_records (account_id, transaction_id, rate_card_id, model, input_tokens, cached_input_tokens,
      output_tokens, input_per1k, cached_input_per1k, output_per1k, cost_input_per1k, cost_cached_input_per1k,
      cost_output_per1k, charged, cost_micro_usd, idempotency_key, request_hash, source, api_key_id, request_id, latency_ms,
      member_account_id)
    select c.account_id, c.tx, c.rate_card_id, c.model, c.input, c.cached, c.output, c.in_rate, c.cached_rate, c.out_rate,
           c.cost_in, c.cost_cached, c.cost_out, c.charged, c.cost, c.key, c.hash, coalesce(c.source, 'API'), c.api_key_id,
           c.request_id, c.latency_ms, c.member
      from c order by c.ord;

    -- The posting hook for debits, for every accepted charge at once: each charge takes the slice
    -- of its account's grants (in burn order) that its running total covers.
    with ch as (
      select x.account_id, c.tx, x.charged, c.ord,
             sum(x.charged) over (partition by x.account_id order by c.ord) as hi
        from unnest(c_ord, c_tx) as c(ord, tx),
             jsonb_to_record(p_rows -> (c.ord - 1)) as x(account_id uuid, charged bigint)
       where x.charged > 0
    ), gr as (
      select g.id, g.account_id, g.remaining,
             sum(g.remaining) over (partition by g.account_id order by g.priority, g.expires_at asc nulls last, g.created_at, g.id) as hi
        from grants g where g.account_id = any(b_acc) and g.remaining > 0
    ), pairs as (
      select ch.account_id, ch.tx, ch.ord, gr.id as grant_id, gr.hi as grant_hi,
             least(ch.hi, gr.hi) - greatest(ch.hi - ch.charged, gr.hi - gr.remaining) as amount
        from ch join gr on gr.account_id = ch.account_id
       where ch.hi - ch.charged < gr.hi and gr.hi - gr.remaining < ch.hi
    ), burned as (
      update grants g set remaining = g.remaining - s.amount
        from (select grant_id, sum(amount) as amount from pairs group by grant_id) s where g.id = s.grant_id
    )
    insert into grant_allocations (account_id, grant_id, transaction_id, amount, purpose)
    select p.account_id, p.grant_id, p.tx, p.amount, 'DEBIT' from pairs p where p.amount > 0 order by p.ord, p.grant_hi;
  end if;

  return query
    select o.ord::int, s_status[o.ord::int], s_avail[o.ord::int], a.posted, a.pending, a.updated_at,
           u.id, u.seq, u.account_id, u.transaction_id, u.rate_card_id, u.model, u.input_tokens, u.cached_input_tokens,
           u.output_tokens, u.input_per1k, u.cached_input_per1k, u.output_per1k, u.charged, u.cost_micro_usd,
           u.idempotency_key, u.request_hash, u.source, u.request_id, u.latency_ms, u.created_at
      from jsonb_array_elements(p_rows) with ordinality as o(e, ord)
      left join accounts a on a.id = (o.e->>'account_id')::uuid and a.kind <> 'SYSTEM'
      left join usage_records u on s_status[o.ord::int] in ('OK', 'REPLAY')
            and u.account_id = (o.e->>'account_id')::uuid and u.idempotency_key = o.e->>'key'
            and u.key_scope = case when o.e->>'source' = 'PROXY' then 'proxy' else 'client' end
     order by o.ord;
end $$;`);

    // Holds of a team call reserve inside the member's allocation too (new parameters).
    this.addSql(`drop function creditmeter_hold(uuid, bigint, bigint, text, uuid, text, bigint, int, int);`);
    this.addSql(`
create function creditmeter_hold(
  p_account uuid, p_amount bigint, p_partial_minimum bigint, p_model text, p_api_key uuid, p_session text,
  p_session_cap bigint, p_session_window int, p_ttl int, p_member uuid, p_member_at timestamptz
) returns table (status text, hold_id uuid, amount bigint, partial boolean, created_at timestamptz, expires_at timestamptz,
                 available bigint, spent bigint, posted bigint, pending bigint, updated_at timestamptz)
language plpgsql as $$
declare
  v_acc record;
  v_amount bigint := p_amount;
  v_spent bigint := 0;
  v_hold record;
  v_step text;
begin
  select a.posted, a.pending into v_acc from accounts a where a.id = p_account and a.kind <> 'SYSTEM' for update;
  if not found then
    return query select 'NOT_FOUND'::text, null::uuid, null::bigint, null::boolean, null::timestamptz, null::timestamptz,
      null::bigint, null::bigint, null::bigint, null::bigint, null::timestamptz;
    return;
  end if;
  if p_partial_minimum is not null and v_acc.posted - v_acc.pending < p_amount and v_acc.posted - v_acc.pending >= p_partial_minimum then
    v_amount := v_acc.posted - v_acc.pending;
  end if;
  if v_acc.posted - v_acc.pending < v_amount then
    return query select 'INSUFFICIENT'::text, null::uuid, coalesce(p_partial_minimum, p_amount), null::boolean, null::timestamptz,
      null::timestamptz, v_acc.posted - v_acc.pending, null::bigint, v_acc.posted, v_acc.pending, null::timestamptz;
    return;
  end if;
  if p_session is not null and p_session_cap is not null then
    -- Under the account's row lock: the session's spend cannot change before the hold is written.
    select coalesce(sum(case h.state when 'HELD' then h.amount when 'SETTLED' then h.charged else 0 end), 0) into v_spent
      from holds h where h.account_id = p_account and h.session_id = p_session
        and h.created_at > clock_timestamp() - make_interval(secs => p_session_window);
    if v_spent + v_amount > p_session_cap then
      return query select 'SESSION_CAP'::text, null::uuid, v_amount, null::boolean, null::timestamptz, null::timestamptz,
        v_acc.posted - v_acc.pending, v_spent, v_acc.posted, v_acc.pending, null::timestamptz;
      return;
    end if;
  end if;
  if p_member is not null then
    -- A team call: the member's allocation must hold it too (spent + held + this <= allocation).
    v_step := creditmeter_team_member_step(p_account, p_member, v_amount, 0, p_member_at, true);
    if v_step <> 'OK' then
      return query select v_step, null::uuid, v_amount, null::boolean, null::timestamptz, null::timestamptz,
        v_acc.posted - v_acc.pending, null::bigint, v_acc.posted, v_acc.pending, null::timestamptz;
      return;
    end if;
  end if;
  update accounts a set pending = a.pending + v_amount, updated_at = clock_timestamp() where a.id = p_account
    returning a.posted, a.pending, a.updated_at into v_acc;
  insert into holds (account_id, amount, model, api_key_id, session_id, partial, expires_at, member_account_id)
  values (p_account, v_amount, p_model, p_api_key, p_session, v_amount < p_amount, clock_timestamp() + make_interval(secs => p_ttl), p_member)
  returning holds.id, holds.amount, holds.partial, holds.created_at, holds.expires_at into v_hold;
  return query select 'OK'::text, v_hold.id, v_hold.amount, v_hold.partial, v_hold.created_at, v_hold.expires_at,
    v_acc.posted - v_acc.pending, v_spent, v_acc.posted, v_acc.pending, v_acc.updated_at;
end $$;`);

    // Settling a team call charges the member who placed it (from the hold, never the client).
    this.addSql(`
create or replace function creditmeter_settle(p_hold uuid, p_row jsonb)
returns table (settle text, charged bigint, ord int, status text, available bigint, bal_posted bigint, bal_pending bigint, bal_at timestamptz,
  u_id uuid, u_seq bigint, u_account_id uuid, u_transaction_id uuid, u_rate_card_id uuid, u_model text,
  u_input_tokens bigint, u_cached_input_tokens bigint, u_output_tokens bigint, u_input_per1k bigint,
  u_cached_input_per1k bigint, u_output_per1k bigint, u_charged bigint, u_cost_micro_usd bigint,
  u_idempotency_key text, u_request_hash text, u_source text, u_request_id text, u_latency_ms int, u_created_at timestamptz)
language plpgsql as $$
declare
  v_hold record;
  v_acc record;
  v_release bigint := 0;
  v_charged bigint := (p_row->>'charged')::bigint;
  v_outcome text := 'SETTLED';
  v_at timestamptz := coalesce((p_row->>'member_at')::timestamptz, clock_timestamp());
  v_room bigint;
begin
  -- Lock order everywhere: the hold, then its account.
  select h.account_id, h.amount, h.state, h.member_account_id into v_hold from holds h where h.id = p_hold for update;
  if not found then raise exception 'hold % not found', p_hold using errcode = 'P0002'; end if;
  select a.posted, a.pending into v_acc from accounts a where a.id = v_hold.account_id for update;
  if exists (select 1 from usage_records u where u.account_id = v_hold.account_id and u.key_scope = 'proxy' and u.idempotency_key = p_row->>'key') then
    v_outcome := 'REPLAY';
  else
    if v_hold.state = 'HELD' then v_release := v_hold.amount; end if;
    if v_hold.member_account_id is not null and v_charged > v_hold.amount then
      -- A team call costing more than its hold: beyond the hold only what the member's allocation
      -- still has room for (the hold itself was reserved inside it).
      select m.monthly_allocation - case when m.period_start >= date_trunc('month', v_at, t.time_zone) then m.spent else 0 end
             - (select coalesce(sum(h.amount), 0) from holds h
                 where h.account_id = v_hold.account_id and h.member_account_id = v_hold.member_account_id and h.state = 'HELD' and h.id <> p_hold)
        into v_room
        from team_members m join teams t on t.account_id = m.team_id
       where m.team_id = v_hold.account_id and m.account_id = v_hold.member_account_id;
      if v_room is not null and v_charged > greatest(v_room, v_hold.amount) then
        v_charged := greatest(v_room, v_hold.amount);
        v_outcome := 'CAPPED';
      end if;
    end if;
    if v_acc.posted - v_acc.pending + v_release < v_charged then
      if v_charged > v_hold.amount and v_acc.posted - v_acc.pending + v_release >= v_hold.amount then
        v_charged := v_hold.amount;
        v_outcome := 'CAPPED';
      else
        v_outcome := 'VOIDED';
      end if;
    end if;
  end if;
  if v_outcome = 'VOIDED' then
    if v_hold.state = 'HELD' then
      update holds set state = 'VOIDED', released_at = clock_timestamp() where id = p_hold;
      update accounts a set pending = a.pending - v_hold.amount, updated_at = clock_timestamp() where a.id = v_hold.account_id;
    end if;
    return query select v_outcome, 0::bigint, 1, 'VOIDED'::text, null::bigint, a.posted, a.pending, a.updated_at,
      null::uuid, null::bigint, null::uuid, null::uuid, null::uuid, null::text, null::bigint, null::bigint, null::bigint, null::bigint,
      null::bigint, null::bigint, null::bigint, null::bigint, null::text, null::text, null::text, null::text, null::int, null::timestamptz
      from accounts a where a.id = v_hold.account_id;
    return;
  end if;
  if v_hold.state = 'HELD' and v_outcome <> 'REPLAY' then
    update holds set state = 'SETTLED', charged = v_charged, request_id = p_row->>'request_id', released_at = clock_timestamp() where id = p_hold;
  end if;
  return query select v_outcome, v_charged, c.* from creditmeter_charge(jsonb_build_array(
    p_row || jsonb_build_object('account_id', v_hold.account_id, 'charged', v_charged, 'release', v_release,
                                'member', v_hold.member_account_id, 'member_at', v_at, 'member_enforce', false))) c;
end $$;`);
  }
}
