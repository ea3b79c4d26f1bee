-- The public needs figures: households with a need per buurt × theme, and their totals, over the
-- last 3, 6 or 12 months, ALREADY suppressed and rounded.
--
-- Why a table the maintenance job fills, and not a function anyone may call: the raw counts never
-- leave a privileged process. The job (src/lib/server/needs/publish.ts, service_role) counts, runs
-- the suppression algorithm (src/lib/analysis/suppression.ts) and writes only the result here.
-- Anon and signed-in users can read this table (also through the Data API), and nothing else
-- about needs: no function in schema public or private hands them a raw count. The checks below
-- make a count of 1 to 4 impossible to store, whatever writes it.

create table public.need_aggregates (
  gemeente_code text not null references public.gemeenten (code) on delete cascade,
  window_months smallint not null check (window_months in (3, 6, 12)),
  area_level text not null check (area_level in ('buurt', 'wijk', 'gemeente')),
  area_code text not null check (area_code ~ '^(BU[0-9]{8}|WK[0-9]{6}|GM[0-9]{4})$'),
  -- A theme code, or '*' for all themes together.
  theme_code text not null check (theme_code = '*' or theme_code ~ '^[a-z][a-z0-9-]{1,40}$'),
  -- count: rounded_count is shown; fewer_than_5: a cell of 1 to 4 ("<5");
  -- hidden: a total of 1 to 4, or a figure hidden so that no small count can be worked out.
  display text not null check (display in ('count', 'fewer_than_5', 'hidden')),
  rounded_count integer check (rounded_count is null or (rounded_count >= 0 and rounded_count % 5 = 0)),
  -- CBS households of the area (the denominator of the rate); null when unknown.
  households integer check (households is null or households >= 0),
  rate_per_1000 numeric(9, 1) check (rate_per_1000 is null or rate_per_1000 >= 0),
  window_start timestamptz not null,
  window_end timestamptz not null,
  computed_at timestamptz not null default now(),
  primary key (gemeente_code, window_months, area_level, area_code, theme_code),
  check ((display = 'count') = (rounded_count is not null)),
  check (rate_per_1000 is null or display = 'count'),
  check (display <> 'fewer_than_5' or (area_level = 'buurt' and theme_code <> '*')),
  check (window_start < window_end)
);
alter table public.need_aggregates enable row level security;
comment on table public.need_aggregates is
  'Public needs figures per area × theme and window: rounded to 5, cells of 1-4 shown as "<5", complementary suppression applied. Written only by the maintenance job (service_role).';

revoke all on public.need_aggregates from public, anon, authenticated;
grant select on public.need_aggregates to anon, authenticated;
grant select, insert, update, delete on public.need_aggregates to service_role;

create policy "Anyone reads the published needs figures" on public.need_aggregates
  for select to anon, authenticated using (true);
