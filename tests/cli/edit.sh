#!/bin/bash
# tests/cli/edit.sh - `backcoach edit` and `backcoach new`, driven by scripted
# editors as a user's editor would drive them.  Every run has a private
# HOME, XDG_* and TMPDIR; the bundled routines are compared byte for byte
# before and after.  Each check is a function named for what it asserts,
# of the last run's status ($rc) and output ($TMP/out).  Prints a TAP line
# per check and "edit.sh: N passed, M failed"; exit 1 on any failure.
. "$(dirname "$0")/../lib.sh"
need_built backcoach
BC="$ROOT/backcoach"
private_home "$TMP/home"
export TMPDIR="$TMP/tmp"
unset VISUAL EDITOR
mkdir -p "$TMPDIR" "$TMP/bin" "$TMP/snap"
U="$XDG_CONFIG_HOME/backcoach/routines"
B=mcgill-big3
cp "$ROOT/routines/$B.cfg" "$TMP/snap/"

# A failed check shows what the last run printed.
show_out() { [ ! -f "$TMP/out" ] || cat "$TMP/out"; }
on_failure show_out
# An editor script: $TMP/bin/NAME running the shell code given, with "$1"
# the file to edit.
editor() { printf '#!/bin/sh\n%s\n' "$2" >"$TMP/bin/$1"; chmod +x "$TMP/bin/$1"; }
# No file but .cfg routines (and the include below) in the routines dir.
clean_dir() { [ -z "$(find "$U" -name '.*' ! -name . 2>/dev/null)" ]; }
no_temp() { [ -z "$(ls -A "$TMPDIR")" ]; }
bundled_same() { cmp -s "$ROOT/routines/$B.cfg" "$TMP/snap/$B.cfg"; }
user_routine() {        # a valid routine of the user's, $U/$1.cfg
	mkdir -p "$U"
	printf 'version = 1;\nname = "%s";\nexercises = (\n  { name = "Tilt"; hold = 2; reps = 3; }\n);\n' "$1" >"$U/$1.cfg"
}

# --- no change -----------------------------------------------------------
VISUAL=true "$BC" edit $B >"$TMP/out" 2>&1; rc=$?
said_no_changes() { [ $rc = 0 ] && grep -q "^no changes made$" "$TMP/out"; }
check "unchanged edit: 'no changes made', exit 0" said_no_changes
no_copy_no_temp() { [ ! -e "$U/$B.cfg" ] && no_temp; }
check "unchanged edit: no user copy, temp file removed" no_copy_no_temp

# --- a bundled routine becomes the user's copy ---------------------------
VISUAL="sed -i -e '\$a# my own dose'" "$BC" edit $B >"$TMP/out" 2>&1; rc=$?
{ cat "$TMP/snap/$B.cfg"; echo "# my own dose"; } >"$TMP/want"
saved_users_copy() {
	[ $rc = 0 ] && cmp -s "$U/$B.cfg" "$TMP/want" &&
	    grep -q "bundled" "$TMP/out"
}
check "bundled edit (VISUAL with arguments) saved as the user's copy" saved_users_copy
check "bundled routine file never changed" bundled_same
listed_as_shadowing() {
	"$BC" list | grep "^$B " | grep -q "shadows the bundled"
}
check "user copy listed as shadowing the bundled one" listed_as_shadowing
private_and_clean() { [ "$(stat -c %a "$U")" = 700 ] && clean_dir && no_temp; }
check "user routines dir is 0700, no temp left" private_and_clean
cp "$U/$B.cfg" "$TMP/mine.orig"
VISUAL="sed -i -e '\$a# another'" "$BC" edit "$ROOT/routines/$B.cfg" >"$TMP/out" 2>&1; rc=$?
refused_both_unchanged() {
	[ $rc = 1 ] && bundled_same && cmp -s "$U/$B.cfg" "$TMP/mine.orig"
}
check "bundled file by path, user copy exists: refused, both unchanged" refused_both_unchanged
rm -f "$U/$B.cfg"

# --- broken edits are refused --------------------------------------------
user_routine mine
cp "$U/mine.cfg" "$TMP/mine.orig"
chmod 640 "$U/mine.cfg"
editor break 'sed -i -e "s/hold = [0-9]*;/hold = -5;/" "$1"'
printf 'n\n' | VISUAL="$TMP/bin/break" "$BC" edit mine >"$TMP/out" 2>&1; rc=$?
kept=$(sed -n 's/.*your edited copy is in //p' "$TMP/out")
refused_untouched() { [ $rc = 1 ] && cmp -s "$U/mine.cfg" "$TMP/mine.orig"; }
check "broken edit, answer n: exit 1, routine untouched" refused_untouched
names_users_file() {
	grep -q "^$U/mine.cfg:4: error: .hold. must be" "$TMP/out" &&
	    ! grep -q "^$TMPDIR" "$TMP/out"
}
check "broken edit: FILE:LINE: error naming the user's file, not the temp" names_users_file
check "broken edit: asked 'edit again? [Y/n]'" grep -q 'edit again? \[Y/n\]' "$TMP/out"
copy_kept() { [ -n "$kept" ] && grep -q "hold = -5;" "$kept" && clean_dir; }
check "broken edit: the edited copy is kept where it says" copy_kept
rm -f "$TMPDIR"/*
VISUAL="$TMP/bin/break" "$BC" edit mine </dev/null >"$TMP/out" 2>&1; rc=$?
refused_copy_kept() {
	[ $rc = 1 ] && cmp -s "$U/mine.cfg" "$TMP/mine.orig" &&
	    grep -q "your edited copy is in $TMPDIR/" "$TMP/out"
}
check "broken edit, end of input: exit 1, routine untouched, copy kept" refused_copy_kept
rm -f "$TMPDIR"/*

# Broken, then "y", then fixed by the second run of the editor.
editor twice 'if [ -e "$0.ran" ]; then sed -i -e "s/hold = -5;/hold = 4;/" "$1"; else touch "$0.ran"; sed -i -e "s/hold = 2;/hold = -5;/" "$1"; fi'
printf 'y\n' | VISUAL="$TMP/bin/twice" "$BC" edit mine >"$TMP/out" 2>&1; rc=$?
fixed_and_saved() {
	[ $rc = 0 ] && grep -q "hold = 4;" "$U/mine.cfg" && no_temp && clean_dir
}
check "broken edit, answer y, fixed: saved" fixed_and_saved
check "saving keeps the routine file's mode" [ "$(stat -c %a "$U/mine.cfg")" = 640 ]

cp "$U/mine.cfg" "$TMP/mine.orig"

# --- a good edit, through $EDITOR ----------------------------------------
editor good 'sed -i -e "s/reps = 3;/reps = 5;/" "$1"'
EDITOR="$TMP/bin/good" "$BC" edit mine >"$TMP/out" 2>&1; rc=$?
saved_through_editor() {
	[ $rc = 0 ] && grep -q "reps = 5;" "$U/mine.cfg" &&
	    grep -q "^saved $U/mine.cfg" "$TMP/out"
}
check "good edit through \$EDITOR: saved" saved_through_editor
VISUAL="$TMP/bin/break" EDITOR="$TMP/bin/good" "$BC" edit mine </dev/null >"$TMP/out" 2>&1
check "\$VISUAL wins over \$EDITOR" grep -q "edit again" "$TMP/out"
rm -f "$TMPDIR"/*

cp "$U/mine.cfg" "$TMP/mine.orig"
VISUAL="$TMP/bin/no-such-editor --flag" "$BC" edit mine >"$TMP/out" 2>&1; rc=$?
no_editor_refused() {
	[ $rc = 1 ] && grep -q "cannot run the editor" "$TMP/out" && no_temp &&
	    cmp -s "$U/mine.cfg" "$TMP/mine.orig"
}
check "missing editor: exit 1, says so, routine untouched, temp removed" no_editor_refused

# --- interrupted edits -----------------------------------------------------
cp "$U/mine.cfg" "$TMP/mine.orig"
editor killed 'head -c 20 "$1" >"$1.x"; mv "$1.x" "$1"; kill -KILL $$'
VISUAL="$TMP/bin/killed" "$BC" edit mine >"$TMP/out" 2>&1; rc=$?
killed_untouched() {
	[ $rc = 1 ] && cmp -s "$U/mine.cfg" "$TMP/mine.orig" && clean_dir &&
	    [ "$(ls "$U")" = mine.cfg ]
}
check "editor killed mid-edit: exit 1, routine untouched, no half file" killed_untouched
says_killed() {
	grep -q "killed by signal 9" "$TMP/out" &&
	    grep -q "your edited copy is in" "$TMP/out"
}
check "editor killed: says so and where the copy is" says_killed
rm -f "$TMPDIR"/*
# The editor's ^C and ^\ must not end backcoach: signal backcoach itself.
editor sigint 'p=$$; while [ "$p" -gt 1 ]; do p=$(awk "{print \$4}" /proc/$p/stat); [ "$(cat /proc/$p/comm)" = backcoach ] && break; done
kill -INT "$p"; kill -QUIT "$p"; sleep 0.2; sed -i -e "s/reps = 5;/reps = 6;/" "$1"'
VISUAL="$TMP/bin/sigint" "$BC" edit mine >"$TMP/out" 2>&1; rc=$?
signals_ignored() { [ $rc = 0 ] && grep -q "reps = 6;" "$U/mine.cfg"; }
check "SIGINT/SIGQUIT while the editor runs: ignored, edit saved" signals_ignored
cp "$U/mine.cfg" "$TMP/mine.orig"
editor sigterm 'p=$$; while [ "$p" -gt 1 ]; do p=$(awk "{print \$4}" /proc/$p/stat); [ "$(cat /proc/$p/comm)" = backcoach ] && break; done
sed -i -e "s/reps = 6;/reps = 7;/" "$1"; kill -TERM "$p"; sleep 0.2'
VISUAL="$TMP/bin/sigterm" "$BC" edit mine >"$TMP/out" 2>&1; rc=$?
untouched_after_kill() {
	[ $rc != 0 ] && cmp -s "$U/mine.cfg" "$TMP/mine.orig" && clean_dir
}
check "backcoach killed while editing: routine untouched, nothing half-written" untouched_after_kill
rm -f "$TMPDIR"/*

# --- two edits of one routine at once: the second save is refused --------
cp "$U/mine.cfg" "$TMP/mine.orig"
editor slow 'touch "'"$TMP"'/running"; while [ -e "'"$TMP"'/hold" ]; do sleep 0.05; done
sed -i -e "s/reps = 6;/reps = 8;/" "$1"'
touch "$TMP/hold"
VISUAL="$TMP/bin/slow" "$BC" edit mine >"$TMP/out.first" 2>&1 &
first=$!
poll 10 test -e "$TMP/running"
VISUAL="sed -i -e 's/reps = 6;/reps = 9;/'" "$BC" edit mine >"$TMP/out" 2>&1; rc=$?
second_saved() { [ $rc = 0 ] && grep -q "reps = 9;" "$U/mine.cfg"; }
check "two edits at once: the one finished first is saved" second_saved
rm -f "$TMP/hold"
wait "$first"; rc=$?
mv "$TMP/out.first" "$TMP/out"
first_refused() {
	[ $rc = 1 ] && grep -q "reps = 9;" "$U/mine.cfg" &&
	    grep -q "was changed by someone else while you edited it" "$TMP/out" &&
	    grep -q "your edited copy is in $TMPDIR/" "$TMP/out" &&
	    grep -q "reps = 8;" "$TMPDIR"/*
}
check "two edits at once: the later save refused, its copy kept, the first change kept" first_refused
rm -f "$TMPDIR"/*

# --- awkward names ---------------------------------------------------------
D="$TMP/my dir"
mkdir -p "$D" "$TMP/tmp dir's"
printf 'version = 1;\nname = "Odd";\nexercises = ( { name = "Walk"; duration = 60; } );\n' >"$D/it's odd.cfg"
editor argcheck '[ $# = 1 ] && [ -f "$1" ] && case "$1" in *".cfg") ;; *) exit 3;; esac && sed -i -e "s/60/90/" "$1"'
TMPDIR="$TMP/tmp dir's" VISUAL="$TMP/bin/argcheck" "$BC" edit "$D/it's odd.cfg" >"$TMP/out" 2>&1; rc=$?
odd_names_edited() {
	[ $rc = 0 ] && grep -q "duration = 90;" "$D/it's odd.cfg" &&
	    [ -z "$(ls -A "$TMP/tmp dir's")" ]
}
check "spaces and quotes in the routine's and the temp file's names" odd_names_edited

# --- @include resolves next to the routine, not the temp copy --------------
printf 'exercises = ( { name = "Tilt"; hold = 2; reps = 3; } );\n' >"$U/inc-exercises.inc"
printf 'version = 1;\nname = "Inc";\n@include "inc-exercises.inc"\n' >"$U/inc.cfg"
VISUAL="sed -i -e 's/Inc/Included/'" "$BC" edit inc >"$TMP/out" 2>&1; rc=$?
include_resolved() { [ $rc = 0 ] && grep -q Included "$U/inc.cfg"; }
check "@include relative to the routine's own directory" include_resolved

# --- new -------------------------------------------------------------------
editor grab 'cp "$1" "'"$TMP"'/template.cfg"'
VISUAL="$TMP/bin/grab" "$BC" new fresh >"$TMP/out" 2>&1; rc=$?
new_unchanged() {
	[ $rc = 0 ] && [ ! -e "$U/fresh.cfg" ] &&
	    grep -q "no changes made" "$TMP/out" && no_temp
}
check "new, left unchanged: nothing created" new_unchanged
"$BC" check "$TMP/template.cfg" >"$TMP/out" 2>&1; rc=$?
template_clean() { [ $rc = 0 ] && ! grep -q warning "$TMP/out"; }
check "the template passes 'backcoach check' with no warning" template_clean
missing=
for s in version name summary description tags caution source lead_in rest \
    exercises cue hold relax tempo phases reps sets sides duration; do
	grep -q "^#* *$s " "$TMP/template.cfg" || grep -q "^ *$s = " "$TMP/template.cfg" || missing="$missing $s"
done
check "the template explains every setting" [ -z "$missing" ]
VISUAL="sed -i -e 's/reps = 5;/reps = 6;/'" "$BC" new fresh >"$TMP/out" 2>&1; rc=$?
new_created() {
	[ $rc = 0 ] && grep -q "reps = 6;" "$U/fresh.cfg" &&
	    "$BC" check -q fresh
}
check "new NAME, edited: created and valid" new_created
cp "$U/fresh.cfg" "$TMP/fresh.orig"
VISUAL="$TMP/bin/good" "$BC" new fresh >"$TMP/out" 2>&1; rc=$?
no_overwrite() {
	[ $rc = 1 ] && cmp -s "$U/fresh.cfg" "$TMP/fresh.orig" &&
	    grep -q "already exists" "$TMP/out"
}
check "new refuses to overwrite a user routine" no_overwrite
VISUAL="$TMP/bin/good" "$BC" new $B >"$TMP/out" 2>&1; rc=$?
no_bundled_id() { [ $rc = 1 ] && [ ! -e "$U/$B.cfg" ]; }
check "new refuses the id of a bundled routine" no_bundled_id
VISUAL="sed -i -e '\$a# mine now'" "$BC" new big3 --from $B >"$TMP/out" 2>&1; rc=$?
{ cat "$TMP/snap/$B.cfg"; echo "# mine now"; } >"$TMP/want"
copied_and_edited() {
	[ $rc = 0 ] && cmp -s "$U/big3.cfg" "$TMP/want" &&
	    "$BC" check -q big3 && bundled_same
}
check "new --from ROUTINE: a copy, edited" copied_and_edited
name_refused() { [ $rc != 0 ] && [ ! -e "$U/$bad.cfg" ] && clean_dir; }
for bad in "a/b" "../x" "" "-x" "a b" "x.cfg"; do
	VISUAL="$TMP/bin/good" "$BC" new "$bad" >"$TMP/out" 2>&1; rc=$?
	check "new refuses the name '$bad'" name_refused
done
printf 'n\n' | VISUAL="$TMP/bin/break" "$BC" new brk >"$TMP/out" 2>&1; rc=$?
given_up_kept() {
	[ $rc = 1 ] && [ ! -e "$U/brk.cfg" ] &&
	    grep -q "nothing saved; your edited copy is in $TMPDIR/" "$TMP/out"
}
check "new, broken and given up: nothing created, the copy kept" given_up_kept
rm -f "$TMPDIR"/*
"$BC" edit no-such-routine >"$TMP/out" 2>&1; rc=$?
missing_refused() {
	[ $rc = 1 ] && grep -q "no routine .no-such-routine." "$TMP/out"
}
check "edit of a missing routine: exit 1 with a message" missing_refused

# --- the file size limit (ulimit -f): an error, never SIGXFSZ --------------
out=$( (ulimit -f 0; VISUAL="$TMP/bin/good" "$BC" new capped 2>&1; echo "rc=$?") )
printf '%s\n' "$out" >"$TMP/out"
capped() {
	grep -q '^rc=1$' "$TMP/out" &&
	    grep -q 'File too large (over the file size limit, ulimit -f)' "$TMP/out" &&
	    [ ! -e "$U/capped.cfg" ] && no_temp && clean_dir
}
check "new under ulimit -f 0: exit 1 (not 153), the limit named, no temp file" capped

# --- a routine that is a symbolic link stays one, with its mode -------------
mkdir -p "$TMP/dots"
cp "$ROOT/tests/data/tiny.cfg" "$TMP/dots/linked.cfg"
chmod 640 "$TMP/dots/linked.cfg"
ln -s "$TMP/dots/linked.cfg" "$U/linked.cfg"
VISUAL="sed -i -e 's/hold = 1.5;/hold = 2.5;/'" "$BC" edit linked >"$TMP/out" 2>&1; rc=$?
link_kept() {
	[ $rc = 0 ] && [ -L "$U/linked.cfg" ] &&
	    grep -q 'hold = 2.5;' "$TMP/dots/linked.cfg" &&
	    [ "$(stat -c %a "$TMP/dots/linked.cfg")" = 640 ]
}
check "edit of a linked routine: the target edited, still a link, mode kept" link_kept
rm -f "$U/linked.cfg"

check "bundled routines unchanged at the end" bundled_same
finish

