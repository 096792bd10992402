#!/bin/sh
# tests/man-keys.sh - the KEYS section of man/backcoach.1 must list exactly
# the key table of src/core/keys.c: every key, in the right screen, with the
# table's own words.  The table is printed by build/keys_dump; the page is
# read from its source.  Any difference fails, and is shown.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/bc-keys.XXXXXX")
trap 'rm -rf "$T"' EXIT

"$ROOT/build/keys_dump" | sort >"$T/table" || exit 1
# The lists of the KEYS section, each after the sentence that names its
# screen; ".It Ic KEY" then the words on the next line.
awk '
	/^\.Sh / { in_keys = ($2 == "KEYS"); next }
	!in_keys { next }
	/^In a session:/ { ctx = "session" }
	/^In the routine picker:/ { ctx = "picker" }
	/^In the help overlay:/ { ctx = "help" }
	/^When asked whether to quit a session:/ { ctx = "confirm" }
	/^On the summary at the end of a session:/ { ctx = "end" }
	/^When the session was started from the picker:/ { ctx = "end-back" }
	/^On the statistics page/ { ctx = "page" }
	/^When asked a yes-or-no question:/ { ctx = "yesno" }
	/^On a message:/ { ctx = "message" }
	/^When asked to type a number or a note:/ { ctx = "input" }
	/^\.It Ic / {
		key = substr($0, 8); gsub(/\\&/, "", key)
		if ((getline what) > 0)
			print (ctx == "" ? "no-context" : ctx) "\t" key "\t" what
	}
' "$ROOT/man/backcoach.1" | sort >"$T/man"

# Keys another branch is adding: the page may document them before they
# land; each is named as it is let through.  Keep this list empty once
# they are in src/core/keys.c.
PENDING=''
printf '%s\n' "$PENDING" | grep -v '^$' | grep -vxFf "$T/table" >"$T/pending"
if [ -s "$T/pending" ]; then
	sed 's/^/man-keys: note: documented, not yet in src\/keys.c: /' "$T/pending"
	grep -vxFf "$T/pending" "$T/man" >"$T/man2"
	mv "$T/man2" "$T/man"
fi

if [ ! -s "$T/table" ] || [ ! -s "$T/man" ]; then
	echo "man-keys: FAIL: no keys found (table $(wc -l <"$T/table"), man page $(wc -l <"$T/man"))"
	exit 1
fi
if diff -u "$T/table" "$T/man" >"$T/diff"; then
	echo "man-keys: the KEYS section of backcoach(1) matches src/core/keys.c ($(wc -l <"$T/table") keys)"
	exit 0
fi
echo "man-keys: FAIL: KEYS in man/backcoach.1 (+) differs from src/core/keys.c (-):"
sed -n '3,$p' "$T/diff" | grep '^[-+]'
exit 1
