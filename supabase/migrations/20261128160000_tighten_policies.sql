-- Tightening found by the policy-matrix review:
-- 1. a resident cannot change the themes of an initiative once it is published (moderation);
-- 2. nobody through the API can change who reported a need (a wijkteam could otherwise hand a
--    need to another resident, who would then read it); reporters cannot stretch retention;
-- 3. privileges that Row Level Security does not govern (TRUNCATE, TRIGGER, REFERENCES) are taken
--    from the API roles, and signal_events cannot be truncated;
-- 4. signal_events stays append-only but lets account erasure pseudonymise the actor and lets a
--    signal that is itself deleted take its events along;
-- 5. a volunteer match keeps its request and volunteer;
-- 6. anon keeps exactly one write — reporting a need anonymously — granted explicitly.

-- ============================================================================================
-- 1. Themes of an initiative: only while it is draft or pending (admins always)
-- ============================================================================================

create function private.owns_unpublished_initiative(initiative uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.initiatives i
    where i.id = initiative
      and i.created_by = (select auth.uid())
      and i.status in ('draft', 'pending')
  )
$$;
revoke all on function private.owns_unpublished_initiative(uuid) from public;
grant execute on function private.owns_unpublished_initiative(uuid) to authenticated, service_role;

drop policy "Owners and admins set themes of initiatives" on public.initiative_themes;
drop policy "Owners and admins change themes of initiatives" on public.initiative_themes;
drop policy "Owners and admins remove themes of initiatives" on public.initiative_themes;

create policy "Owners of unpublished initiatives and admins set themes" on public.initiative_themes
  for insert to authenticated
  with check (
    (select private.owns_unpublished_initiative(initiative_id)) or (select private.is_admin())
  );
create policy "Owners of unpublished initiatives and admins change themes" on public.initiative_themes
  for update to authenticated
  using ((select private.owns_unpublished_initiative(initiative_id)) or (select private.is_admin()))
  with check (
    (select private.owns_unpublished_initiative(initiative_id)) or (select private.is_admin())
  );
create policy "Owners of unpublished initiatives and admins remove themes" on public.initiative_themes
  for delete to authenticated
  using ((select private.owns_unpublished_initiative(initiative_id)) or (select private.is_admin()));

-- ============================================================================================
-- 2. Who reported a need, and when it expires, is not the API's to change
-- ============================================================================================

create function private.keep_need_reporter() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') and (
       new.reporter_id is distinct from old.reporter_id
    or new.household_key is distinct from old.household_key
    or new.reported_at is distinct from old.reported_at
    or new.expires_at > old.expires_at
  ) then
    raise exception 'the reporter, report date and expiry of a need cannot be changed'
      using errcode = '42501';
  end if;
  return new;
end;
$$;
revoke all on function private.keep_need_reporter() from public;

create trigger needs_keep_reporter before update on public.needs
  for each row execute function private.keep_need_reporter();

-- ============================================================================================
-- 3. Privileges outside Row Level Security
-- ============================================================================================

revoke truncate, trigger, references on all tables in schema public from anon, authenticated;
alter default privileges in schema public revoke truncate, trigger, references on tables from anon, authenticated;
revoke truncate on public.signal_events from service_role;

-- anon's one write, stated rather than inherited from default privileges.
grant insert on public.needs to anon;

-- The helpers serve policies for signed-in users only.
revoke execute on all functions in schema private from anon;

-- ============================================================================================
-- 4. Append-only audit trail that still allows erasure
-- ============================================================================================

create or replace function public.refuse_signal_event_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    if old.actor_id is not null and new.actor_id is null
       and (new.id, new.signal_id, new.kind, new.from_status, new.to_status, new.note, new.payload, new.created_at)
           is not distinct from
           (old.id, old.signal_id, old.kind, old.from_status, old.to_status, old.note, old.payload, old.created_at)
    then
      return new; -- the actor's account was erased: the event stays, pseudonymised
    end if;
  elsif tg_op = 'DELETE' then
    if not exists (select 1 from public.signals s where s.id = old.signal_id) then
      return old; -- the signal itself was deleted (retention): its trail goes with it
    end if;
  end if;
  raise exception 'signal_events is append-only' using errcode = 'P0001';
end;
$$;

create trigger signal_events_no_truncate before truncate on public.signal_events
  for each statement execute function public.refuse_signal_event_change();

-- ============================================================================================
-- 5. A match keeps its request and volunteer
-- ============================================================================================

create function private.keep_match_parties() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.request_id is distinct from old.request_id or new.volunteer_id is distinct from old.volunteer_id then
    raise exception 'a volunteer match keeps its request and volunteer' using errcode = '42501';
  end if;
  return new;
end;
$$;
revoke all on function private.keep_match_parties() from public;

create trigger volunteer_matches_keep_parties before update on public.volunteer_matches
  for each row execute function private.keep_match_parties();
