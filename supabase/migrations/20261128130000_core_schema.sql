-- Buurtkracht core schema: geography, leefgebieden, the offer (initiatives and provisions),
-- volunteering, reported needs, wijkteam signals and teams.
-- Every table has Row Level Security enabled right after it is created. This migration adds the
-- first public policies only: geography, themes, and published initiatives and provisions are
-- readable by anyone. Everything else is denied to anon and authenticated until a later migration
-- adds role policies; service_role (bypassrls) is used by the importer, seeder and retention job.

-- ============================================================================================
-- Types
-- ============================================================================================

create type public.law as enum ('wmo2015', 'jeugdwet', 'participatiewet', 'geen');
create type public.app_role as enum ('resident', 'wijkteam', 'council', 'admin');
create type public.initiative_status as enum ('draft', 'pending', 'published', 'archived');
create type public.provision_status as enum ('draft', 'published', 'archived');
create type public.need_status as enum ('open', 'in_behandeling', 'afgehandeld', 'ingetrokken');
create type public.signal_status as enum (
  'signaleren', 'beoordelen', 'interveniëren', 'evalueren', 'afgesloten'
);

-- ============================================================================================
-- Shared trigger: keep updated_at true
-- ============================================================================================

create function public.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- ============================================================================================
-- Geography (CBS): gemeenten, wijken, buurten
-- ============================================================================================

create table public.gemeenten (
  code text primary key check (code ~ '^GM[0-9]{4}$'),
  name text not null check (length(name) between 1 and 200),
  is_fictional boolean not null default false,
  source text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.gemeenten enable row level security;
comment on table public.gemeenten is 'Municipalities by CBS code (GM0344). is_fictional marks the generated demo city.';
create trigger gemeenten_updated_at before update on public.gemeenten
  for each row execute function public.set_updated_at();

create table public.wijken (
  code text primary key check (code ~ '^WK[0-9]{6}$'),
  gemeente_code text not null references public.gemeenten (code) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  boundary jsonb check (boundary is null or boundary ->> 'type' in ('Polygon', 'MultiPolygon')),
  centroid_lon double precision check (centroid_lon between -180 and 180),
  centroid_lat double precision check (centroid_lat between -90 and 90),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (substr(code, 3, 4) = substr(gemeente_code, 3, 4))
);
alter table public.wijken enable row level security;
comment on table public.wijken is 'CBS wijken (WK034401) with a GeoJSON boundary in WGS84.';
create index wijken_gemeente_code_idx on public.wijken (gemeente_code);
create trigger wijken_updated_at before update on public.wijken
  for each row execute function public.set_updated_at();

create table public.buurten (
  code text primary key check (code ~ '^BU[0-9]{8}$'),
  wijk_code text not null references public.wijken (code) on delete cascade,
  gemeente_code text not null references public.gemeenten (code) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  boundary jsonb not null check (boundary ->> 'type' in ('Polygon', 'MultiPolygon')),
  -- A point inside the polygon (not always the geometric centroid, which can fall outside).
  centroid_lon double precision not null check (centroid_lon between -180 and 180),
  centroid_lat double precision not null check (centroid_lat between -90 and 90),
  min_lon double precision not null,
  min_lat double precision not null,
  max_lon double precision not null,
  max_lat double precision not null,
  -- CBS key figures used as demand proxies; null means unknown or kept secret by CBS.
  inhabitants integer check (inhabitants >= 0),
  households integer check (households >= 0),
  average_household_size numeric(4, 2) check (average_household_size >= 0),
  pct_age_0_14 smallint check (pct_age_0_14 between 0 and 100),
  pct_age_15_24 smallint check (pct_age_15_24 between 0 and 100),
  pct_age_25_44 smallint check (pct_age_25_44 between 0 and 100),
  pct_age_45_64 smallint check (pct_age_45_64 between 0 and 100),
  pct_age_65_plus smallint check (pct_age_65_plus between 0 and 100),
  pct_one_person_households smallint check (pct_one_person_households between 0 and 100),
  pct_households_with_children smallint check (pct_households_with_children between 0 and 100),
  social_assistance_benefits integer check (social_assistance_benefits >= 0),
  disability_benefits integer check (disability_benefits >= 0),
  unemployment_benefits integer check (unemployment_benefits >= 0),
  pension_benefits integer check (pension_benefits >= 0),
  land_area_ha numeric(10, 1) check (land_area_ha >= 0),
  key_figures_year smallint check (key_figures_year between 1990 and 2100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (min_lon <= max_lon and min_lat <= max_lat),
  check (substr(code, 3, 6) = substr(wijk_code, 3, 6)),
  check (substr(code, 3, 4) = substr(gemeente_code, 3, 4))
);
alter table public.buurten enable row level security;
comment on table public.buurten is 'CBS buurten (BU03440111): boundary, an inner point, bounding box and CBS key figures.';
create index buurten_gemeente_code_idx on public.buurten (gemeente_code);
create index buurten_wijk_code_idx on public.buurten (wijk_code);
create index buurten_bbox_idx on public.buurten (min_lon, max_lon, min_lat, max_lat);
create trigger buurten_updated_at before update on public.buurten
  for each row execute function public.set_updated_at();

-- ============================================================================================
-- Leefgebieden (themes)
-- ============================================================================================

create table public.themes (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{1,40}$'),
  law public.law not null,
  name_nl text not null,
  name_en text not null,
  description_nl text not null default '',
  description_en text not null default '',
  sort_order smallint not null default 0
);
alter table public.themes enable row level security;
comment on table public.themes is 'Leefgebieden (life domains) that needs, initiatives and provisions belong to, each tied to a law.';

-- ============================================================================================
-- Organisations, initiatives, provisions
-- ============================================================================================

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text references public.gemeenten (code) on delete set null,
  name text not null check (length(name) between 1 and 200),
  kind text not null default 'overig'
    check (kind in ('bewonersgroep', 'vrijwilligersorganisatie', 'welzijn', 'zorg', 'gemeente', 'overig')),
  website text check (website is null or website ~ '^https?://'),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
  phone text check (phone is null or length(phone) <= 30),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.organisations enable row level security;
comment on table public.organisations is 'Organisations behind initiatives and provisions (welzijn, bewonersgroepen, gemeente).';
create index organisations_gemeente_code_idx on public.organisations (gemeente_code);
create trigger organisations_updated_at before update on public.organisations
  for each row execute function public.set_updated_at();

create table public.initiatives (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references public.organisations (id) on delete set null,
  buurt_code text not null references public.buurten (code) on delete restrict,
  name text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  how_to_join text not null default '' check (length(how_to_join) <= 2000),
  status public.initiative_status not null default 'draft',
  lon double precision not null check (lon between -180 and 180),
  lat double precision not null check (lat between -90 and 90),
  address text check (length(address) <= 200),
  postcode text check (postcode is null or postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
  -- [{ "day": 1-7 (ISO, 1 = Monday), "opens": "HH:MM", "closes": "HH:MM", "every": "week"|"two_weeks"|"month" }]
  schedule jsonb not null default '[]'::jsonb check (jsonb_typeof(schedule) = 'array'),
  contact_email text check (contact_email is null or contact_email ~ '^[^@\s]+@[^@\s]+$'),
  contact_phone text check (contact_phone is null or length(contact_phone) <= 30),
  website text check (website is null or website ~ '^https?://'),
  accessibility text[] not null default '{}'
    check (accessibility <@ array['step_free', 'hearing_loop', 'accessible_toilet', 'quiet_space', 'guide_dogs_welcome']),
  languages text[] not null default '{nl}'
    check (array_to_string(languages, ',') ~ '^([a-z]{2,3})(,[a-z]{2,3})*$'),
  created_by uuid references auth.users (id) on delete set null,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.initiatives enable row level security;
comment on table public.initiatives is 'Resident-run initiatives (buurtkamer, repair café, taalcafé), moderated draft → pending → published → archived.';
create index initiatives_buurt_code_idx on public.initiatives (buurt_code);
create index initiatives_status_idx on public.initiatives (status);
create index initiatives_location_idx on public.initiatives (lon, lat);
create index initiatives_organisation_id_idx on public.initiatives (organisation_id);
create index initiatives_created_by_idx on public.initiatives (created_by);
create trigger initiatives_updated_at before update on public.initiatives
  for each row execute function public.set_updated_at();

create table public.initiative_themes (
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  theme_code text not null references public.themes (code) on delete restrict,
  primary key (initiative_id, theme_code)
);
alter table public.initiative_themes enable row level security;
comment on table public.initiative_themes is 'The leefgebieden an initiative works on.';
create index initiative_themes_theme_code_idx on public.initiative_themes (theme_code);

create table public.provisions (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid references public.organisations (id) on delete set null,
  buurt_code text not null references public.buurten (code) on delete restrict,
  theme_code text not null references public.themes (code) on delete restrict,
  name text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  how_to_join text not null default '' check (length(how_to_join) <= 2000),
  status public.provision_status not null default 'draft',
  lon double precision not null check (lon between -180 and 180),
  lat double precision not null check (lat between -90 and 90),
  address text check (length(address) <= 200),
  postcode text check (postcode is null or postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
  schedule jsonb not null default '[]'::jsonb check (jsonb_typeof(schedule) = 'array'),
  contact_email text check (contact_email is null or contact_email ~ '^[^@\s]+@[^@\s]+$'),
  contact_phone text check (contact_phone is null or length(contact_phone) <= 30),
  website text check (website is null or website ~ '^https?://'),
  accessibility text[] not null default '{}'
    check (accessibility <@ array['step_free', 'hearing_loop', 'accessible_toilet', 'quiet_space', 'guide_dogs_welcome']),
  languages text[] not null default '{nl}'
    check (array_to_string(languages, ',') ~ '^([a-z]{2,3})(,[a-z]{2,3})*$'),
  -- Households the provision can serve per week, and how far (in walking minutes) it draws from.
  weekly_capacity integer not null check (weekly_capacity >= 0),
  catchment_minutes smallint not null default 15 check (catchment_minutes between 1 and 120),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.provisions enable row level security;
comment on table public.provisions is 'Collective and general provisions (algemene voorzieningen) with weekly capacity and a walking catchment.';
create index provisions_buurt_code_idx on public.provisions (buurt_code);
create index provisions_theme_code_idx on public.provisions (theme_code);
create index provisions_status_idx on public.provisions (status);
create index provisions_location_idx on public.provisions (lon, lat);
create index provisions_organisation_id_idx on public.provisions (organisation_id);
create trigger provisions_updated_at before update on public.provisions
  for each row execute function public.set_updated_at();

-- ============================================================================================
-- People: profiles, teams
-- ============================================================================================

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  role public.app_role not null default 'resident',
  display_name text check (length(display_name) <= 100),
  locale text not null default 'nl' check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  gemeente_code text references public.gemeenten (code) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.profiles enable row level security;
comment on table public.profiles is 'One row per user: application role (resident, council, admin; wijkteam comes from team membership) and locale.';
create trigger profiles_updated_at before update on public.profiles
  for each row execute function public.set_updated_at();

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten (code) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (gemeente_code, name)
);
alter table public.teams enable row level security;
comment on table public.teams is 'Sociale wijkteams of a municipality.';
create trigger teams_updated_at before update on public.teams
  for each row execute function public.set_updated_at();

create table public.team_areas (
  team_id uuid not null references public.teams (id) on delete cascade,
  buurt_code text not null references public.buurten (code) on delete cascade,
  primary key (team_id, buurt_code)
);
alter table public.team_areas enable row level security;
comment on table public.team_areas is 'The buurten a wijkteam serves: the area whose needs and signals its members may see.';
create index team_areas_buurt_code_idx on public.team_areas (buurt_code);

create table public.team_members (
  team_id uuid not null references public.teams (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role_in_team text not null default 'lid' check (role_in_team in ('lid', 'coordinator')),
  created_at timestamptz not null default now(),
  primary key (team_id, user_id)
);
alter table public.team_members enable row level security;
comment on table public.team_members is 'Members of a wijkteam.';
create index team_members_user_id_idx on public.team_members (user_id);

-- ============================================================================================
-- Volunteering
-- ============================================================================================

create table public.volunteers (
  id uuid primary key default gen_random_uuid(),
  user_id uuid unique references auth.users (id) on delete cascade,
  display_name text not null check (length(display_name) between 1 and 100),
  home_buurt_code text references public.buurten (code) on delete set null,
  skills text[] not null default '{}',
  -- [{ "day": 1-7, "part": "morning"|"afternoon"|"evening" }]
  availability jsonb not null default '[]'::jsonb check (jsonb_typeof(availability) = 'array'),
  hours_per_week smallint check (hours_per_week between 0 and 80),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.volunteers enable row level security;
comment on table public.volunteers is 'Residents who offer time: skills, availability and home buurt.';
create index volunteers_home_buurt_code_idx on public.volunteers (home_buurt_code);
create trigger volunteers_updated_at before update on public.volunteers
  for each row execute function public.set_updated_at();

create table public.volunteer_themes (
  volunteer_id uuid not null references public.volunteers (id) on delete cascade,
  theme_code text not null references public.themes (code) on delete restrict,
  primary key (volunteer_id, theme_code)
);
alter table public.volunteer_themes enable row level security;
comment on table public.volunteer_themes is 'The leefgebieden a volunteer wants to help with.';
create index volunteer_themes_theme_code_idx on public.volunteer_themes (theme_code);

create table public.volunteer_requests (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid references public.initiatives (id) on delete cascade,
  provision_id uuid references public.provisions (id) on delete cascade,
  buurt_code text not null references public.buurten (code) on delete cascade,
  theme_code text references public.themes (code) on delete restrict,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 2000),
  volunteers_needed smallint not null default 1 check (volunteers_needed between 1 and 100),
  status text not null default 'open' check (status in ('open', 'vervuld', 'gesloten')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(initiative_id, provision_id) <= 1)
);
alter table public.volunteer_requests enable row level security;
comment on table public.volunteer_requests is 'A request for volunteers by an initiative, a provision or a wijkteam.';
create index volunteer_requests_buurt_code_idx on public.volunteer_requests (buurt_code);
create index volunteer_requests_initiative_id_idx on public.volunteer_requests (initiative_id);
create index volunteer_requests_provision_id_idx on public.volunteer_requests (provision_id);
create trigger volunteer_requests_updated_at before update on public.volunteer_requests
  for each row execute function public.set_updated_at();

create table public.volunteer_matches (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.volunteer_requests (id) on delete cascade,
  volunteer_id uuid not null references public.volunteers (id) on delete cascade,
  status text not null default 'voorgesteld'
    check (status in ('voorgesteld', 'geaccepteerd', 'afgewezen', 'afgerond')),
  matched_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (request_id, volunteer_id)
);
alter table public.volunteer_matches enable row level security;
comment on table public.volunteer_matches is 'A volunteer proposed for, or working on, a volunteer request.';
create index volunteer_matches_volunteer_id_idx on public.volunteer_matches (volunteer_id);
create trigger volunteer_matches_updated_at before update on public.volunteer_matches
  for each row execute function public.set_updated_at();

-- ============================================================================================
-- Needs (never public individually) and wijkteam signals
-- ============================================================================================

create table public.needs (
  id uuid primary key default gen_random_uuid(),
  theme_code text not null references public.themes (code) on delete restrict,
  buurt_code text not null references public.buurten (code) on delete restrict,
  reporter_id uuid references auth.users (id) on delete cascade,
  -- Counts a household once: the reporter's id when signed in, else a random key per report.
  household_key text not null check (length(household_key) between 1 and 100),
  description text check (length(description) <= 1000),
  -- An exact point only with the resident's consent; never leaves the server.
  point_lon double precision check (point_lon between -180 and 180),
  point_lat double precision check (point_lat between -90 and 90),
  household_size smallint check (household_size between 1 and 20),
  contact_consent boolean not null default false,
  contact_method text check (contact_method in ('email', 'phone')),
  contact_value text check (length(contact_value) <= 200),
  status public.need_status not null default 'open',
  idempotency_key uuid unique,
  reported_at timestamptz not null default now(),
  expires_at timestamptz not null default (now() + interval '12 months'),
  check ((point_lon is null) = (point_lat is null)),
  check (contact_consent or (contact_method is null and contact_value is null)),
  check (expires_at > reported_at)
);
alter table public.needs enable row level security;
comment on table public.needs is 'A resident''s reported need. Never public individually; public output is suppressed aggregates only. Expires and is purged.';
create index needs_buurt_theme_reported_idx on public.needs (buurt_code, theme_code, reported_at);
create index needs_theme_code_idx on public.needs (theme_code);
create index needs_reporter_id_idx on public.needs (reporter_id);
create index needs_expires_at_idx on public.needs (expires_at);

create table public.signals (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.teams (id) on delete cascade,
  theme_code text not null references public.themes (code) on delete restrict,
  buurt_codes text[] not null check (cardinality(buurt_codes) between 1 and 200),
  title text not null check (length(title) between 1 and 200),
  status public.signal_status not null default 'signaleren',
  household_count integer not null default 0 check (household_count >= 0),
  assessment text check (length(assessment) <= 5000),
  urgency text check (urgency in ('laag', 'middel', 'hoog')),
  burgerkracht jsonb check (burgerkracht is null or jsonb_typeof(burgerkracht) = 'object'),
  intervention_kind text
    check (intervention_kind in ('bestaand_aanbod', 'nieuwe_voorziening', 'individuele_ondersteuning')),
  linked_initiative_id uuid references public.initiatives (id) on delete set null,
  linked_provision_id uuid references public.provisions (id) on delete set null,
  outcome text check (length(outcome) <= 5000),
  households_reached integer check (households_reached >= 0),
  assigned_to uuid references auth.users (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null,
  -- Optimistic locking: every change must name the version it started from.
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.signals enable row level security;
comment on table public.signals is 'A wijkteam''s signal of a need shared across households, moved through signaleren → beoordelen → interveniëren → evalueren → afgesloten.';
create index signals_team_id_status_idx on public.signals (team_id, status);
create index signals_theme_code_idx on public.signals (theme_code);
create index signals_buurt_codes_idx on public.signals using gin (buurt_codes);
create trigger signals_updated_at before update on public.signals
  for each row execute function public.set_updated_at();

create table public.signal_events (
  id bigint generated always as identity primary key,
  signal_id uuid not null references public.signals (id) on delete cascade,
  actor_id uuid references auth.users (id) on delete set null,
  kind text not null check (kind in ('aangemaakt', 'overgang', 'notitie', 'toegewezen', 'gewijzigd')),
  from_status public.signal_status,
  to_status public.signal_status,
  note text check (length(note) <= 5000),
  payload jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
alter table public.signal_events enable row level security;
comment on table public.signal_events is 'Append-only audit trail of a signal: who did what, when. Updates and deletes are refused.';
create index signal_events_signal_id_idx on public.signal_events (signal_id, created_at);

create function public.refuse_signal_event_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'signal_events is append-only' using errcode = 'P0001';
end;
$$;
create trigger signal_events_append_only before update or delete on public.signal_events
  for each row execute function public.refuse_signal_event_change();

-- ============================================================================================
-- Privileges and the first policies
-- ============================================================================================

-- Table privileges are granted to the API roles; RLS decides which rows each one sees.
grant select on all tables in schema public to anon;
grant select, insert, update, delete on all tables in schema public to authenticated, service_role;
grant usage, select on all sequences in schema public to authenticated, service_role;

create policy "Anyone can read gemeenten" on public.gemeenten
  for select to anon, authenticated using (true);
create policy "Anyone can read wijken" on public.wijken
  for select to anon, authenticated using (true);
create policy "Anyone can read buurten" on public.buurten
  for select to anon, authenticated using (true);
create policy "Anyone can read themes" on public.themes
  for select to anon, authenticated using (true);
create policy "Anyone can read published initiatives" on public.initiatives
  for select to anon, authenticated using (status = 'published');
create policy "Anyone can read the themes of published initiatives" on public.initiative_themes
  for select to anon, authenticated
  using (exists (
    select 1 from public.initiatives i
    where i.id = initiative_id and i.status = 'published'
  ));
create policy "Anyone can read published provisions" on public.provisions
  for select to anon, authenticated using (status = 'published');
