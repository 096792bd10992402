# tests/tmux.sh - what the tmux tests share, sourced by tests/ui.sh,
# tests/history_ui.sh and tests/picker-edit.sh.
#
# A private tmux server per script (socket bc-NAME-PID, no user config),
# the screen read with capture-pane, keys typed with send-keys, and every
# wait a poll against a deadline, never a fixed sleep.  The caller sets
# S, the tmux session the helpers act on; CAPTURE_FLAGS may add flags to
# capture-pane (-J joins lines the terminal wrapped).  The server is
# killed and TMP removed on exit.
#
#   tmux_setup NAME        TMP, PASS, FAIL, T and the cleanup trap

tmux_setup() {
	TMP=$(mktemp -d)
	SOCK="bc-$1-$$"
	PASS=0
	FAIL=0
	trap 'T kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT
}
T() { tmux -L "$SOCK" -f /dev/null "$@"; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# shellcheck disable=SC2086 # CAPTURE_FLAGS is a list of flags
screen() { T capture-pane -p ${CAPTURE_FLAGS:-} -t "$S" 2>/dev/null; }

# poll SECONDS COMMAND...: runs COMMAND until it succeeds, up to a deadline.
# COMMAND is run anew each time: give it a function that reads what it
# checks, not "$(...)" that the shell would expand once.
poll() {
	local end=$(( $(now_ms) + $1 * 1000 ))
	shift
	while :; do
		"$@" && return 0
		[ "$(now_ms)" -gt "$end" ] && return 1
		sleep 0.05
	done
}
shows() { screen | grep -Eq -- "$1"; }
lacks() { ! screen | grep -Eq -- "$1"; }
# wait_for REGEX [SECONDS]: polls the screen until a line matches.
wait_for() { poll "${2:-5}" shows "$1"; }
# wait_gone REGEX [SECONDS]: polls until no line matches.
wait_gone() { poll "${2:-5}" lacks "$1"; }

ok() { PASS=$((PASS + 1)); echo "ok   $S: $1"; }
# A failed check shows the screen as it was.
bad() { FAIL=$((FAIL + 1)); echo "FAIL $S: $1"; screen | sed 's/^/     | /'; }
# check NAME COMMAND...: a check that passes when COMMAND succeeds.
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# expect NAME REGEX [SECONDS]: the screen shows REGEX in time.
expect() { check "$1" wait_for "$2" "${3:-5}"; }

key() { T send-keys -t "$S" "$@"; }
chars() { T send-keys -t "$S" -l -- "$1"; }
type_line() { T send-keys -t "$S" -l -- "$1"; T send-keys -t "$S" Enter; }
