#!/bin/bash
# tests/tiers.sh - the layout rules of src/ARCHITECTURE.md, checked:
#   - no cycle between objects (../shared/tools/objgraph.py, when present);
#   - the core includes no curses, audio or libconfig, reads no clock,
#     prints nothing and never exits;
#   - edges never print or exit (util.c, which defines warn() and die()
#     for the command layer, aside);
#   - exit() only in main.c and util.c;
#   - no file over 500 lines, no function over 60.
# One TAP line per rule, what breaks it under a failing one.
. "$(dirname "$0")/lib.sh"

# grep -n over C files, comment lines left out.
code() { grep -nE "$@" | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/\*|\*)'; }
# rule NAME OFFENDERS: ok when there are none.
rule() { if [ -z "$2" ]; then ok "$1"; else not_ok "$1" "$2"; fi; }

if [ -f ../shared/tools/objgraph.py ] && ls build/*.o >/dev/null 2>&1; then
	out=$(python3 ../shared/tools/objgraph.py build/*.o)
	rule "no cycle between objects ($(echo "$out" | tail -1))" "$(echo "$out" | grep -A50 '^cycle')"
else
	note "no cycle between objects: skipped, objgraph.py or build/*.o missing"
fi

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
finish
