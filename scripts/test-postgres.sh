#!/usr/bin/env bash
# The PostgreSQL tier (`npm run test:postgres`): the schema on a real PostgreSQL 15, migrated by the
# Supabase CLI, then linted, checked with pgTAP and exercised by the database tests.
#
#   1. A private PostgreSQL 15 cluster in a temp dir (scripts/lib/pg-cluster.sh), removed on exit.
#   2. The platform shim (supabase/shim/*.sql, with psql), then `supabase db push` of supabase/migrations into database
#      "postgres" (scripts/lib/schema-push.sh); `supabase migration list` must show every local
#      migration as applied.
#   2b. The database types generated from that schema (scripts/lib/db-types.sh, postgres-meta)
#      must equal the checked-in src/lib/server/db/database.types.ts: a migration without
#      `npm run db:types` fails here.
#   3. The Supabase CLI and our migrator (src/lib/server/db/migrator.ts) recognise each other:
#      a database migrated by ours is up to date for the CLI, a CLI-pushed one is up to date for
#      ours, and both history tables have the same columns.
#   4. `supabase db lint` (plpgsql_check), the pgTAP tests in supabase/tests, and the vitest "db"
#      project with TEST_DATABASE_URL pointing at the migrated "postgres" database (each test file
#      copies it as a template).
#
# Needs Debian's postgresql-15, postgresql-15-plpgsql-check, postgresql-15-pgtap and pg_prove
# (libtap-parser-sourcehandler-pgtap-perl); .ci/run installs them. Set SKIP_PGTAP=1 to skip pgTAP.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/steps.sh
source scripts/lib/steps.sh
# shellcheck source=lib/pg-cluster.sh
source scripts/lib/pg-cluster.sh
# shellcheck source=lib/schema-push.sh
source scripts/lib/schema-push.sh
# shellcheck source=lib/db-types.sh
source scripts/lib/db-types.sh

BIN=$ROOT/node_modules/.bin
TOTAL_START=$(steps_now_ms)

on_exit() {
	local status=$?
	trap - EXIT INT TERM
	step_end "$status"
	if [[ -n ${PG_CLUSTER_DIR:-} ]]; then
		if ((status != 0)) && [[ -f $PG_CLUSTER_DIR/postgres.log ]]; then
			section "PostgreSQL server log (last 40 lines)"
			tail -n 40 "$PG_CLUSTER_DIR/postgres.log" || true
		fi
		section "Stop the cluster"
		pg_cluster_stop
		echo "Cluster stopped, temp dir removed."
	fi
	print_timings "test:postgres timings"
	printf '  %-52s %9s\n' "total" "$(steps_fmt_ms $(($(steps_now_ms) - TOTAL_START)))"
	if ((status == 0)); then
		echo "test:postgres: OK"
	else
		echo "test:postgres: FAILED (exit $status)" >&2
	fi
	exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
	echo "ERROR: $*" >&2
	return 1
}

# ---------------------------------------------------------------------------------------------

preflight() {
	local missing=()
	[[ -x $BIN/supabase && -x $BIN/vitest && -x $BIN/tsx && -f node_modules/@supabase/postgres-meta/dist/server/server.js ]] ||
		missing+=("node_modules (run npm ci)")
	[[ -x $PG_BIN/initdb ]] || missing+=("postgresql-$PG_MAJOR ($PG_BIN/initdb)")
	command -v psql >/dev/null || missing+=("psql (postgresql-client-$PG_MAJOR)")
	if [[ ${SKIP_PGTAP:-} != 1 ]]; then
		command -v pg_prove >/dev/null || missing+=("pg_prove (libtap-parser-sourcehandler-pgtap-perl)")
	fi
	if ((${#missing[@]})); then
		fail "missing: ${missing[*]}. .ci/run installs them; by hand: apt-get install -y --no-install-recommends postgresql-$PG_MAJOR postgresql-$PG_MAJOR-plpgsql-check postgresql-$PG_MAJOR-pgtap libtap-parser-sourcehandler-pgtap-perl"
		return 1
	fi
	echo "node $(node --version), supabase CLI $("$BIN/supabase" --version), $(psql --version)"
}

start_cluster() {
	pg_cluster_start
	BASE=postgresql://postgres@127.0.0.1:$PG_PORT
	cli_url() { schema_cli_url "$@"; }
	psql_db() { schema_psql "$@"; }
	local available
	available=$(psql_db postgres -At -c "select string_agg(name, ',' order by name) from pg_available_extensions where name in ('plpgsql_check', 'pgtap')")
	echo "Extensions available: ${available:-none}"
	[[ $available == *plpgsql_check* ]] || fail "plpgsql_check is not installed (apt-get install postgresql-$PG_MAJOR-plpgsql-check); supabase db lint needs it"
	if [[ ${SKIP_PGTAP:-} != 1 ]]; then
		[[ $available == *pgtap* ]] || fail "pgtap is not installed (apt-get install postgresql-$PG_MAJOR-pgtap)"
	fi
}

# The local migration versions, from the file names (<14 digits>_<name>.sql).
local_versions() {
	local f
	for f in supabase/migrations/*.sql; do
		f=${f##*/}
		echo "${f%%_*}"
	done
}

# `supabase migration list` must show every local migration as applied remotely (same version in
# the Local and the Remote column) and no remote-only version. Its exit status does not say so.
assert_cli_sees_all_applied() {
	local db=$1 out version problems=0
	out=$("$BIN/supabase" migration list --db-url "$(cli_url "$db")" </dev/null)
	echo "$out"
	for version in $(local_versions); do
		if ! grep -Eq "^[[:space:]]*\`?$version\`?[[:space:]]*\|[[:space:]]*\`?$version\`?[[:space:]]*\|" <<<"$out"; then
			echo "NOT APPLIED (per the CLI): $version" >&2
			problems=1
		fi
	done
	if grep -Eq '^[[:space:]]*`?[[:space:]]*`?[[:space:]]*\|[[:space:]]*`?[0-9]{14}' <<<"$out"; then
		echo "The database has versions that are not in supabase/migrations." >&2
		problems=1
	fi
	((problems == 0)) || return 1
	echo "The CLI sees all $(local_versions | wc -l) local migrations applied in $db."
}

assert_cli_push_nothing() {
	local db=$1 out
	out=$("$BIN/supabase" db push --dry-run --db-url "$(cli_url "$db")" </dev/null 2>&1)
	echo "$out"
	if grep -q 'Would push' <<<"$out" || ! grep -q 'up to date' <<<"$out"; then
		fail "supabase db push --dry-run on $db would push something"
		return 1
	fi
}

cli_push() {
	schema_cli_push postgres
	assert_cli_sees_all_applied postgres
}

# The checked-in types must be what postgres-meta generates from the schema the CLI just pushed.
db_types_current() {
	local fresh
	fresh=$(mktemp "${TMPDIR:-/tmp}/database-types.XXXXXX")
	db_types_generate "$BASE/postgres" "$fresh" || {
		rm -f -- "$fresh"
		return 1
	}
	if ! cmp -s "$fresh" "$DB_TYPES_FILE"; then
		diff -u --label "$DB_TYPES_FILE (checked in)" --label "generated from supabase/migrations" \
			"$DB_TYPES_FILE" "$fresh" | head -n 60 || true
		rm -f -- "$fresh"
		fail "$DB_TYPES_FILE is stale: it differs from the types of the migrated schema (diff above, first 60 lines). Run npm run db:types and commit the file."
		return 1
	fi
	echo "$DB_TYPES_FILE ($(wc -c <"$fresh") bytes) matches the migrated schema."
	rm -f -- "$fresh"
}

# Our migrator: `npm run db:migrate` (scripts/db-migrate.ts) when it exists, else its building
# blocks directly. With "shim" as second argument it applies the platform shim first.
our_migrate() {
	local db=$1 shim=${2:-}
	if [[ -f scripts/db-migrate.ts ]]; then
		echo "Using scripts/db-migrate.ts ${shim:+--shim}"
		DATABASE_URL="$BASE/$db" "$BIN/tsx" scripts/db-migrate.ts ${shim:+--shim} </dev/null
	else
		echo "Using src/lib/server/db/migrator.ts (scripts/db-migrate.ts does not exist)"
		SHIM=$shim DATABASE_URL="$BASE/$db" "$BIN/tsx" -e "
			import { applyPlatformShim, migrate } from './src/lib/server/db/migrator.ts';
			import { postgresDatabase } from './src/lib/server/db/postgres-driver.ts';
			(async () => {
				const db = postgresDatabase(process.env.DATABASE_URL!, { max: 1 });
				try {
					if (process.env.SHIM) await applyPlatformShim(db);
					const result = await migrate(db);
					console.log('our migrator: applied ' + JSON.stringify(result.applied) + ', skipped ' + JSON.stringify(result.skipped));
					if (process.env.EXPECT_APPLIED && result.applied.length !== Number(process.env.EXPECT_APPLIED)) {
						throw new Error('expected ' + process.env.EXPECT_APPLIED + ' migrations applied, got ' + result.applied.length);
					}
				} finally {
					await db.close();
				}
			})().catch((error) => { console.error(error); process.exit(1); });
		" </dev/null
	fi
}

history_columns() {
	psql_db "$1" -At -F ' ' -c "
		select a.attname, format_type(a.atttypid, a.atttypmod),
		       case when a.attnotnull then 'not-null' else 'null' end,
		       coalesce(pg_get_expr(d.adbin, d.adrelid), 'no-default')
		from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
		where a.attrelid = 'supabase_migrations.schema_migrations'::regclass and a.attnum > 0 and not a.attisdropped
		order by a.attnum" -c "
		select 'constraint ' || contype::text || ' ' || pg_get_constraintdef(oid) from pg_constraint
		where conrelid = 'supabase_migrations.schema_migrations'::regclass order by 1"
}

interop() {
	# (a) migrated by our migrator → the CLI has nothing to do.
	psql_db postgres -c 'create database migrated_by_app template template0'
	our_migrate migrated_by_app shim
	assert_cli_sees_all_applied migrated_by_app
	assert_cli_push_nothing migrated_by_app

	# (b) pushed by the CLI → our migrator has nothing to do (on a copy: "postgres" stays pristine).
	psql_db postgres -c 'create database pushed_by_cli template postgres'
	if [[ -f scripts/db-migrate.ts ]]; then
		our_migrate pushed_by_cli
		local count
		count=$(psql_db pushed_by_cli -At -c 'select count(*) from supabase_migrations.schema_migrations')
		[[ $count == "$(local_versions | wc -l)" ]] || fail "history of pushed_by_cli has $count rows after our migrator"
	else
		EXPECT_APPLIED=0 our_migrate pushed_by_cli
	fi

	# (c) the two history tables are alike.
	section "supabase_migrations.schema_migrations: created by the CLI (db push)"
	psql_db postgres -c '\d supabase_migrations.schema_migrations'
	local cli ours
	cli=$(history_columns postgres)
	ours=$(history_columns migrated_by_app)
	echo "CLI:  ${cli//$'\n'/; }"
	echo "ours: ${ours//$'\n'/; }"
	if [[ $cli != "$ours" ]]; then
		diff <(echo "$cli") <(echo "$ours") || true
		fail "the history table created by our migrator differs from the CLI's"
		return 1
	fi
	echo "Same columns, types, nullability, defaults and constraints."
	echo "Rows (version, name, number of statements) — the CLI stores one array element per statement, ours one per file:"
	psql_db postgres -c 'select version, name, cardinality(statements) as statements from supabase_migrations.schema_migrations order by 1'
	psql_db migrated_by_app -c 'select version, name, cardinality(statements) as statements from supabase_migrations.schema_migrations order by 1'
	psql_db postgres -c 'drop database migrated_by_app' -c 'drop database pushed_by_cli'
}

lint() {
	"$BIN/supabase" db lint --db-url "$(cli_url postgres)" -s public --fail-on error </dev/null
}

pgtap() {
	if [[ ${SKIP_PGTAP:-} == 1 ]]; then
		echo "SKIP_PGTAP=1: skipped."
		return 0
	fi
	shopt -s nullglob
	local files=(supabase/tests/*.sql)
	shopt -u nullglob
	if ((${#files[@]} == 0)); then
		echo "No pgTAP tests in supabase/tests."
		return 0
	fi
	# On a copy, so the template the db tests clone stays exactly as the CLI left it.
	psql_db postgres -c 'create database pgtap_run template postgres'
	local status=0
	pg_prove --host 127.0.0.1 --port "$PG_PORT" --username postgres --dbname pgtap_run "${files[@]}" </dev/null || status=$?
	psql_db postgres -c 'drop database pgtap_run'
	return "$status"
}

db_tests() {
	# Nothing may stay connected to the template database: each test file copies it.
	local busy
	busy=$(psql_db template1 -At -c "select count(*) from pg_stat_activity where datname = 'postgres'")
	[[ $busy == 0 ]] || fail "$busy session(s) still connected to the template database"
	TEST_DATABASE_URL="$BASE/postgres" "$BIN/vitest" run --project db </dev/null
}

timed "Preflight" preflight
timed "Start a private PostgreSQL $PG_MAJOR cluster" start_cluster
timed "Platform shim (psql)" schema_apply_shim postgres
timed "supabase db push + migration list" cli_push
timed "supabase db push --dry-run: nothing left" assert_cli_push_nothing postgres
timed "Database types up to date (postgres-meta)" db_types_current
timed "Migrators recognise each other" interop
timed "supabase db lint (plpgsql_check)" lint
timed "pgTAP (pg_prove supabase/tests)" pgtap
timed "Database tests on PostgreSQL (vitest --project db)" db_tests
