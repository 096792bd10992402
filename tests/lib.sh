# shellcheck shell=bash disable=SC2034 # its variables are the scripts'
# tests/lib.sh - what backcoach's shell tests share.  Every tests/*/*.sh
# sources it first, as tig's tests source test/tools/libtest.sh:
#
#	. "$(dirname "$0")/../lib.sh"
#
# A script started with sh is re-run under bash; then set -u holds and
# the working directory is the tree root, wherever the script was run.
#
# Set-up
#   ROOT SCRIPT           the source tree; the script's name (ui.sh)
#   STARTED_IN            the directory the script was started in
#   TMP                   a private temp directory, removed on exit
#   at_exit COMMAND...    runs COMMAND on exit, before TMP goes (last added,
#                         first run); exit on INT, TERM and HUP runs them too
#   need TOOL...          exit 2 unless every TOOL is installed
#   need_built FILE...    exit 2 unless every FILE of the build exists
#   private_home [--runtime] DIR
#                         HOME=DIR and XDG_CONFIG_HOME, XDG_STATE_HOME,
#                         XDG_CACHE_HOME, XDG_DATA_HOME under it (and with
#                         --runtime XDG_RUNTIME_DIR), made 0700 and exported
#   private_env [--runtime] DIR
#                         the same directories made, and printed as
#                         "env -i PATH=... HOME=... ... LANG=C.UTF-8" for
#                         the command of a tmux pane
#   shquote WORD          WORD single-quoted, for such a command line
#   red_flags_answered DIR
#                         the daily red-flag screen answered today in the
#                         private home DIR (tests/ui/ui.sh tests the screen)
#
# Reporting (TAP)
#   ok NAME               prints "ok N - NAME"
#   not_ok NAME [DETAIL...]
#                         prints "not ok N - NAME", then each DETAIL and the
#                         on_failure command's output, indented "    | "
#   check NAME COMMAND... runs COMMAND (not a string: a command and its
#                         arguments): ok when it succeeds, else not_ok with
#                         what it printed, so a check may print what it saw
#   on_failure [COMMAND...]
#                         what every later failure shows (none: nothing)
#   note TEXT             prints "# TEXT"
#   budget NAME FIGURE LIMIT UNIT
#                         a figure of `make bench` beside its budget: ok
#                         when FIGURE <= LIMIT, else not_ok ("over")
#   finish                prints "1..N" and "SCRIPT: P passed, F failed";
#                         exits 1 when any check failed, or none ran (a
#                         script that exits before it gets both lines too)
#
# Sound: a private, headless PulseAudio (TESTING.md), one per script
#   pulse_start [RATE]    starts one with a null sink "test" (RATE, 48000
#                         Hz) as the default, under XDG_RUNTIME_DIR
#                         (private_home --runtime first); it stops on exit;
#                         held at 2 ms blocks (PULSE_HOLD_MS=4) for onsets
#                         to 2 ms, see below
#   pulse_stop            stops it
#   RATE ONSETS           the sink's rate; build/onsets, which finds where
#                         sounds start in a raw recording (s16, mono, RATE)
#   TOL                   how far (ms) a cue may sound from its time in a
#                         check (CUE_TOLERANCE_MS, 50: loose on purpose, see
#                         tests/sound/timing.sh; make bench measures)
#   record FILE           records the sink's monitor from now on, in the
#                         background, once the sink is quiet
#   stop_recording        stops it and writes what it recorded to FILE
#   max_amplitude FILE    sox's maximum amplitude of such a recording
#   onset_count FILE      the sounds that start in it
#   expected_cues ROUTINE the plan's cue times in seconds (every step's
#                         start, and the end), from `backcoach show`
#   sound_session ARGS... `backcoach ARGS` in tmux session "bc" with this
#                         script's private directories (the red-flag screen
#                         answered today), its PULSE_* settings and
#                         SESSION_ENV (SESSION_PRE: shell commands before
#                         it), past the card and the pain question
#   finish_session [SECONDS]
#                         the questions after the session answered (up to
#                         SECONDS away, 30) and the end screen left; true
#                         when the program then exits 0
#
# Waiting
#   now_ms                milliseconds since the epoch
#   poll SECONDS COMMAND...
#                         runs COMMAND, silenced, every 50 ms (after 2 s,
#                         every 250 ms) until it succeeds; 1 if SECONDS
#                         (whole) pass first
#
# tmux: a private server per script, no user configuration
#   T ARGS...             tmux on this script's server
#   tmux_kill             that server stopped (it is on exit too)
#   tmux_new NAME COMMAND a detached 80x24 session NAME running COMMAND;
#                         it becomes S, the session the helpers below act on;
#                         the server outlives its sessions until tmux_kill
#   CAPTURE_FLAGS         extra capture-pane flags (-J: wrapped lines joined)
#   screen                the screen's text
#   shows REGEX           a line of the screen matches (grep -E)
#   lacks REGEX           no line does
#   wait_for REGEX [SECONDS]   polls until a line matches (5 s)
#   wait_gone REGEX [SECONDS]  polls until none does (5 s)
#   expect NAME REGEX [SECONDS]  the check that the screen shows REGEX in time
#   key KEY...            tmux keys (Enter, C-c, Down, ...)
#   chars TEXT            TEXT typed literally
#   type_line TEXT        TEXT typed, then Enter
#   bc_pid                the pid of the backcoach the pane of S runs
#   begin [SECONDS]       the start card of a routine is on screen (5 s):
#                         Enter begins

# Everything below is bash: a script run with sh starts again under bash
# (the Makefile runs some with sh).  This line must stay plain sh.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi

set -u

SCRIPT=$(basename "$0")
STARTED_IN=$PWD
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
cd "$ROOT" || exit 2

# --- set-up -------------------------------------------------------------

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bc-${SCRIPT%.sh}.XXXXXX") || exit 2
EXIT_STEPS=()

# at_exit COMMAND...: the steps run last-added first, so a step can rely
# on whatever was set up before it was added.
at_exit() { EXIT_STEPS=("$(printf '%q ' "$@")" "${EXIT_STEPS[@]}"); }

_on_exit() {
	local step
	for step in "${EXIT_STEPS[@]}"; do eval "$step"; done
	rm -rf "$TMP"
	# a script that stops before finish still says how far it got
	if [ -z "$FINISHED" ] && [ $((PASSED + FAILED)) -gt 0 ]; then
		echo "1..$((PASSED + FAILED))"
		echo "$SCRIPT: $PASSED passed, $FAILED failed (stopped before the end)"
	fi
}
trap _on_exit EXIT
trap 'exit 1' INT TERM HUP

need() {
	local tool
	for tool; do
		command -v "$tool" >/dev/null && continue
		echo "$SCRIPT: needs $tool (make test-deps installs the test tools)" >&2
		exit 2
	done
}

need_built() {
	local file
	for file; do
		[ -e "$file" ] && continue
		echo "$SCRIPT: run 'make $*' first" >&2
		exit 2
	done
}

# _home_vars [--runtime] DIR: HOME_VARS, the NAME=VALUE of each variable
# of a private home in DIR, and its directories made, 0700 as backcoach
# makes its own (tests/cli/history.sh checks that it does).
_home_vars() {
	local runtime='' var
	if [ "$1" = --runtime ]; then runtime=1; shift; fi
	HOME_VARS=("HOME=$1" "XDG_CONFIG_HOME=$1/config" "XDG_STATE_HOME=$1/state"
		"XDG_CACHE_HOME=$1/cache" "XDG_DATA_HOME=$1/data")
	[ -z "$runtime" ] || HOME_VARS+=("XDG_RUNTIME_DIR=$1/run")
	for var in "${HOME_VARS[@]}"; do
		(umask 077 && mkdir -p "${var#*=}") || exit 2
	done
}

private_home() { _home_vars "$@"; export "${HOME_VARS[@]}"; }

# shquote WORD: WORD in single quotes, for a command line tmux runs with sh.
shquote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

private_env() {
	local var
	_home_vars "$@"
	printf 'env -i PATH=%s' "$(shquote "$PATH")"
	for var in "${HOME_VARS[@]}"; do
		printf ' %s=%s' "${var%%=*}" "$(shquote "${var#*=}")"
	done
	printf ' LANG=C.UTF-8'
}

red_flags_answered() {
	(umask 077 && mkdir -p "$1/state/backcoach") || exit 2
	touch "$1/state/backcoach/screened"
}

# --- reporting ------------------------------------------------------------

PASSED=0
FAILED=0
FINISHED=
ON_FAILURE=()

ok() { PASSED=$((PASSED + 1)); echo "ok $((PASSED + FAILED)) - $1"; }

not_ok() {
	FAILED=$((FAILED + 1))
	echo "not ok $((PASSED + FAILED)) - $1"
	shift
	{
		[ $# = 0 ] || printf '%s\n' "$@"
		[ ${#ON_FAILURE[@]} = 0 ] || "${ON_FAILURE[@]}"
	} 2>&1 | _indent
}

# Each line indented "    | "; blank lines at the end (a screen's unused
# rows) dropped.
_indent() {
	awk '$0 == "" { blank++; next }
		{ for (; blank > 0; blank--) print "    |"; print "    | " $0 }'
}

# COMMAND runs in this shell (what it sets stays set), its output kept in
# a file and shown only when it fails.
check() {
	local _check_name=$1 _check_out
	shift
	if "$@" >"$TMP/check.out" 2>&1; then
		ok "$_check_name"
	else
		_check_out=$(cat "$TMP/check.out")
		not_ok "$_check_name" ${_check_out:+"$_check_out"}
	fi
}

on_failure() { ON_FAILURE=("$@"); }

note() { echo "# $*"; }

budget() {
	if awk -v f="$2" -v l="$3" 'BEGIN { exit !(f + 0 <= l + 0) }'; then
		ok "$1: $2 $4 (budget: $3 $4)"
	else
		not_ok "$1: $2 $4, over the budget of $3 $4"
	fi
}

finish() {
	local total=$((PASSED + FAILED))
	FINISHED=1
	echo "1..$total"
	echo "$SCRIPT: $PASSED passed, $FAILED failed"
	if [ "$total" = 0 ]; then
		echo "$SCRIPT: no check ran"
		exit 1
	fi
	[ "$FAILED" = 0 ] || exit 1
	exit 0
}

# --- waiting ---------------------------------------------------------------

now_ms() {
	if [ -n "${EPOCHREALTIME:-}" ]; then
		local us=${EPOCHREALTIME/[.,]/}
		echo $((us / 1000))
	else
		echo $(($(date +%s%N) / 1000000))
	fi
}

# poll SECONDS COMMAND...: COMMAND is run anew each time, so give it a
# function that reads what it checks, never "$(...)", which the shell
# would expand once, before the first try.  COMMAND is a condition: its
# output would only repeat itself.
# After its first 2 s it tries every 250 ms: a long wait (a session
# running to its end) then costs a fifth of the processes, which the
# recordings of tests/sound, timed to the millisecond, run beside.
poll() {
	local _poll_now _poll_end _poll_slow
	_poll_now=$(now_ms)
	_poll_end=$((_poll_now + $1 * 1000)) _poll_slow=$((_poll_now + 2000))
	shift
	until "$@" >/dev/null 2>&1; do
		_poll_now=$(now_ms)
		[ "$_poll_now" -lt "$_poll_end" ] || return 1
		if [ "$_poll_now" -lt "$_poll_slow" ]; then sleep 0.05; else sleep 0.25; fi
	done
}

# --- sound -----------------------------------------------------------------

PULSE_HOLD_PID=
pulse_start() {
	local rate=${1:-$RATE}
	unset PULSE_SERVER PULSE_SINK
	at_exit pulse_stop
	pulseaudio -n --daemonize=yes --exit-idle-time=-1 --disallow-exit \
	    --load=module-native-protocol-unix \
	    --load="module-null-sink sink_name=test rate=$rate" \
	    --log-target="file:$TMP/pa.log" 2>>"$TMP/pa.err" || return 1
	poll 10 pactl info || return 1
	pactl set-default-sink test || return 1
	# An idle null sink runs with a 2 s buffer, and PulseAudio reports a
	# sample's end only once it leaves the rewind window: 2 s late.  And
	# a new sound starts on the sink's next block: a recorder alone sets
	# 20 ms blocks, so onsets could only be measured to 20 ms.  A silent
	# 4 ms stream holds the sink at 2 ms blocks, as a low-latency client
	# on a desktop does: a precise clock for the onsets, a continuous
	# timeline, and cue ends reported when they end.  It costs the
	# server about a tenth of a core: a suite that times no cue sets
	# PULSE_HOLD_MS=20 (10 ms blocks, a fiftieth of a core), so that the
	# suites side by side leave the CPU to those that do.
	pacat --latency-msec=${PULSE_HOLD_MS:-4} --rate="$rate" --channels=1 --format=s16le \
	    /dev/zero 2>>"$TMP/pa.err" &
	PULSE_HOLD_PID=$!
}

_pulse_gone() { ! kill -0 "$1" 2>/dev/null; }
pulse_stop() {
	local pidf="$XDG_RUNTIME_DIR/pulse/pid" pid
	[ -z "$PULSE_HOLD_PID" ] || kill "$PULSE_HOLD_PID" 2>/dev/null
	PULSE_HOLD_PID=
	[ -f "$pidf" ] || return 0
	pid=$(cat "$pidf")
	kill "$pid" 2>/dev/null
	poll 10 _pulse_gone "$pid" || kill -9 "$pid" 2>/dev/null
	rm -f "$pidf"
}

RATE=48000
TOL=${CUE_TOLERANCE_MS:-50}
ONSETS=$ROOT/build/onsets
REC_PID=
REC_FILE=
_REC_STARTED=

# record FILE: records the null sink's monitor, raw s16 mono, in the
# background, into FILE.all; returns once the recorder runs and the sink
# has been quiet for 0.3 s (a long cue of the test before may still be
# ringing).  What counts is what is recorded from then on: stop_recording
# writes that to FILE.  It stops once the file holds 0.3 s more than
# when the program ended (the sink runs on, so the file always grows),
# which covers the sink's and the recorder's latency.
record() {
	if [ -z "$_REC_STARTED" ]; then
		_REC_STARTED=1
		at_exit _recorder_stop
	fi
	REC_FILE=$1
	rm -f "$REC_FILE" "$REC_FILE.all"
	parecord --latency-msec=20 --rate="$RATE" --channels=1 --format=s16le \
	    --device=test.monitor --raw "$REC_FILE.all" &
	REC_PID=$!
	poll 10 _recorded_past $((RATE * 2 * 3 / 10))
	poll 10 _quiet_tail
	REC_FROM=$(stat -c %s "$REC_FILE.all")
	REC_FROM=$((REC_FROM - REC_FROM % 2))
}

# _quiet_tail: the last 0.3 s recorded are silent.
_quiet_tail() {
	tail -c $((RATE * 2 * 3 / 10)) "$REC_FILE.all" | "$ONSETS" -s |
	    awk '{ exit !($4 < 0.01) }'
}

_recorded_past() {
	[ "$(stat -c %s "$REC_FILE.all" 2>/dev/null || echo 0)" -ge "$1" ]
}

_recorder_stop() {
	[ -z "$REC_PID" ] || kill "$REC_PID" 2>/dev/null
	REC_PID=
}

stop_recording() {
	poll 10 _recorded_past $(($(stat -c %s "$REC_FILE.all") + RATE * 2 * 3 / 10))
	kill "$REC_PID" 2>/dev/null
	wait "$REC_PID" 2>/dev/null
	REC_PID=
	tail -c +$((REC_FROM + 1)) "$REC_FILE.all" >"$REC_FILE"
}

max_amplitude() {
	sox -t raw -r "$RATE" -e signed-integer -b 16 -c 1 "$1" -n stat 2>&1 |
	    awk '/^Maximum amplitude/ { print $3 }'
}

onset_count() { "$ONSETS" -r "$RATE" <"$1" | wc -l; }

expected_cues() {
	"$ROOT/backcoach" show "$1" | awk '
		/^ +[0-9]+:[0-9][0-9] / { split($1, t, ":"); print t[1] * 60 + t[2] }
		/^Total: [0-9]+ s,/ { print $2 }'
}

# (every wait on the screen of a sound session is up to 10 s)
sound_session() {
	local env
	tmux_kill
	env=$(private_env --runtime "$HOME")
	red_flags_answered "$HOME"
	tmux_new bc "${SESSION_PRE:-}$env \
	    ${PULSE_SERVER:+PULSE_SERVER='$PULSE_SERVER'} \
	    ${PULSE_CLIENTCONFIG:+PULSE_CLIENTCONFIG='$PULSE_CLIENTCONFIG'} \
	    ${SESSION_ENV:-} TERM=screen $ROOT/backcoach $*; echo EXIT=\$?; sleep 60" || return 1
	begin 10 && wait_for 'Pain now, 0-10' 10 && key Enter
}

finish_session() {
	wait_for 'Pain now, 0-10' "${1:-30}" && key Enter &&
	    wait_for 'A note on this session' 10 && key Enter &&
	    wait_for 'Enter/q/Esc leave' 10 && key q && wait_for '^EXIT=0' 10
}

# --- tmux -------------------------------------------------------------------

SOCK="bc-${SCRIPT%.sh}-$$"
S=""
CAPTURE_FLAGS=""
_TMUX_STARTED=

T() { tmux -L "$SOCK" -f /dev/null "$@"; }
# (tmux leaves the socket file behind)
tmux_kill() {
	T kill-server >/dev/null 2>&1
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
}

tmux_new() {
	if [ -z "$_TMUX_STARTED" ]; then
		_TMUX_STARTED=1
		at_exit tmux_kill
	fi
	S=$1
	T new-session -d -s "$1" -x 80 -y 24 "$2" || return 1
	# The server stays when its last session is killed (a script that
	# starts its program anew kills the old session first): a server that
	# exits as the next client connects says "server exited unexpectedly".
	T set-option -s exit-empty off
}

# shellcheck disable=SC2086 # CAPTURE_FLAGS is a list of flags
screen() { T capture-pane -p $CAPTURE_FLAGS -t "$S" 2>/dev/null; }
shows() { screen | grep -Eq -- "$1"; }
lacks() { ! screen | grep -Eq -- "$1"; }
wait_for() { poll "${2:-5}" shows "$1"; }
wait_gone() { poll "${2:-5}" lacks "$1"; }
expect() { check "$1" wait_for "$2" "${3:-5}"; }

key() { T send-keys -t "$S" "$@"; }
chars() { T send-keys -t "$S" -l -- "$1"; }
type_line() { chars "$1"; key Enter; }

bc_pid() { pgrep -P "$(T display -p -t "$S" '#{pane_pid}')" -x backcoach; }
begin() { wait_for 'Enter begin' "${1:-5}" && key Enter; }
