#!/bin/bash
# tests/lint/man-backcoach.sh - backcoach(1) documents exactly what the program
# has: every command of `backcoach --help` under COMMANDS and no other,
# each with the synopsis of the command table (src/app/commands.def), the
# global options in SYNOPSIS, and every setting of src/edge/settings.c's
# table under SETTINGS and no other; every man page closes each
# parenthesis it opens; and the README says no sentence twice.
# (The keys are compared by tests/lint/man-keys.sh.)
. "$(dirname "$0")/../lib.sh"
need_built backcoach
need mandoc
PAGE=man/backcoach.1
private_home "$TMP/home"

# The ".It" lines of section $1, the name after the first "Ic" of each.
items() {
	awk -v want="$1" '
		/^\.Sh / { on = ($2 == want); next }
		on && /^\.It / {
			for (i = 2; i <= NF; i++)
				if ($i == "Ic") { n = $(i + 1); gsub(/\\-/, "-", n); print n; break }
		}' "$PAGE" | sort -u
}

# same_list WHAT PROGRAM-LIST MAN-LIST: the program has some, and the page
# lists the same; else what differs.
same_list() {
	if [ ! -s "$2" ]; then
		echo "no $1 found in the program"
		return 1
	fi
	cmp -s "$2" "$3" && return 0
	echo "the $1 of the program (<) and of backcoach(1) (>) differ:"
	diff "$2" "$3" | grep '^[<>]'
	return 1
}

./backcoach --help |
	awk '/^Commands:/ { c = 1; next } c && /^$/ { exit } c && /^  [^ ]/ { print $1 }' |
	sort -u >"$TMP/cmds"
items COMMANDS >"$TMP/man-cmds"
# Commands other branches are adding (issue 4: sound-test): documented
# before they land, and named as they are let through.  Empty this list
# once they are in the program.
PENDING="sound-test"
for c in $PENDING; do
	if ! grep -qx "$c" "$TMP/cmds" && grep -qx "$c" "$TMP/man-cmds"; then
		note "'$c' is documented, not yet in the program"
		grep -vx "$c" "$TMP/man-cmds" >"$TMP/m2"; mv "$TMP/m2" "$TMP/man-cmds"
	fi
done
check "every command is documented, and no other ($(wc -l <"$TMP/cmds"))" \
	same_list commands "$TMP/cmds" "$TMP/man-cmds"

# The synopsis of every command, as the table says it (`help NAME`: each
# form on a line of its own) and as COMMANDS says it (its .It lines, the
# macros rendered: Oo/Oc and Op as brackets, Fl as a dash, Nm dropped),
# both in lower case and "ROUTINE..." written as "routine ...".
normal() { tr 'A-Z' 'a-z' | sed 's/\.\.\./ .../g; s/  */ /g; s/\[ /[/g; s/ \]/]/g; s/ *$//'; }
while read -r c; do
	./backcoach help "$c" | sed -n 's/^usage: backcoach //p; s/^       backcoach //p'
done <"$TMP/cmds" | normal | sort -u >"$TMP/synopses"
awk '
	/^\.Sh / { on = ($2 == "COMMANDS"); next }
	on && /^\.It (Nm )?Ic / {
		out = ""; close_op = ""
		for (i = 2; i <= NF; i++) {
			w = $i; gsub(/\\-/, "-", w)
			if (w == "Nm" || w == "Ic" || w == "Ar" || w == "Cm") continue
			if (w == "Oo") { out = out " ["; continue }
			if (w == "Oc") { out = out "]"; continue }
			if (w == "Op") { out = out " ["; close_op = close_op "]"; continue }
			if (w == "Fl") { i++; w = $i; gsub(/\\-/, "-", w); out = out " -" w; continue }
			out = out " " w
		}
		print substr(out, 2) close_op
	}' "$PAGE" | normal | sort -u >"$TMP/man-synopses"
check "each command's synopsis in COMMANDS is the table's ($(wc -l <"$TMP/synopses") forms)" \
	same_list synopses "$TMP/synopses" "$TMP/man-synopses"

# SYNOPSIS names every option --help lists: "-h, --help" as a letter of
# ".Op Fl hV", "--config FILE" as ".Op Fl \-config Ar file".
awk '/^\.Sh /{ on = ($2 == "SYNOPSIS"); next } on' "$PAGE" |
	sed 's/\\-/-/g; s/^\.Op //; s/Fl /-/g; s/Ar //g' >"$TMP/man-synopsis"
./backcoach --help | awk '/^Options:/ { o = 1; next } o && /^$/ { exit } o' >"$TMP/gopts"
synopsis_has_options() {
	local line short long arg missing=
	while read -r line; do
		short=$(printf '%s\n' "$line" | sed -n 's/^-\(.\), .*/\1/p')
		long=$(printf '%s\n' "$line" | sed -n 's/^\(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p')
		arg=$(printf '%s\n' "$line" | sed -n 's/^\(-., \)\{0,1\}--[a-z-]* \([A-Z]*\) .*/\2/p' | tr 'A-Z' 'a-z')
		if [ -n "$short" ]; then
			grep -q -- "^-[a-zA-Z]*$short" "$TMP/man-synopsis" || missing="$missing -$short"
		else
			grep -qx -- "$long${arg:+ $arg}" "$TMP/man-synopsis" || missing="$missing $long${arg:+ $arg}"
		fi
	done <"$TMP/gopts"
	[ -z "$missing" ] || { echo "not in SYNOPSIS:$missing"; return 1; }
}
check "SYNOPSIS names every option of --help ($(wc -l <"$TMP/gopts"))" synopsis_has_options

sed -n '/^#define CONFIG_SETTINGS(X)/,/^$/p' src/edge/settings.c |
	sed -n 's/^[[:space:]]*X(\([a-z_]*\),.*/\1/p' | sort -u >"$TMP/settings"
items SETTINGS >"$TMP/man-settings"
check "every setting is documented, and no other ($(wc -l <"$TMP/settings"))" \
	same_list settings "$TMP/settings" "$TMP/man-settings"

# Every parenthesis a page prints closes one it opened, and every one it
# opens is closed: a .Pq closed before its text ends leaves a stray ')'
# (EXIT STATUS had two).  A quoted ( or ) is a character, not a bracket.
parens_balance() {
	local m bad=0
	for m in man/*.[15]; do
		mandoc -Tutf8 "$m" | sed 's/.\x08//g; s/‘[()]’//g' | awk -v m="$m" '
			{ for (i = 1; i <= length($0); i++) {
				c = substr($0, i, 1)
				if (c == "(") d++
				else if (c == ")" && --d < 0) { print m ": a ) that closes nothing: " $0; d = 0; bad = 1 }
			} }
			END { if (d > 0) { print m ": " d " ( never closed"; bad = 1 }; exit bad }' || bad=1
	done
	return $bad
}
check "every man page closes each parenthesis it opens, and no other" parens_balance

# No sentence of the README said twice, even reworded: no two begin with
# the same six words (issue 21: "In the picker, `e` edits the selected
# routine" began two sentences in a row, the second with '/' added).
# Paragraphs joined; code blocks and tables left out.
awk '/^    / || /^\|/ { next } NF { p = p " " $0; next } { print p; p = "" } END { print p }' README.md |
	sed 's/^ *//; s/\([.!?]\) \{1,\}/\1\n/g' | awk 'length > 30' >"$TMP/sentences"
repeated() {
	awk '{ k = $1 " " $2 " " $3 " " $4 " " $5 " " $6; if (k in s) {
			print "said twice:\n  " s[k] "\n  " $0; bad = 1 }
		s[k] = $0 } END { exit bad }' "$TMP/sentences"
}
check "README: no sentence said twice ($(wc -l <"$TMP/sentences") sentences)" repeated
finish
