-- Roles and Row Level Security for every table.
--
-- How a role reaches the policies: through public.profiles, read by the security-definer helpers
-- in schema `private` below, not through app_metadata in the JWT. A role change (an admin makes
-- someone council) then takes effect on the next request instead of when a token is renewed, and
-- it works the same with the embedded identity provider and with Supabase Auth, where
-- app_metadata can only be written with the service key. Wijkteam access comes from membership in
-- team_members and the team's buurten in team_areas.
--
-- Individual needs are readable only by their reporter and by members of a team whose area holds
-- the buurt: not by council, not by admin. Council and public see aggregates (later migrations).

-- ============================================================================================
-- Helpers (security definer, fixed search_path, in a schema the API does not expose)
-- ============================================================================================

create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

create function private.current_app_role() returns public.app_role
language sql stable security definer
set search_path = ''
as $$
  select p.role from public.profiles p where p.id = (select auth.uid())
$$;

create function private.is_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select p.role = 'admin' from public.profiles p where p.id = (select auth.uid())), false)
$$;

create function private.is_council() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select p.role = 'council' from public.profiles p where p.id = (select auth.uid())), false)
$$;

create function private.is_team_member(team uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.team_members tm
    where tm.team_id = team and tm.user_id = (select auth.uid())
  )
$$;

-- Does one of the caller's teams serve this buurt?
create function private.serves_buurt(buurt text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.team_members tm
    join public.team_areas ta on ta.team_id = tm.team_id
    where tm.user_id = (select auth.uid()) and ta.buurt_code = buurt
  )
$$;

create function private.owns_volunteer(volunteer uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.volunteers v where v.id = volunteer and v.user_id = (select auth.uid())
  )
$$;

create function private.owns_initiative(initiative uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.initiatives i
    where i.id = initiative and i.created_by = (select auth.uid())
  )
$$;

create function private.initiative_visible(initiative uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.initiatives i
    where i.id = initiative
      and (i.status = 'published' or i.created_by = (select auth.uid()) or private.is_admin())
  )
$$;

create function private.request_buurt(request uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select r.buurt_code from public.volunteer_requests r where r.id = request
$$;

create function private.signal_team(signal uuid) returns uuid
language sql stable security definer
set search_path = ''
as $$
  select s.team_id from public.signals s where s.id = signal
$$;

revoke all on all functions in schema private from public;
grant execute on all functions in schema private to anon, authenticated, service_role;

-- ============================================================================================
-- Every new account gets a resident profile (Supabase Auth and the embedded provider alike)
-- ============================================================================================

create function private.create_profile_for_new_user() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name)
  values (new.id, nullif(split_part(coalesce(new.email, ''), '@', 1), ''))
  on conflict (id) do nothing;
  return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.create_profile_for_new_user();

-- ============================================================================================
-- Geography and themes: anyone reads (first migration); admin maintains
-- ============================================================================================

create policy "Admins add gemeenten" on public.gemeenten for insert to authenticated
  with check ((select private.is_admin()));
create policy "Admins change gemeenten" on public.gemeenten for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove gemeenten" on public.gemeenten for delete to authenticated
  using ((select private.is_admin()));

create policy "Admins add wijken" on public.wijken for insert to authenticated
  with check ((select private.is_admin()));
create policy "Admins change wijken" on public.wijken for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove wijken" on public.wijken for delete to authenticated
  using ((select private.is_admin()));

create policy "Admins add buurten" on public.buurten for insert to authenticated
  with check ((select private.is_admin()));
create policy "Admins change buurten" on public.buurten for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove buurten" on public.buurten for delete to authenticated
  using ((select private.is_admin()));

create policy "Admins add themes" on public.themes for insert to authenticated
  with check ((select private.is_admin()));
create policy "Admins change themes" on public.themes for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove themes" on public.themes for delete to authenticated
  using ((select private.is_admin()));

-- ============================================================================================
-- Organisations: public names and contact details; admin maintains
-- ============================================================================================

create policy "Anyone can read organisations" on public.organisations for select
  to anon, authenticated using (true);
create policy "Admins add organisations" on public.organisations for insert to authenticated
  with check ((select private.is_admin()));
create policy "Admins change organisations" on public.organisations for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove organisations" on public.organisations for delete to authenticated
  using ((select private.is_admin()));

-- ============================================================================================
-- Initiatives: residents propose (draft → pending), admins moderate and publish
-- ============================================================================================

create policy "Residents read their own initiatives and admins read all" on public.initiatives
  for select to authenticated
  using (created_by = (select auth.uid()) or (select private.is_admin()));
create policy "Residents propose initiatives as draft or pending" on public.initiatives
  for insert to authenticated
  with check (
    (created_by = (select auth.uid()) and status in ('draft', 'pending'))
    or (select private.is_admin())
  );
create policy "Residents edit their unpublished initiatives and admins edit all" on public.initiatives
  for update to authenticated
  using ((created_by = (select auth.uid()) and status in ('draft', 'pending')) or (select private.is_admin()))
  with check (
    (created_by = (select auth.uid()) and status in ('draft', 'pending'))
    or (select private.is_admin())
  );
create policy "Residents remove their drafts and admins remove any" on public.initiatives
  for delete to authenticated
  using ((created_by = (select auth.uid()) and status = 'draft') or (select private.is_admin()));

create policy "Owners and admins read themes of initiatives they can see" on public.initiative_themes
  for select to authenticated using ((select private.initiative_visible(initiative_id)));
create policy "Owners and admins set themes of initiatives" on public.initiative_themes
  for insert to authenticated
  with check ((select private.owns_initiative(initiative_id)) or (select private.is_admin()));
create policy "Owners and admins change themes of initiatives" on public.initiative_themes
  for update to authenticated
  using ((select private.owns_initiative(initiative_id)) or (select private.is_admin()))
  with check ((select private.owns_initiative(initiative_id)) or (select private.is_admin()));
create policy "Owners and admins remove themes of initiatives" on public.initiative_themes
  for delete to authenticated
  using ((select private.owns_initiative(initiative_id)) or (select private.is_admin()));

-- ============================================================================================
-- Provisions: council plans them (drafts too), admin maintains
-- ============================================================================================

create policy "Council and admins read all provisions" on public.provisions for select
  to authenticated using ((select private.is_council()) or (select private.is_admin()));
create policy "Council and admins add provisions" on public.provisions for insert
  to authenticated with check ((select private.is_council()) or (select private.is_admin()));
create policy "Council and admins change provisions" on public.provisions for update
  to authenticated
  using ((select private.is_council()) or (select private.is_admin()))
  with check ((select private.is_council()) or (select private.is_admin()));
create policy "Admins remove provisions" on public.provisions for delete
  to authenticated using ((select private.is_admin()));

-- ============================================================================================
-- Profiles: your own; admins manage roles
-- ============================================================================================

create policy "Users read their own profile and admins read all" on public.profiles for select
  to authenticated using (id = (select auth.uid()) or (select private.is_admin()));
create policy "Admins create profiles" on public.profiles for insert
  to authenticated with check ((select private.is_admin()));
create policy "Users edit their own profile but not their role" on public.profiles for update
  to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()) and role = (select private.current_app_role()));
create policy "Admins edit every profile" on public.profiles for update
  to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove profiles" on public.profiles for delete
  to authenticated using ((select private.is_admin()));

-- ============================================================================================
-- Teams, their areas and members: signed-in users read teams and areas; admin maintains
-- ============================================================================================

create policy "Signed-in users read teams" on public.teams for select
  to authenticated using (true);
create policy "Admins add teams" on public.teams for insert
  to authenticated with check ((select private.is_admin()));
create policy "Admins change teams" on public.teams for update
  to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove teams" on public.teams for delete
  to authenticated using ((select private.is_admin()));

create policy "Signed-in users read team areas" on public.team_areas for select
  to authenticated using (true);
create policy "Admins add team areas" on public.team_areas for insert
  to authenticated with check ((select private.is_admin()));
create policy "Admins change team areas" on public.team_areas for update
  to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove team areas" on public.team_areas for delete
  to authenticated using ((select private.is_admin()));

create policy "Members read their teams' members and admins read all" on public.team_members
  for select to authenticated
  using ((select private.is_team_member(team_id)) or (select private.is_admin()));
create policy "Admins add team members" on public.team_members for insert
  to authenticated with check ((select private.is_admin()));
create policy "Admins change team members" on public.team_members for update
  to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins remove team members" on public.team_members for delete
  to authenticated using ((select private.is_admin()));

-- ============================================================================================
-- Volunteers: your own record; wijkteams see volunteers living in their area
-- ============================================================================================

create policy "Volunteers read themselves, wijkteams their area, admins all" on public.volunteers
  for select to authenticated
  using (
    user_id = (select auth.uid())
    or (select private.serves_buurt(home_buurt_code))
    or (select private.is_admin())
  );
create policy "Residents sign themselves up as volunteer" on public.volunteers for insert
  to authenticated with check (user_id = (select auth.uid()) or (select private.is_admin()));
create policy "Volunteers edit themselves and admins edit all" on public.volunteers for update
  to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()))
  with check (user_id = (select auth.uid()) or (select private.is_admin()));
create policy "Volunteers remove themselves and admins remove any" on public.volunteers for delete
  to authenticated using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy "Volunteer themes follow the volunteer (read)" on public.volunteer_themes for select
  to authenticated
  using (
    (select private.owns_volunteer(volunteer_id))
    or exists (
      select 1 from public.volunteers v
      where v.id = volunteer_id and (select private.serves_buurt(v.home_buurt_code))
    )
    or (select private.is_admin())
  );
create policy "Volunteer themes follow the volunteer (add)" on public.volunteer_themes for insert
  to authenticated
  with check ((select private.owns_volunteer(volunteer_id)) or (select private.is_admin()));
create policy "Volunteer themes follow the volunteer (change)" on public.volunteer_themes for update
  to authenticated
  using ((select private.owns_volunteer(volunteer_id)) or (select private.is_admin()))
  with check ((select private.owns_volunteer(volunteer_id)) or (select private.is_admin()));
create policy "Volunteer themes follow the volunteer (remove)" on public.volunteer_themes for delete
  to authenticated
  using ((select private.owns_volunteer(volunteer_id)) or (select private.is_admin()));

-- ============================================================================================
-- Volunteer requests and matches: open requests are public; wijkteams manage those in their area
-- ============================================================================================

create policy "Anyone can read open volunteer requests" on public.volunteer_requests for select
  to anon, authenticated using (status = 'open');
create policy "Creators, wijkteams of the buurt and admins read all requests" on public.volunteer_requests
  for select to authenticated
  using (
    created_by = (select auth.uid())
    or (select private.serves_buurt(buurt_code))
    or (select private.is_admin())
  );
create policy "Wijkteams, initiative owners and admins ask for volunteers" on public.volunteer_requests
  for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and (
      (select private.serves_buurt(buurt_code))
      or (initiative_id is not null and (select private.owns_initiative(initiative_id)))
      or (select private.is_admin())
    )
  );
create policy "Creators, wijkteams of the buurt and admins change requests" on public.volunteer_requests
  for update to authenticated
  using (
    created_by = (select auth.uid())
    or (select private.serves_buurt(buurt_code))
    or (select private.is_admin())
  )
  with check (
    created_by = (select auth.uid())
    or (select private.serves_buurt(buurt_code))
    or (select private.is_admin())
  );
create policy "Creators, wijkteams of the buurt and admins remove requests" on public.volunteer_requests
  for delete to authenticated
  using (
    created_by = (select auth.uid())
    or (select private.serves_buurt(buurt_code))
    or (select private.is_admin())
  );

create policy "Volunteers, wijkteams of the buurt and admins read matches" on public.volunteer_matches
  for select to authenticated
  using (
    (select private.owns_volunteer(volunteer_id))
    or (select private.serves_buurt(private.request_buurt(request_id)))
    or (select private.is_admin())
  );
create policy "Volunteers offer themselves; wijkteams and admins propose" on public.volunteer_matches
  for insert to authenticated
  with check (
    ((select private.owns_volunteer(volunteer_id)) and status = 'voorgesteld')
    or (select private.serves_buurt(private.request_buurt(request_id)))
    or (select private.is_admin())
  );
create policy "Volunteers answer; wijkteams and admins manage matches" on public.volunteer_matches
  for update to authenticated
  using (
    (select private.owns_volunteer(volunteer_id))
    or (select private.serves_buurt(private.request_buurt(request_id)))
    or (select private.is_admin())
  )
  with check (
    (select private.owns_volunteer(volunteer_id))
    or (select private.serves_buurt(private.request_buurt(request_id)))
    or (select private.is_admin())
  );
create policy "Wijkteams and admins remove matches" on public.volunteer_matches for delete
  to authenticated
  using (
    (select private.serves_buurt(private.request_buurt(request_id)))
    or (select private.is_admin())
  );

-- ============================================================================================
-- Needs: anyone may report; only the reporter and the wijkteam of the buurt read them
-- ============================================================================================

create policy "Visitors report needs anonymously" on public.needs for insert
  to anon
  with check (reporter_id is null and status = 'open');
create policy "Signed-in residents report needs as themselves" on public.needs for insert
  to authenticated
  with check (reporter_id = (select auth.uid()) and status = 'open');
create policy "Reporters and the wijkteam of the buurt read needs" on public.needs for select
  to authenticated
  using (reporter_id = (select auth.uid()) or (select private.serves_buurt(buurt_code)));
create policy "Reporters and the wijkteam of the buurt update needs" on public.needs for update
  to authenticated
  using (reporter_id = (select auth.uid()) or (select private.serves_buurt(buurt_code)))
  with check (reporter_id = (select auth.uid()) or (select private.serves_buurt(buurt_code)));
create policy "Reporters withdraw their needs" on public.needs for delete
  to authenticated using (reporter_id = (select auth.uid()));

-- ============================================================================================
-- Signals and their audit trail: the team's own; council sees requests for new provisions
-- ============================================================================================

create policy "Team members read their team's signals" on public.signals for select
  to authenticated using ((select private.is_team_member(team_id)));
create policy "Council reads signals asking for a new collective provision" on public.signals
  for select to authenticated
  using (intervention_kind = 'nieuwe_voorziening' and (select private.is_council()));
create policy "Team members create signals for their team" on public.signals for insert
  to authenticated
  with check ((select private.is_team_member(team_id)) and created_by = (select auth.uid()));
create policy "Team members change their team's signals" on public.signals for update
  to authenticated
  using ((select private.is_team_member(team_id)))
  with check ((select private.is_team_member(team_id)));

create policy "Team members read their signals' events" on public.signal_events for select
  to authenticated using ((select private.is_team_member(private.signal_team(signal_id))));
create policy "Team members add events as themselves" on public.signal_events for insert
  to authenticated
  with check (
    (select private.is_team_member(private.signal_team(signal_id)))
    and actor_id = (select auth.uid())
  );
