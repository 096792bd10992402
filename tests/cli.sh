#!/bin/bash
# tests/cli.sh - the command line and its messages, as a new user meets
# them (issue 13): options after a routine or a command, did-you-mean for
# commands and routines, one form for every usage error, the words of
# `check`, plurals, and what each command says when something is wrong.
# Each check is a function of the last run's status ($rc), stdout
# ($TMP/out) and stderr ($TMP/err).  Prints a TAP line per check and
# "cli.sh: N passed, M failed".
. "$(dirname "$0")/lib.sh"
BC=${BC:-$ROOT/backcoach}
need_built "$BC"
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
routine "$TMP/one.cfg" 'version = 1;\nname = "One";\nlead_in = 0;\nexercises = ( { name = "Walk"; duration = 60; } );\n'
run show "$TMP/one.cfg"
check "show: '1 exercise, 1 step', not '1 steps'" out_line "Total: 1:00, 1 exercise, 1 step"
H=$TMP/one.history
printf '#backcoach-history 2\nS\t%sT08:00:00+01:00\t60\tone\tOne\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n' \
	"$(date +%F)" >"$H"
run --history "$H" stats --weeks 1
check "stats: '1 week', '1 day', '1 session', '1 minute'" eval \
	'out_has "(last 1 week," && out_line "  current: 1 day" &&
	 out_has "longest: 1 day," && out_line "  all time: 1 session, 1 completed, 1 minute"'

finish
