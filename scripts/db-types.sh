#!/usr/bin/env bash
# `npm run db:types`: regenerates src/lib/server/db/database.types.ts from supabase/migrations.
# Makes a private PostgreSQL 15 cluster (scripts/lib/pg-cluster.sh), migrates it exactly as the
# PostgreSQL test tier does (shim + `supabase db push`), runs postgres-meta's type generator
# (scripts/lib/db-types.sh) and writes the file. `npm run test:postgres` fails while the
# checked-in file differs from what this writes. Needs postgresql-15 and node_modules (npm ci).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/pg-cluster.sh
source scripts/lib/pg-cluster.sh
# shellcheck source=lib/schema-push.sh
source scripts/lib/schema-push.sh
# shellcheck source=lib/db-types.sh
source scripts/lib/db-types.sh

trap 'pg_cluster_stop' EXIT

[[ -f node_modules/@supabase/postgres-meta/dist/server/server.js ]] || {
	echo "node_modules/@supabase/postgres-meta is missing: run npm ci first." >&2
	exit 1
}
command -v psql >/dev/null || {
	echo "psql is missing: apt-get install -y postgresql-$PG_MAJOR" >&2
	exit 1
}

pg_cluster_start
# Quiet unless something fails: then the shim's or the CLI's output says why.
log=$(schema_apply_shim postgres 2>&1) || {
	echo "$log" >&2
	exit 1
}
log=$(schema_cli_push postgres 2>&1) || {
	echo "$log" >&2
	exit 1
}
fresh=$(mktemp "${TMPDIR:-/tmp}/database-types.XXXXXX")
db_types_generate "postgresql://postgres@127.0.0.1:$PG_PORT/postgres" "$fresh"
if cmp -s "$fresh" "$DB_TYPES_FILE"; then
	echo "$DB_TYPES_FILE is up to date ($(wc -c <"$fresh") bytes)."
	rm -f -- "$fresh"
else
	mv -- "$fresh" "$DB_TYPES_FILE"
	echo "Wrote $DB_TYPES_FILE ($(wc -c <"$DB_TYPES_FILE") bytes) from $(ls supabase/migrations/*.sql | wc -l) migrations."
fi
