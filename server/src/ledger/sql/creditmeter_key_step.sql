create or replace function creditmeter_key_step(
  p_key uuid, p_model text, p_check bigint, p_spend bigint, p_at timestamptz, p_enforce boolean
) returns text language plpgsql as $$
-- A key's scope and budget, the way creditmeter_team_member_step keeps a member's allocation:
-- the caller holds the account's row lock. Enforced, the model must be one the key allows and
-- spent this period + held + p_check must fit the limit; then p_spend is added to the period's
-- spend (a new period starts at the first step in it, never moving back for a clock behind).
declare
  v_allowed text[];
begin
  -- A hold (nothing spent yet) on a key without limit or scope has nothing to check or write.
  if p_spend = 0 and not exists (select 1 from api_keys k where k.id = p_key
                                   and (k.spend_limit_millicredits is not null or k.allowed_models is not null)) then
    return 'OK';
  end if;
  update api_keys k
     set period_spent = case when k.period_start >= p.start then k.period_spent else 0 end + p_spend,
         period_start = greatest(k.period_start, p.start)
    from (select creditmeter_key_period_start(p_key, p_at) as start) p
   where k.id = p_key
     and (not p_enforce or (
          (k.allowed_models is null or p_model = any(k.allowed_models))
          and (k.spend_limit_millicredits is null or
               case when k.period_start >= p.start then k.period_spent else 0 end + p_check
                 + (select coalesce(sum(h.amount), 0) from holds h where h.api_key_id = p_key and h.state = 'HELD')
               <= k.spend_limit_millicredits)));
  if found then return 'OK'; end if;
  select k.allowed_models into v_allowed from api_keys k where k.id = p_key;
  if not found then return 'OK'; end if;
  if v_allowed is not null and not (p_model = any(v_allowed)) then return 'MODEL_NOT_ALLOWED'; end if;
  return 'KEY_LIMIT';
end $$;
