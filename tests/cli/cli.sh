#!/bin/bash
# tests/cli/cli.sh - the command line and its messages, as a new user meets
# them (issue 13): options after a routine or a command, did-you-mean for
# commands and routines, one form for every usage error, the words of
# `check`, plurals, and what each command says when something is wrong.
# Each check is a function of the last run's status ($rc), stdout
# ($TMP/out) and stderr ($TMP/err).  Prints a TAP line per check and
# "cli.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
BC=${BC:-$ROOT/backcoach}
BYTES="$ROOT/build/bytecheck"
need_built "$BC" "$BYTES"
need tmux timeout
private_home "$TMP/home"
U="$XDG_CONFIG_HOME/backcoach/routines"

# run ARGS...: backcoach ARGS, never more than 10 s, stdin empty.
run() { timeout 10 "$BC" "$@" </dev/null >"$TMP/out" 2>"$TMP/err"; rc=$?; }
show_run() { echo "status $rc"; echo "stdout:"; cat "$TMP/out"; echo "stderr:"; cat "$TMP/err"; }
on_failure show_run
out_has() { grep -qF -- "$1" "$TMP/out"; }
out_line() { grep -qxF -- "$1" "$TMP/out"; }
err_has() { grep -qF -- "$1" "$TMP/err"; }
# err_is LINE...: stderr is exactly these lines.
err_is() { [ "$(cat "$TMP/err")" = "$(printf '%s\n' "$@")" ]; }
status() { [ "$rc" = "$1" ]; }
# routine FILE TEXT: a routine file written with printf.
routine() { printf "$2" >"$1"; }

# --- plurals: every count with its noun in the right number --------------
routine "$TMP/one.cfg" 'version = 1;\nname = "One";\nlead_in = 0;\nexercises = ( { name = "Plank"; hold = 60; } );\n'
run show "$TMP/one.cfg"
check "show: '1 exercise, 1 step', not '1 steps'" out_line "Total: 1:00, 1 exercise, 1 step"
H=$TMP/one.history
printf '#backcoach-history 2\nS\t%sT08:00:00+01:00\t60\tone\tOne\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n' \
	"$(date +%F)" >"$H"
run --history "$H" stats --weeks 1
check "stats: '1 week', '1 day', '1 session', '1 minute'" eval \
	'out_has "(last 1 week," && out_line "  current: 1 day" &&
	 out_has "longest: 1 day," && out_line "  all time: 1 session, 1 completed, 1 minute"'

# --- usage errors: "backcoach: message" and a one-line hint, exit 2 --------
HISTORY_USAGE="usage: backcoach history [--since DATE] [--until DATE] [--routine ID] [--limit N] [--reverse] [--format FORMAT]"
usage_error() {         # usage_error MESSAGE HINT: exactly these, exit 2
	status 2 && err_is "backcoach: $1" "$2" && [ ! -s "$TMP/out" ]
}
run --bogus
check "--bogus: one message, 'Try backcoach --help', exit 2" \
	usage_error "unrecognized option '--bogus'" "Try 'backcoach --help'."
run --history
check "--history without a file: said so, exit 2" \
	usage_error "option '--history' needs an argument" "Try 'backcoach --help'."
run --history "" history
check "--history '': an error, exit 2" \
	usage_error "option '--history' needs a file name, not ''" "Try 'backcoach --help'."
run history --bogus
check "history --bogus: 'backcoach: history:' and the usage line, exit 2" \
	usage_error "history: unrecognized option '--bogus'" \
	"$HISTORY_USAGE"
run history --since 2026-02-30
check "history --since 2026-02-30: the same form" \
	usage_error "history: bad --since date '2026-02-30': expected YYYY-MM-DD" \
	"$HISTORY_USAGE"
run stats --weeks
check "stats --weeks without N: said so" \
	usage_error "stats: option '--weeks' needs an argument" "usage: backcoach stats [--weeks N]"
run history extra
check "a stray argument is named" \
	usage_error "history: unexpected argument 'extra'" \
	"$HISTORY_USAGE"
run show
check "show without a routine: 'ROUTINE is missing'" \
	usage_error "show: ROUTINE is missing" \
	"usage: backcoach show [--figures | --script [--speech MODE]] ROUTINE"
run mcgill-big3 extra
check "backcoach ROUTINE extra: the extra argument named, not the routine" \
	usage_error "start: unexpected argument 'extra'" "usage: backcoach start ROUTINE"
run mcgill-big3 --bogus
check "backcoach ROUTINE --bogus: the option named" \
	usage_error "start: unrecognized option '--bogus'" "usage: backcoach start ROUTINE"
run stats --no-sound=yes
check "a global option given an argument it does not take" \
	usage_error "option '--no-sound' takes no argument" "usage: backcoach stats [--weeks N]"

# What was typed is shown escaped in every message (tests/cli/hostile.sh does
# the files).
inert() { "$BYTES" stdout <"$TMP/out" && "$BYTES" stderr <"$TMP/err"; }
esc=$(printf '\033]0;pwned\007')
for args in "$esc" "history --format $esc" "history --$esc" "show $esc" "new $esc" \
    "ice $esc" "help $esc" "sound-test --theme $esc" "check $esc"; do
	# shellcheck disable=SC2086 # the words of each case
	run $args
	check "backcoach ${args//$esc/ESC}: nothing a terminal obeys" inert
done

# --- did you mean ----------------------------------------------------------
run lsit
check "lsit: did you mean 'list'?" \
	usage_error "no command or routine 'lsit' (did you mean 'list'?)" "Try 'backcoach --help'."
run mcgil-big3
check "mcgil-big3: did you mean 'mcgill-big3'?" \
	usage_error "no command or routine 'mcgil-big3' (did you mean 'mcgill-big3'?)" \
	"Try 'backcoach --help'."
run xyzzy
check "a name like nothing: no suggestion" \
	usage_error "no command or routine 'xyzzy'" "Try 'backcoach --help'."
run stat
check "stat: did you mean 'stats' (the one command it begins)?" \
	usage_error "no command or routine 'stat' (did you mean 'stats'?)" "Try 'backcoach --help'."
run hist --limit 2
check "hist: did you mean 'history'?" \
	usage_error "no command or routine 'hist' (did you mean 'history'?)" "Try 'backcoach --help'."
run mcg
check "mcg: did you mean 'mcgill-big3' (a routine id it begins)?" \
	usage_error "no command or routine 'mcg' (did you mean 'mcgill-big3'?)" "Try 'backcoach --help'."
run help hel
check "help hel: did you mean 'help'?" \
	usage_error "help: no command 'hel' (did you mean 'help'?)" "usage: backcoach help [COMMAND]"

# --- the command table: aliases, list --ids, completion ---------------------
run ls
ls_is_list() { status 0 && head -1 "$TMP/out" | grep -q '^ID  *NAME  *TIME  *FILE$'; }
check "ls: list's alias, the same table" ls_is_list
run list --ids
ids_only() {
	status 0 && [ ! -s "$TMP/err" ] &&
	    [ "$(cat "$TMP/out")" = "$(ls "$ROOT"/routines/*.cfg | sed 's|.*/||; s|\.cfg$||')" ]
}
check "list --ids: the bundled ids alone, one a line" ids_only
run help ls
check "help ls: list's help, that names its alias" \
	eval 'status 0 && out_line "usage: backcoach list [--ids]" && out_line "Also: ls."'
run completion tcsh
check "completion tcsh: no such shell, the three named" \
	usage_error "completion: no shell 'tcsh': bash, zsh or fish" "usage: backcoach completion SHELL"
run --help
fits_80() { status 0 && [ "$(LC_ALL=C.UTF-8 wc -L <"$TMP/out")" -le 80 ]; }
check "--help fits 80 columns (long synopses and summaries wrapped)" fits_80
run check --help
check "check --help: both forms, and each option from the table" eval \
	'status 0 && out_line "usage: backcoach check [-q] ROUTINE..." &&
	 out_line "       backcoach check --config [FILE]" &&
	 out_line "  -q, --quiet           print only problems"'

run help lsit
check "help lsit: did you mean 'list'?" \
	usage_error "help: no command 'lsit' (did you mean 'list'?)" "usage: backcoach help [COMMAND]"
run show desk-braek
check "show desk-braek: no routine, did you mean 'desk-break'?" \
	eval 'status 1 && err_is "backcoach: no routine '"'desk-braek'"' (did you mean '"'desk-break'"'?)"'
run check mcgil-big3
check "check mcgil-big3: did you mean 'mcgill-big3'?" \
	eval 'status 1 && err_has "mcgil-big3: error: no such routine or file (did you mean '"'mcgill-big3'"'?)"'

# --- options after the command, as getopt's permutation allows -------------
run check "$ROOT/routines/desk-break.cfg" -q
check "check FILE -q: -q read as an option" eval 'status 0 && [ ! -s "$TMP/out" ] && [ ! -s "$TMP/err" ]'
H2=$TMP/h2
cp "$H" "$H2"
run stats --history "$H2" --weeks 1
check "stats --history FILE: a global option after the command" out_line "  all time: 1 session, 1 completed, 1 minute"
run history --help
check "history --help: the command's help on stdout, exit 0" \
	eval 'status 0 && out_has "usage: backcoach history" && [ ! -s "$TMP/err" ]'
run history --format json -- --no-sound
check "after --, nothing is an option" \
	usage_error "history: unexpected argument '--no-sound'" \
	"$HISTORY_USAGE"

# --- check: each problem said at its line, in words ------------------------
# check_says FILE LINE MESSAGE: `check FILE` fails with exactly that.
check_says() {
	run check "$1"
	status 1 && err_is "$1:$2: error: $3" && [ ! -s "$TMP/out" ]
}
BAD=tests/data/bad
check "a missing @include: the name as written and the reason" \
	check_says $BAD/missing-include.cfg 4 "cannot include 'no-such-file.cfg': No such file or directory"
check "a file that includes itself says so" \
	check_says $BAD/include-self.cfg 4 "this file includes itself ('include-self.cfg')"
routine "$TMP/loop-a.cfg" 'version = 1;\nname = "A";\n@include "loop-b.inc"\nexercises = ( { name = "a"; hold = 1; } );\n'
routine "$TMP/loop-b.inc" '# b\n@include "loop-a.cfg"\n'
run check "$TMP/loop-a.cfg"
check "two files that include each other: a loop, at the include that closes it" \
	eval 'status 1 && err_is "$TMP/loop-b.inc:2: error: cannot include '"'loop-a.cfg'"': it includes this file in turn (an @include loop)"'
check "an included file with a byte-order mark is named" \
	check_says $BAD/include-bom.cfg 4 "cannot include 'bom.inc': it starts with a UTF-8 byte-order mark, which libconfig reads only at the start of the main file: save it without one"
printf '\357\273\277version = 1;\nname = "Bom";\nexercises = ( { name = "a"; hold = 1; } );\n' >"$TMP/bom.cfg"
run check "$TMP/bom.cfg"
check "a routine starting with a byte-order mark: accepted" eval 'status 0 && out_line "$TMP/bom.cfg: ok, Bom"'
printf '\357\273\277@include "%s"\n' /proc/self/mem >"$TMP/bominc.cfg"
run check "$TMP/bominc.cfg"
check "an @include after a byte-order mark is checked like any other" \
	eval 'status 1 && err_has "$TMP/bominc.cfg:1: error: cannot include '"'/proc/self/mem'"'"'
check "reps = 3.0: must be a whole number" \
	check_says $BAD/reps-float-whole.cfg 8 "'reps' must be a whole number, written without a decimal point: 3"
check "reps = 2.5: must be a whole number, not 2.5" \
	check_says $BAD/reps-float.cfg 8 "'reps' must be a whole number, not 2.5"
check "name = Short stretch: the text needs quotes" \
	check_says $BAD/name-unquoted.cfg 3 "the text of 'name' needs double quotes: name = \"Short stretch\";"
check "an unterminated string: at the line of the missing quote, not past the end" \
	check_says $BAD/syntax-unterminated-string.cfg 6 "a string that is never closed: a closing \" is missing (libconfig would read on to the end of the file)"
check "longer than a day: both times, to the second" \
	check_says $BAD/routine-too-long.cfg 5 "the routine would take 24:00:01; a routine may take at most 24:00:00 (24 hours)"
# hold = 3000: no source gives a most for a hold, so a long one is a
# warning at its line (a typo guard, 300 s), never an error.
routine "$TMP/long-hold.cfg" 'version = 1;\nname = "Long";\nexercises = (\n  { name = "Plank";\n    hold = 3000; }\n);\n'
run check "$TMP/long-hold.cfg"
check "hold = 3000: a warning at its line, the file still ok" \
	eval 'status 0 && out_line "$TMP/long-hold.cfg: ok, Long (with warnings)" &&
	    err_is "$TMP/long-hold.cfg:5: warning: '"'hold'"' is 3000 seconds, longer than 300: a typo? (a hold is seconds, not minutes; no source behind the bundled routines gives a hold over 2 minutes)"'
routine "$TMP/long-hold.cfg" 'version = 1;\nname = "Long";\nexercises = (\n  { name = "Plank";\n    hold = 300; }\n);\n'
run check "$TMP/long-hold.cfg"
check "hold = 300: no warning" eval 'status 0 && [ ! -s "$TMP/err" ]'
# off_back names the routine offered in pregnancy: one that is not there
# is a warning at its line, as the offer would send a person nowhere.
routine "$TMP/off-back.cfg" 'version = 1;\nname = "Off";\noff_back = "no-such-routine";\nexercises = ( { name = "a"; hold = 1; } );\n'
run check "$TMP/off-back.cfg"
check "off_back naming no routine: a warning at its line" \
	eval 'status 0 && err_is "$TMP/off-back.cfg:3: warning: '"'off_back'"' names '"'no-such-routine'"', which is no routine here: the offer would fail"'
run check gentle-flare-up
check "the bundled flare-up's off_back is there: no warning" eval 'status 0 && [ ! -s "$TMP/err" ]'
routine "$TMP/multi.cfg" 'version = 1;\nname = "Multi";\ndescription = "two\nlines";\nexercises = ( { name = "a"; hold = 1; sides = TRUE; } );\n'
run check "$TMP/multi.cfg"
check "a description over two lines and TRUE are still fine" eval 'status 0 && out_line "$TMP/multi.cfg: ok, Multi"'

# --- history: --until, --limit, --reverse; the CSV's one-field columns ----
HS=$TMP/four
{
	printf '#backcoach-history 2\n'
	for d in 01 02 03 04; do
		printf 'S\t2026-03-%sT08:00:00+01:00\t60\tr%s\tR\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n' $d $d
	done
} >"$HS"
ids() { run --history "$HS" history --format tsv "$@"; [ $rc = 0 ] && tail -n +2 "$TMP/out" | cut -f3 | tr '\n' ' '; }
check "history --until: on or before the day" test "$(ids --until 2026-03-02)" = "r01 r02 "
check "history --limit 2: the last two, oldest first" test "$(ids --limit 2)" = "r03 r04 "
check "history --reverse: newest first" test "$(ids --reverse)" = "r04 r03 r02 r01 "
check "history --limit 3 --reverse: the last three, newest first" test "$(ids --limit 3 --reverse)" = "r04 r03 r02 "
check "history --since --until --reverse together" \
	test "$(ids --since 2026-03-02 --until 2026-03-03 --reverse)" = "r03 r02 "
run --history "$HS" history --until 2026-02-01
check "history --until before every session: none that match" out_line "No sessions recorded that match."
run --history "$HS" history --limit 0
check "history --limit 0: a usage error" \
	usage_error "history: bad --limit '0': a number of sessions from 1 to 1000000" "$HISTORY_USAGE"
run --history "$HS" history --until 2026-13-01
check "history --until with a bad date: a usage error" \
	usage_error "history: bad --until date '2026-13-01': expected YYYY-MM-DD" "$HISTORY_USAGE"

# The exercises and pain reports columns are as backcoach(1) shows them.
example() { awk -v m="$1" '$0 == ".\\\" " m { getline; sub(/^\.Dl /, ""); print; exit }' man/backcoach.1; }
HX=$TMP/exercises
{
	printf '#backcoach-history 2\n'
	printf 'S\t2026-03-01T08:00:00+01:00\t900\tbig3\tBig 3\tstopped\tpain\t1\t0\t2\t80\t3\t\t\t\t\t7\texercise\n'
	printf 'E\t2026-03-01T08:00:00+01:00\tbig3\t1\tCat-camel\tcompleted\t1\t1\t6\t6\t24\n'
	printf 'E\t2026-03-01T08:00:00+01:00\tbig3\t2\tBird dog\tpartial\t2\t3\t7\t9\t56\n'
	printf 'P\t2026-03-01T08:00:00+01:00\tbig3\t125\t7\t1\tnext\n'
	printf 'P\t2026-03-01T08:00:00+01:00\tbig3\t300\t3\t0\tfine\n'
} >"$HX"
run --history "$HX" history --format csv
check "backcoach(1) shows the csv's exercises field as it is" \
	eval 'ex=$(example exercises-example); [ -n "$ex" ] && out_has ",\"$ex\","'
check "backcoach(1) shows the csv's pain_reports field as it is" \
	eval 'pr=$(example pain-reports-example); [ -n "$pr" ] && grep -qF ",\"$pr\"," "$TMP/out"'

# --- a history that is not a file: one error, exit 1 ------------------------
run --history /tmp history
check "history --history /tmp: one error, exit 1" \
	eval 'status 1 && err_is "/tmp: error: not a regular file" && [ ! -s "$TMP/out" ]'
run --history /tmp stats
check "stats --history /tmp: one error, no empty charts, exit 1" \
	eval 'status 1 && err_is "/tmp: error: not a regular file" && [ ! -s "$TMP/out" ]'

# --- sound-test: what to check; a theme that is not there ------------------
printf 'autospawn = no\n' >"$TMP/client.conf"
mkdir -p "$TMP/run"
# no_server ARGS...: sound-test with an empty runtime directory, nothing
# autospawned
no_server() {
	env -u PULSE_SERVER XDG_RUNTIME_DIR="$TMP/run" PULSE_CLIENTCONFIG="$TMP/client.conf" \
	    "$@" </dev/null >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
no_server "$BC" sound-test
check "sound-test with no server: says what to check, exit 1" \
	eval 'status 1 && err_is "backcoach: no sound: no sound server" \
	    "backcoach: check that PulseAudio or PipeWire (pipewire-pulse) is running for you, with its socket in XDG_RUNTIME_DIR ($TMP/run/pulse/native)"'
no_server env -u XDG_RUNTIME_DIR "$BC" sound-test
check "sound-test with no XDG_RUNTIME_DIR: says it is not set" \
	eval 'status 1 && err_has "and that XDG_RUNTIME_DIR is set (it is not"'
no_server "$BC" sound-test --theme nope
check "sound-test --theme nope: an error, exit 1" \
	eval 'status 1 && err_is "backcoach: sound-test: no sound theme '"'nope'"' is installed: try backcoach, backcoach-voice or an installed freedesktop sound theme"'
printf 'sound_theme = "nope";\n' >"$TMP/theme.conf"
no_server "$BC" --config "$TMP/theme.conf" sound-test
check "sound-test with sound_theme = nope in the settings: the same" \
	eval 'status 1 && err_has "no sound theme '"'nope'"' is installed"'
no_server "$BC" sound-test --theme backcoach-voice
check "sound-test --theme backcoach-voice: the theme is there (only the server is missing)" \
	eval 'status 1 && err_has "no sound server" && ! err_has "no sound theme"'

# --- new NAME where NAME is a command ------------------------------------
export TMPDIR="$TMP/tmp"
mkdir -p "$TMPDIR"
VISUAL=true run new list
check "new list: warned that it starts only with 'start list'" \
	err_is "backcoach: warning: 'list' is also a command: this routine can only be started with 'backcoach start list'"
VISUAL=true run new my-list
check "new my-list: no warning" eval 'status 0 && [ ! -s "$TMP/err" ]'
# every command of --help is known as one (cmd.c keeps their names)
every_command_warns() {
	local c
	for c in $("$BC" --help | awk '/^Commands:/ { c = 1; next } c && /^$/ { exit } c && /^  [^ ]/ { print $1 }'); do
		VISUAL=true run new "$c"
		err_has "'$c' is also a command" || { echo "no warning for new $c"; return 1; }
	done
}
check "new COMMAND warns for every command of --help" every_command_warns

# --- ice and heat: the range said ------------------------------------------
run ice 0
check "ice 0: the allowed range, exit 2" \
	usage_error "ice: MINUTES must be a whole number from 1 to 20, not '0'" "usage: backcoach ice [MINUTES]"
run heat 0
check "heat 0: the allowed range, exit 2" \
	usage_error "heat: MINUTES must be a whole number from 1 to 20, not '0'" "usage: backcoach heat [MINUTES]"
run ice 25
check "ice 25: the range and why" \
	usage_error "ice: MINUTES must be from 1 to 20, not 25: the NHS says never longer than 20 minutes" \
	"usage: backcoach ice [MINUTES]"

# backcoach ROUTINE --no-sound: the routine starts, silent.  With sound
# wanted and no sound server the status line says so (the control run);
# with --no-sound nothing is missed, so it says nothing.
printf 'autospawn = no\n' >"$TMP/client.conf"
red_flags_answered "$TMP/tmuxhome"
env=$(private_env --runtime "$TMP/tmuxhome")
on_failure screen
# coach NAME ARGS...: backcoach ARGS in tmux session NAME, up to the
# first exercise; its screen is then checked, and q y ends it.
coach() {
	local name=$1
	shift
	tmux_new "$name" "$env PULSE_SERVER=$(shquote "unix:$TMP/no-such-socket") \
	    PULSE_CLIENTCONFIG=$(shquote "$TMP/client.conf") TERM=screen \
	    $(shquote "$BC") $* ; echo EXIT=\$?; sleep 60"
	begin && wait_for 'Pain now, 0-10' && key Enter &&
	    wait_for 'Ex 1/3|Exercise 1 of 3'
}
quit_session() { key q; wait_for 'Quit' && key y; wait_for 'EXIT='; }
check "control: desk-break starts, and says 'no sound server'" \
	eval 'coach plain desk-break && wait_for "no sound server"'
quit_session
check "backcoach desk-break --no-sound: the routine starts" coach opt desk-break --no-sound
check "--no-sound after the routine: no sound wanted, none missed" \
	eval 'shows "Ex 1/3|Exercise 1 of 3" && lacks "no sound server"'
quit_session

# An unwritable history is found before the session, not after its last
# step: a question first, and n ends without a session, exit 1.
mkdir -p "$TMP/hdir"
# tmux_bc NAME ARGS...: backcoach ARGS in a new tmux session, its exit
# status shown after it.
tmux_bc() {
	local name=$1
	shift
	tmux_new "$name" "$env PULSE_SERVER=$(shquote "unix:$TMP/no-such-socket") \
	    PULSE_CLIENTCONFIG=$(shquote "$TMP/client.conf") TERM=screen \
	    $(shquote "$BC") $* ; echo EXIT=\$?; sleep 60"
}
# box_has TEXT: the screen, its box's sides and line ends taken out and
# spaces squeezed, holds TEXT: a message however the box wrapped it.
box_has() { screen | tr -d '\n' | sed 's/│/ /g' | tr -s ' ' | grep -qF -- "$1"; }
tmux_bc unwritable --history "$TMP/hdir" desk-break
check "history a directory: asked before the start card" \
	eval 'wait_for "Your history cannot be written. Start anyway" && lacks "Enter begin"'
check "the question says why" poll 5 box_has "cannot write the history: $TMP/hdir: not a regular file."
key n
check "n: no session, exit 1" wait_for 'EXIT=1'
check "n: the reason is printed on the terminal" shows "^backcoach: cannot write the history: $TMP/hdir: not a regular file"
tmux_bc anyway --history "$TMP/hdir" desk-break
wait_for "Start anyway" && key y
check "y: the start card, as asked" wait_for 'Enter begin'
key Escape
check "Esc at the card after y: exit 0, as always" wait_for 'EXIT=0'
tmux_bc underfile --history /etc/hostname/history desk-break
check "history under a file: asked, 'Not a directory'" \
	poll 5 box_has "/etc/hostname/history: Not a directory."
key n
if [ "$(id -u)" != 0 ]; then
	: >"$TMP/readonly"; chmod 444 "$TMP/readonly"
	tmux_bc readonly --history "$TMP/readonly" desk-break
	check "a read-only history: asked, 'Permission denied'" \
		poll 5 box_has "readonly: Permission denied."
	key n
fi
tmux_bc picker --history "$TMP/hdir"
check "the picker asks too, before the list" \
	eval 'wait_for "Your history cannot be written. Start anyway" && lacks "Desk break"'
key y
check "y: the picker" wait_for 'Desk break'
key q
tmux_bc fine --history "$TMP/new/dir/history" desk-break
check "a history not there yet, in a directory that can be made: no question" wait_for 'Enter begin'
check "...and nothing made before a session" test ! -e "$TMP/new"
key Escape

# The end screen: the time taken (pauses not counted, as the history
# keeps it), the time on the clock with them, and the time worked.
routine "$TMP/short.cfg" 'version = 1;\nname = "Short";\nlead_in = 0;\nexercises = ( { name = "Stand"; duration = 3; } );\n'
printf 'pain_prompts = false;\nwater_reminder = false;\n' >"$TMP/quiet.conf"
tmux_bc endscreen --config "$TMP/quiet.conf" --no-sound "$TMP/short.cfg"
begin
wait_for 'Stand' && key Space
sleep 2.5
key Space
wait_for 'A note on this session' 10 && key Enter
check "the end screen" wait_for 'Session complete'
# times TEXT: "TAKEN CLOCK WORKED" in seconds, from the end screen's words
end_times() {
	screen | tr '\n' ' ' | tr -s ' ' |
	    sed -n 's/.*Time taken: \([0-9]*\):\([0-9]*\), pauses not counted (\([0-9]*\):\([0-9]*\) on the clock); \([0-9]*\):\([0-9]*\) of it exercising, not resting or getting ready.*/\1 \2 \3 \4 \5 \6/p' |
	    awk '{ print $1 * 60 + $2, $3 * 60 + $4, $5 * 60 + $6 }'
}
paused_shown() {
	local t
	read -r -a t <<<"$(end_times)"
	echo "taken ${t[0]:-?} s, clock ${t[1]:-?} s, worked ${t[2]:-?} s"
	[ "${t[0]:-0}" = 3 ] && [ "${t[2]:-0}" = 3 ] && [ "${t[1]:-0}" -ge 5 ] && [ "${t[1]}" -le 8 ]
}
check "end screen: 3 s taken (pauses not counted), 5-8 s on the clock, 3 s worked" paused_shown
key Enter
wait_for 'EXIT='
run --history "$TMP/tmuxhome/state/backcoach/history" history --format tsv
check "the history's duration is the time taken, pauses not counted" \
	test "$(tail -1 "$TMP/out" | cut -f2)" = 3

# Settings warnings: printed, then shown again on the full screen until a
# key is pressed, before the start card.
printf 'sound_them = "backcoach";\nvolume = 300;\n' >"$TMP/warn.conf"
tmux_bc settings --config "$TMP/warn.conf" desk-break
check "settings warnings: shown on the full screen before the card" \
	eval 'wait_for "Problems in your settings" && lacks "Enter begin"'
check "the warning itself, with its file and line" \
	poll 5 box_has "warn.conf:1: warning: unknown setting 'sound_them' (did you mean 'sound_theme'?)"
key Enter
check "a key: the start card" wait_for 'Enter begin'
key Escape
check "and the warnings are on the terminal after" \
	eval 'wait_for "EXIT=0" && shows "warn.conf:2: warning"'
tmux_kill
on_failure show_run

# The ice pack: one rule on the time between applications, from one source,
# in the help as in the routine's own page.
"$BC" help ice >"$TMP/ice" 2>&1
"$BC" show ice-pack >>"$TMP/ice" 2>&1
check "ice: 'help ice' and 'show ice-pack' both say 2 to 3 hours between (Midlands Partnership NHS), never 20 to 40 minutes" \
	eval '[ "$(tr "\n" " " <"$TMP/ice" | grep -o "2 to 3 hours" | wc -l)" -ge 2 ] && ! grep -q "20 to 40" "$TMP/ice"'

# TERM naming a type this system does not know: said so, with what to do.
out=$(TERM=nonesuch timeout 10 script -qec "$(shquote "$BC") start tests/data/tiny.cfg" /dev/null </dev/null 2>&1)
check "TERM=nonesuch: says the type is unknown here and how to set TERM" \
	grep -q "cannot use the terminal (TERM=nonesuch): this system knows no terminal type of that name; set TERM to your terminal's type, such as xterm-256color" <<<"$out"


# --- list and the picker read a routine again only when it changed --------
# (the rows are cached in $XDG_CACHE_HOME/backcoach/catalog)
mkdir -p "$U"
routine "$U/cached.cfg" 'version = 1;\nname = "Cached one";\nlead_in = 0;\nexercises = ( { name = "Walk"; duration = 60; } );\n'
run list
cp "$TMP/out" "$TMP/list1"
run list
check "list twice: the same rows, the second time from the cache" eval \
	'status 0 && cmp -s "$TMP/out" "$TMP/list1" && grep -q "Cached one" "$XDG_CACHE_HOME/backcoach/catalog"'
routine "$U/cached.cfg" 'version = 1;\nname = "Changed one";\nlead_in = 0;\nexercises = ( { name = "Walk"; duration = 90; } );\n'
run list
check "a routine edited: list shows its new name and time" \
	eval 'status 0 && grep -qE "^cached +Changed one +1:30 " "$TMP/out"'
printf 'lead_in = 20;\n' >"$XDG_CONFIG_HOME/backcoach/config"
run list
check "lead_in changed: every time counts it (1:30 and 20 s)" \
	eval 'status 0 && grep -qE "^cached +Changed one +1:50 " "$TMP/out"'
rm "$XDG_CONFIG_HOME/backcoach/config"
run list
cp "$TMP/out" "$TMP/list2"
printf 'backcoach-catalog 1\tgarbage\n\001\t\t\n' >"$XDG_CACHE_HOME/backcoach/catalog"
run list
check "a cache that does not read: the routines read again" \
	eval 'status 0 && cmp -s "$TMP/out" "$TMP/list2" && [ ! -s "$TMP/err" ]'
sed -i 's/\tChanged one\t/\tForged\t/' "$XDG_CACHE_HOME/backcoach/catalog"
routine "$U/cached.cfg" 'version = 1;\nname = "Changed one";\nlead_in = 0;\nexercises = ( { name = "Walk"; duration = 91; } );\n'
run list
check "a row cached for other text is not used" \
	eval 'status 0 && grep -qE "^cached +Changed one +1:31 " "$TMP/out"'
rm "$U/cached.cfg"

finish
