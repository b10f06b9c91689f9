create or replace function creditmeter_charge(p_rows jsonb) returns table (
  ord int, status text, available bigint, bal_posted bigint, bal_pending bigint, bal_at timestamptz,
  u_id uuid, u_seq bigint, u_account_id uuid, u_transaction_id uuid, u_rate_card_id uuid, u_model text,
  u_input_tokens bigint, u_cached_input_tokens bigint, u_output_tokens bigint, u_input_per1k bigint,
  u_cached_input_per1k bigint, u_output_per1k bigint, u_charged bigint, u_cost_micro_usd bigint,
  u_idempotency_key text, u_request_hash text, u_source text, u_request_id text, u_latency_ms int, u_created_at timestamptz,
  u_cache_write_input_tokens bigint, u_cache_write_1h_input_tokens bigint, u_audio_input_tokens bigint, u_audio_output_tokens bigint, u_image_input_tokens bigint, u_reasoning_tokens bigint,
  u_cache_write_input_per1k bigint, u_cache_write_1h_input_per1k bigint, u_audio_input_per1k bigint, u_audio_output_per1k bigint, u_image_input_per1k bigint, u_long_context boolean
) language plpgsql as $$
declare
  r record;
  v_consumption uuid;
  v_acc uuid;
  v_found boolean := false;
  v_posted bigint;
  v_pending bigint;
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
    where a.id = any(array(select (e->>'account_id')::uuid from jsonb_array_elements(p_rows) e))
    order by a.id for update;

  -- Each row's earlier use of its key: earlier in this batch (dup), or already stored (seen_hash,
  -- one index probe per row: a join would be planned as a hash over every usage row ever made).
  -- Read after the account locks above, so no other charge of these accounts commits in between.
  for r in
    select b.*,
           (select u.request_hash from usage_records u
             where u.account_id = b.account_id and u.key_scope = b.scope and u.idempotency_key = b.key) as seen_hash
      from (
        select (o.ord)::int as i, x.account_id, x.key, x.hash, x.charged, coalesce(x.release, 0) as release,
               case when x.source = 'PROXY' then 'proxy' else 'client' end as scope,
               x.member, coalesce(x.member_at, clock_timestamp()) as member_at, coalesce(x.member_enforce, true) as member_enforce,
               x.api_key_id, x.model,
               row_number() over (partition by x.account_id, case when x.source = 'PROXY' then 'proxy' else 'client' end, x.key
                                  order by o.ord) > 1 as dup
          from jsonb_array_elements(p_rows) with ordinality as o(e, ord),
               jsonb_to_record(o.e) as x(account_id uuid, key text, hash text, charged bigint, release bigint, source text,
                                         member uuid, member_at timestamptz, member_enforce boolean, api_key_id uuid, model text)
      ) b
     order by b.account_id, b.i
  loop
    if v_acc is distinct from r.account_id then
      if b_changed then
        m := m + 1; b_acc[m] := v_acc; b_posted[m] := v_posted; b_pending[m] := v_pending;
      end if;
      v_acc := r.account_id;
      b_changed := false;
      select a.posted, a.pending into v_posted, v_pending from accounts a where a.id = r.account_id and a.kind <> 'SYSTEM';
      v_found := found;
    end if;
    if not v_found then s_status[r.i] := 'NOT_FOUND'; continue; end if;
    if r.dup then s_status[r.i] := 'DUPLICATE'; continue; end if;
    if r.seen_hash is not null then
      s_status[r.i] := case when r.seen_hash = r.hash then 'REPLAY' else 'CONFLICT' end;
      continue;
    end if;
    if r.api_key_id is not null and r.member_enforce then
      -- The key's scope and limit (a settle's hold was checked when placed: member_enforce false).
      v_step := creditmeter_key_step(r.api_key_id, r.model, r.charged, 0, r.member_at, r.member_enforce);
      if v_step <> 'OK' then
        s_status[r.i] := v_step; s_avail[r.i] := creditmeter_key_room(r.api_key_id, r.member_at); continue;
      end if;
    end if;
    if v_posted - v_pending + r.release < r.charged then
      s_status[r.i] := 'INSUFFICIENT'; s_avail[r.i] := v_posted - v_pending; continue;
    end if;
    if r.member is not null then
      -- A team charge: the member's allocation row, under the team row's lock taken above.
      v_step := creditmeter_team_member_step(r.account_id, r.member, r.charged, r.charged, r.member_at, r.member_enforce);
      if v_step <> 'OK' then s_status[r.i] := v_step; continue; end if;
    end if;
    if r.api_key_id is not null then
      perform creditmeter_key_step(r.api_key_id, r.model, 0, r.charged, r.member_at, false);
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
               request_id text, latency_ms int, member uuid, cache_write bigint, cache_write_1h bigint, audio_in bigint, audio_out bigint,
               image_in bigint, reasoning bigint, cw_rate bigint, cw1h_rate bigint, audio_in_rate bigint, audio_out_rate bigint,
               image_rate bigint, cost_cw bigint, cost_cw1h bigint, cost_audio_in bigint, cost_audio_out bigint, cost_image bigint,
               long_context boolean)
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
      member_account_id, cache_write_input_tokens, cache_write_1h_input_tokens, audio_input_tokens, audio_output_tokens,
      image_input_tokens, reasoning_tokens, cache_write_input_per1k, cache_write_1h_input_per1k, audio_input_per1k,
      audio_output_per1k, image_input_per1k, cost_cache_write_input_per1k, cost_cache_write_1h_input_per1k,
      cost_audio_input_per1k, cost_audio_output_per1k, cost_image_input_per1k, long_context)
    select c.account_id, c.tx, c.rate_card_id, c.model, c.input, c.cached, c.output, c.in_rate, c.cached_rate, c.out_rate,
           c.cost_in, c.cost_cached, c.cost_out, c.charged, c.cost, c.key, c.hash, coalesce(c.source, 'API'), c.api_key_id,
           c.request_id, c.latency_ms, c.member, coalesce(c.cache_write, 0), coalesce(c.cache_write_1h, 0), coalesce(c.audio_in, 0),
           coalesce(c.audio_out, 0), coalesce(c.image_in, 0), coalesce(c.reasoning, 0), c.cw_rate, c.cw1h_rate, c.audio_in_rate,
           c.audio_out_rate, c.image_rate, c.cost_cw, c.cost_cw1h, c.cost_audio_in, c.cost_audio_out, c.cost_image,
           coalesce(c.long_context, false)
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
           u.idempotency_key, u.request_hash, u.source, u.request_id, u.latency_ms, u.created_at,
           u.cache_write_input_tokens, u.cache_write_1h_input_tokens, u.audio_input_tokens, u.audio_output_tokens,
           u.image_input_tokens, u.reasoning_tokens, u.cache_write_input_per1k, u.cache_write_1h_input_per1k,
           u.audio_input_per1k, u.audio_output_per1k, u.image_input_per1k, u.long_context
      from jsonb_array_elements(p_rows) with ordinality as o(e, ord)
      left join lateral (select a.posted, a.pending, a.updated_at from accounts a
                          where a.id = (o.e->>'account_id')::uuid and a.kind <> 'SYSTEM' limit 1) a on true
      left join lateral (select u.* from usage_records u
                          where s_status[o.ord::int] in ('OK', 'REPLAY')
                            and u.account_id = (o.e->>'account_id')::uuid and u.idempotency_key = o.e->>'key'
                            and u.key_scope = case when o.e->>'source' = 'PROXY' then 'proxy' else 'client' end
                          limit 1) u on true
     order by o.ord;
end $$;
