create or replace function creditmeter_grants_on_movement(
  p_account uuid, p_tx uuid, p_type text, p_delta bigint, p_posted_after bigint, p_reference text, p_reversal_of uuid
) returns void language plpgsql as $$
declare
  v_kind text;
  v_first uuid;
begin
  if p_delta > 0 then
    -- A credit becomes a grant, after paying back any debt (the balance below zero before it).
    v_kind := case when p_type in ('PURCHASE', 'PROMO', 'BONUS', 'REVERSAL') then p_type else 'ADJUSTMENT' end;
    with g as (
      insert into grants (account_id, kind, source_transaction_id, amount, remaining, priority)
      values (p_account, v_kind, p_tx, p_delta, least(p_delta, greatest(p_posted_after, 0)),
              case v_kind when 'PROMO' then 10 when 'BONUS' then 20 when 'ADJUSTMENT' then 50 when 'REVERSAL' then 50 else 100 end)
      returning id, amount, remaining
    )
    insert into grant_allocations (account_id, grant_id, transaction_id, amount, purpose)
    select p_account, g.id, p_tx, g.amount - g.remaining, 'DEBT' from g where g.amount > g.remaining;
  elsif p_delta < 0 then
    -- An expiry or void names its grant ("grant:<id>"), a refund its purchase: those burn first.
    if p_reference ~* '^grant:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      v_first := substr(p_reference, 7)::uuid;
    end if;
    with ordered as (
      select id, remaining,
             sum(remaining) over (order by coalesce(id = v_first or source_transaction_id = p_reversal_of, false) desc,
                                           priority, expires_at asc nulls last, created_at, id) as cum
        from grants where account_id = p_account and remaining > 0
    ), take as (
      select id, least(remaining, -p_delta - (cum - remaining)) as amount from ordered where cum - remaining < -p_delta
    ), burned as (
      update grants g set remaining = g.remaining - take.amount from take where g.id = take.id returning g.id, take.amount
    )
    insert into grant_allocations (account_id, grant_id, transaction_id, amount, purpose)
    select p_account, id, p_tx, amount, 'DEBIT' from burned;
  end if;
end $$;
