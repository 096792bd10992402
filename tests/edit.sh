#!/bin/sh
# tests/edit.sh - `backcoach edit` and `backcoach new`, driven by scripted
# editors as a user's editor would drive them.  Every run has a private
# HOME, XDG_* and TMPDIR; the bundled routines are compared byte for byte
# before and after.  Prints "N passed, M failed"; exit 1 on any failure.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BC="$ROOT/backcoach"
T=$(mktemp -d "${TMPDIR:-/tmp}/bc-edit.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state" \
	XDG_CACHE_HOME="$T/cache" TMPDIR="$T/tmp"
unset VISUAL EDITOR
mkdir -p "$HOME" "$TMPDIR" "$T/bin" "$T/snap"
U="$XDG_CONFIG_HOME/backcoach/routines"
B=mcgill-big3
cp "$ROOT/routines/$B.cfg" "$T/snap/"
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok   - $1"; }
not_ok() { fail=$((fail + 1)); echo "FAIL - $1"; [ -f "$T/out" ] && sed 's/^/     | /' "$T/out"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
# An editor script: $T/bin/NAME running the shell code given, with "$1"
# the file to edit.
editor() { printf '#!/bin/sh\n%s\n' "$2" >"$T/bin/$1"; chmod +x "$T/bin/$1"; }
# No file but .cfg routines (and the include below) in the routines dir.
clean_dir() { [ -z "$(find "$U" -name '.*' ! -name . 2>/dev/null)" ]; }
no_temp() { [ -z "$(ls -A "$TMPDIR")" ]; }
bundled_same() { cmp -s "$ROOT/routines/$B.cfg" "$T/snap/$B.cfg"; }
user_routine() {        # a valid routine of the user's, $U/$1.cfg
	mkdir -p "$U"
	printf 'version = 1;\nname = "%s";\nexercises = (\n  { name = "Tilt"; hold = 2; reps = 3; }\n);\n' "$1" >"$U/$1.cfg"
}

# --- no change -----------------------------------------------------------
VISUAL=true "$BC" edit $B >"$T/out" 2>&1; rc=$?
check "unchanged edit: 'no changes made', exit 0" \
	'[ $rc = 0 ] && grep -q "^no changes made$" "$T/out"'
check "unchanged edit: no user copy, temp file removed" \
	'[ ! -e "$U/$B.cfg" ] && no_temp'

# --- a bundled routine becomes the user's copy ---------------------------
VISUAL="sed -i -e '\$a# my own dose'" "$BC" edit $B >"$T/out" 2>&1; rc=$?
{ cat "$T/snap/$B.cfg"; echo "# my own dose"; } >"$T/want"
check "bundled edit (VISUAL with arguments) saved as the user's copy" \
	'[ $rc = 0 ] && cmp -s "$U/$B.cfg" "$T/want" && grep -q "bundled" "$T/out"'
check "bundled routine file never changed" 'bundled_same'
check "user copy listed as shadowing the bundled one" \
	'"$BC" list | grep "^$B " | grep -q "shadows the bundled"'
check "user routines dir is 0700, no temp left" \
	'[ "$(stat -c %a "$U")" = 700 ] && clean_dir && no_temp'
cp "$U/$B.cfg" "$T/mine.orig"
VISUAL="sed -i -e '\$a# another'" "$BC" edit "$ROOT/routines/$B.cfg" >"$T/out" 2>&1; rc=$?
check "bundled file by path, user copy exists: refused, both unchanged" \
	'[ $rc = 1 ] && bundled_same && cmp -s "$U/$B.cfg" "$T/mine.orig"'
rm -f "$U/$B.cfg"

# --- broken edits are refused --------------------------------------------
user_routine mine
cp "$U/mine.cfg" "$T/mine.orig"
chmod 640 "$U/mine.cfg"
editor break 'sed -i -e "s/hold = [0-9]*;/hold = -5;/" "$1"'
printf 'n\n' | VISUAL="$T/bin/break" "$BC" edit mine >"$T/out" 2>&1; rc=$?
kept=$(sed -n 's/.*your edited copy is in //p' "$T/out")
check "broken edit, answer n: exit 1, routine untouched" \
	'[ $rc = 1 ] && cmp -s "$U/mine.cfg" "$T/mine.orig"'
check "broken edit: FILE:LINE: error naming the user's file, not the temp" \
	'grep -q "^$U/mine.cfg:4: error: .hold. must be" "$T/out" && ! grep -q "^$TMPDIR" "$T/out"'
check "broken edit: asked 'edit again? [Y/n]'" 'grep -q "edit again? \[Y/n\]" "$T/out"'
check "broken edit: the edited copy is kept where it says" \
	'[ -n "$kept" ] && grep -q "hold = -5;" "$kept" && clean_dir'
rm -f "$TMPDIR"/*
VISUAL="$T/bin/break" "$BC" edit mine </dev/null >"$T/out" 2>&1; rc=$?
check "broken edit, end of input: exit 1, routine untouched, copy kept" \
	'[ $rc = 1 ] && cmp -s "$U/mine.cfg" "$T/mine.orig" && grep -q "your edited copy is in $TMPDIR/" "$T/out"'
rm -f "$TMPDIR"/*

# Broken, then "y", then fixed by the second run of the editor.
editor twice 'if [ -e "$0.ran" ]; then sed -i -e "s/hold = -5;/hold = 4;/" "$1"; else touch "$0.ran"; sed -i -e "s/hold = 2;/hold = -5;/" "$1"; fi'
printf 'y\n' | VISUAL="$T/bin/twice" "$BC" edit mine >"$T/out" 2>&1; rc=$?
check "broken edit, answer y, fixed: saved" \
	'[ $rc = 0 ] && grep -q "hold = 4;" "$U/mine.cfg" && no_temp && clean_dir'
check "saving keeps the routine file's mode" '[ "$(stat -c %a "$U/mine.cfg")" = 640 ]'

cp "$U/mine.cfg" "$T/mine.orig"

# --- a good edit, through $EDITOR ----------------------------------------
editor good 'sed -i -e "s/reps = 3;/reps = 5;/" "$1"'
EDITOR="$T/bin/good" "$BC" edit mine >"$T/out" 2>&1; rc=$?
check "good edit through \$EDITOR: saved" \
	'[ $rc = 0 ] && grep -q "reps = 5;" "$U/mine.cfg" && grep -q "^saved $U/mine.cfg" "$T/out"'
VISUAL="$T/bin/break" EDITOR="$T/bin/good" "$BC" edit mine </dev/null >"$T/out" 2>&1
check "\$VISUAL wins over \$EDITOR" 'grep -q "edit again" "$T/out"'
rm -f "$TMPDIR"/*

cp "$U/mine.cfg" "$T/mine.orig"
VISUAL="$T/bin/no-such-editor --flag" "$BC" edit mine >"$T/out" 2>&1; rc=$?
check "missing editor: exit 1, says so, routine untouched, temp removed" \
	'[ $rc = 1 ] && grep -q "cannot run the editor" "$T/out" && no_temp && cmp -s "$U/mine.cfg" "$T/mine.orig"'

# --- interrupted edits -----------------------------------------------------
cp "$U/mine.cfg" "$T/mine.orig"
editor killed 'head -c 20 "$1" >"$1.x"; mv "$1.x" "$1"; kill -KILL $$'
VISUAL="$T/bin/killed" "$BC" edit mine >"$T/out" 2>&1; rc=$?
check "editor killed mid-edit: exit 1, routine untouched, no half file" \
	'[ $rc = 1 ] && cmp -s "$U/mine.cfg" "$T/mine.orig" && clean_dir && [ "$(ls "$U")" = mine.cfg ]'
check "editor killed: says so and where the copy is" \
	'grep -q "killed by signal 9" "$T/out" && grep -q "your edited copy is in" "$T/out"'
rm -f "$TMPDIR"/*
# The editor's ^C and ^\ must not end backcoach: signal backcoach itself.
editor sigint 'p=$$; while [ "$p" -gt 1 ]; do p=$(awk "{print \$4}" /proc/$p/stat); [ "$(cat /proc/$p/comm)" = backcoach ] && break; done
kill -INT "$p"; kill -QUIT "$p"; sleep 0.2; sed -i -e "s/reps = 5;/reps = 6;/" "$1"'
VISUAL="$T/bin/sigint" "$BC" edit mine >"$T/out" 2>&1; rc=$?
check "SIGINT/SIGQUIT while the editor runs: ignored, edit saved" \
	'[ $rc = 0 ] && grep -q "reps = 6;" "$U/mine.cfg"'
cp "$U/mine.cfg" "$T/mine.orig"
editor sigterm 'p=$$; while [ "$p" -gt 1 ]; do p=$(awk "{print \$4}" /proc/$p/stat); [ "$(cat /proc/$p/comm)" = backcoach ] && break; done
sed -i -e "s/reps = 6;/reps = 7;/" "$1"; kill -TERM "$p"; sleep 0.2'
VISUAL="$T/bin/sigterm" "$BC" edit mine >"$T/out" 2>&1; rc=$?
check "backcoach killed while editing: routine untouched, nothing half-written" \
	'[ $rc != 0 ] && cmp -s "$U/mine.cfg" "$T/mine.orig" && clean_dir'
rm -f "$TMPDIR"/*

# --- awkward names ---------------------------------------------------------
D="$T/my dir"
mkdir -p "$D" "$T/tmp dir's"
printf 'version = 1;\nname = "Odd";\nexercises = ( { name = "Walk"; duration = 60; } );\n' >"$D/it's odd.cfg"
editor argcheck '[ $# = 1 ] && [ -f "$1" ] && case "$1" in *".cfg") ;; *) exit 3;; esac && sed -i -e "s/60/90/" "$1"'
TMPDIR="$T/tmp dir's" VISUAL="$T/bin/argcheck" "$BC" edit "$D/it's odd.cfg" >"$T/out" 2>&1; rc=$?
check "spaces and quotes in the routine's and the temp file's names" \
	'[ $rc = 0 ] && grep -q "duration = 90;" "$D/it'"'"'s odd.cfg" && [ -z "$(ls -A "$T/tmp dir'"'"'s")" ]'

# --- @include resolves next to the routine, not the temp copy --------------
printf 'exercises = ( { name = "Tilt"; hold = 2; reps = 3; } );\n' >"$U/inc-exercises.inc"
printf 'version = 1;\nname = "Inc";\n@include "inc-exercises.inc"\n' >"$U/inc.cfg"
VISUAL="sed -i -e 's/Inc/Included/'" "$BC" edit inc >"$T/out" 2>&1; rc=$?
check "@include relative to the routine's own directory" \
	'[ $rc = 0 ] && grep -q Included "$U/inc.cfg"'

# --- new -------------------------------------------------------------------
editor grab 'cp "$1" "'"$T"'/template.cfg"'
VISUAL="$T/bin/grab" "$BC" new fresh >"$T/out" 2>&1; rc=$?
check "new, left unchanged: nothing created" \
	'[ $rc = 0 ] && [ ! -e "$U/fresh.cfg" ] && grep -q "no changes made" "$T/out" && no_temp'
"$BC" check "$T/template.cfg" >"$T/out" 2>&1; rc=$?
check "the template passes 'backcoach check' with no warning" \
	'[ $rc = 0 ] && ! grep -q warning "$T/out"'
missing=
for s in version name summary description tags caution source lead_in rest \
    exercises cue hold relax tempo phases reps sets sides duration; do
	grep -q "^#* *$s " "$T/template.cfg" || grep -q "^ *$s = " "$T/template.cfg" || missing="$missing $s"
done
check "the template explains every setting" '[ -z "$missing" ]'
VISUAL="sed -i -e 's/reps = 5;/reps = 6;/'" "$BC" new fresh >"$T/out" 2>&1; rc=$?
check "new NAME, edited: created and valid" \
	'[ $rc = 0 ] && grep -q "reps = 6;" "$U/fresh.cfg" && "$BC" check -q fresh'
cp "$U/fresh.cfg" "$T/fresh.orig"
VISUAL="$T/bin/good" "$BC" new fresh >"$T/out" 2>&1; rc=$?
check "new refuses to overwrite a user routine" \
	'[ $rc = 1 ] && cmp -s "$U/fresh.cfg" "$T/fresh.orig" && grep -q "already exists" "$T/out"'
VISUAL="$T/bin/good" "$BC" new $B >"$T/out" 2>&1; rc=$?
check "new refuses the id of a bundled routine" '[ $rc = 1 ] && [ ! -e "$U/$B.cfg" ]'
VISUAL="sed -i -e '\$a# mine now'" "$BC" new big3 --from $B >"$T/out" 2>&1; rc=$?
{ cat "$T/snap/$B.cfg"; echo "# mine now"; } >"$T/want"
check "new --from ROUTINE: a copy, edited" \
	'[ $rc = 0 ] && cmp -s "$U/big3.cfg" "$T/want" && "$BC" check -q big3 && bundled_same'
for bad in "a/b" "../x" "" "-x" "a b" "x.cfg"; do
	VISUAL="$T/bin/good" "$BC" new "$bad" >"$T/out" 2>&1; rc=$?
	check "new refuses the name '$bad'" '[ $rc != 0 ] && [ ! -e "$U/$bad.cfg" ] && clean_dir'
done
printf 'n\n' | VISUAL="$T/bin/break" "$BC" new brk >"$T/out" 2>&1; rc=$?
check "new, broken and given up: nothing created, the copy kept" \
	'[ $rc = 1 ] && [ ! -e "$U/brk.cfg" ] && grep -q "nothing saved; your edited copy is in $TMPDIR/" "$T/out"'
rm -f "$TMPDIR"/*
"$BC" edit no-such-routine >"$T/out" 2>&1; rc=$?
check "edit of a missing routine: exit 1 with a message" \
	'[ $rc = 1 ] && grep -q "no routine .no-such-routine." "$T/out"'

check "bundled routines unchanged at the end" 'bundled_same'
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
