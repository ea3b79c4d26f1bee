-- Admin user directory, and a guard that keeps every administrator an administrator of themselves.
--
-- Admins manage roles and team members by e-mail address, but the address lives in auth.users,
-- which the API roles cannot read (in a Supabase project it belongs to GoTrue). The function below
-- hands admins exactly the columns they need, and nothing to anyone else.

-- ============================================================================================
-- public.admin_list_users(): every account with its address and role, for admins only
-- ============================================================================================

create function public.admin_list_users()
returns table (
  id uuid,
  email text,
  role public.app_role,
  display_name text,
  created_at timestamptz
)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not (select private.is_admin()) then
    raise exception 'only administrators may list users' using errcode = '42501';
  end if;
  return query
    select u.id, u.email::text, coalesce(p.role, 'resident'::public.app_role), p.display_name,
           u.created_at
      from auth.users u
      left join public.profiles p on p.id = u.id
     order by lower(u.email::text);
end;
$$;

comment on function public.admin_list_users() is
  'Every account (id, e-mail address, application role, display name, created_at). Raises 42501 unless the caller is an admin.';

revoke execute on function public.admin_list_users() from public, anon;
grant execute on function public.admin_list_users() to authenticated, service_role;

-- ============================================================================================
-- An admin cannot remove their own admin role (nor delete their own profile): another admin
-- has to. This keeps at least one admin, and a slip of the mouse cannot lock the last one out.
-- ============================================================================================

create function private.keep_own_admin_role() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.role = 'admin' and old.id = (select auth.uid())
     and (tg_op = 'DELETE' or new.role is distinct from 'admin') then
    raise exception 'administrators cannot remove their own admin role' using errcode = '42501';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end;
$$;

revoke all on function private.keep_own_admin_role() from public;

create trigger profiles_keep_own_admin_role before update of role or delete on public.profiles
  for each row execute function private.keep_own_admin_role();
