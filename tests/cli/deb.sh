#!/bin/bash
# tests/cli/deb.sh - `make deb` builds a Debian package that lintian passes
# without an error, that carries what `make install` installs (for /usr),
# and that runs: unpacked with dpkg -x into a temp directory (the machine
# is left alone), its program lists, shows and checks the bundled routines
# from its own /usr/share, reads its man pages, completes in bash, and
# opens the picker in tmux.  The unpacked package is removed at the end.
. "$(dirname "$0")/../lib.sh"
need dpkg-deb lintian tmux
MAKE=${MAKE:-make}
private_home "$TMP/home"
VERSION=$(sed -n 's/^VERSION *= *//p' "$ROOT/Makefile")
DEB="$ROOT/build/backcoach_${VERSION}_$(dpkg --print-architecture).deb"
X="$TMP/x"
BIN="$X/usr/bin/backcoach"
show_out() { cat "$TMP/out" 2>/dev/null; }
on_failure show_out

$MAKE -s -C "$ROOT" deb >"$TMP/out" 2>&1; rc=$?
check "make deb builds $(basename "$DEB")" eval '[ $rc = 0 ] && [ -s "$DEB" ]'
lintian "$DEB" >"$TMP/out" 2>&1; rc=$?
no_errors() { [ $rc = 0 ] && ! grep -q '^E: ' "$TMP/out"; }
check "lintian: no errors" no_errors
dpkg-deb -f "$DEB" Package Version Depends Recommends >"$TMP/out" 2>&1
fields() {
	grep -qx "Package: backcoach" "$TMP/out" && grep -qx "Version: $VERSION" "$TMP/out" &&
	    grep -q "^Depends: .*libncursesw6.*libcanberra-pulse" "$TMP/out" &&
	    grep -qx "Recommends: libespeak-ng1, libnotify4" "$TMP/out"
}
check "control: package, version, the libraries it links as Depends, speech and notifications recommended" fields

dpkg -x "$DEB" "$X" >"$TMP/out" 2>&1; rc=$?
check "dpkg -x unpacks it" eval '[ $rc = 0 ] && [ -x "$BIN" ]'
"$BIN" --version >"$TMP/out" 2>&1
check "the packaged program runs: --version" grep -qx "backcoach $VERSION" "$TMP/out"
"$BIN" list >"$TMP/out" 2>&1; rc=$?
missing=
for f in "$ROOT"/routines/*.cfg; do
	id=$(basename "$f" .cfg)
	grep -q "^$id .* $X/usr/share/backcoach/routines/$id.cfg" "$TMP/out" || missing="$missing $id"
done
check "list: every bundled routine, from the package's /usr/share" \
	eval '[ $rc = 0 ] && [ -z "$missing" ]'
"$BIN" show --figures mcgill-big3 >"$TMP/out" 2>&1; rc=$?
check "show --figures: the packaged figures" \
	eval '[ $rc = 0 ] && grep -q "^4\. Bird dog (figure bird-dog)" "$TMP/out"'
"$BIN" programme list >"$TMP/out" 2>&1; rc=$?
check "programme list: the packaged programmes" eval '[ $rc = 0 ] && grep -q "^six-weeks " "$TMP/out"'
"$BIN" check -q "$X"/usr/share/backcoach/routines/*.cfg >"$TMP/out" 2>&1; rc=$?
check "check: the packaged routines are valid" [ $rc = 0 ]
MANWIDTH=80 man -l "$X/usr/share/man/man1/backcoach.1.gz" >"$TMP/out" 2>&1 </dev/null
check "man -l reads the packaged backcoach(1)" grep -q "^SYNOPSIS" "$TMP/out"
check "the three completions are in the package" eval \
	'[ -f "$X/usr/share/bash-completion/completions/backcoach" ] &&
	 [ -f "$X/usr/share/zsh/vendor-completions/_backcoach" ] &&
	 [ -f "$X/usr/share/fish/vendor_completions.d/backcoach.fish" ]'
bash -c '. "$1"; COMP_WORDS=("$2" show mc); COMP_CWORD=2; _backcoach;
	printf "%s\n" "${COMPREPLY[@]}"' sh "$X/usr/share/bash-completion/completions/backcoach" \
	"$BIN" >"$TMP/out" 2>&1
check "its bash completion offers routine ids from the packaged program" grep -qx mcgill-big3 "$TMP/out"

# The picker, full screen, from the unpacked package.
on_failure screen
tmux_new deb "$(private_env "$TMP/pane") TERM=screen $(shquote "$BIN") --no-sound"
expect "the packaged program opens the picker with the bundled routines" \
	'choose a routine' 10
# (its time as the packaged list gives it: the time is the routine's, not
# this test's)
big3=$("$BIN" list 2>/dev/null | awk '$1 == "mcgill-big3" { print $(NF - 1) }')
check "... the bundled routines in it" shows "^  McGill Big 3 +${big3:-no time listed}\$"
key q
on_failure show_out
rm -rf "$X"
check "the unpacked package is removed" [ ! -e "$X" ]
finish
