create or replace function creditmeter_reject_mutation() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only: % is not allowed (post a reversal instead)', TG_TABLE_NAME, TG_OP
    using errcode = 'P0001', hint = 'append_only';
end $$;
