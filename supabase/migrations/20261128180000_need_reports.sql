-- Reporting a need privately: what the report form writes, what each role may read of it.
--
-- 1. Two columns for the report form: a receipt hash (so an anonymous resident who sends the same
--    form twice gets their own receipt back, and nobody else does) and the version of the consent
--    text the resident agreed to.
-- 2. Retention has a ceiling in the database: no need may expire more than 24 months after it was
--    reported (the app's NEED_RETENTION_MONTHS is at most 24), and API roles cannot backdate a
--    report, choose its household key or stretch its expiry.
-- 3. Column privileges: no API role reads who reported a need (reporter_id, household_key), the
--    exact point, or the idempotency and receipt keys through the table. Anon reads nothing at
--    all. Signed-in users change only a need's status.
-- 4. The reporter's own rows, every column: private.my_needs() (rights of access and erasure).
-- 5. The receipt after sending the form: private.need_receipt(key, hash).
-- 6. The wijkteam's view: public.needs_for_wijkteam (security_invoker, so RLS on needs applies),
--    with the exact point only when the resident agreed to be contacted.
--
-- Functions live in schema private: the Data API (PostgREST) exposes only public, so they are
-- reachable through the app server alone, with the caller's own claims.

-- ============================================================================================
-- 1. Columns
-- ============================================================================================

alter table public.needs
  add column receipt_hash text check (receipt_hash is null or receipt_hash ~ '^[0-9a-f]{64}$'),
  add column consent_version text check (consent_version is null or consent_version ~ '^[a-z0-9-]{1,40}$');

comment on column public.needs.receipt_hash is
  'Anonymous reports: sha256 of the reporting browser session and the idempotency key. Shows that browser its own receipt when it sends the same form again; links nothing else.';
comment on column public.needs.consent_version is
  'Which consent text the resident agreed to (the report form names its version).';
comment on column public.needs.idempotency_key is
  'The report form''s one-time key: sending the same form twice stores one need.';

-- ============================================================================================
-- 2. Retention ceiling, and what API roles cannot choose when they report
-- ============================================================================================

alter table public.needs
  add constraint needs_expiry_within_24_months check (expires_at <= reported_at + interval '24 months');

create function private.prepare_reported_need() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') then
    -- Reported now, not at a date of the caller's choosing (which would also move its expiry).
    new.reported_at := now();
    -- One household per account; an anonymous report is a household of its own.
    new.household_key := coalesce(new.reporter_id::text, gen_random_uuid()::text);
  end if;
  return new;
end;
$$;
revoke all on function private.prepare_reported_need() from public;

create trigger needs_prepare_report before insert on public.needs
  for each row execute function private.prepare_reported_need();

-- ============================================================================================
-- 3. Column privileges
-- ============================================================================================

-- Anon reports (insert, stated in 20261128160000) and reads nothing.
revoke select, update, delete on public.needs from anon;

-- Signed-in users: RLS decides the rows (their own, and the wijkteam's buurten); these grants
-- decide the columns. Contact details are only ever filled in with the resident's consent.
revoke select, update on public.needs from authenticated;
grant select (
  id, theme_code, buurt_code, description, household_size, contact_consent, contact_method,
  contact_value, status, reported_at, expires_at
) on public.needs to authenticated;
grant update (status) on public.needs to authenticated;

-- ============================================================================================
-- 4. The reporter's own needs, every column
-- ============================================================================================

create function private.my_needs()
returns setof public.needs
language sql stable security definer
set search_path = ''
as $$
  select n.*
    from public.needs n
   where n.reporter_id = (select auth.uid())
   order by n.reported_at desc, n.id
$$;
comment on function private.my_needs() is
  'Every column of the caller''s own needs: what /mijn-meldingen shows and downloads.';
revoke all on function private.my_needs() from public, anon;
grant execute on function private.my_needs() to authenticated, service_role;

-- ============================================================================================
-- 5. The receipt of a report
-- ============================================================================================

-- The need sent with this idempotency key, if it is the caller's: a signed-in reporter's own
-- need, or an anonymous need whose receipt hash the caller knows, reported within a day.
create function private.need_receipt(p_idempotency_key uuid, p_receipt_hash text)
returns setof public.needs
language sql stable security definer
set search_path = ''
as $$
  select n.*
    from public.needs n
   where n.idempotency_key = p_idempotency_key
     and (
       (n.reporter_id is not null and n.reporter_id = (select auth.uid()))
       or (
         n.reporter_id is null
         and p_receipt_hash is not null
         and n.receipt_hash = p_receipt_hash
         and n.reported_at > now() - interval '1 day'
       )
     )
$$;
comment on function private.need_receipt(uuid, text) is
  'The caller''s own need sent with this idempotency key (anonymous: with the matching receipt hash, within a day).';
revoke all on function private.need_receipt(uuid, text) from public;
grant execute on function private.need_receipt(uuid, text) to anon, authenticated, service_role;

-- ============================================================================================
-- 6. The wijkteam's view of needs
-- ============================================================================================

-- The exact point of a need, for the wijkteam serving its buurt, only when the resident agreed
-- to be contacted (the point itself is only stored with its own consent).
create function private.consented_need_point(need uuid) returns double precision[]
language sql stable security definer
set search_path = ''
as $$
  select array[n.point_lon, n.point_lat]
    from public.needs n
   where n.id = need
     and n.contact_consent
     and n.point_lon is not null
     and (select private.serves_buurt(n.buurt_code))
$$;
revoke all on function private.consented_need_point(uuid) from public, anon;
grant execute on function private.consented_need_point(uuid) to authenticated, service_role;

create view public.needs_for_wijkteam with (security_invoker = true) as
  select n.id, n.theme_code, n.buurt_code, n.description, n.household_size, n.status,
         n.reported_at, n.expires_at, n.contact_consent, n.contact_method, n.contact_value,
         p.point[1] as point_lon, p.point[2] as point_lat
    from public.needs n
    cross join lateral (select private.consented_need_point(n.id) as point) p
   where (select private.serves_buurt(n.buurt_code));
comment on view public.needs_for_wijkteam is
  'Needs in the buurten of the caller''s wijkteams, without who reported them; contact details and the exact point only with the resident''s consent. security_invoker: RLS on needs applies.';
revoke all on public.needs_for_wijkteam from public, anon, authenticated;
grant select on public.needs_for_wijkteam to authenticated, service_role;
