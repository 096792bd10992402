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
finish
