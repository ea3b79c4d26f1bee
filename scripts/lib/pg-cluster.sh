# shellcheck shell=bash
# A private, throw-away PostgreSQL cluster: trust auth, superuser "postgres", listening on
# 127.0.0.1 only, on a free port, with its socket and data in a temp dir.
#
#   source scripts/lib/pg-cluster.sh
#   pg_cluster_start            # sets PG_CLUSTER_DIR, PG_PORT, PG_BIN
#   ...                         # postgresql://postgres@127.0.0.1:$PG_PORT/postgres
#   pg_cluster_stop             # stops it and deletes the temp dir (safe to call twice)
#
# As root, the server runs as the system user $PG_OS_USER (default: postgres, which Debian's
# postgresql package creates; created here if missing), since PostgreSQL refuses to run as root.

PG_MAJOR=${PG_MAJOR:-15}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$PG_MAJOR/bin}
PG_OS_USER=${PG_OS_USER:-postgres}
PG_CLUSTER_DIR=
PG_PORT=

# A TCP port on 127.0.0.1 that nothing listens on right now.
pg_free_port() {
	node -e '
		const s = require("node:net").createServer();
		s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
	'
}

# Runs a command as the cluster's owner.
pg_as_owner() {
	if ((EUID == 0)); then
		(cd "$PG_CLUSTER_DIR" && runuser -u "$PG_OS_USER" -- "$@")
	else
		(cd "$PG_CLUSTER_DIR" && "$@")
	fi
}

pg_cluster_start() {
	if [[ ! -x $PG_BIN/initdb || ! -x $PG_BIN/pg_ctl ]]; then
		echo "PostgreSQL $PG_MAJOR server binaries not found in $PG_BIN." >&2
		echo "Install them: apt-get install -y postgresql-$PG_MAJOR (or set PG_BIN)." >&2
		return 1
	fi
	# As root the server runs as another user, who must reach the dir: /tmp, not root's TMPDIR.
	local parent=${TMPDIR:-/tmp}
	((EUID != 0)) || parent=/tmp
	PG_CLUSTER_DIR=$(mktemp -d "$parent/buurtkracht-pg.XXXXXX") || return 1
	chmod 700 "$PG_CLUSTER_DIR"
	if ((EUID == 0)); then
		if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
			useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER" || return 1
		fi
		chown "$PG_OS_USER:" "$PG_CLUSTER_DIR" || return 1
	fi

	pg_as_owner "$PG_BIN/initdb" --pgdata="$PG_CLUSTER_DIR/data" --username=postgres --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PG_CLUSTER_DIR/initdb.log" 2>&1 || {
		cat "$PG_CLUSTER_DIR/initdb.log" >&2
		return 1
	}

	# A throw-away cluster: durability off for speed. Only loopback TCP and a private socket.
	cat >>"$PG_CLUSTER_DIR/data/postgresql.conf" <<-EOF

		# scripts/lib/pg-cluster.sh
		listen_addresses = '127.0.0.1'
		unix_socket_directories = '$PG_CLUSTER_DIR'
		fsync = off
		synchronous_commit = off
		full_page_writes = off
		max_connections = 200
		log_min_messages = warning
		log_checkpoints = off
	EOF

	# Another process may take the port between the probe and the bind: try a few.
	local attempt
	for attempt in 1 2 3 4 5; do
		PG_PORT=$(pg_free_port) || return 1
		if pg_as_owner "$PG_BIN/pg_ctl" --pgdata="$PG_CLUSTER_DIR/data" --log="$PG_CLUSTER_DIR/postgres.log" \
			--options="-c port=$PG_PORT" --wait --timeout=60 --silent start; then
			echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data in $PG_CLUSTER_DIR)"
			return 0
		fi
		echo "Start on port $PG_PORT failed (attempt $attempt):" >&2
		tail -n 5 "$PG_CLUSTER_DIR/postgres.log" >&2 || true
	done
	return 1
}

pg_cluster_stop() {
	[[ -n $PG_CLUSTER_DIR && -d $PG_CLUSTER_DIR ]] || return 0
	if [[ -f $PG_CLUSTER_DIR/data/postmaster.pid ]]; then
		pg_as_owner "$PG_BIN/pg_ctl" --pgdata="$PG_CLUSTER_DIR/data" --mode=fast --wait --timeout=30 --silent stop ||
			pg_as_owner "$PG_BIN/pg_ctl" --pgdata="$PG_CLUSTER_DIR/data" --mode=immediate --wait --silent stop ||
			true
	fi
	rm -rf -- "$PG_CLUSTER_DIR"
	PG_CLUSTER_DIR=
}
