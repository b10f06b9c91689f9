create or replace function creditmeter_key_period_start(p_key uuid, p_at timestamptz)
returns timestamptz language sql stable as $$
  -- The start of the key's budget period at p_at, in its account's time zone: a team's own
  -- (`teams.time_zone`, for a team account's key and for a key issued for a team), else UTC.
  select case k.limit_reset
           when 'DAILY' then date_trunc('day', p_at, coalesce(t.time_zone, 'UTC'))
           when 'WEEKLY' then date_trunc('week', p_at, coalesce(t.time_zone, 'UTC'))
           when 'MONTHLY' then date_trunc('month', p_at, coalesce(t.time_zone, 'UTC'))
           else '-infinity'::timestamptz
         end
    from api_keys k left join teams t on t.account_id = coalesce(k.team_id, k.account_id)
   where k.id = p_key
$$;
