create or replace function creditmeter_check_transactions() returns trigger language plpgsql as $$
declare
  bad uuid;
begin
  select t.id into bad from new_transactions t where not exists (select 1 from ledger_postings p where p.transaction_id = t.id) limit 1;
  if found then
    raise exception 'ledger transaction % is unbalanced (sum 0, 0 postings)', bad using errcode = 'P0001', hint = 'unbalanced';
  end if;
  return null;
end $$;
