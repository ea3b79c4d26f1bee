-- Embedded identity provider: the tables Supabase Auth (GoTrue) keeps for itself, for databases
-- where the app is its own identity provider (AUTH_MODE=embedded). Applied right after
-- platform.sql, by the same applyPlatformShim (src/lib/server/db/migrator.ts).
-- NEVER apply this to a Supabase project: there GoTrue owns schema auth and sends the e-mail.
-- It is idempotent: applying it twice changes nothing.
--
-- None of these tables is granted to anon, authenticated or service_role: only the embedded
-- provider (src/lib/server/auth/embedded-provider.ts) reads and writes them, as the owner.

-- One-time password-reset tokens. Only a SHA-256 hash of the token is stored, so a copy of the
-- database does not hand out working reset links.
create table if not exists auth.password_resets (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index if not exists password_resets_user_id_idx on auth.password_resets (user_id);

-- Mail the provider would send: reset links and account notices. In embedded mode nothing is
-- sent; each row is also printed in the server log. A mail relay can pick rows up by sent_at.
create table if not exists auth.outbox (
  id bigint generated always as identity primary key,
  recipient text not null,
  kind text not null check (kind in ('password_reset', 'sign_up_existing', 'password_changed')),
  subject text not null,
  body text not null,
  link text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index if not exists outbox_recipient_idx on auth.outbox (recipient, created_at);

-- Failed sign-ins, for throttling per account (e-mail address) and per client address.
create table if not exists auth.sign_in_failures (
  id bigint generated always as identity primary key,
  email text not null,
  address text not null,
  failed_at timestamptz not null default now()
);
create index if not exists sign_in_failures_email_idx on auth.sign_in_failures (email, failed_at);
create index if not exists sign_in_failures_address_idx on auth.sign_in_failures (address, failed_at);

-- Case-insensitive look-ups by address (the provider stores addresses in lower case).
create unique index if not exists users_email_lower_idx on auth.users (lower(email));

alter table auth.password_resets owner to supabase_admin;
alter table auth.outbox owner to supabase_admin;
alter table auth.sign_in_failures owner to supabase_admin;

alter table auth.password_resets enable row level security;
alter table auth.outbox enable row level security;
alter table auth.sign_in_failures enable row level security;

revoke all on table auth.password_resets, auth.outbox, auth.sign_in_failures
  from public, anon, authenticated, service_role;

-- The wijkteam workspace's daily digest of new shared-need candidates is mail too
-- (src/lib/server/signals/digest.ts). Replaced rather than altered, so this stays idempotent.
alter table auth.outbox drop constraint if exists outbox_kind_check;
alter table auth.outbox add constraint outbox_kind_check
  check (kind in ('password_reset', 'sign_up_existing', 'password_changed', 'signal_digest'));
