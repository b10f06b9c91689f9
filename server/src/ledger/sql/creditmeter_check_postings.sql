create or replace function creditmeter_check_postings() returns trigger language plpgsql as $$
declare
  bad record;
begin
  select transaction_id, sum(amount) as total, count(*) as n into bad
    from new_postings group by transaction_id having sum(amount) <> 0 or count(*) < 2 limit 1;
  if found then
    raise exception 'ledger transaction % is unbalanced (sum %, % postings)', bad.transaction_id, bad.total, bad.n
      using errcode = 'P0001', hint = 'unbalanced';
  end if;
  select p.account_id into bad from new_postings p where not exists (select 1 from accounts a where a.id = p.account_id) limit 1;
  if found then
    raise exception 'posting to unknown account %', bad.account_id using errcode = '23503';
  end if;
  return null;
end $$;
