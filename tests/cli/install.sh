#!/bin/bash
# tests/cli/install.sh - `make install` into a temp DESTDIR, then the installed
# program as a user would meet it: it finds its routines (and sound themes,
# when the tree has them) beside itself, `man -l` reads its pages, bash
# completes its commands and routine ids; then `make uninstall` must leave
# no file behind.  Each check is a function named for what it asserts, of
# the last run's status ($rc) and output ($TMP/out).  Prints
# "install.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
MAKE=${MAKE:-make}
private_home "$TMP/home"
D="$TMP/dest"
P=/opt/bc-test
BIN="$D$P/bin/backcoach"
SHARE="$D$P/share"

# A failed check shows what the last run printed.
show_out() { cat "$TMP/out" 2>/dev/null; }
on_failure show_out

$MAKE -s -C "$ROOT" install DESTDIR="$D" PREFIX="$P" >"$TMP/out" 2>&1; rc=$?
installed() { [ $rc = 0 ] && [ -x "$BIN" ]; }
check "make install DESTDIR=... PREFIX=... succeeds" installed

# Every bundled routine, found by the installed binary in its own prefix.
"$BIN" list >"$TMP/out" 2>&1; rc=$?
missing=
for f in "$ROOT"/routines/*.cfg; do
	id=$(basename "$f" .cfg)
	grep -q "^$id .* $SHARE/backcoach/routines/$id.cfg" "$TMP/out" || missing="$missing $id"
done
all_listed() { [ $rc = 0 ] && [ -z "$missing" ]; }
check "installed 'list' shows every bundled routine from the prefix" all_listed
no_source_tree() { ! grep -q "$ROOT" "$TMP/out"; }
check "installed 'list' does not use the source tree" no_source_tree
"$BIN" show mcgill-big3 >"$TMP/out" 2>&1; rc=$?
expanded() { [ $rc = 0 ] && grep -q "^Total: " "$TMP/out"; }
check "installed 'show' expands a routine" expanded
"$BIN" check -q "$SHARE"/backcoach/routines/*.cfg >"$TMP/out" 2>&1; rc=$?
check "installed routines pass 'check'" [ $rc = 0 ]
# Their figures, installed beside them and drawn from there.
n=$(find "$ROOT/routines/figures" -name '*.fig' | wc -l)
m=$(find "$SHARE/backcoach/routines/figures" -name '*.fig' 2>/dev/null | wc -l)
all_figures() { [ "$n" -gt 0 ] && [ "$n" = "$m" ]; }
check "figures installed under share/backcoach/routines/figures" all_figures
"$BIN" show --figures mcgill-big3 >"$TMP/out" 2>&1; rc=$?
figures_shown() { [ $rc = 0 ] && grep -q "^4\. Bird dog (figure bird-dog)" "$TMP/out"; }
check "installed 'show --figures' draws the installed figures" figures_shown
# The programmes, installed beside the routines and read from there.
"$BIN" programme list >"$TMP/out" 2>&1; rc=$?
programmes_listed() {
	[ $rc = 0 ] && [ "$(grep -c . "$TMP/out")" = "$(ls "$ROOT"/routines/programmes/*.programme | wc -l)" ] &&
	    grep -q '^six-weeks ' "$TMP/out"
}
check "installed 'programme list' shows the bundled programmes" programmes_listed
if [ -d "$ROOT/sounds" ]; then
	n=$(find "$ROOT/sounds" -name index.theme | wc -l)
	m=$(find "$SHARE/sounds" -name index.theme 2>/dev/null | wc -l)
	all_themes() { [ "$n" -gt 0 ] && [ "$n" = "$m" ]; }
	check "sound themes installed under share/sounds" all_themes
fi

# edit, installed: a bundled routine becomes the user's copy, and the
# installed file is never written.
cp "$SHARE/backcoach/routines/mcgill-big3.cfg" "$TMP/orig.cfg"
VISUAL="sed -i -e '\$a# mine'" "$BIN" edit mcgill-big3 >"$TMP/out" 2>&1; rc=$?
users_copy_only() {
	[ $rc = 0 ] &&
	    cmp -s "$SHARE/backcoach/routines/mcgill-big3.cfg" "$TMP/orig.cfg" &&
	    grep -q "^# mine$" "$XDG_CONFIG_HOME/backcoach/routines/mcgill-big3.cfg"
}
check "installed 'edit' of a bundled routine saves the user's copy only" users_copy_only

# The man pages, read with man -l as a user would before MANPATH knows them.
man_read() { [ $rc = 0 ] && grep -q "^NAME" "$TMP/out" && grep -q "^SEE ALSO" "$TMP/out"; }
for page in "$ROOT"/man/*.[15]; do
	[ -e "$page" ] || continue
	name=$(basename "$page")
	sec=${name##*.}
	MANWIDTH=80 man -l "$SHARE/man/man$sec/$name" >"$TMP/out" 2>&1 </dev/null; rc=$?
	check "man -l $name (installed in man$sec)" man_read
done

# The bash completion: commands, and routine ids from the installed binary.
COMP="$SHARE/bash-completion/completions/backcoach"
complete_words() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
		_backcoach; printf "%s\n" "${COMPREPLY[@]}"' sh "$COMP" "$@"
}
complete_words "$BIN" "" >"$TMP/out" 2>&1
missing=
for c in $("$BIN" --help | awk '/^Commands:/ { c = 1; next }
    c && /^$/ { exit } c && /^  [^ ]/ { print $1 }'); do
	grep -qx -- "$c" "$TMP/out" || missing="$missing $c"
done
every_command() { [ -z "$missing" ] && grep -qx edit "$TMP/out" && ! grep -qx print "$TMP/out"; }
check "completion: every command of --help" every_command
complete_words "$BIN" show "mc" >"$TMP/out" 2>&1
check "completion: routine ids after 'show'" grep -qx mcgill-big3 "$TMP/out"
complete_words "$BIN" new x --from "" >"$TMP/out" 2>&1
check "completion: routine ids after 'new NAME --from'" grep -qx mcgill-big3 "$TMP/out"
complete_words "$BIN" report --format "" >"$TMP/out" 2>&1
report_formats() { [ "$(sort "$TMP/out" | tr '\n' ' ')" = "html json text " ]; }
check "completion: html, text and json after 'report --format'" report_formats
complete_words "$BIN" programme start "" >"$TMP/out" 2>&1
check "completion: programme ids after 'programme start'" grep -qx six-weeks "$TMP/out"

$MAKE -s -C "$ROOT" uninstall DESTDIR="$D" PREFIX="$P" >"$TMP/out" 2>&1; rc=$?
find "$D" ! -type d >"$TMP/out"
nothing_left() { [ $rc = 0 ] && [ ! -s "$TMP/out" ]; }
check "make uninstall leaves no file behind" nothing_left
check "make uninstall removes backcoach's own directories" [ ! -e "$SHARE/backcoach" ]

finish
