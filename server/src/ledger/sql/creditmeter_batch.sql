create or replace function creditmeter_batch(p_items jsonb)
returns table (ord int, op text, settle text, charged bigint, status text, available bigint, bal_posted bigint, bal_pending bigint,
  bal_at timestamptz, u_id uuid, u_seq bigint, u_account_id uuid, u_transaction_id uuid, u_rate_card_id uuid, u_model text,
  u_input_tokens bigint, u_cached_input_tokens bigint, u_output_tokens bigint, u_input_per1k bigint,
  u_cached_input_per1k bigint, u_output_per1k bigint, u_charged bigint, u_cost_micro_usd bigint,
  u_idempotency_key text, u_request_hash text, u_source text, u_request_id text, u_latency_ms int, u_created_at timestamptz,
  u_cache_write_input_tokens bigint, u_cache_write_1h_input_tokens bigint, u_audio_input_tokens bigint, u_audio_output_tokens bigint, u_image_input_tokens bigint, u_reasoning_tokens bigint,
  u_cache_write_input_per1k bigint, u_cache_write_1h_input_per1k bigint, u_audio_input_per1k bigint, u_audio_output_per1k bigint, u_image_input_per1k bigint, u_long_context boolean,
  hold_id uuid, h_account_id uuid, h_amount bigint, h_partial boolean, h_created_at timestamptz, h_expires_at timestamptz, h_spent bigint)
language plpgsql as $$
-- One group-commit batch: charges, holds, settles and releases of many calls in one transaction
-- (one WAL flush), each item decided on its own and in the order given. Consecutive charges go to
-- creditmeter_charge as one set-wise call, and so do consecutive settles (each posts its cost and
-- releases its hold) and consecutive plain holds (creditmeter_holds); the rest go one by one.
declare
  v_n int := jsonb_array_length(p_items);
  i int := 0;
  j int;
  e jsonb;
  v_op text;
  v_acc uuid;
  v_posted bigint;
  v_pending bigint;
  v_at timestamptz;
  v_run jsonb;
begin
  -- Lock order everywhere: holds (by id), then accounts (by id). The expiry job takes holds with
  -- SKIP LOCKED before their accounts, so it never waits on a batch while holding an account.
  -- `= any(array(...))`, never `in (select ...)` or a join, wherever a set taken from the items
  -- meets a table: the planner counts a jsonb_array_elements set as 100 rows and would hash it
  -- against the whole table (every hold or account ever made) instead of probing its index.
  perform 1 from holds h
    where h.id = any(array(select (x->>'hold_id')::uuid from jsonb_array_elements(p_items) x where x->>'op' <> 'hold'))
    order by h.id for update;
  perform 1 from accounts a
    where a.id = any(array(select (x->>'account_id')::uuid from jsonb_array_elements(p_items) x
                           union all
                           select h.account_id from holds h
                            where h.id = any(array(select (x->>'hold_id')::uuid from jsonb_array_elements(p_items) x
                                                    where x->>'op' <> 'hold'))))
    order by a.id for update;

  while i < v_n loop
    e := p_items -> i;
    v_op := e->>'op';
    if v_op = 'charge' then
      j := i;
      while j + 1 < v_n and p_items -> (j + 1) ->> 'op' = 'charge' loop j := j + 1; end loop;
      return query select i + c.ord, 'charge'::text, null::text, null::bigint, c.status, c.available, c.bal_posted, c.bal_pending,
        c.bal_at, c.u_id, c.u_seq, c.u_account_id, c.u_transaction_id, c.u_rate_card_id, c.u_model, c.u_input_tokens,
        c.u_cached_input_tokens, c.u_output_tokens, c.u_input_per1k, c.u_cached_input_per1k, c.u_output_per1k, c.u_charged,
        c.u_cost_micro_usd, c.u_idempotency_key, c.u_request_hash, c.u_source, c.u_request_id, c.u_latency_ms, c.u_created_at,
        c.u_cache_write_input_tokens, c.u_cache_write_1h_input_tokens, c.u_audio_input_tokens, c.u_audio_output_tokens, c.u_image_input_tokens, c.u_reasoning_tokens, c.u_cache_write_input_per1k, c.u_cache_write_1h_input_per1k, c.u_audio_input_per1k, c.u_audio_output_per1k, c.u_image_input_per1k, c.u_long_context,
        null::uuid, null::uuid, null::bigint, null::boolean, null::timestamptz, null::timestamptz, null::bigint
        from creditmeter_charge(jsonb_path_query_array(p_items, ('$[' || i || ' to ' || j || ']')::jsonpath)) c;
      i := j + 1;
      continue;
    end if;

    if v_op = 'hold' and i + 1 < v_n and p_items -> (i + 1) ->> 'op' = 'hold' then
      j := i;
      while j + 1 < v_n and p_items -> (j + 1) ->> 'op' = 'hold' loop j := j + 1; end loop;
      v_run := jsonb_path_query_array(p_items, ('$[' || i || ' to ' || j || ']')::jsonpath);
      if not exists (select 1 from jsonb_array_elements(v_run) x
                      where x->>'partial_minimum' is not null or x->>'session_cap' is not null or x->>'member' is not null
                         or exists (select 1 from api_keys k where k.id = (x->>'api_key_id')::uuid
                                      and (k.spend_limit_millicredits is not null or k.allowed_models is not null))
                         or exists (select 1 from holds h where h.id = (x->>'hold_id')::uuid))
         and (select count(distinct x->>'hold_id') from jsonb_array_elements(v_run) x) = j - i + 1 then
        return query select i + h.ord, 'hold'::text, null::text, null::bigint, h.status, h.available, h.posted, h.pending, h.updated_at,
          null::uuid, null::bigint, null::uuid, null::uuid, null::uuid, null::text, null::bigint, null::bigint, null::bigint,
          null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::text, null::text, null::text, null::text,
          null::int, null::timestamptz, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::boolean,
          h.hold_id, (p_items -> (i + h.ord - 1) ->> 'account_id')::uuid, h.amount, false, h.created_at, h.expires_at, 0::bigint
          from creditmeter_holds(v_run) h;
        v_run := null;
        i := j + 1;
        continue;
      end if;
      v_run := null;
    end if;

    if v_op = 'hold' then
      return query select i + 1, 'hold'::text, null::text, null::bigint, h.status, h.available, h.posted, h.pending, h.updated_at,
        null::uuid, null::bigint, null::uuid, null::uuid, null::uuid, null::text, null::bigint, null::bigint, null::bigint,
        null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::text, null::text, null::text, null::text,
        null::int, null::timestamptz, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::boolean,
        h.hold_id, (e->>'account_id')::uuid, h.amount, h.partial, h.created_at, h.expires_at, h.spent
        from creditmeter_hold((e->>'hold_id')::uuid, (e->>'account_id')::uuid, (e->>'amount')::bigint,
          (e->>'partial_minimum')::bigint, e->>'model', (e->>'api_key_id')::uuid, e->>'session_id', (e->>'session_cap')::bigint,
          coalesce((e->>'session_window')::int, 0), (e->>'ttl')::int, (e->>'member')::uuid, (e->>'member_at')::timestamptz) h;
    elsif v_op = 'settle' and v_run is null then
      -- A run of settles as one set-wise charge, when every one of them is the plain case: its hold
      -- exists, a team call costs no more than its hold, and each charge is accepted or a replay.
      -- Anything else (a capped or voided settle) rolls the attempt back and goes one by one below.
      j := i;
      while j + 1 < v_n and p_items -> (j + 1) ->> 'op' = 'settle' loop j := j + 1; end loop;
      begin
        with s as (
          select k, x, h.id as found, h.account_id, h.amount, h.state, h.member_account_id
            from jsonb_array_elements(jsonb_path_query_array(p_items, ('$[' || i || ' to ' || j || ']')::jsonpath)) with ordinality t(x, k)
            left join lateral (select hh.id, hh.account_id, hh.amount, hh.state, hh.member_account_id from holds hh
                                where hh.id = (t.x->>'hold_id')::uuid limit 1) h on true
        )
        select case when bool_and(s.found is not null)
                      and bool_and(s.member_account_id is null or (s.x->'row'->>'charged')::bigint <= s.amount)
                    then jsonb_agg(s.x->'row' || jsonb_build_object(
                           'account_id', s.account_id,
                           'release', case when s.state = 'HELD' then s.amount else 0 end,
                           'member', s.member_account_id,
                           'member_at', coalesce(s.x->'row'->>'member_at', clock_timestamp()::text),
                           'member_enforce', false) order by s.k)
               end
          into v_run from s;
        if v_run is null then raise exception 'settle run needs one by one' using errcode = 'CMS01'; end if;
        select jsonb_agg(to_jsonb(c) order by c.ord) into v_run from creditmeter_charge(v_run) c;
        if exists (select 1 from jsonb_array_elements(v_run) r where r->>'status' not in ('OK', 'REPLAY')) then
          raise exception 'settle run needs one by one' using errcode = 'CMS01';
        end if;
        -- v_run is in item order: its k-th answer is item i + k - 1.
        update holds h set state = 'SETTLED', charged = (p_items -> (i + t.k::int - 1) -> 'row' ->> 'charged')::bigint,
                           request_id = p_items -> (i + t.k::int - 1) -> 'row' ->> 'request_id', released_at = clock_timestamp()
          from jsonb_array_elements(v_run) with ordinality t(r, k)
         where h.id = (p_items -> (i + t.k::int - 1) ->> 'hold_id')::uuid and h.state = 'HELD' and t.r->>'status' = 'OK'
           and h.id = any(array(select (y->>'hold_id')::uuid
                                  from jsonb_array_elements(jsonb_path_query_array(p_items, ('$[' || i || ' to ' || j || ']')::jsonpath)) y));
      exception when sqlstate 'CMS01' then
        v_run := '[]'::jsonb;
      end;
      if jsonb_array_length(v_run) = 0 then
        -- One by one: the items of this run go through the branches below (v_run marks it).
        continue;
      end if;
      return query select i + r.ord, 'settle'::text, case r.status when 'REPLAY' then 'REPLAY' else 'SETTLED' end,
        (p_items -> (i + r.ord - 1) -> 'row' ->> 'charged')::bigint, r.status, r.available, r.bal_posted, r.bal_pending, r.bal_at,
        r.u_id, r.u_seq, r.u_account_id, r.u_transaction_id, r.u_rate_card_id, r.u_model, r.u_input_tokens, r.u_cached_input_tokens,
        r.u_output_tokens, r.u_input_per1k, r.u_cached_input_per1k, r.u_output_per1k, r.u_charged, r.u_cost_micro_usd,
        r.u_idempotency_key, r.u_request_hash, r.u_source, r.u_request_id, r.u_latency_ms, r.u_created_at,
        r.u_cache_write_input_tokens, r.u_cache_write_1h_input_tokens, r.u_audio_input_tokens, r.u_audio_output_tokens, r.u_image_input_tokens, r.u_reasoning_tokens, r.u_cache_write_input_per1k, r.u_cache_write_1h_input_per1k, r.u_audio_input_per1k, r.u_audio_output_per1k, r.u_image_input_per1k, r.u_long_context,
        (p_items -> (i + r.ord - 1) ->> 'hold_id')::uuid, null::uuid, null::bigint, null::boolean, null::timestamptz,
        null::timestamptz, null::bigint
        from jsonb_to_recordset(v_run) as r(ord int, status text, available bigint, bal_posted bigint, bal_pending bigint, bal_at timestamptz,
          u_id uuid, u_seq bigint, u_account_id uuid, u_transaction_id uuid, u_rate_card_id uuid, u_model text,
          u_input_tokens bigint, u_cached_input_tokens bigint, u_output_tokens bigint, u_input_per1k bigint,
          u_cached_input_per1k bigint, u_output_per1k bigint, u_charged bigint, u_cost_micro_usd bigint,
          u_idempotency_key text, u_request_hash text, u_source text, u_request_id text, u_latency_ms int, u_created_at timestamptz,
          u_cache_write_input_tokens bigint, u_cache_write_1h_input_tokens bigint, u_audio_input_tokens bigint, u_audio_output_tokens bigint, u_image_input_tokens bigint, u_reasoning_tokens bigint,
          u_cache_write_input_per1k bigint, u_cache_write_1h_input_per1k bigint, u_audio_input_per1k bigint, u_audio_output_per1k bigint, u_image_input_per1k bigint, u_long_context boolean)
        order by r.ord;
      v_run := null;
      i := j + 1;
      continue;
    elsif v_op = 'settle' and not exists (select 1 from holds h where h.id = (e->>'hold_id')::uuid) then
      return query select i + 1, 'settle'::text, 'NOT_FOUND'::text, 0::bigint, 'NOT_FOUND'::text, null::bigint, null::bigint,
        null::bigint, null::timestamptz, null::uuid, null::bigint, null::uuid, null::uuid, null::uuid, null::text, null::bigint,
        null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::text, null::text,
        null::text, null::text, null::int, null::timestamptz, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::boolean,
        (e->>'hold_id')::uuid, null::uuid, null::bigint, null::boolean, null::timestamptz, null::timestamptz, null::bigint;
    elsif v_op = 'settle' then
      return query select i + 1, 'settle'::text, s.settle, s.charged, s.status, s.available, s.bal_posted, s.bal_pending, s.bal_at,
        s.u_id, s.u_seq, s.u_account_id, s.u_transaction_id, s.u_rate_card_id, s.u_model, s.u_input_tokens,
        s.u_cached_input_tokens, s.u_output_tokens, s.u_input_per1k, s.u_cached_input_per1k, s.u_output_per1k, s.u_charged,
        s.u_cost_micro_usd, s.u_idempotency_key, s.u_request_hash, s.u_source, s.u_request_id, s.u_latency_ms, s.u_created_at,
        s.u_cache_write_input_tokens, s.u_cache_write_1h_input_tokens, s.u_audio_input_tokens, s.u_audio_output_tokens, s.u_image_input_tokens, s.u_reasoning_tokens, s.u_cache_write_input_per1k, s.u_cache_write_1h_input_per1k, s.u_audio_input_per1k, s.u_audio_output_per1k, s.u_image_input_per1k, s.u_long_context,
        (e->>'hold_id')::uuid, null::uuid, null::bigint, null::boolean, null::timestamptz, null::timestamptz, null::bigint
        from creditmeter_settle((e->>'hold_id')::uuid, e->'row') s;
    elsif v_op = 'release' then
      -- A HELD hold leaves that state exactly once; that transition releases its pending amount.
      with h as (
        update holds hh set state = e->>'state', released_at = clock_timestamp()
         where hh.id = (e->>'hold_id')::uuid and hh.state = 'HELD'
         returning hh.account_id, hh.amount
      )
      update accounts a set pending = a.pending - h.amount, updated_at = clock_timestamp()
        from h where a.id = h.account_id
        returning a.id, a.posted, a.pending, a.updated_at into v_acc, v_posted, v_pending, v_at;
      return query select i + 1, 'release'::text, null::text, null::bigint, case when v_acc is null then 'GONE' else 'OK' end,
        null::bigint, v_posted, v_pending, v_at,
        null::uuid, null::bigint, null::uuid, null::uuid, null::uuid, null::text, null::bigint, null::bigint, null::bigint,
        null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::text, null::text, null::text, null::text,
        null::int, null::timestamptz, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::boolean,
        (e->>'hold_id')::uuid, v_acc, null::bigint, null::boolean, null::timestamptz, null::timestamptz, null::bigint;
    else
      raise exception 'creditmeter_batch: unknown op %', v_op using errcode = '22023';
    end if;
    i := i + 1;
    -- The one-by-one settles of a run end where the run ends.
    if v_run is not null and (i >= v_n or p_items -> i ->> 'op' <> 'settle') then v_run := null; end if;
  end loop;
end $$;
