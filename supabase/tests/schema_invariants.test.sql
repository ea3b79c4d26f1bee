-- pgTAP: invariants of the migrated schema that every later migration must keep.
-- Runs in one transaction that is rolled back: it leaves nothing behind (pgTAP itself included).
-- Plain PostgreSQL: `pg_prove -h 127.0.0.1 -p PORT -U postgres -d DB supabase/tests/*.sql`
-- (scripts/test-postgres.sh does this); on a Supabase stack `supabase test db` runs the same file.
begin;

create schema if not exists extensions;
create extension if not exists pgtap with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;
set local search_path = public, extensions;

select plan(15);

-- ---------------------------------------------------------------------------------------------
-- The migration history: the table both the Supabase CLI and our migrator read and write.
-- ---------------------------------------------------------------------------------------------
select has_table('supabase_migrations', 'schema_migrations', 'the migration history exists');
select columns_are(
  'supabase_migrations', 'schema_migrations',
  array['version', 'statements', 'name'],
  'the migration history has the Supabase CLI''s columns'
);
select col_is_pk('supabase_migrations', 'schema_migrations', 'version', 'version is the primary key');

-- ---------------------------------------------------------------------------------------------
-- Every table in public: Row Level Security on, a primary key.
-- ---------------------------------------------------------------------------------------------
select is_empty(
  $$ select c.relname::text from pg_catalog.pg_class c
     join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity $$,
  'Row Level Security is enabled on every table in public'
);
select is_empty(
  $$ select c.relname::text from pg_catalog.pg_class c
     join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and not exists (select 1 from pg_catalog.pg_constraint k
                       where k.conrelid = c.oid and k.contype = 'p') $$,
  'every table in public has a primary key'
);
select is_empty(
  $$ select p.oid::regprocedure::text from pg_catalog.pg_proc p
     where p.pronamespace = 'public'::regnamespace and p.prosecdef
       and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%') $$,
  'every security definer function in public pins its search_path'
);

-- ---------------------------------------------------------------------------------------------
-- What anon sees: published offer only, never a need.
-- ---------------------------------------------------------------------------------------------
insert into public.gemeenten (code, name, is_fictional) values ('GM9999', 'pgTAP-stad', true);
insert into public.wijken (code, gemeente_code, name) values ('WK999901', 'GM9999', 'Testwijk');
insert into public.buurten (code, wijk_code, gemeente_code, name, boundary,
                            centroid_lon, centroid_lat, min_lon, min_lat, max_lon, max_lat)
values ('BU99990101', 'WK999901', 'GM9999', 'Testbuurt',
        '{"type":"Polygon","coordinates":[[[5,52],[5.01,52],[5.01,52.01],[5,52]]]}',
        5.005, 52.003, 5, 52, 5.01, 52.01);
insert into public.initiatives (name, buurt_code, status, lon, lat) values
  ('pgTAP published', 'BU99990101', 'published', 5.005, 52.003),
  ('pgTAP draft', 'BU99990101', 'draft', 5.005, 52.003),
  ('pgTAP pending', 'BU99990101', 'pending', 5.005, 52.003);
insert into public.needs (theme_code, buurt_code, household_key)
  select code, 'BU99990101', 'pgtap-household' from public.themes order by sort_order limit 1;

set local role anon;
select set_config('request.jwt.claims', '{"role":"anon"}', true);

select ok((select count(*) from public.themes) >= 10, 'anon reads the themes');
select results_eq(
  $$ select name from public.initiatives where buurt_code = 'BU99990101' $$,
  array['pgTAP published'],
  'anon reads published initiatives only'
);
select throws_ok(
  $$ select id from public.needs $$,
  '42501',
  null,
  'anon reads no needs: it holds no select privilege on them'
);
select throws_ok(
  $$ insert into public.initiatives (name, buurt_code, status, lon, lat)
     values ('anon wrote this', 'BU99990101', 'published', 5, 52) $$,
  '42501',
  null,
  'anon cannot write initiatives'
);
select is(auth.uid(), null, 'auth.uid() is null for anon');

reset role;

-- ---------------------------------------------------------------------------------------------
-- service_role bypasses RLS; authenticated without a policy sees no needs.
-- ---------------------------------------------------------------------------------------------
set local role service_role;
select set_config('request.jwt.claims', '{"role":"service_role"}', true);
select is(
  (select count(*)::int from public.needs where buurt_code = 'BU99990101'),
  1,
  'service_role reads every need'
);
reset role;

set local role authenticated;
select set_config('request.jwt.claims',
  '{"role":"authenticated","sub":"00000000-0000-4000-8000-000000000001"}', true);
select is(auth.uid(), '00000000-0000-4000-8000-000000000001'::uuid, 'auth.uid() reads the JWT subject');
select is_empty(
  $$ select name from public.initiatives where status <> 'published' and created_by is null $$,
  'authenticated does not read unpublished initiatives of others'
);
reset role;

-- ---------------------------------------------------------------------------------------------
-- Append-only audit trail.
-- ---------------------------------------------------------------------------------------------
select is(
  (select count(*)::int from pg_catalog.pg_trigger
   where tgrelid = 'public.signal_events'::regclass and tgname = 'signal_events_append_only'),
  1,
  'signal_events has its append-only trigger'
);

select * from finish();
rollback;
