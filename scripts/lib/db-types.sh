# shellcheck shell=bash
# Database types: what `supabase gen types typescript` writes, made without Docker. The CLI runs
# the postgres-meta image for it; we run the same postgres-meta release from node_modules
# (@supabase/postgres-meta, pinned to the version the CLI 2.117 image uses) against a database the
# CLI migrated. Used by scripts/db-types.sh (`npm run db:types`, writes the file) and by
# scripts/test-postgres.sh (fails when the checked-in file is stale).
#
#   source scripts/lib/db-types.sh
#   db_types_generate postgresql://postgres@127.0.0.1:PORT/postgres OUT_FILE

# The checked-in file, relative to the repository root.
DB_TYPES_FILE=src/lib/server/db/database.types.ts
# public: tables, views, enums and the functions the app calls; private: the security-definer
# functions the app calls as private.x(…). auth is the platform's (our shim), not our schema.
DB_TYPES_SCHEMAS=public,private

# db_types_generate URL OUT: the generated types, formatted by the project's prettier config so
# that `prettier --check` accepts the file as it is and a comparison is byte for byte.
db_types_generate() {
	local url=$1 out=$2 raw
	local root=${ROOT:-$(pwd)}
	raw=$(mktemp "${TMPDIR:-/tmp}/database-types.XXXXXX") || return 1
	# DETECT_ONE_TO_ONE is what the CLI passes by default (it is off only with --postgrest-v9-compat).
	# Node warns about listeners on postgres-meta's pool; stderr is kept for real errors.
	if ! PG_META_DB_URL=$url \
		PG_META_GENERATE_TYPES=typescript \
		PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS=$DB_TYPES_SCHEMAS \
		PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS=true \
		NODE_NO_WARNINGS=1 \
		node "$root/node_modules/@supabase/postgres-meta/dist/server/server.js" >"$raw" </dev/null; then
		rm -f -- "$raw"
		echo "postgres-meta could not generate the types from $url" >&2
		return 1
	fi
	if [[ ! -s $raw ]] || ! grep -q '^export type Database = {' "$raw"; then
		echo "postgres-meta printed no type definitions:" >&2
		head -n 20 "$raw" >&2
		rm -f -- "$raw"
		return 1
	fi
	# --stdin-filepath applies .prettierrc for the checked-in path (tabs, single quotes, width 100).
	"$root/node_modules/.bin/prettier" --stdin-filepath "$root/$DB_TYPES_FILE" <"$raw" >"$out" || {
		rm -f -- "$raw"
		return 1
	}
	rm -f -- "$raw"
}
