#!/bin/bash
# tests/lint/man-safety.sh - the two lists of warning signs in backcoach(1),
# SAFETY, in the README ("Call the emergency number now", "Contact a
# doctor today") and in `backcoach --help` must be exactly the red-flag
# table of src/core/safety.c, each item under its urgency, so that no
# emergency sign is ever listed as a lesser one.  The table is printed by
# build/safety_dump; an item's "(asked ...)" note is not compared.
. "$(dirname "$0")/../lib.sh"
need_built build/safety_dump backcoach

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

# --help: "  - " lines under each heading (the table's brief words).
build/safety_dump --brief | sort >"$TMP/brief"
./backcoach --help | awk '
	/^Call the emergency number now/ { ctx = "urgent"; next }
	/^Contact a doctor today/ { ctx = "same-day"; next }
	/^$/ { ctx = "" }
	ctx != "" && /^  - / { print ctx "\t" substr($0, 5) }
' | sort >"$TMP/help"

# same_as FILE: FILE lists the table's flags, no more, no fewer.
same_as() {
	[ -s "$TMP/table" ] && diff -u --label table --label "$1" "$TMP/table" "$TMP/$1"
}
check "backcoach(1), SAFETY: the table's red flags, each under its urgency" same_as man
check "README, Safety: the table's red flags, each under its urgency" same_as readme
check "--help: the table's red flags, each under its urgency" \
	diff -u --label table --label help "$TMP/brief" "$TMP/help"
check "--help: every red flag listed" test "$(wc -l <"$TMP/help")" = "$(wc -l <"$TMP/table")"
# The emergency numbers cover every territory glibc has a locale for (the
# locales package lists them; make test-deps installs it).
need_file() { [ -f "$1" ] || { echo "man-safety.sh: $1 missing (make test-deps)" >&2; exit 2; }; }
need_file /usr/share/i18n/SUPPORTED
sed -n 's/^[a-z]*_\([A-Z][A-Z]\)[.@ ].*/\1/p' /usr/share/i18n/SUPPORTED | sort -u >"$TMP/glibc"
build/safety_dump --territories | sort -u >"$TMP/territories"
check "the emergency numbers name every territory glibc has a locale for ($(wc -l <"$TMP/glibc"))" \
	test -z "$(comm -23 "$TMP/glibc" "$TMP/territories")"

# An item a risk factor adds says so "(asked ...)", in both lists.
n_asked=$(build/safety_dump --asked | wc -l)
check "the man page notes each item a risk factor adds" \
	test "$(awk '/^\.Ss Call the emergency|^\.Ss Contact a doctor/ { on = 1 } /^\.Ss Pain/ { on = 0 } on && / \(asked .*\)$/' man/backcoach.1 | wc -l)" = "$n_asked"
check "the README notes each item a risk factor adds" \
	test "$(grep -c '^- .* (asked .*)$' README.md)" = "$n_asked"
finish
