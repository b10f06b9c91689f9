create or replace function creditmeter_key_room(p_key uuid, p_at timestamptz)
returns bigint language sql stable as $$
  -- What the key's limit still allows in its period at p_at: limit - spent - held (null: no limit).
  select k.spend_limit_millicredits
         - case when k.period_start >= creditmeter_key_period_start(k.id, p_at) then k.period_spent else 0 end
         - (select coalesce(sum(h.amount), 0) from holds h where h.api_key_id = k.id and h.state = 'HELD')
    from api_keys k where k.id = p_key
$$;
