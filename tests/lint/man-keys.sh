#!/bin/bash
# tests/lint/man-keys.sh - the KEYS section of man/backcoach.1 must list exactly
# the key table of src/core/keys.c: every key, in the right screen, with the
# table's own words.  The table is printed by build/keys_dump; the page is
# read from its source.  Any difference fails, and is shown.
. "$(dirname "$0")/../lib.sh"
need_built build/keys_dump

build/keys_dump | sort >"$TMP/table" || exit 1
# The lists of the KEYS section, each after the sentence that names its
# screen (keys_contexts() in src/core/keys.c holds each one's words);
# ".It Ic KEY" then the words on the next line.
build/keys_dump contexts >"$TMP/contexts" || exit 1
awk -F'\t' '
	FNR == NR { opens[$1] = $2; next }      # keys_dump contexts
	/^\.Sh / { in_keys = ($0 == ".Sh KEYS"); next }
	!in_keys { next }
	/^On every page that scrolls/ { ctx = "scrolling" }
	/^On every line you type/ { ctx = "typing" }
	{ for (c in opens) if (index($0, opens[c]) == 1) ctx = c }
	/^\.It Ic / {
		key = substr($0, 8); gsub(/\\&/, "", key)
		if ((getline what) > 0)
			print (ctx == "" ? "no-context" : ctx) "\t" key "\t" what
	}
' "$TMP/contexts" man/backcoach.1 | sort >"$TMP/man"

# Keys another branch is adding: the page may document them before they
# land; each is named as it is let through.  Keep this list empty once
# they are in src/core/keys.c.
PENDING=''
printf '%s\n' "$PENDING" | grep -v '^$' | grep -vxFf "$TMP/table" >"$TMP/pending"
if [ -s "$TMP/pending" ]; then
	while read -r line; do
		note "documented, not yet in src/core/keys.c: $line"
	done <"$TMP/pending"
	grep -vxFf "$TMP/pending" "$TMP/man" >"$TMP/man2"
	mv "$TMP/man2" "$TMP/man"
fi

# keys_match: both lists have keys, and they are the same; else what differs,
# "-" the table's, "+" the page's.
keys_match() {
	if [ ! -s "$TMP/table" ] || [ ! -s "$TMP/man" ]; then
		echo "no keys found (table $(wc -l <"$TMP/table"), man page $(wc -l <"$TMP/man"))"
		return 1
	fi
	diff -u --label src/core/keys.c --label man/backcoach.1 "$TMP/table" "$TMP/man"
}
check "the KEYS section of backcoach(1) matches src/core/keys.c ($(wc -l <"$TMP/table") keys)" \
	keys_match

# Messages name keys through keys_name() and keys_hints(), never by hand:
# a string in src/app or src/edge that says "press c", "then Enter" or
# "(Down)" would go on naming the key after the table changed it.
hand_named() {
	grep -nE '"[^"]*(([Pp]ress|[Tt]hen|\() ?(Enter|Esc|Space|Tab|PgUp|PgDn|Up|Down|Home|End)\b|[Pp]ress [a-z?0-9][ .,;)])' \
		"$ROOT"/src/app/*.c "$ROOT"/src/edge/*.c | grep -vE '^[^:]*:[0-9]+:[[:space:]]*(/?\*)'
}
no_hand_named() {
	! hand_named >"$TMP/hand"
	[ ! -s "$TMP/hand" ] || { echo "keys named by hand (use keys_name):"; cat "$TMP/hand"; return 1; }
}
check "no message names a key by hand (keys_name, keys_hints)" no_hand_named
finish
