#!/bin/sh
# tests/settings.sh - the settings file as the program uses it: warnings at
# start-up and the command still runs; --config FILE must exist; `check
# --config` fails on any problem.  Prints "N passed, M failed".
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BC="$ROOT/backcoach"
DATA="$ROOT/tests/data/settings"
T=$(mktemp -d "${TMPDIR:-/tmp}/bc-settings.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state" \
	XDG_CACHE_HOME="$T/cache"
mkdir -p "$HOME"
pass=0 fail=0
check() {
	if eval "$2"; then pass=$((pass + 1)); echo "ok   - $1"
	else fail=$((fail + 1)); echo "FAIL - $1"; sed 's/^/     | /' "$T/out" "$T/err" 2>/dev/null; fi
}

"$BC" list >"$T/out" 2>"$T/err"; rc=$?
check "no settings file: no message, the command runs" '[ $rc = 0 ] && [ ! -s "$T/err" ] && grep -q mcgill-big3 "$T/out"'

mkdir -p "$XDG_CONFIG_HOME/backcoach"
cp "$DATA/bad" "$XDG_CONFIG_HOME/backcoach/config"
C="$XDG_CONFIG_HOME/backcoach/config"
"$BC" list >"$T/out" 2>"$T/err"; rc=$?
check "a bad default settings file: FILE:LINE: warnings, the command still runs" \
	'[ $rc = 0 ] && grep -q "^$C:3: warning: unknown setting .sound_them. (did you mean .sound_theme.?)" "$T/err" && grep -q mcgill-big3 "$T/out"'
check "one warning per problem" '[ "$(grep -c warning "$T/err")" = 9 ]'

"$BC" --config "$DATA/good" list >"$T/out" 2>"$T/err"; rc=$?
check "--config FILE is read instead of the default file" '[ $rc = 0 ] && [ ! -s "$T/err" ]'
"$BC" --config "$T/missing" list >"$T/out" 2>"$T/err"; rc=$?
check "--config with a missing file: an error, exit 1" \
	'[ $rc = 1 ] && grep -q "^$T/missing: error: cannot read the settings" "$T/err" && [ ! -s "$T/out" ]'

"$BC" check --config >"$T/out" 2>"$T/err"; rc=$?
check "check --config: the default file's warnings fail the check" '[ $rc = 1 ] && [ "$(grep -c warning "$T/err")" = 9 ]'
"$BC" check --config "$DATA/good" >"$T/out" 2>"$T/err"; rc=$?
check "check --config FILE: a good file passes" '[ $rc = 0 ] && grep -q ": ok$" "$T/out"'
"$BC" check --config="$DATA/syntax" >"$T/out" 2>"$T/err"; rc=$?
check "check --config=FILE: a syntax error fails with its line" '[ $rc = 1 ] && grep -q "syntax:2: warning: syntax error" "$T/err"'
"$BC" --config "$DATA/good" check --config >"$T/out" 2>"$T/err"; rc=$?
check "check --config after --config FILE checks that file" '[ $rc = 0 ] && grep -q "good: ok" "$T/out"'
rm "$C"
"$BC" check --config >"$T/out" 2>"$T/err"; rc=$?
check "check --config with no settings file: says so, exit 1" '[ $rc = 1 ] && grep -q "cannot read" "$T/err"'
"$BC" check --config a b >"$T/out" 2>"$T/err"; rc=$?
check "check --config with two files: usage error" '[ $rc = 2 ]'

# lead_in changes how routines run: show (as a session) uses it.
printf 'lead_in = 0;\n' >"$T/lead0"
printf 'lead_in = 2.5;\n' >"$T/lead25"
"$BC" show mcgill-big3 >"$T/out" 2>"$T/err"
n=$(grep -c 'Get ready' "$T/out")
"$BC" --config "$T/lead0" show mcgill-big3 >"$T/out" 2>"$T/err"; rc=$?
check "lead_in = 0: no Get ready step at all" '[ "$n" -gt 0 ] && [ $rc = 0 ] && ! grep -q "Get ready" "$T/out"'
"$BC" --config "$T/lead25" show mcgill-big3 >"$T/out" 2>"$T/err"
check "lead_in = 2.5: every Get ready step lasts 2.5 s" \
	'[ "$(grep -c "Get ready .* 2.5 s$" "$T/out")" = "$n" ]'

# On screen, in a private tmux server: water_reminder on the end screen.
if command -v tmux >/dev/null; then
	SOCK="bc-set-$$"
	TM() { tmux -L "$SOCK" -f /dev/null "$@"; }
	now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
	# end_screen CONFIG: runs the tiny routine to its end screen and
	# leaves the screen text in $T/out (empty when it never ended).
	end_screen() {
		local end=$(( $(now_ms) + 8000 )) noted=
		: >"$T/out"
		mkdir -p "$XDG_STATE_HOME/backcoach"
		touch "$XDG_STATE_HOME/backcoach/screened"   # red flags answered today
		TM new-session -d -s s -x 80 -y 24 "env HOME='$HOME' \
		    XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' \
		    XDG_CACHE_HOME='$XDG_CACHE_HOME' LANG=C.UTF-8 TERM=screen \
		    '$BC' --no-sound --config '$1' start '$ROOT/tests/data/tiny.cfg'; sleep 60"
		while [ "$(now_ms)" -lt "$end" ]; do
			TM capture-pane -p -J -t s >"$T/screen" 2>/dev/null
			if grep -q '^Session complete' "$T/screen"; then cp "$T/screen" "$T/out"; break; fi
			# the history asks for an optional note: Enter skips it
			if [ -z "$noted" ] && grep -q 'A note on this session' "$T/screen"; then
				TM send-keys -t s Enter; noted=1
			fi
			sleep 0.05
		done
		TM kill-server >/dev/null 2>&1
	}
	printf 'pain_prompts = false;\n' >"$T/water-on"
	printf 'pain_prompts = false;\nwater_reminder = false;\n' >"$T/water-off"
	end_screen "$T/water-on"
	check "water_reminder (default on): the end screen reminds" \
		'grep -q "^Session complete" "$T/out" && grep -q "Have a drink of water" "$T/out"'
	end_screen "$T/water-off"
	check "water_reminder = false: no reminder" \
		'grep -q "^Session complete" "$T/out" && ! grep -q "drink of water" "$T/out"'
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
