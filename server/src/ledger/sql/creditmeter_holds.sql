create or replace function creditmeter_holds(p_rows jsonb)
returns table (ord int, status text, hold_id uuid, amount bigint, created_at timestamptz, expires_at timestamptz,
               available bigint, posted bigint, pending bigint, updated_at timestamptz)
language plpgsql as $$
-- Plain holds set-wise (no partial hold, session cap or team member; ids not yet used): each is
-- decided on its own, in order, against its account's running available credits; then one update
-- per account and one insert for all. The caller (creditmeter_batch) has locked the accounts.
declare
  r record;
  v_acc uuid;
  v_found boolean := false;
  v_posted bigint;
  v_pending bigint;
  v_at timestamptz := clock_timestamp();
  s_status text[] := '{}';
  s_avail bigint[] := '{}';
  s_posted bigint[] := '{}';
  s_pending bigint[] := '{}';
  b_acc uuid[] := '{}';
  b_pending bigint[] := '{}';
  b_changed boolean := false;
  m int := 0;
begin
  for r in
    select (o.ord)::int as i, (o.e->>'account_id')::uuid as account_id, (o.e->>'amount')::bigint as amt
      from jsonb_array_elements(p_rows) with ordinality as o(e, ord)
     order by 2, 1
  loop
    if v_acc is distinct from r.account_id then
      if b_changed then m := m + 1; b_acc[m] := v_acc; b_pending[m] := v_pending; end if;
      v_acc := r.account_id;
      b_changed := false;
      select a.posted, a.pending into v_posted, v_pending from accounts a where a.id = r.account_id and a.kind <> 'SYSTEM' for update;
      v_found := found;
    end if;
    if not v_found then s_status[r.i] := 'NOT_FOUND'; continue; end if;
    if v_posted - v_pending < r.amt then
      s_status[r.i] := 'INSUFFICIENT';
    else
      v_pending := v_pending + r.amt;
      b_changed := true;
      s_status[r.i] := 'OK';
    end if;
    s_avail[r.i] := v_posted - v_pending; s_posted[r.i] := v_posted; s_pending[r.i] := v_pending;
  end loop;
  if b_changed then m := m + 1; b_acc[m] := v_acc; b_pending[m] := v_pending; end if;
  if m > 0 then
    update accounts a set pending = b.pending, updated_at = v_at from unnest(b_acc, b_pending) as b(id, pending) where a.id = b.id;
  end if;
  insert into holds (id, account_id, amount, model, api_key_id, session_id, partial, created_at, expires_at)
  select (o.e->>'hold_id')::uuid, (o.e->>'account_id')::uuid, (o.e->>'amount')::bigint, o.e->>'model',
         (o.e->>'api_key_id')::uuid, o.e->>'session_id', false, now(), v_at + make_interval(secs => (o.e->>'ttl')::int)
    from jsonb_array_elements(p_rows) with ordinality as o(e, ord)
   where s_status[o.ord::int] = 'OK'
   order by o.ord;
  return query
    select o.ord::int, s_status[o.ord::int], case when s_status[o.ord::int] = 'OK' then (o.e->>'hold_id')::uuid end,
           (o.e->>'amount')::bigint, case when s_status[o.ord::int] = 'OK' then now() end,
           case when s_status[o.ord::int] = 'OK' then v_at + make_interval(secs => (o.e->>'ttl')::int) end,
           s_avail[o.ord::int], s_posted[o.ord::int], s_pending[o.ord::int], case when s_status[o.ord::int] = 'OK' then v_at end
      from jsonb_array_elements(p_rows) with ordinality as o(e, ord)
     order by o.ord;
end $$;
