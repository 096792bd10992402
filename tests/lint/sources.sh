#!/bin/bash
# tests/lint/sources.sh - the health content a user reads is traceable: every
# bundled routine names its source with a URL, so does every exercise that
# names a source of its own, `show` prints them all, and no shipped file
# points at a design note the user does not have.  Run by `make check`.
. "$(dirname "$0")/../lib.sh"
BC="$ROOT/backcoach"
need_built "$BC"
private_home "$TMP/home"

url='https?://[^ ]+\.[^ ]+'
for f in routines/*.cfg; do
	id=$(basename "$f" .cfg)
	"$BC" show "$id" >"$TMP/show" 2>&1
	check "$id: show prints the routine's source with a URL" \
		grep -Eq "^Source: .*$url" "$TMP/show"
	own=$(grep -c '^ *source = ' "$f")
	shown=$(grep -Ec "^   Source: .*$url" "$TMP/show")
	check "$id: each exercise's own source is shown, with a URL ($((own - 1)))" \
		test "$shown" = "$((own - 1))"
done

"$BC" show mcgill-big3 >"$TMP/show" 2>&1
check "show prints an exercise's easier and harder versions" \
	eval 'grep -q "^   Easier: Bird dog, leg only: Hands stay on the floor" "$TMP/show" &&
	    grep -q "^   Harder: Side bridge on your feet: " "$TMP/show"'
"$BC" show gentle-flare-up >"$TMP/show" 2>&1
check "show prints an exercise's ceilings" \
	grep -q "^   Grows to at most 10 reps a set, then holds of at most 10 s" "$TMP/show"

# Files a user gets: the routines, the man pages, the README, the code.
check "no shipped file names CONTENT.md" \
	eval '! grep -rl "CONTENT\.md" routines man src sounds README.md'
# A dose rests on a primary paper, a professional body or the NHS, never
# on a newspaper's reprint or column (the ones these routines once cited).
papers='pressreader\.com|youarecurrent\.com|dailymail\.co\.uk|Daily Mail|Current Publishing'
check "no shipped file cites a newspaper reprint or column" \
	eval "! grep -rlE '$papers' routines man src README.md"
check "the McGill routines cite McGill's own paper" \
	eval 'grep -q "https://doi.org/10.1016/j.apmr.2008.06.026" routines/mcgill-big3.cfg &&
	    grep -q "https://doi.org/10.1016/j.apmr.2008.06.026" routines/core-strength.cfg'

# Every exercise with reps declares how far they may grow (reps_max,
# hold_max), or says in a comment of its own that no source gives a most.
for f in routines/*.cfg; do
	bare=$(awk '/^  \{/ { g = ""; next }
		/^  \}/ { if (g ~ /(hold|tempo|reps) =/ && g !~ /(reps|hold)_max =/ &&
			g !~ /[Nn]o (ceiling|most)|gives no most/) print name; next }
		{ g = g "\n" $0 }
		/^    name = / { name = $0 }' "$f")
	check "$(basename "$f" .cfg): every exercise has a ceiling or says why not${bare:+: $bare}" \
		test -z "$bare"
done
# Pregnancy: a routine is tagged on-back exactly when an exercise of it
# lies on the back, so that its start card warns (NHS, exercise in
# pregnancy); the one offered instead lies on nothing.
for f in routines/*.cfg; do
	on=$(grep -c '^    position = "back";' "$f")
	tag=$(grep -c '^tags = .*"on-back"' "$f")
	check "$(basename "$f" .cfg): tagged on-back exactly when it lies on the back ($on)" \
		test "$([ "$on" -gt 0 ] && echo 1 || echo 0)" = "$tag"
done
check "flare-up-off-back: nothing on the back, front or side" \
	eval '! grep -qE "^    position = \"(back|front|side)\";" routines/flare-up-off-back.cfg'

# The hip flexor stretch: the side names the leg that goes back, and the
# cue says the other foot steps forward (issue 21: its side was unclear).
for id in desk-break bed-and-chair; do
	"$BC" show "$id" >"$TMP/show" 2>&1
	check "$id: the hip flexor stretch says which leg goes back and which foot forward" \
		eval 'grep -q "keep the leg named back and step the other foot forward" "$TMP/show" &&
		    grep -q "Hold .*rep 1/2, left leg back" "$TMP/show" &&
		    grep -q "Hold .*rep 1/2, right leg back" "$TMP/show"'
done
"$BC" show mcgill-big3 >"$TMP/show" 2>&1
check "mcgill-big3: the holds grow to 10 s at most (McGill: about 10 s, never longer)" \
	test "$(grep -c '^   Holds grow to at most 10 s$' "$TMP/show")" = 3
check "mcgill-big3: the bird dog names its harder form" \
	grep -q '^   Harder: Bird dog, drawing squares: ' "$TMP/show"
finish
