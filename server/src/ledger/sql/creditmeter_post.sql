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
end $$;
