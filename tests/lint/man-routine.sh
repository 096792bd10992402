#!/bin/bash
# man-routine.sh - backcoach-routine(5) documents exactly the settings of
# src/core/routine.h: every name in ROUTINE_SETTINGS and EXERCISE_SETTINGS has
# an entry in its section of the man page, with the header's length limit
# ("at most N"), and the page lists no setting the header does not know.
#
# usage: tests/lint/man-routine.sh [HEADER [MANPAGE]]
. "$(dirname "$0")/../lib.sh"

# A path given relative to where the script was started.
from_start() { case $1 in /*) echo "$1" ;; *) echo "$STARTED_IN/$1" ;; esac; }
header=$(from_start "${1:-$ROOT/src/core/routine.h}")
page=$(from_start "${2:-$ROOT/man/backcoach-routine.5}")

# "name maxlen" for each X(...) line of one settings table.
table() {
	sed -n "/^#define $1(X)/,/^\$/p" "$header" |
	    sed -n 's/^[[:space:]]*X(\([a-z_]*\),[[:space:]]*[A-Z_]*,[[:space:]]*\([0-9]*\),.*/\1 \2/p'
}

# The lines of the man page subsection titled $1.
section() {
	awk -v want=".Ss $1" '
		$0 == want { on = 1; next }
		/^\.S[sh] / { on = 0 }
		on { print }' "$page"
}

# The text of the entry ".It Cm $2 ..." within subsection $1.
entry() {
	section "$1" | awk -v name="$2" '
		/^\.It / { on = ($2 == "Cm" && $3 == name) }
		/^\.El/ { on = 0 }
		on { print }'
}

# documents TABLE "Subsection title": every setting of TABLE has an entry
# in that subsection, with its length limit, and the subsection documents
# no other; else each problem.
documents() {
	local names name max text doc status=0
	names=$(table "$1" | cut -d' ' -f1)
	if [ -z "$names" ]; then
		echo "no settings found in $1 of $header"
		return 1
	fi
	while read -r name max; do
		text=$(entry "$2" "$name")
		if [ -z "$text" ]; then
			echo "$name ($1) has no entry in '$2' of $page"
			status=1
		elif [ "$max" -gt 0 ] && ! printf '%s\n' "$text" | tr '\n' ' ' |
		    grep -qi "at most $max"; then
			echo "$name: the page does not say 'at most $max' (characters)"
			status=1
		fi
	done < <(table "$1")
	# the reverse: every documented setting exists
	for doc in $(section "$2" | awk '/^\.It Cm / { print $3 }'); do
		if ! printf '%s\n' "$names" | grep -qx "$doc"; then
			echo "'$doc' is documented in '$2' but is not in $1"
			status=1
		fi
	done
	return $status
}

check "every setting of ROUTINE_SETTINGS is documented, with its limit, and no other" \
	documents ROUTINE_SETTINGS "Routine settings"
check "every setting of EXERCISE_SETTINGS is documented, with its limit, and no other" \
	documents EXERCISE_SETTINGS "Exercise settings"
finish
