#!/bin/bash
# tests/tiers.sh - the layout rules of src/ARCHITECTURE.md, checked:
#   - no cycle between objects (nm over build/*/*.o), no upward include;
#   - the core includes no curses, audio or libconfig, reads no clock,
#     prints nothing and never exits;
#   - edges never print or exit (util.c, which defines warn() and die()
#     for the command layer, aside);
#   - exit() only in main.c and util.c;
#   - no file over 500 lines, no function over 60;
#   - the module tables of src/ARCHITECTURE.md name every .c file of src/
#     (as itself or by a prefix_*), and name nothing that is not there.
# One TAP line per rule, what breaks it under a failing one.
. "$(dirname "$0")/lib.sh"

# grep -n over C files, comment lines left out.
code() { grep -nE "$@" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/\*|\*)'; }
# rule NAME OFFENDERS: ok when there are none.
rule() { if [ -z "$2" ]; then ok "$1"; else not_ok "$1" "$2"; fi; }

# edges OBJECT...: "D OBJECT SYMBOL" for what each defines, "U OBJECT
# SYMBOL" for what it uses (nm, one call each).
edges() {
	nm -A --defined-only "$@" | awk -F'[: ]+' 'NF == 4 { print "D", $1, $4 }'
	nm -A -u "$@" | awk -F'[: ]+' '{ print "U", $1, $NF }'
}
# The objects that reach each other (a cycle: each can be read, linked
# and tested only with all the others), one cycle per line; from `edges`.
cycles() {
	awk '$1 == "D" { if (!($3 in def)) def[$3] = $2; next }
	    $1 == "U" && ($3 in def) && def[$3] != $2 { e[$2, def[$3]] = 1; n[$2]; n[def[$3]] }
	    END {
		for (a in n) for (b in n) r[a, b] = ((a, b) in e)
		for (k in n) for (a in n) if (r[a, k]) for (b in n) if (r[k, b]) r[a, b] = 1
		for (a in n) {
			if (a in done) continue
			line = ""
			for (b in n) if (a != b && r[a, b] && r[b, a]) { line = line " " b; done[b] }
			if (line != "") print "cycle:", a line
		}
	    }'
}
objs=(build/*/*.o)
if [ -e "${objs[0]}" ]; then
	rule "no cycle between the ${#objs[@]} objects of build/" "$(edges "${objs[@]}" | cycles)"
else
	not_ok "no cycle between objects" "no objects in build/: run 'make' first"
fi
# A tier includes its own headers and those below it (the include path
# enforces it for a build; this says which line breaks it).
upward() {
	local tier=$1
	shift
	grep -HE '^#include "[^"]+"' src/"$tier"/*.[ch] |
	    awk -F'"' -v tier="$tier" -v seen="$(ls src/"$tier" "${@/#/src/}")" '
		BEGIN { split(seen, h, "\n"); for (i in h) ok[h[i]] }
		!($2 in ok) { sub(/:.*/, "", $1); print $1 ": includes " $2 ", not of " tier " or below" }'
}
rule "no upward include: core sees core, edge sees edge and core" \
    "$(upward core; upward edge core; upward app edge core)"

rule "the core includes no curses, audio or libconfig" \
    "$(grep -nE '#include <(n?curses|canberra|libconfig)' src/core/*.[ch])"
rule "the core reads no clock" \
    "$(code '\b(clock_gettime|time|gettimeofday|localtime(_r)?)\(' src/core/*.c)"
rule "the core prints nothing and never exits" \
    "$(code '\b(printf|fprintf|puts|fputs|putchar|perror|exit|abort|die|warn)\(' src/core/*.c)"
rule "edges print nothing and never exit" \
    "$(code '\b(printf|fprintf|puts|fputs|putchar|perror|exit|die|warn)\(' src/edge/*.c |
	grep -v '^src/edge/util\.c:')"
rule "exit() only in main.c and util.c" \
    "$(code '(^|[^_a-z])exit\(' src/*/*.c | grep -vE '^src/(app/main|edge/util)\.c:')"
rule "no file over 500 lines" \
    "$(wc -l src/*/*.[ch] | awk '$2 != "total" && $1 > 500 { print $2 ": " $1 " lines" }')"
# style(9): a function's body opens with "{" and closes with "}" alone on
# their lines, at the start of the line.
rule "no function over 60 lines" "$(awk '
	FNR == 1 { prev = "" }
	/^\{$/ { start = FNR; name = prev; sub(/\(.*/, "", name) }
	/^\}$/ && start { if (FNR - start - 1 > 60) print FILENAME ": " name ": " FNR - start - 1 " lines"; start = 0 }
	{ prev = $0 }' src/*/*.c)"
# module_table: where the module tables of src/ARCHITECTURE.md and the
# files of src/ disagree, one line each.
module_table() {
	local doc=src/ARCHITECTURE.md f name tok
	for f in src/*/*.c; do
		name=$(basename "$f" .c)
		grep -E '^\| ' "$doc" | grep -qE "\`($name|${name%%_*}_\*)\`" ||
		    echo "$f: not in a module table of $doc"
	done
	awk -F'|' '/^\| `/ { print $2 }' "$doc" | grep -o '`[^`]*`' | tr -d '`' |
	    while read -r tok; do
		compgen -G "src/*/$tok" >/dev/null || compgen -G "src/*/$tok.c" >/dev/null ||
		    echo "$doc: \`$tok\` is in a module table, not in src/"
	    done
}
rule "the module tables of src/ARCHITECTURE.md match the files of src/" "$(module_table)"
finish
