#!/bin/bash
# tests/cli/hostile.sh - files made to attack the terminal or the program,
# read by every command that prints: `check`, `list`, `show`, `history`
# in each format, `stats`, `help`.  No byte a terminal would obey (C0 but
# tab and line feed, DEL, C1, anything not UTF-8) may reach stdout or
# stderr (build/bytecheck says where one does); JSON stays valid.  Then
# files that are not what they claim (FIFOs, /proc, directories, huge
# files), numbers libconfig would change, write errors, and SIGQUIT in a
# session.  Prints a TAP line per check and "hostile.sh: N passed, M
# failed".
. "$(dirname "$0")/../lib.sh"
BC="$ROOT/backcoach"
BYTES="$ROOT/build/bytecheck"
need_built "$BC" "$BYTES"
need jq tmux timeout
private_home "$TMP/home"
U="$XDG_CONFIG_HOME/backcoach/routines"
CONF="$XDG_CONFIG_HOME/backcoach/config"
STATE="$XDG_STATE_HOME/backcoach"
D="$ROOT/tests/data/hostile"
mkdir -p "$U" "$STATE"

# run ARGS...: backcoach ARGS, stdout in $TMP/out, stderr in $TMP/err,
# status in $rc; never more than 10 s (a hang is a failure: status 124).
run() { timeout 10 "$BC" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
show_run() { echo "status $rc"; echo "stdout:"; cat -v "$TMP/out"; echo "stderr:"; cat -v "$TMP/err"; }
on_failure show_run
# Both streams of the last run safe for a terminal.
inert() { "$BYTES" stdout <"$TMP/out" && "$BYTES" stderr <"$TMP/err"; }
said() { grep -qF -- "$1" "$TMP/err"; }
printed() { grep -qF -- "$1" "$TMP/out"; }

# --- routines: rejected at the line, and nothing raw printed --------------
# Every file but two is an error naming FILE:LINE: control characters in
# any text field (name, description, caution, source, summary, cue,
# phases), bytes that are not UTF-8, a NUL, a blank name, an @include of
# /proc/self/mem, integers libconfig would wrap.
for f in "$D"/*.cfg; do
	b=$(basename "$f")
	case $b in rlo-name.cfg) continue ;; esac
	run check "$f"
	rejected_at_line() {
		[ $rc = 1 ] && grep -Eq "^$f:[0-9]+: error: " "$TMP/err" && ! printed ': ok'
	}
	check "check $b: an error at its line, exit 1" rejected_at_line
	check "check $b: nothing a terminal obeys" inert
done
run check "$D/spoof-ok.cfg"
check "a name that would print ': ok' over the error: no ': ok' in sight" \
	test "$(cat "$TMP/out" "$TMP/err" | grep -c ': ok')" = 0
run check "$D/big-int.cfg"
check "hold = 4294967297: too large for 32 bits, said with the number" \
	said "the number 4294967297 is too large"
run check "$D/big-int2.cfg"
check "reps = 5000000000: the number the user wrote, not libconfig's" \
	said "the number 5000000000 is too large"
# U+202E (right-to-left override) is text, not a control: accepted, and
# shown escaped wherever a terminal would reorder what follows it.
run check "$D/rlo-name.cfg"
check "a name with U+202E: valid, printed as \\u202e" printed 'ok, evil\u202etxt.cfg'
check "a name with U+202E: nothing a terminal obeys" inert

# Lengths count characters: 80 CJK characters (240 bytes) is a name of 80,
# the most a name may have.
cjk=$(printf '日%.0s' $(seq 80))
printf 'version = 1;\nname = "%s";\nexercises = ( { name = "a"; hold = 1; } );\n' "$cjk" >"$TMP/cjk80.cfg"
printf 'version = 1;\nname = "%s日";\nexercises = ( { name = "a"; hold = 1; } );\n' "$cjk" >"$TMP/cjk81.cfg"
run check "$TMP/cjk80.cfg"
check "a name of 80 CJK characters is 80 characters: ok" test $rc = 0
run check "$TMP/cjk81.cfg"
check "81 CJK characters: too long, counted in characters" said "too long: 81 characters, at most 80"

# The user's routine directory with every hostile file in it, and one
# whose file name holds an escape sequence.
cp "$D"/*.cfg "$U/"
printf 'version = 1;\nname = "Named badly";\nexercises = ( { name = "a"; hold = 1; } );\n' \
	>"$U/$(printf 'title\033]0;pwned\007')".cfg
run list
check "list over hostile routines: exit 0" test $rc = 0
check "list: nothing a terminal obeys" inert
# every hostile file but rlo-name.cfg, and the one named with an escape
check "list: the broken ones marked invalid" \
	test "$(grep -c ' invalid  ' "$TMP/out")" = "$(($(ls "$D"/*.cfg | wc -l) - 1 + 1))"
check "list: a file name with an escape, shown escaped" printed 'title\e]0;pwned\x07.cfg'
check "list: a name with an escape, shown escaped" printed '\e]0;pwned\x07Harmless'
check "list: a tab shown as \\t, the columns kept" grep -q '^tab-name  *Tab\\there  *invalid' "$TMP/out"
check "list: the good routines still listed" grep -q '^mcgill-big3 ' "$TMP/out"
run show rlo-name
check "show a routine named with U+202E: exit 0, escaped" printed 'evil\u202etxt.cfg'
check "show: nothing a terminal obeys" inert
run show osc-title
check "show a broken routine: exit 1, nothing a terminal obeys" \
	eval '[ $rc = 1 ] && inert'
rm "$U"/*

# --- histories: bad records reported by line, the rest shown safely -------
H="$D/history"
for fmt in table tsv csv json; do
	run --history "$H" history --format "$fmt"
	check "history --format $fmt over a hostile history: exit 0" test $rc = 0
	check "history --format $fmt: nothing a terminal obeys" inert
done
run --history "$H" history --format json
check "json: valid, the 2 clean sessions only" test "$(jq length "$TMP/out")" = 2
check "json: the note with U+202E exact" \
	test "$(jq -r '.[1].note' "$TMP/out")" = "$(printf 'see \342\200\256gnp.exe')"
check "json: the amendment with an escape sequence not applied" \
	test "$(jq -r '.[0].note' "$TMP/out")" = "$(printf 'fine, \303\251, \346\227\245\346\234\254')"
reported_in_order() {
	[ "$(grep -o '^[^ ]*history:[0-9]*' "$TMP/err" | sed 's/.*://' | tr '\n' ' ')" = \
	    "4 5 6 8 9 10 11 12 " ]
}
check "every bad line reported, by number, in order" reported_in_order
check "an escape sequence: a control character" grep -q 'history:4: .*a control character' "$TMP/err"
check "a NUL inside a field: the line is malformed" grep -q 'history:9: .*a NUL byte' "$TMP/err"
check "a 12-digit duration: a bad duration, not a negative time" grep -q 'history:10: .*bad duration' "$TMP/err"
run --history "$H" history
check "table: U+202E in a note escaped" printed 'note: see \u202egnp.exe'
check "table: no negative duration" eval '! grep -q -- "-[0-9]*:" "$TMP/out"'
run --history "$H" stats
check "stats over a hostile history: exit 0, nothing a terminal obeys" \
	eval '[ $rc = 0 ] && inert'
run --history "$H" report --format text
check "report --format text over a hostile history: exit 0, nothing a terminal obeys" \
	eval '[ $rc = 0 ] && inert'

# --- files that are not what they claim ------------------------------------
ln -s /proc/self/mem "$TMP/mem.cfg"
run check "$TMP/mem.cfg"
check "a routine that is /proc/self/mem: an error, exit 1" \
	eval '[ $rc = 1 ] && said "$TMP/mem.cfg: error: cannot read"'
mkfifo "$TMP/fifo.cfg"
run check "$TMP/fifo.cfg"
check "a routine that is a FIFO: 'not a regular file', no hang" \
	eval '[ $rc = 1 ] && said "fifo.cfg: error: not a regular file"'
head -c 2000000 /dev/zero | tr '\0' a >"$TMP/a"
{ printf 'version = 1;\nname = "'; cat "$TMP/a"; printf '";\nexercises = ( { name = "a"; hold = 1; } );\n'; } >"$TMP/big.cfg"
run check "$TMP/big.cfg"
check "a 2 MB routine: too large, not read" \
	eval '[ $rc = 1 ] && said "big.cfg: error: larger than 1024 KiB"'
truncate -s 1G "$TMP/sparse.cfg"
run check "$TMP/sparse.cfg"
check "a 1 GB sparse routine: too large, not read" \
	eval '[ $rc = 1 ] && said "sparse.cfg: error: larger than 1024 KiB"'
printf 'version = 1;\nname = "x";\n@include "%s"\nexercises = ( { name = "a"; hold = 1; } );\n' \
	big.cfg >"$TMP/incbig.cfg"
run check "$TMP/incbig.cfg"
check "an @include of a 2 MB file: too large, at the @include's line" \
	eval '[ $rc = 1 ] && grep -q "incbig.cfg:3: error: .*larger than" "$TMP/err"'

# A 48 MB line in the history: skipped and reported, never held in memory
# (read under a 40 MB address-space limit: holding the line would fail).
LH=$TMP/longline
{
	printf '#backcoach-history 4\n'
	printf 'S\t2026-04-01T08:00:00+00:00\t60\ta\tA\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\t\n'
	printf 'S\t'; head -c 48000000 /dev/zero | tr '\0' x; printf '\n'
	printf 'S\t2026-04-02T08:00:00+00:00\t60\tb\tB\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\t\n'
} >"$LH"
rc=0; ( ulimit -v 40000; exec timeout 10 "$BC" --history "$LH" history --format csv ) >"$TMP/out" 2>"$TMP/err" || rc=$?
check "a 48 MB history line: skipped with its line number, the others read, in little memory" \
	eval '[ $rc = 0 ] && said "longline:3: warning: skipped a line longer than 1 MiB" && [ "$(grep -c "^2026-04-0[12]" "$TMP/out")" = 2 ]'
rm -f "$LH"

# The history file a FIFO, a directory, unreadable: one error, exit 1.
mkfifo "$TMP/hfifo"
for cmd in history stats report; do
	run --history "$TMP/hfifo" $cmd
	check "$cmd with a FIFO as the history: an error, no hang" \
		eval '[ $rc = 1 ] && said "hfifo: error: not a regular file"'
done
mkdir "$TMP/hdir"
run --history "$TMP/hdir" history
one_error() {
	[ $rc = 1 ] && [ ! -s "$TMP/out" ] && [ "$(wc -l <"$TMP/err")" = 1 ] &&
	    said "hdir: error: not a regular file"
}
check "history that is a directory: one error and exit 1, no 'No sessions'" one_error

# A settings file that is not a file: a warning, and every command works.
for kind in directory fifo loop include-tmp include-proc; do
	rm -rf "$CONF"
	case $kind in
	directory) mkdir "$CONF" ;;
	fifo) mkfifo "$CONF" ;;
	loop) ln -s "$CONF" "$CONF" ;;
	include-tmp) printf '@include "/tmp"\n' >"$CONF" ;;
	include-proc) printf '@include "/proc/self/mem"\n' >"$CONF" ;;
	esac
	run list
	settings_warned() {
		[ $rc = 0 ] && grep -q "^$CONF:[0-9:]* warning: " "$TMP/err" &&
		    grep -q '^mcgill-big3 ' "$TMP/out"
	}
	check "settings file ($kind): a warning, list still works" settings_warned
done
rm -rf "$CONF"

# --- write errors on stdout --------------------------------------------------
cp tests/data/tiny.cfg "$U/"
"$BC" --history "$H" history >/dev/null 2>&1
for args in "--history $H history --format csv" "--history $H history --format json" \
    "--history $H history" "--history $H stats" "--history $H report --format text" "list" "show tiny" "check tests/data/tiny.cfg" \
    "--help" "help"; do
	# shellcheck disable=SC2086 # the arguments are words
	"$BC" $args >/dev/full 2>"$TMP/err"; rc=$?
	check "$args > /dev/full: exit 1, 'write error'" \
		eval '[ $rc = 1 ] && said "write error"'
done

# --- state files that are FIFOs, full screen --------------------------------
tmux_new q "$(private_env "$TMP/home") TERM=screen PS1='$ ' bash --norc --noprofile -i"
on_failure screen
wait_for '^\$' 5 || { not_ok "shell starts"; finish; }
type_line "cd '$ROOT'; SAVED=\$(stty -g); clear"
only_bash() { test -z "$(T list-panes -t "$S" -F '#{pane_current_command}' | grep -v bash)"; }

# The history a FIFO: asked first (it cannot be written, and is not
# waited on), then the picker opens all the same, h says why.
type_line "clear; ./backcoach --history '$TMP/hfifo'"
expect "history a FIFO: asked whether to start without it" 'Your history cannot be written'
key y
expect "history a FIFO: the picker opens" '^backcoach: choose a routine'
key h
expect "h: the statistics say what is wrong with the history" 'hfifo: error: not a regular file'
key q
expect "q: back to the picker" '^backcoach: choose a routine'
key q
check "q: the picker ends" poll 5 only_bash

# The red-flag screen's record a FIFO: the questions are asked (the FIFO
# is no proof of an answer), and nothing blocks.
printf 'risk_factors = [];\n' >"$CONF"
mkfifo "$STATE/screened"
type_line "clear; ./backcoach start tests/data/tiny.cfg"
begin
expect "screened a FIFO: the red-flag questions are asked" 'Before you start: does any of this apply'
key C-c
check "^C there: backcoach ends at once" poll 5 only_bash
rm -f "$STATE/screened" "$CONF"

# --- SIGQUIT (^\) in a session: the terminal restored, the session kept ----
red_flags_answered "$TMP/home"
type_line "clear; ./backcoach start tests/data/long.cfg"
begin
expect "the pain question" 'Pain now'
key Enter
expect "the session runs" 'Test long hold'
key 'C-\'
check "^\\: backcoach ends" poll 5 only_bash
type_line 'echo EXIT=$?'
expect "^\\: exit status 131 (128 + SIGQUIT)" '^EXIT=131$'
type_line 'clear; [ "$(stty -g)" = "$SAVED" ] && echo STTY-SANE'
expect "^\\: the terminal is restored" '^STTY-SANE$'
quit_recorded() {
	[ "$("$BC" history --format json | jq -c '.[-1] | [.status, .reason, .routine_id]')" = \
	    '["partial","signal","long"]' ]
}
check "^\\: the session recorded as stopped by a signal" quit_recorded

finish
