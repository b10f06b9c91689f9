create or replace function creditmeter_team_member_step(
  p_team uuid, p_member uuid, p_check bigint, p_spend bigint, p_at timestamptz, p_enforce boolean
) returns text language plpgsql as $$
declare
  v_removed timestamptz;
begin
  update team_members m
     set spent = case when m.period_start >= p.start then m.spent else 0 end + p_spend,
         period_start = greatest(m.period_start, p.start)
    from (select date_trunc('month', p_at, t.time_zone) as start from teams t where t.account_id = p_team) p
   where m.team_id = p_team and m.account_id = p_member
     and (not p_enforce or (m.removed_at is null and (m.monthly_allocation is null or
          case when m.period_start >= p.start then m.spent else 0 end + p_check
            + (select coalesce(sum(h.amount), 0) from holds h
                where h.account_id = p_team and h.member_account_id = p_member and h.state = 'HELD')
          <= m.monthly_allocation)));
  if found then return 'OK'; end if;
  select m.removed_at into v_removed from team_members m where m.team_id = p_team and m.account_id = p_member;
  if not found or v_removed is not null then return 'FORBIDDEN'; end if;
  return 'SPEND_CAP';
end $$;
