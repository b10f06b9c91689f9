create or replace function creditmeter_hold(
  p_id uuid, p_account uuid, p_amount bigint, p_partial_minimum bigint, p_model text, p_api_key uuid, p_session text,
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
  -- The hold's id comes from the caller: a retried call (or the same item twice in one batch)
  -- finds its hold and answers it again instead of holding twice.
  select h.id, h.account_id, h.amount, h.partial, h.created_at, h.expires_at into v_hold from holds h where h.id = p_id;
  if found then
    return query select case when v_hold.account_id = p_account then 'REPLAY' else 'CONFLICT' end, v_hold.id, v_hold.amount,
      v_hold.partial, v_hold.created_at, v_hold.expires_at, v_acc.posted - v_acc.pending, null::bigint, v_acc.posted, v_acc.pending,
      null::timestamptz;
    return;
  end if;
  if p_partial_minimum is not null and v_acc.posted - v_acc.pending < p_amount and v_acc.posted - v_acc.pending >= p_partial_minimum then
    v_amount := v_acc.posted - v_acc.pending;
  end if;
  if p_api_key is not null then
    -- The key's model scope, then its spend limit (spent this period + held + this <= limit).
    v_step := creditmeter_key_step(p_api_key, p_model, v_amount, 0, coalesce(p_member_at, clock_timestamp()), true);
    if v_step <> 'OK' then
      return query select v_step, null::uuid, v_amount, null::boolean, null::timestamptz, null::timestamptz,
        creditmeter_key_room(p_api_key, coalesce(p_member_at, clock_timestamp())), null::bigint, v_acc.posted, v_acc.pending,
        null::timestamptz;
      return;
    end if;
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
  insert into holds (id, account_id, amount, model, api_key_id, session_id, partial, expires_at, member_account_id)
  values (p_id, p_account, v_amount, p_model, p_api_key, p_session, v_amount < p_amount, clock_timestamp() + make_interval(secs => p_ttl), p_member)
  returning holds.id, holds.amount, holds.partial, holds.created_at, holds.expires_at into v_hold;
  return query select 'OK'::text, v_hold.id, v_hold.amount, v_hold.partial, v_hold.created_at, v_hold.expires_at,
    v_acc.posted - v_acc.pending, v_spent, v_acc.posted, v_acc.pending, v_acc.updated_at;
end $$;
