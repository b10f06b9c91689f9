create or replace function creditmeter_settle(p_hold uuid, p_row jsonb)
returns table (settle text, charged bigint, ord int, status text, available bigint, bal_posted bigint, bal_pending bigint, bal_at timestamptz,
  u_id uuid, u_seq bigint, u_account_id uuid, u_transaction_id uuid, u_rate_card_id uuid, u_model text,
  u_input_tokens bigint, u_cached_input_tokens bigint, u_output_tokens bigint, u_input_per1k bigint,
  u_cached_input_per1k bigint, u_output_per1k bigint, u_charged bigint, u_cost_micro_usd bigint,
  u_idempotency_key text, u_request_hash text, u_source text, u_request_id text, u_latency_ms int, u_created_at timestamptz,
  u_cache_write_input_tokens bigint, u_cache_write_1h_input_tokens bigint, u_audio_input_tokens bigint, u_audio_output_tokens bigint, u_image_input_tokens bigint, u_reasoning_tokens bigint,
  u_cache_write_input_per1k bigint, u_cache_write_1h_input_per1k bigint, u_audio_input_per1k bigint, u_audio_output_per1k bigint, u_image_input_per1k bigint, u_long_context boolean)
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
      null::bigint, null::bigint, null::bigint, null::bigint, null::text, null::text, null::text, null::text, null::int, null::timestamptz,
      null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::bigint, null::boolean
      from accounts a where a.id = v_hold.account_id;
    return;
  end if;
  if v_hold.state = 'HELD' and v_outcome <> 'REPLAY' then
    update holds set state = 'SETTLED', charged = v_charged, request_id = p_row->>'request_id', released_at = clock_timestamp() where id = p_hold;
  end if;
  return query select v_outcome, v_charged, c.* from creditmeter_charge(jsonb_build_array(
    p_row || jsonb_build_object('account_id', v_hold.account_id, 'charged', v_charged, 'release', v_release,
                                'member', v_hold.member_account_id, 'member_at', v_at, 'member_enforce', false))) c;
end $$;
