-- Council planning (/gemeente/planning): the demand side of the gap analysis as aggregates, and
-- saved what-if scenarios.
--
-- Council never reads individual needs (the needs policies do not admit it). The planning
-- analysis needs to know how many households have an open need per buurt and theme, so two
-- security-definer functions hand council (and admins) aggregates, never rows:
--
--   private.council_need_demand  open needs per buurt × theme, distinct households, EXACT counts:
--                                the E2SFCA computation divides capacity over demand, and rounding
--                                or suppressing small cells there would misplace capacity. The
--                                server shows counts of 1–4 as "<5" in pages and exports.
--   private.council_need_months  reported needs per month × theme for the whole municipality; only
--                                shown, never computed with, so counts of 1–4 are suppressed here
--                                already (null).
--
-- Both raise 42501 for anyone but council and admins, and only the role authenticated may call
-- them (schema private is not exposed by Supabase's API).

-- ============================================================================================
-- Demand: open needs per buurt × theme
-- ============================================================================================

create function private.council_need_demand(p_gemeente text, p_window_days integer)
returns table (buurt_code text, theme_code text, households integer)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not (private.is_council() or private.is_admin()) then
    raise exception 'only council and administrators read aggregates of needs'
      using errcode = '42501';
  end if;
  if p_window_days is null or p_window_days not between 1 and 730 then
    raise exception 'the window must be 1 to 730 days, got %', p_window_days
      using errcode = '22023';
  end if;
  -- Open = still waiting for or receiving help (as the wijkteam's shared-need detection counts),
  -- reported in the window and not expired. One household counts once per buurt and theme.
  return query
    select n.buurt_code, n.theme_code, count(distinct n.household_key)::integer
      from public.needs n
      join public.buurten b on b.code = n.buurt_code
     where b.gemeente_code = p_gemeente
       and n.status in ('open', 'in_behandeling')
       and n.reported_at >= now() - make_interval(days => p_window_days)
       and n.expires_at > now()
     group by n.buurt_code, n.theme_code;
end;
$$;
comment on function private.council_need_demand(text, integer) is
  'Council planning: distinct households with an open need per buurt and theme (exact counts, aggregates only). Council and admins only.';

-- ============================================================================================
-- Needs over time: reported needs per month × theme, small counts suppressed
-- ============================================================================================

create function private.council_need_months(p_gemeente text, p_months integer)
returns table (month date, theme_code text, households integer)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not (private.is_council() or private.is_admin()) then
    raise exception 'only council and administrators read aggregates of needs'
      using errcode = '42501';
  end if;
  if p_months is null or p_months not between 1 and 24 then
    raise exception 'the number of months must be 1 to 24, got %', p_months
      using errcode = '22023';
  end if;
  -- Every status counts (a need reported in March is March's, whatever became of it); a
  -- month × theme with 1 to 4 households comes back as null ("fewer than 5").
  return query
    select c.month, c.theme_code,
           case when c.households between 1 and 4 then null else c.households end
      from (
        select date_trunc('month', n.reported_at at time zone 'Europe/Amsterdam')::date as month,
               n.theme_code,
               count(distinct n.household_key)::integer as households
          from public.needs n
          join public.buurten b on b.code = n.buurt_code
         where b.gemeente_code = p_gemeente
           and n.reported_at >= date_trunc('month', now() at time zone 'Europe/Amsterdam')
                                  at time zone 'Europe/Amsterdam'
                                - make_interval(months => p_months - 1)
         group by 1, 2
      ) c;
end;
$$;
comment on function private.council_need_months(text, integer) is
  'Council planning: distinct households reporting a need per month and theme; 1 to 4 returned as null. Council and admins only.';

revoke all on function private.council_need_demand(text, integer) from public, anon, service_role;
revoke all on function private.council_need_months(text, integer) from public, anon, service_role;
grant execute on function private.council_need_demand(text, integer) to authenticated;
grant execute on function private.council_need_months(text, integer) to authenticated;

-- ============================================================================================
-- Saved planning scenarios (council and admins only)
-- ============================================================================================

create table public.planning_scenarios (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  -- 'wat_als': one candidate placed by hand; 'suggestie': the sites suggested for p provisions.
  kind text not null check (kind in ('wat_als', 'suggestie')),
  -- A theme code, or 'wet:<law>' for all themes of a law.
  subject text not null
    check (subject ~ '^([a-z][a-z0-9-]{1,40}|wet:(wmo2015|jeugdwet|participatiewet|geen))$'),
  window_days smallint not null check (window_days between 1 and 730),
  include_expected boolean not null default false,
  -- [{ "lon", "lat", "capacity", "catchmentMinutes", "buurtCode" }]
  candidates jsonb not null
    check (jsonb_typeof(candidates) = 'array' and jsonb_array_length(candidates) between 1 and 10),
  -- Totals as the council saw them when saving, in households; null where the page showed "<5"
  -- (a total resting on 1 to 4 reporting households). 'NaN' sorts above 'Infinity' in
  -- PostgreSQL, so "< Infinity" keeps out both.
  total_demand double precision check (total_demand >= 0 and total_demand < 'Infinity'),
  unmet_before double precision check (unmet_before >= 0 and unmet_before < 'Infinity'),
  unmet_after double precision check (unmet_after >= 0 and unmet_after < 'Infinity'),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.planning_scenarios enable row level security;
comment on table public.planning_scenarios is
  'Council planning: named what-if scenarios (candidate provisions) with the total unmet need before and after. Council and admins only.';
create index planning_scenarios_gemeente_code_idx on public.planning_scenarios (gemeente_code, created_at);
create trigger planning_scenarios_updated_at before update on public.planning_scenarios
  for each row execute function public.set_updated_at();

-- Who saved a scenario is recorded, not claimed: through the API it is always the caller.
create function private.stamp_scenario_author() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') then
    if tg_op = 'INSERT' then
      new.created_by := (select auth.uid());
    else
      new.created_by := old.created_by;
    end if;
  end if;
  return new;
end;
$$;
revoke all on function private.stamp_scenario_author() from public;

create trigger planning_scenarios_stamp_author before insert or update on public.planning_scenarios
  for each row execute function private.stamp_scenario_author();

-- A shared workspace of the council: every council member and admin reads and edits every
-- scenario; nobody else sees that they exist.
create policy "Council and admins read planning scenarios" on public.planning_scenarios
  for select to authenticated
  using ((select private.is_council()) or (select private.is_admin()));
create policy "Council and admins save planning scenarios" on public.planning_scenarios
  for insert to authenticated
  with check ((select private.is_council()) or (select private.is_admin()));
create policy "Council and admins change planning scenarios" on public.planning_scenarios
  for update to authenticated
  using ((select private.is_council()) or (select private.is_admin()))
  with check ((select private.is_council()) or (select private.is_admin()));
create policy "Council and admins remove planning scenarios" on public.planning_scenarios
  for delete to authenticated
  using ((select private.is_council()) or (select private.is_admin()));

-- Privileges stated, not inherited: anon may only run a select that RLS answers with nothing.
revoke all on public.planning_scenarios from anon, authenticated;
grant select on public.planning_scenarios to anon;
grant select, insert, update, delete on public.planning_scenarios to authenticated, service_role;
