#!/bin/bash
# tests/cli/settings.sh - the settings file as the program uses it: warnings at
# start-up and the command still runs; --config FILE must exist; `check
# --config` fails on any problem.  Each check is a function named for what
# it asserts, of the last run's status ($rc), stdout ($TMP/out) and stderr
# ($TMP/err).  Prints "settings.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
need_built backcoach
BC="$ROOT/backcoach"
DATA="$ROOT/tests/data/settings"
private_home "$TMP/home"

# A failed check shows what the last run printed.
show_run() { cat "$TMP/out" "$TMP/err" 2>/dev/null; }
on_failure show_run

"$BC" list >"$TMP/out" 2>"$TMP/err"; rc=$?
runs_quietly() { [ $rc = 0 ] && [ ! -s "$TMP/err" ] && grep -q mcgill-big3 "$TMP/out"; }
check "no settings file: no message, the command runs" runs_quietly

mkdir -p "$XDG_CONFIG_HOME/backcoach"
cp "$DATA/bad" "$XDG_CONFIG_HOME/backcoach/config"
C="$XDG_CONFIG_HOME/backcoach/config"
"$BC" list >"$TMP/out" 2>"$TMP/err"; rc=$?
warns_and_runs() {
	[ $rc = 0 ] &&
	    grep -q "^$C:3: warning: unknown setting .sound_them. (did you mean .sound_theme.?)" "$TMP/err" &&
	    grep -q mcgill-big3 "$TMP/out"
}
check "a bad default settings file: FILE:LINE: warnings, the command still runs" warns_and_runs
check "one warning per problem" [ "$(grep -c warning "$TMP/err")" = 9 ]

"$BC" --config "$DATA/good" list >"$TMP/out" 2>"$TMP/err"; rc=$?
read_quietly() { [ $rc = 0 ] && [ ! -s "$TMP/err" ]; }
check "--config FILE is read instead of the default file" read_quietly
"$BC" --config "$TMP/missing" list >"$TMP/out" 2>"$TMP/err"; rc=$?
missing_is_error() {
	[ $rc = 1 ] &&
	    grep -q "^$TMP/missing: error: cannot read the settings" "$TMP/err" &&
	    [ ! -s "$TMP/out" ]
}
check "--config with a missing file: an error, exit 1" missing_is_error

"$BC" check --config >"$TMP/out" 2>"$TMP/err"; rc=$?
warnings_fail() { [ $rc = 1 ] && [ "$(grep -c warning "$TMP/err")" = 9 ]; }
check "check --config: the default file's warnings fail the check" warnings_fail
"$BC" check --config "$DATA/good" >"$TMP/out" 2>"$TMP/err"; rc=$?
good_passes() { [ $rc = 0 ] && grep -q ": ok$" "$TMP/out"; }
check "check --config FILE: a good file passes" good_passes
"$BC" check --config="$DATA/syntax" >"$TMP/out" 2>"$TMP/err"; rc=$?
syntax_fails() { [ $rc = 1 ] && grep -q "syntax:2: warning: syntax error" "$TMP/err"; }
check "check --config=FILE: a syntax error fails with its line" syntax_fails
printf 'volume = loud;\nsound = yes;\nsound_theme = mine;\n' >"$TMP/words"
"$BC" check --config "$TMP/words" >"$TMP/out" 2>"$TMP/err"; rc=$?
hints_per_type() {
	[ $rc = 1 ] &&
	    grep -q "^$TMP/words:1: warning: 'volume' takes a whole number, such as 5, not the word loud; every setting keeps its default$" "$TMP/err" &&
	    grep -q "^$TMP/words:2: warning: 'sound' takes true or false, not the word yes;" "$TMP/err" &&
	    grep -q "^$TMP/words:3: warning: the text of 'sound_theme' needs double quotes: sound_theme = \"mine\"; every" "$TMP/err"
}
check "a bare word as a value: the hint of its type (number, true or false, quotes), and that the file is not read" hints_per_type
"$BC" --config "$DATA/good" check --config >"$TMP/out" 2>"$TMP/err"; rc=$?
good_checked() { [ $rc = 0 ] && grep -q "good: ok" "$TMP/out"; }
check "check --config after --config FILE checks that file" good_checked
rm "$C"
"$BC" check --config >"$TMP/out" 2>"$TMP/err"; rc=$?
none_is_fine() {
	[ $rc = 0 ] && [ ! -s "$TMP/err" ] &&
	    [ "$(head -n 1 "$TMP/out")" = "No settings file: $C does not exist, so the defaults apply." ] &&
	    grep -q '^emergency number: ' "$TMP/out"
}
check "check --config with no settings file: there is none, the defaults apply, exit 0" none_is_fine
"$BC" check -q --config >"$TMP/out" 2>"$TMP/err"; rc=$?
check "check -q --config with no settings file: silent, exit 0" \
	eval '[ $rc = 0 ] && [ ! -s "$TMP/out" ] && [ ! -s "$TMP/err" ]'
"$BC" check --config "$TMP/missing" >"$TMP/out" 2>"$TMP/err"; rc=$?
named_missing_fails() { [ $rc = 1 ] && grep -q "^$TMP/missing: error: cannot read the settings" "$TMP/err"; }
check "check --config FILE, FILE missing: still an error, exit 1" named_missing_fails
"$BC" --config "$TMP/missing" check --config >"$TMP/out" 2>"$TMP/err"; rc=$?
check "--config FILE check --config, FILE missing: still an error, exit 1" named_missing_fails
"$BC" check --config a b >"$TMP/out" 2>"$TMP/err"; rc=$?
check "check --config with two files: usage error" [ $rc = 2 ]

# lead_in changes how routines run: show (as a session) uses it; where the
# position changes (desk break: standing, standing, sitting) the lead-in
# still lasts 15 s.
printf 'lead_in = 0;\n' >"$TMP/lead0"
printf 'lead_in = 2.5;\n' >"$TMP/lead25"
"$BC" show desk-break >"$TMP/out" 2>"$TMP/err"
n=$(grep -c 'Get ready' "$TMP/out")
"$BC" --config "$TMP/lead0" show desk-break >"$TMP/out" 2>"$TMP/err"; rc=$?
no_get_ready() { [ "$n" = 3 ] && [ $rc = 0 ] &&
	[ "$(grep -c "Get ready" "$TMP/out")" = 2 ] &&
	[ "$(grep -c "Get ready .* 15 s$" "$TMP/out")" = 2 ]; }
check "lead_in = 0: no Get ready step, but where the position changes (15 s)" no_get_ready
"$BC" --config "$TMP/lead25" show desk-break >"$TMP/out" 2>"$TMP/err"
lead_25() { [ "$(grep -c "Get ready .* 2.5 s$" "$TMP/out")" = 1 ] &&
	[ "$(grep -c "Get ready .* 15 s$" "$TMP/out")" = 2 ]; }
check "lead_in = 2.5: the Get ready step in the same position lasts 2.5 s" lead_25

# On screen, in a private tmux server: water_reminder on the end screen.
CAPTURE_FLAGS=-J        # the screen, with lines the terminal wrapped joined
# at_end: for poll; true once the end screen shows, and on the way there
# answers the history's optional note (Enter skips it) once.
at_end() {
	shows '^Session complete' && return 0
	if [ -z "$noted" ] && shows 'A note on this session'; then
		key Enter
		noted=1
	fi
	return 1
}
# end_screen CONFIG: runs the tiny routine to its end screen and leaves
# the screen text in $TMP/out (empty when it never ended).
end_screen() {
	local env
	env=$(private_env "$HOME")
	red_flags_answered "$HOME"
	noted=
	: >"$TMP/out"
	tmux_new s "$env TERM=screen \
	    '$BC' --no-sound --config '$1' start '$ROOT/tests/data/tiny.cfg'; sleep 60"
	begin && poll 8 at_end && screen >"$TMP/out"
	tmux_kill
}
if command -v tmux >/dev/null; then
	printf 'pain_prompts = false;\n' >"$TMP/water-on"
	printf 'pain_prompts = false;\nwater_reminder = false;\n' >"$TMP/water-off"
	end_screen "$TMP/water-on"
	reminds() {
		grep -q "^Session complete" "$TMP/out" &&
		    grep -q "Have a drink of water" "$TMP/out"
	}
	check "water_reminder (default on): the end screen reminds" reminds
	end_screen "$TMP/water-off"
	no_reminder() {
		grep -q "^Session complete" "$TMP/out" &&
		    ! grep -q "drink of water" "$TMP/out"
	}
	check "water_reminder = false: no reminder" no_reminder
else
	note "no tmux: the end screen's water reminder is not tested"
fi

# --- saving an answer: through the loader, never a file it refuses ---------
# risks CONFIG: the tiny routine started with the settings file CONFIG (a
# warning about it dismissed), osteoporosis marked on the risk-factor page
# and Enter; leaves the screen after it in $TMP/out.
risks() {
	local env
	env=$(private_env "$HOME")
	: >"$TMP/out"
	rm -f "$HOME/state/backcoach/screened"
	tmux_new r "$env TERM=screen '$BC' --no-sound --config '$1' start '$ROOT/tests/data/tiny.cfg'; sleep 60"
	if wait_for 'Problems in your settings' 3; then key Enter; fi
	begin && wait_for 'Before your first session' 5 && chars 3 &&
	    wait_for '\[x\] Osteoporosis' 3 && key Enter &&
	    poll 5 eval '! shows "Before your first session"' && sleep 0.2
	screen >"$TMP/out"
	tmux_kill
}
loads_clean() { "$BC" check -q --config "$1" >"$TMP/cc" 2>&1 && [ ! -s "$TMP/cc" ]; }
if command -v tmux >/dev/null; then
	S1=$TMP/typed
	printf '# mine\nrisk_factors = "cancer";   # a string, not an array\nvolume = 40;\n' >"$S1"
	risks "$S1"
	replaced() {
		[ "$(grep -c risk_factors "$S1")" = 1 ] &&
		    grep -q '^risk_factors = \["osteoporosis"\];   # a string, not an array$' "$S1"
	}
	check "risk_factors of the wrong type: the answer replaces it in place, once" replaced
	check "and the file saved reads with no problem" loads_clean "$S1"
	check "the red flags follow" grep -q 'new, or getting worse' "$TMP/out"

	mkfifo "$TMP/fifo"
	printf '@include "fifo"\n' >"$TMP/withfifo"
	risks "$TMP/withfifo"
	check "a FIFO @include: the save says why, no hang" \
		grep -q 'Risk factors not saved' "$TMP/out"
	check "and the file is left as it was" \
		[ "$(cat "$TMP/withfifo")" = '@include "fifo"' ]

	mkdir -p "$TMP/real"
	printf '\357\273\277@include "vol"\n@include "%s"\n' "$TMP/bellf" >"$TMP/real/conf"
	printf 'volume = 30;\n' >"$TMP/real/vol"
	printf 'bell = false;\n' >"$TMP/bellf"
	chmod 640 "$TMP/real/conf"
	ln -s real/conf "$TMP/link"
	risks "$TMP/link"
	kept() {
		[ -L "$TMP/link" ] && [ "$(stat -c %a "$TMP/real/conf")" = 640 ] &&
		    grep -q '^risk_factors = \["osteoporosis"\];' "$TMP/real/conf"
	}
	check "a BOM, relative and absolute @includes, a link: saved, still a link, mode kept" kept
	check "and it reads with no problem" loads_clean "$TMP/link"
	"$BC" --config "$TMP/link" check --config >"$TMP/cc" 2>&1
	check "the absolute @include is read" grep -q 'risk factors: osteoporosis' "$TMP/cc"
else
	note "no tmux: saving the risk factors is not tested"
fi

finish
