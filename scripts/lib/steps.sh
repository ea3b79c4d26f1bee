# shellcheck shell=bash
# Section headers, step timings and test counts for scripts/test-postgres.sh and .ci/run.
# Source it; it defines functions only.

# Milliseconds since the epoch.
steps_now_ms() { date +%s%3N; }

# "12.3 s" from a duration in milliseconds.
steps_fmt_ms() {
	local ms=$1
	printf '%d.%d s' $((ms / 1000)) $(((ms % 1000) / 100))
}

STEPS_TIMINGS=()
STEP_NAME=
STEP_START=
# Exit status of the last run_step.
STEP_STATUS=0

# section "Title": a header that stands out in a long log.
section() {
	printf '\n==== %s ====\n' "$*"
}

step_begin() {
	section "$1"
	STEP_NAME=$1
	STEP_START=$(steps_now_ms)
}

# step_end STATUS: records the running step's duration and verdict in STEPS_TIMINGS.
step_end() {
	local status=${1:-0} ms verdict=ok
	[[ -n $STEP_NAME ]] || return 0
	ms=$(($(steps_now_ms) - STEP_START))
	((status == 0)) || verdict="FAILED (exit $status)"
	STEPS_TIMINGS+=("$(printf '%-52s %9s  %s' "$STEP_NAME" "$(steps_fmt_ms "$ms")" "$verdict")")
	printf -- '---- %s: %s in %s\n' "$STEP_NAME" "$verdict" "$(steps_fmt_ms "$ms")"
	STEP_NAME=
}

# timed NAME CMD...: runs CMD (a command or a function of this shell, so it may set variables)
# under a header and records its time. Made for `set -e` scripts: if CMD fails, the script exits,
# and its EXIT trap must call `step_end "$status"` to record the failed step.
timed() {
	step_begin "$1"
	shift
	"$@"
	step_end 0
}

# run_step NAME CMD...: runs CMD in a subshell with `set -e` in force, records its time, sets
# STEP_STATUS and returns 0, so a caller can go on after a failure. Do not call it after `if`,
# `||` or `&&`: bash would then switch `set -e` off inside CMD. Variables CMD sets are lost.
run_step() {
	step_begin "$1"
	shift
	set +e
	(
		set -e
		"$@"
	)
	STEP_STATUS=$?
	set -e
	step_end "$STEP_STATUS"
}

# print_timings TITLE: the table of every timed step so far.
print_timings() {
	section "${1:-Timings}"
	local line
	for line in "${STEPS_TIMINGS[@]}"; do
		printf '  %s\n' "$line"
	done
}

# count_tests LOG: prints "PASSED FAILED" summed over the test runners' closing lines in LOG:
#   vitest      "      Tests  2 failed | 10 passed | 1 skipped (13)"
#   Playwright  "  10 passed (12.3s)", "  2 failed", "  1 flaky" (flaky = passed on a retry)
#   pg_prove    "Files=1, Tests=15, ..." with "(Wstat: 0 Tests: 15 Failed: 1)" per failing file
count_tests() {
	sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
		function grab(line, word,    m) {
			if (match(line, "[0-9]+ " word)) { m = substr(line, RSTART, RLENGTH); sub(" .*", "", m); return m + 0 }
			return 0
		}
		# vitest summary (not "Test Files")
		/^[[:space:]]*Tests[[:space:]]+[0-9]/ {
			passed += grab($0, "passed"); failed += grab($0, "failed"); next
		}
		# Playwright summary lines
		/^[[:space:]]+[0-9]+ passed( \(.*\))?[[:space:]]*$/ { passed += grab($0, "passed"); next }
		/^[[:space:]]+[0-9]+ flaky[[:space:]]*$/ { passed += grab($0, "flaky"); next }
		/^[[:space:]]+[0-9]+ (failed|interrupted)[[:space:]]*$/ { failed += $1; next }
		# prove / pg_prove
		/^Files=[0-9]+, Tests=[0-9]+/ {
			t = $0; sub(/^Files=[0-9]+, Tests=/, "", t); sub(/,.*/, "", t); prove_total += t; next
		}
		/\(Wstat: [0-9]+ Tests: [0-9]+ Failed: [0-9]+\)/ {
			f = $0; sub(/.*Failed: /, "", f); sub(/\).*/, "", f); prove_failed += f; next
		}
		END {
			passed += prove_total - prove_failed; failed += prove_failed
			printf "%d %d\n", passed, failed
		}'
}
