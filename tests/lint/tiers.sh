#!/bin/bash
# tests/lint/tiers.sh - the layout rules of src/ARCHITECTURE.md, checked:
#   - no cycle between objects (nm over build/*/*.o), no upward include;
#   - the core includes no curses, audio or libconfig, reads no clock,
#     prints nothing and never exits;
#   - edges never print or exit (util.c, which defines warn() and die()
#     for the command layer, aside);
#   - exit() only in main.c and util.c;
#   - stderr written by the printing helpers alone: warn() and die()
#     (util.c), cmd_print_diags() and cmd_ask_yes() (cmd.c), the usage
#     lines (commands.c); no perror, err(3) or error(3);
#   - a function that reports through a struct diags returns a status
#     (int) or a pointer, never a bool, and never a count of errors;
#   - no file over 500 lines, no function over 60;
#   - the module tables of src/ARCHITECTURE.md name every .c file of src/
#     (as itself or by a prefix_*), and name nothing that is not there.
# One TAP line per rule, what breaks it under a failing one.
. "$(dirname "$0")/../lib.sh"

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
rule "stderr only through warn, die, cmd_print_diags, cmd_ask_yes and the usage lines" \
    "$(code '\b(stderr|STDERR_FILENO)\b|\b(perror|errx?|warnx|verrx?|error|dprintf|syslog)\(|\bwrite\(2,' src/*/*.c |
	grep -vE '^src/(edge/util|app/cmd|app/commands)\.c:')"
# A declaration in a header, joined onto one line (from a line that
# starts with a type to its ';'), with its file.
decls() {
	awk 'FNR == 1 { d = "" }
	    d == "" && /^[a-z][a-z_ *]* \**[a-z_]+\(/ { d = $0 }
	    d != "" && d != $0 { d = d " " $0 }
	    d != "" && /;/ { print FILENAME ": " d; d = "" }' "$@"
}
# A definition (style(9): its type on the line before its name), its
# parameters joined onto one line, after "TYPE", with its file and line.
defs() {
	awk 'FNR == 1 { prev = "" }
	    /^[a-z_]+\(/ { d = $0; n = FNR; while (d !~ /\)$/ && (getline x) > 0) d = d " " x
	        print FILENAME ":" n ": " prev " " d }
	    { prev = $0 }' "$@"
}
rule "a function reporting through diags returns a status, not a bool" \
    "$(decls src/*/*.h | grep -E '^[^:]+: bool .*struct diags \*'
	defs src/*/*.c | grep -E '^[^:]+:[0-9]+: (static )?bool .*struct diags \*')"
rule "no function returns a count of errors (0, or -1 with them in diags)" \
    "$(code 'return[^;]*\b(nerrors|nwarnings|errors)\b' src/*/*.c |
	grep -v '? -1 : 0;'
	grep -nEi '(returns?|is) the (number|count) of (errors|problems)' src/*/*.[ch])"
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
