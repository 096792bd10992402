#!/bin/bash
# bench_history.sh - `backcoach stats` over a generated history of
# 1,000,000 sessions (each with 3 exercise lines), beside awk summing one
# column of the same file.  Prints times and peak RSS, and the budgets of
# `stats` and `history --format tsv` at 1,000,000 sessions (1 s and
# 16 MiB each): exits 1 when one is over.  Run by `make bench`; TOOL is
# relative to the tree root.
. "$(dirname "$0")/../lib.sh"
set -e
private_home "$TMP/home"

N=${BENCH_SESSIONS:-1000000}
F=build/bench-history-$N
[ -s "$F" ] || "${TOOL:-./build/history_tool}" gen "$N" 3650 >"$F"

# measure LABEL COMMAND...: best of 3 wall times, and the peak RSS (also
# in BEST, seconds, and RSS, kB)
measure() {
	local label=$1 best= rss= i
	shift
	for i in 1 2 3; do
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f '%e %M' -o "$TMP/t" "$@" >/dev/null 2>"$TMP/err"
			read -r e m <"$TMP/t"
		else
			local s=$(date +%s.%N)
			"$@" >/dev/null 2>"$TMP/err"
			e=$(echo "$(date +%s.%N) - $s" | bc); m=?
		fi
		if [ -z "$best" ] || awk "BEGIN { exit !($e < $best) }"; then best=$e; fi
		rss=$m
	done
	printf '%-44s %8s s %10s kB\n' "$label" "$best" "$rss"
	BEST=$best RSS=$rss
}
# budgets LABEL: the last measure against 1 s and 16 MiB, at 1 M sessions
budgets() {
	[ "$N" = 1000000 ] || return 0
	budget "$1, 1,000,000 sessions: time" "$BEST" 1 s
	budget "$1, 1,000,000 sessions: peak RSS" \
	    "$(awk -v k="$RSS" 'BEGIN { printf "%.1f", k / 1024 }')" 16 MiB
}

AWK=$(basename "$(readlink -f "$(command -v awk)")")
cat "$F" >/dev/null                     # both start from the page cache
lines=$(wc -l <"$F")
bytes=$(stat -c %s "$F")
echo "history: $N sessions, $lines lines, $((bytes / 1048576)) MiB ($F)"
printf '%-44s %10s %13s\n' "command" "best of 3" "peak RSS"
measure "backcoach stats" ./backcoach --history "$F" stats
budgets "backcoach stats"
[ -s "$TMP/err" ] && { echo "stats wrote to stderr:"; head -3 "$TMP/err"; }
measure "awk ($AWK) summing column 3 of S lines" awk -F'\t' '$1 == "S" { s += $3 } END { print s }' "$F"
command -v gawk >/dev/null &&
	measure "gawk summing column 3 of S lines" gawk -F'\t' '$1 == "S" { s += $3 } END { print s }' "$F"
# instructions (callgrind): repeatable however loaded the machine is
if command -v valgrind >/dev/null; then
	head -n 400001 "$F" >"$TMP/small"
	icount() {
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 \
		    >/dev/null | sed -n 's/.*Collected : //p'
	}
	printf '%-44s %14s\n' "instructions, first 100,000 sessions" ""
	printf '  %-42s %14s\n' "backcoach stats" \
	    "$(icount ./backcoach --history "$TMP/small" stats)"
	printf '  %-42s %14s\n' "awk ($AWK) summing column 3" \
	    "$(icount awk -F'\t' '$1 == "S" { s += $3 } END { print s }' "$TMP/small")"
fi
measure "backcoach history --format tsv" ./backcoach --history "$F" history --format tsv
budgets "backcoach history --format tsv"
# Two machines' files put together: the later half first, so `history`
# holds every session and sorts them.
awk -v h="$((N / 2))" '/^#/ { print; next } /^S/ { s++ } s > h' "$F" >"$TMP/merged"
awk -v h="$((N / 2))" '/^#/ { next } /^S/ { s++ } s <= h' "$F" >>"$TMP/merged"
measure "backcoach history --format tsv, out of order" ./backcoach --history "$TMP/merged" history --format tsv

# Many routines: 50,000 distinct ids, one session each (stats indexes
# them by a hash; the picker pays this at start-up).
M=$TMP/ids
{
	printf '#backcoach-history 2\n'
	awk 'BEGIN { for (i = 0; i < 50000; i++)
		printf "S\t2026-01-%02dT08:00:00+00:00\t60\tr%d\tRoutine %d\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n", i % 28 + 1, i, i }'
} >"$M"
echo "history: 50,000 sessions of 50,000 routines"
measure "backcoach stats (50,000 routine ids)" ./backcoach --history "$M" stats
[ -s "$TMP/err" ] && { echo "stats wrote to stderr:"; head -3 "$TMP/err"; }
measure "backcoach history (50,000 routine ids)" ./backcoach --history "$M" history
finish
