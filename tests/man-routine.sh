#!/bin/sh
# man-routine.sh - backcoach-routine(5) documents exactly the settings of
# src/core/routine.h: every name in ROUTINE_SETTINGS and EXERCISE_SETTINGS has
# an entry in its section of the man page, with the header's length limit
# ("at most N"), and the page lists no setting the header does not know.
#
# usage: tests/man-routine.sh [HEADER [MANPAGE]]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
header=${1:-$here/../src/core/routine.h}
page=${2:-$here/../man/backcoach-routine.5}
fail=0

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

check() {   # TABLE "Subsection title"
	names=$(table "$1" | cut -d' ' -f1)
	if [ -z "$names" ]; then
		echo "man-routine: no settings found in $1 of $header" >&2
		fail=1
		return
	fi
	table "$1" | while read -r name max; do
		text=$(entry "$2" "$name")
		if [ -z "$text" ]; then
			echo "man-routine: $name ($1) has no entry in '$2' of $page" >&2
			echo x
		elif [ "$max" -gt 0 ] && ! printf '%s\n' "$text" | tr '\n' ' ' |
		    grep -qi "at most $max"; then
			echo "man-routine: $name: the page does not say 'at most $max' (characters)" >&2
			echo x
		fi
	done | grep -q x && fail=1
	# the reverse: every documented setting exists
	for doc in $(section "$2" | awk '/^\.It Cm / { print $3 }'); do
		if ! printf '%s\n' "$names" | grep -qx "$doc"; then
			echo "man-routine: '$doc' is documented in '$2' but is not in $1" >&2
			fail=1
		fi
	done
}

check ROUTINE_SETTINGS "Routine settings"
check EXERCISE_SETTINGS "Exercise settings"

if [ "$fail" -ne 0 ]; then
	echo "man-routine: FAILED" >&2
	exit 1
fi
echo "man-routine: every setting of routine.h is documented"
