#!/bin/bash
# tests/man-safety.sh - the two lists of warning signs in backcoach(1),
# SAFETY, and in the README ("Call the emergency number or go to A&E
# now", "Contact a doctor today") must be exactly the red-flag table of
# src/core/safety.c, each item under its urgency.  The table is printed by
# build/safety_dump; an item's "(asked ...)" note is not compared.
. "$(dirname "$0")/lib.sh"
need_built build/safety_dump

build/safety_dump | sort >"$TMP/table"
# The man page: the items of the list after each .Ss heading.
awk '
	/^\.Ss Call the emergency number/ { ctx = "urgent"; next }
	/^\.Ss Contact a doctor today/ { ctx = "same-day"; next }
	/^\.S[sh] / { ctx = "" }
	ctx != "" && /^\.It$/ { getline text; sub(/ \(asked .*\)$/, "", text); print ctx "\t" text }
' man/backcoach.1 | sort >"$TMP/man"
# The README: "- item" lines under each heading.
awk '
	/^### Call the emergency number/ { ctx = "urgent"; next }
	/^### Contact a doctor today/ { ctx = "same-day"; next }
	/^#/ { ctx = "" }
	ctx != "" && /^- / { text = substr($0, 3); sub(/ \(asked .*\)$/, "", text); print ctx "\t" text }
' README.md | sort >"$TMP/readme"

# same_as FILE: FILE lists the table's flags, no more, no fewer.
same_as() {
	[ -s "$TMP/table" ] && diff -u --label table --label "$1" "$TMP/table" "$TMP/$1"
}
check "backcoach(1), SAFETY: the table's red flags, each under its urgency" same_as man
check "README, Safety: the table's red flags, each under its urgency" same_as readme
finish
