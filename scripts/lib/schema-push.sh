# shellcheck shell=bash
# Our schema on a plain PostgreSQL, the way the Supabase platform would have it: the platform shim
# (supabase/shim/*.sql, with psql), then `supabase db push` of supabase/migrations. Shared by
# scripts/test-postgres.sh and scripts/db-types.sh so both migrate exactly alike.
# Needs PG_PORT (scripts/lib/pg-cluster.sh) and runs from the repository root.
#
#   source scripts/lib/schema-push.sh
#   schema_apply_shim postgres
#   schema_cli_push postgres

# The CLI must not phone home or look for updates (there is no network here; it only slows down).
export SUPABASE_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 SUPABASE_NO_UPDATE_NOTIFIER=1

# schema_psql DB ARGS…: psql as the superuser on the private cluster, stopping at the first error.
schema_psql() {
	local db=$1
	shift
	PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"
}

# schema_cli_url DB: the URL the CLI wants (sslmode=disable spelled out: no TLS here).
schema_cli_url() {
	echo "postgresql://postgres@127.0.0.1:$PG_PORT/$1?sslmode=disable"
}

# The platform shim, as applyPlatformShim (src/lib/server/db/migrator.ts) applies it: platform.sql
# first (roles, schema auth), then the other supabase/shim/*.sql files in name order.
schema_apply_shim() {
	local db=$1 file
	schema_psql "$db" -f supabase/shim/platform.sql
	echo "Applied supabase/shim/platform.sql to $db."
	for file in supabase/shim/*.sql; do
		[[ $file == supabase/shim/platform.sql ]] && continue
		schema_psql "$db" -f "$file"
		echo "Applied $file to $db."
	done
}

schema_cli_push() {
	# --yes answers the confirmation prompt; stdin is closed anyway (CI has none).
	node_modules/.bin/supabase db push --db-url "$(schema_cli_url "$1")" --yes </dev/null
}
