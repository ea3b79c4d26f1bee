-- The wijkteam workspace (/wijkteam/signalen): shared needs found in the team's buurten, turned
-- into signals and carried through signaleren → beoordelen → interveniëren → evalueren →
-- afgesloten.
--
-- 1. public.buurt_adjacency: which buurten border each other, computed once from the boundaries
--    (src/lib/analysis/buurt-adjacency.ts) by the seeder, the CBS importer and the daily job, and
--    read by anyone, like the geography it is derived from.
-- 2. Signals: the fields each step asks for, and the workflow in the database. A trigger allows
--    one step forward at a time, or back with a reason; refuses a state without the fields it
--    needs; bumps `version` on every change (optimistic locking: the app updates
--    `where id = $1 and version = $2`); keeps team, theme, buurten and author; and writes the
--    audit trail itself, so no change through the API escapes signal_events. Members add only
--    notes to it themselves.
-- 3. The Poisson baseline: a wijkteam reads the needs of its own buurten only, but a buurt is
--    compared with the municipality. private.theme_household_totals hands a member of a team in
--    the gemeente the municipal totals per theme — never a count per buurt.
-- 4. private.wijkteam_need_households: counting households, not reports, without showing the
--    wijkteam who reported: a number per household that only says "same household" within one
--    buurt and theme.
-- 5. public.workspace_visits: "new since your last visit", per member.
-- 6. public.workspace_digests: what the daily digest last told a team, so it tells only news.

-- ============================================================================================
-- 1. Adjacent buurten
-- ============================================================================================

create table public.buurt_adjacency (
  buurt_a text not null references public.buurten (code) on delete cascade,
  buurt_b text not null references public.buurten (code) on delete cascade,
  primary key (buurt_a, buurt_b),
  check (buurt_a < buurt_b)
);
alter table public.buurt_adjacency enable row level security;
comment on table public.buurt_adjacency is
  'Pairs of buurten whose boundaries run along each other (lower code first), computed from the boundaries by the seeder, the CBS importer and the daily job. Public, like the geography.';
create index buurt_adjacency_buurt_b_idx on public.buurt_adjacency (buurt_b);

revoke all on public.buurt_adjacency from anon, authenticated;
grant select on public.buurt_adjacency to anon;
grant select, insert, update, delete on public.buurt_adjacency to authenticated, service_role;

create policy "Anyone can read which buurten border each other" on public.buurt_adjacency
  for select to anon, authenticated using (true);
create policy "Admins add adjacent buurten" on public.buurt_adjacency for insert
  to authenticated with check ((select private.is_admin()));
create policy "Admins change adjacent buurten" on public.buurt_adjacency for update
  to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove adjacent buurten" on public.buurt_adjacency for delete
  to authenticated using ((select private.is_admin()));

-- ============================================================================================
-- 2. Signals: the steps' fields
-- ============================================================================================

alter table public.signals
  add column leefgebieden text[] not null default '{}'
    check (cardinality(leefgebieden) <= 20),
  add column intervention_note text check (length(intervention_note) <= 5000),
  add column source text not null default 'hand' check (source in ('hand', 'cluster')),
  add column detection jsonb check (detection is null or jsonb_typeof(detection) = 'object'),
  add column change_note text;

comment on column public.signals.assessment is 'Beoordelen: what the team found.';
comment on column public.signals.urgency is 'Beoordelen: laag, middel or hoog.';
comment on column public.signals.leefgebieden is 'Beoordelen: the leefgebieden (theme codes) involved.';
comment on column public.signals.burgerkracht is
  'Beoordelen: which burgerkracht is present, {"eigen_kracht": bool, "netwerk": bool, "buurtinitiatieven": bool, "toelichting": text}.';
comment on column public.signals.intervention_kind is
  'Interveniëren: bestaand_aanbod (link an initiative or provision), nieuwe_voorziening (ask the council for a new collective provision; counted as demand in its planning) or individuele_ondersteuning.';
comment on column public.signals.intervention_note is 'Interveniëren: what the answer is; required unless an existing offer is linked.';
comment on column public.signals.outcome is 'Evalueren: what it brought.';
comment on column public.signals.households_reached is 'Evalueren: households reached.';
comment on column public.signals.source is 'cluster: made from a candidate of the shared-need detection; hand: entered by hand.';
comment on column public.signals.detection is 'For a signal made from a cluster: the detection''s parameters and cells (counts, rates, p, q) at that moment.';
comment on column public.signals.change_note is
  'Write-only: a note that travels with one update into its audit event (the reason when a signal goes back). The trigger moves it into signal_events and stores null.';
comment on column public.signals.version is
  'Optimistic locking: the trigger adds one on every change; the app updates where id = $1 and version = $2.';

-- ============================================================================================
-- 2. Signals: the audit trail is written by the database
-- ============================================================================================

-- Called by the signals triggers only (pg_trigger_depth() > 0): members cannot write anything
-- but notes into the trail themselves (see the insert policy below).
create function private.append_signal_event(
  p_signal uuid,
  p_kind text,
  p_from public.signal_status,
  p_to public.signal_status,
  p_note text,
  p_payload jsonb
) returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  if pg_trigger_depth() < 1 then
    raise exception 'signal events other than notes are written by the signals trigger only'
      using errcode = '42501';
  end if;
  insert into public.signal_events (signal_id, actor_id, kind, from_status, to_status, note, payload)
  values (p_signal, (select auth.uid()), p_kind, p_from, p_to, p_note, coalesce(p_payload, '{}'::jsonb));
end;
$$;
revoke all on function private.append_signal_event(uuid, text, public.signal_status, public.signal_status, text, jsonb)
  from public, anon;
grant execute on function private.append_signal_event(uuid, text, public.signal_status, public.signal_status, text, jsonb)
  to authenticated, service_role;

-- ============================================================================================
-- 2. Signals: the workflow
-- ============================================================================================

create function private.signal_step(status public.signal_status) returns integer
language sql immutable
set search_path = ''
as $$
  select array_position(
    array['signaleren', 'beoordelen', 'interveniëren', 'evalueren', 'afgesloten']::public.signal_status[],
    status
  )
$$;
revoke all on function private.signal_step(public.signal_status) from public;
grant execute on function private.signal_step(public.signal_status) to anon, authenticated, service_role;

-- Errors name their rule first ("signal_skip: …"): the app turns that word into a translated
-- message. SQLSTATE 23514 (check_violation) for the workflow's rules, 42501 for what an API role
-- may not change at all.
create function private.signal_workflow() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  api constant boolean := current_user in ('anon', 'authenticated');
  note text := nullif(btrim(coalesce(new.change_note, '')), '');
  from_step integer;
  to_step integer;
  changed text[] := '{}';
begin
  new.change_note := null; -- write-only: it goes into the event below, never into the row
  if note is not null and length(note) > 5000 then
    raise exception 'signal_note_too_long: a note has at most 5000 characters'
      using errcode = '23514';
  end if;

  if tg_op = 'INSERT' then
    if new.status <> 'signaleren' then
      raise exception 'signal_starts_at_signaleren: a new signal starts at signaleren, not %', new.status
        using errcode = '23514';
    end if;
    new.version := 1;
  else
    if api and (
         new.id is distinct from old.id
      or new.team_id is distinct from old.team_id
      or new.created_by is distinct from old.created_by
      or new.created_at is distinct from old.created_at
      or new.theme_code is distinct from old.theme_code
      or new.buurt_codes is distinct from old.buurt_codes
      or new.source is distinct from old.source
      or new.detection is distinct from old.detection
    ) then
      raise exception 'signal_fixed: a signal keeps its team, theme, buurten, origin and author'
        using errcode = '42501';
    end if;
    new.version := old.version + 1;
  end if;

  -- Through the API, the buurten must be served by the signal's team (team_areas), once each.
  if api and tg_op = 'INSERT' then
    if (select count(distinct b.code) from unnest(new.buurt_codes) as b (code))
         <> cardinality(new.buurt_codes)
       or exists (
         select 1 from unnest(new.buurt_codes) as b (code)
          where not exists (
            select 1 from public.team_areas ta where ta.team_id = new.team_id and ta.buurt_code = b.code
          )
       ) then
      raise exception 'signal_outside_area: every buurt of a signal must be in its team''s area, once'
        using errcode = '42501';
    end if;
  end if;

  -- Someone it is assigned to is a member of its team.
  if new.assigned_to is not null and (tg_op = 'INSERT' or new.assigned_to is distinct from old.assigned_to)
     and not exists (
       select 1 from public.team_members tm
        where tm.team_id = new.team_id and tm.user_id = new.assigned_to
     ) then
    raise exception 'signal_assignee_not_in_team: a signal is assigned to a member of its team'
      using errcode = '23514';
  end if;

  if exists (
    select 1 from unnest(new.leefgebieden) as l (code)
     where not exists (select 1 from public.themes t where t.code = l.code)
  ) then
    raise exception 'signal_unknown_leefgebied: unknown leefgebied in %', new.leefgebieden
      using errcode = '23514';
  end if;

  -- One step forward at a time; back to any earlier step with a reason.
  if tg_op = 'UPDATE' and new.status is distinct from old.status then
    from_step := private.signal_step(old.status);
    to_step := private.signal_step(new.status);
    if to_step > from_step + 1 then
      raise exception 'signal_skip: a signal moves forward one step at a time (% → %)', old.status, new.status
        using errcode = '23514';
    end if;
    if to_step < from_step and note is null then
      raise exception 'signal_back_without_reason: going back (% → %) needs a reason', old.status, new.status
        using errcode = '23514';
    end if;
  end if;

  -- What each step needs before the signal may be in it or beyond.
  to_step := private.signal_step(new.status);
  if to_step >= 3 then -- interveniëren needs the assessment
    if nullif(btrim(coalesce(new.assessment, '')), '') is null then
      raise exception 'signal_requires_assessment: % needs the assessment', new.status using errcode = '23514';
    end if;
    if new.urgency is null then
      raise exception 'signal_requires_urgency: % needs the urgency', new.status using errcode = '23514';
    end if;
    if cardinality(new.leefgebieden) = 0 then
      raise exception 'signal_requires_leefgebieden: % needs the leefgebieden involved', new.status
        using errcode = '23514';
    end if;
    if new.burgerkracht is null
       or jsonb_typeof(new.burgerkracht -> 'eigen_kracht') is distinct from 'boolean'
       or jsonb_typeof(new.burgerkracht -> 'netwerk') is distinct from 'boolean'
       or jsonb_typeof(new.burgerkracht -> 'buurtinitiatieven') is distinct from 'boolean' then
      raise exception 'signal_requires_burgerkracht: % needs which burgerkracht is present', new.status
        using errcode = '23514';
    end if;
  end if;
  if to_step >= 4 then -- evalueren needs the chosen answer
    if new.intervention_kind is null then
      raise exception 'signal_requires_intervention: % needs the chosen answer', new.status
        using errcode = '23514';
    end if;
    if new.intervention_kind = 'bestaand_aanbod'
       and new.linked_initiative_id is null and new.linked_provision_id is null then
      raise exception 'signal_requires_linked_offer: % needs the initiative or provision it links', new.status
        using errcode = '23514';
    end if;
    if new.intervention_kind <> 'bestaand_aanbod'
       and nullif(btrim(coalesce(new.intervention_note, '')), '') is null then
      raise exception 'signal_requires_intervention_note: % needs a description of the answer', new.status
        using errcode = '23514';
    end if;
  end if;
  if to_step >= 5 then -- afgesloten needs the evaluation
    if nullif(btrim(coalesce(new.outcome, '')), '') is null then
      raise exception 'signal_requires_outcome: % needs the outcome', new.status using errcode = '23514';
    end if;
    if new.households_reached is null then
      raise exception 'signal_requires_households_reached: % needs the households reached', new.status
        using errcode = '23514';
    end if;
  end if;

  -- The audit trail of every change through the API (an insert's own event follows in the after
  -- trigger, once the row exists). Privileged maintenance (service_role: seeder, importer,
  -- retention) writes its own events where it means to.
  if api and tg_op = 'UPDATE' then
    select coalesce(array_agg(f.name order by f.name), '{}') into changed
      from (values
        ('title', new.title is distinct from old.title),
        ('household_count', new.household_count is distinct from old.household_count),
        ('assessment', new.assessment is distinct from old.assessment),
        ('urgency', new.urgency is distinct from old.urgency),
        ('leefgebieden', new.leefgebieden is distinct from old.leefgebieden),
        ('burgerkracht', new.burgerkracht is distinct from old.burgerkracht),
        ('intervention_kind', new.intervention_kind is distinct from old.intervention_kind),
        ('linked_initiative_id', new.linked_initiative_id is distinct from old.linked_initiative_id),
        ('linked_provision_id', new.linked_provision_id is distinct from old.linked_provision_id),
        ('intervention_note', new.intervention_note is distinct from old.intervention_note),
        ('outcome', new.outcome is distinct from old.outcome),
        ('households_reached', new.households_reached is distinct from old.households_reached),
        ('team_id', new.team_id is distinct from old.team_id)
      ) as f (name, differs)
     where f.differs;
    if new.status is distinct from old.status then
      perform private.append_signal_event(new.id, 'overgang', old.status, new.status, note,
        jsonb_build_object('fields', to_jsonb(changed)));
    elsif cardinality(changed) > 0 then
      perform private.append_signal_event(new.id, 'gewijzigd', null, null, note,
        jsonb_build_object('fields', to_jsonb(changed)));
    elsif note is not null and new.assigned_to is not distinct from old.assigned_to then
      perform private.append_signal_event(new.id, 'notitie', null, null, note, '{}'::jsonb);
    end if;
    if new.assigned_to is distinct from old.assigned_to then
      perform private.append_signal_event(new.id, 'toegewezen', null, null,
        case when new.status is not distinct from old.status and cardinality(changed) = 0 then note end,
        jsonb_build_object('assigned_to', new.assigned_to, 'previous', old.assigned_to));
    end if;
  end if;
  return new;
end;
$$;
revoke all on function private.signal_workflow() from public;

create function private.signal_created() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') then
    perform private.append_signal_event(new.id, 'aangemaakt', null, new.status, null,
      jsonb_build_object('source', new.source, 'household_count', new.household_count,
                         'buurt_codes', to_jsonb(new.buurt_codes)));
  end if;
  return null;
end;
$$;
revoke all on function private.signal_created() from public;

create trigger signals_workflow before insert or update on public.signals
  for each row execute function private.signal_workflow();
create trigger signals_created after insert on public.signals
  for each row execute function private.signal_created();

-- Members write notes into the trail themselves; every other event comes from the trigger.
drop policy "Team members add events as themselves" on public.signal_events;
create policy "Team members add notes as themselves" on public.signal_events for insert
  to authenticated
  with check (
    kind = 'notitie'
    and from_status is null
    and to_status is null
    and payload = '{}'::jsonb
    and (select private.is_team_member(private.signal_team(signal_id)))
    and actor_id = (select auth.uid())
  );

-- Colleagues by name: profiles are private to their owner, so a member reads the names of the
-- members of their own teams through this (and nothing of anyone else).
create function private.team_directory(p_team uuid)
returns table (user_id uuid, display_name text, role_in_team text)
language sql stable security definer
set search_path = ''
as $$
  select tm.user_id, coalesce(p.display_name, ''), tm.role_in_team
    from public.team_members tm
    left join public.profiles p on p.id = tm.user_id
   where tm.team_id = p_team
     and (select private.is_team_member(p_team))
   order by lower(coalesce(p.display_name, '')), tm.user_id
$$;
comment on function private.team_directory(uuid) is
  'The members of one of the caller''s teams with their display names; empty for any other team.';
revoke all on function private.team_directory(uuid) from public, anon;
grant execute on function private.team_directory(uuid) to authenticated, service_role;

-- ============================================================================================
-- 3. The Poisson baseline: municipal totals per theme
-- ============================================================================================

create function private.theme_household_totals(p_gemeente text, p_window_days integer)
returns table (theme_code text, households_with_need integer, households integer)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not (
    (select auth.role()) = 'service_role'
    or exists (
      select 1 from public.team_members tm
        join public.teams t on t.id = tm.team_id
       where tm.user_id = (select auth.uid()) and t.gemeente_code = p_gemeente
    )
  ) then
    raise exception 'only members of a wijkteam in this gemeente read its totals'
      using errcode = '42501';
  end if;
  if p_window_days is null or p_window_days not between 1 and 730 then
    raise exception 'the window must be 1 to 730 days, got %', p_window_days
      using errcode = '22023';
  end if;
  -- As the detection counts: households with an open need, reported in the window and not
  -- expired, once per buurt and theme; only buurten whose households are known, for both the
  -- count and the households, so the rate compares like with like.
  return query
    with known as (
      select b.code, b.households
        from public.buurten b
       where b.gemeente_code = p_gemeente and b.households > 0
    ),
    cells as (
      select n.theme_code, n.buurt_code, count(distinct n.household_key) as households
        from public.needs n
        join known k on k.code = n.buurt_code
       where n.status in ('open', 'in_behandeling')
         and n.reported_at >= now() - make_interval(days => p_window_days)
         and n.reported_at <= now()
         and n.expires_at > now()
       group by n.theme_code, n.buurt_code
    )
    select t.code,
           coalesce((select sum(c.households) from cells c where c.theme_code = t.code), 0)::integer,
           coalesce((select sum(k.households) from known k), 0)::integer
      from public.themes t
     order by t.code;
end;
$$;
comment on function private.theme_household_totals(text, integer) is
  'The Poisson baseline of the wijkteam workspace: per theme, households with an open need in the window and households, for the whole gemeente. Totals only, never a count per buurt. Members of a wijkteam in that gemeente (and service_role).';
revoke all on function private.theme_household_totals(text, integer) from public, anon;
grant execute on function private.theme_household_totals(text, integer) to authenticated, service_role;

-- ============================================================================================
-- 4. Households without names
-- ============================================================================================

-- needs_for_wijkteam leaves out household_key (who reported). Counting households rather than
-- reports needs to know when two reports come from one household; this tells exactly that and no
-- more: a number per household, restarting in every buurt × theme, for the needs in the caller's
-- buurten reported in the window.
create function private.wijkteam_need_households(p_window_days integer)
returns table (need_id uuid, household_ref integer)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if p_window_days is null or p_window_days not between 1 and 730 then
    raise exception 'the window must be 1 to 730 days, got %', p_window_days
      using errcode = '22023';
  end if;
  return query
    select n.id,
           dense_rank() over (partition by n.theme_code, n.buurt_code order by n.household_key)::integer
      from public.needs n
     where n.reported_at >= now() - make_interval(days => p_window_days)
       and n.buurt_code in (
         select ta.buurt_code
           from public.team_members tm
           join public.team_areas ta on ta.team_id = tm.team_id
          where tm.user_id = (select auth.uid())
       );
end;
$$;
comment on function private.wijkteam_need_households(integer) is
  'For the needs in the caller''s buurten reported in the window: a household number that restarts per buurt and theme, so the workspace counts households without learning who reported.';
revoke all on function private.wijkteam_need_households(integer) from public, anon;
grant execute on function private.wijkteam_need_households(integer) to authenticated, service_role;

-- ============================================================================================
-- 5. Last visit per member
-- ============================================================================================

create table public.workspace_visits (
  user_id uuid primary key references auth.users (id) on delete cascade,
  -- The visit before the current one: needs reported after it are "new".
  previous_visit_at timestamptz,
  last_visit_at timestamptz not null default now()
);
alter table public.workspace_visits enable row level security;
comment on table public.workspace_visits is
  'When a member last opened the wijkteam workspace, for "new since your last visit". A visit ends after 30 minutes without opening it.';

revoke all on public.workspace_visits from anon, authenticated;
grant select, insert, update, delete on public.workspace_visits to authenticated, service_role;

create policy "Members read their own visits" on public.workspace_visits for select
  to authenticated using (user_id = (select auth.uid()));
create policy "Members record their own visits" on public.workspace_visits for insert
  to authenticated with check (user_id = (select auth.uid()));
create policy "Members update their own visits" on public.workspace_visits for update
  to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "Members remove their own visits" on public.workspace_visits for delete
  to authenticated using (user_id = (select auth.uid()));

-- ============================================================================================
-- 6. What the daily digest last told each team
-- ============================================================================================

create table public.workspace_digests (
  team_id uuid primary key references public.teams (id) on delete cascade,
  sent_at timestamptz not null default now(),
  -- The candidate cells ("theme|buurt") at the last digest: the next one reports the others.
  candidate_keys text[] not null default '{}'
);
alter table public.workspace_digests enable row level security;
comment on table public.workspace_digests is
  'The daily digest of new shared-need candidates: when it last ran for a team and which candidates it knew. Written by the digest job (service_role); the team reads its own.';

revoke all on public.workspace_digests from anon, authenticated;
grant select on public.workspace_digests to authenticated;
grant select, insert, update, delete on public.workspace_digests to service_role;

create policy "Team members read their team's digest" on public.workspace_digests for select
  to authenticated using ((select private.is_team_member(team_id)));
