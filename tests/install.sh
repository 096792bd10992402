#!/bin/sh
# tests/install.sh - `make install` into a temp DESTDIR, then the installed
# program as a user would meet it: it finds its routines (and sound themes,
# when the tree has them) beside itself, `man -l` reads its pages, bash
# completes its commands and routine ids; then `make uninstall` must leave
# no file behind.  Prints "N passed, M failed".
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MAKE=${MAKE:-make}
T=$(mktemp -d "${TMPDIR:-/tmp}/bc-install.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state" \
	XDG_CACHE_HOME="$T/cache"
mkdir -p "$HOME"
D="$T/dest"
P=/opt/bc-test
BIN="$D$P/bin/backcoach"
SHARE="$D$P/share"
pass=0 fail=0
check() {
	if eval "$2"; then pass=$((pass + 1)); echo "ok   - $1"
	else fail=$((fail + 1)); echo "FAIL - $1"; sed 's/^/     | /' "$T/out" 2>/dev/null; fi
}

$MAKE -s -C "$ROOT" install DESTDIR="$D" PREFIX="$P" >"$T/out" 2>&1; rc=$?
check "make install DESTDIR=... PREFIX=... succeeds" '[ $rc = 0 ] && [ -x "$BIN" ]'

# Every bundled routine, found by the installed binary in its own prefix.
"$BIN" list >"$T/out" 2>&1; rc=$?
missing=
for f in "$ROOT"/routines/*.cfg; do
	id=$(basename "$f" .cfg)
	grep -q "^$id .* $SHARE/backcoach/routines/$id.cfg" "$T/out" || missing="$missing $id"
done
check "installed 'list' shows every bundled routine from the prefix" '[ $rc = 0 ] && [ -z "$missing" ]'
check "installed 'list' does not use the source tree" '! grep -q "$ROOT" "$T/out"'
"$BIN" show mcgill-big3 >"$T/out" 2>&1; rc=$?
check "installed 'show' expands a routine" '[ $rc = 0 ] && grep -q "^Total: " "$T/out"'
"$BIN" check -q "$SHARE"/backcoach/routines/*.cfg >"$T/out" 2>&1; rc=$?
check "installed routines pass 'check'" '[ $rc = 0 ]'
if [ -d "$ROOT/sounds" ]; then
	n=$(find "$ROOT/sounds" -name index.theme | wc -l)
	m=$(find "$SHARE/sounds" -name index.theme 2>/dev/null | wc -l)
	check "sound themes installed under share/sounds" '[ "$n" -gt 0 ] && [ "$n" = "$m" ]'
fi

# edit, installed: a bundled routine becomes the user's copy, and the
# installed file is never written.
cp "$SHARE/backcoach/routines/mcgill-big3.cfg" "$T/orig.cfg"
VISUAL="sed -i -e '\$a# mine'" "$BIN" edit mcgill-big3 >"$T/out" 2>&1; rc=$?
check "installed 'edit' of a bundled routine saves the user's copy only" \
	'[ $rc = 0 ] && cmp -s "$SHARE/backcoach/routines/mcgill-big3.cfg" "$T/orig.cfg" && grep -q "^# mine$" "$XDG_CONFIG_HOME/backcoach/routines/mcgill-big3.cfg"'

# The man pages, read with man -l as a user would before MANPATH knows them.
for page in "$ROOT"/man/*.[15]; do
	[ -e "$page" ] || continue
	name=$(basename "$page")
	sec=${name##*.}
	MANWIDTH=80 man -l "$SHARE/man/man$sec/$name" >"$T/out" 2>&1 </dev/null; rc=$?
	check "man -l $name (installed in man$sec)" \
		'[ $rc = 0 ] && grep -q "^NAME" "$T/out" && grep -q "^SEE ALSO" "$T/out"'
done

# The bash completion: commands, and routine ids from the installed binary.
COMP="$SHARE/bash-completion/completions/backcoach"
complete_words() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
		_backcoach; printf "%s\n" "${COMPREPLY[@]}"' sh "$COMP" "$@"
}
if command -v bash >/dev/null; then
	complete_words "$BIN" "" >"$T/out" 2>&1
	missing=
	for c in $("$BIN" --help | awk '/^Commands:/ { c = 1; next }
	    c && /^$/ { exit } c && /^  [^ ]/ { print $1 }'); do
		grep -qx -- "$c" "$T/out" || missing="$missing $c"
	done
	check "completion: every command of --help" \
		'[ -z "$missing" ] && grep -qx edit "$T/out" && ! grep -qx print "$T/out"'
	complete_words "$BIN" show "mc" >"$T/out" 2>&1
	check "completion: routine ids after 'show'" 'grep -qx mcgill-big3 "$T/out"'
	complete_words "$BIN" new x --from "" >"$T/out" 2>&1
	check "completion: routine ids after 'new NAME --from'" 'grep -qx mcgill-big3 "$T/out"'
fi

$MAKE -s -C "$ROOT" uninstall DESTDIR="$D" PREFIX="$P" >"$T/out" 2>&1; rc=$?
find "$D" ! -type d >"$T/out"
check "make uninstall leaves no file behind" '[ $rc = 0 ] && [ ! -s "$T/out" ]'
check "make uninstall removes backcoach's own directories" '[ ! -e "$SHARE/backcoach" ]'

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
