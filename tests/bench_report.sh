#!/bin/bash
# bench_report.sh - `backcoach report` over a generated history of
# 1,000,000 sessions (each with 3 exercise lines) spread over ten years,
# the whole of it in the period: each format's time and peak RSS beside
# the budget, under 2 s and under 32 MiB.  The time held to the budget is
# the CPU time (user + system, best of 3), which a machine busy with
# other work does not inflate; the wall time is printed beside it.
# Fails when a figure is over.  Run by `make bench`; TOOL is relative to
# the tree root.
. "$(dirname "$0")/lib.sh"
set -e
private_home "$TMP/home"
need /usr/bin/time

N=${BENCH_SESSIONS:-1000000}
F=build/bench-history-$N
[ -s "$F" ] || "${TOOL:-./build/history_tool}" gen "$N" 3650 >"$F"
BUDGET_S=2
BUDGET_KB=$((32 * 1024))
cat "$F" >/dev/null                     # from the page cache

echo "history: $N sessions, $(($(stat -c %s "$F") / 1048576)) MiB ($F)"
printf '%-36s %10s %10s %12s   %s\n' "report over 530 weeks" "CPU s" "wall s" \
	"peak RSS kB" "budget: $BUDGET_S s, $BUDGET_KB kB"
over=0
for fmt in html text json; do
	best= wall= rss=0
	for i in 1 2 3; do
		/usr/bin/time -f '%U %S %e %M' -o "$TMP/t" ./backcoach --history "$F" \
			report --weeks 530 --format "$fmt" -o - >/dev/null 2>"$TMP/err"
		read -r u s e m <"$TMP/t"
		c=$(awk "BEGIN { print $u + $s }")
		if [ -z "$best" ] || awk "BEGIN { exit !($c < $best) }"; then
			best=$c wall=$e
		fi
		[ "$m" -gt "$rss" ] && rss=$m
	done
	verdict=ok
	if awk "BEGIN { exit !($best >= $BUDGET_S) }" || [ "$rss" -ge "$BUDGET_KB" ]; then
		verdict=OVER; over=1
	fi
	printf '%-36s %10s %10s %12s   %s\n' "backcoach report --format $fmt" "$best" \
		"$wall" "$rss" "$verdict"
	[ -s "$TMP/err" ] && { echo "report wrote to stderr:"; head -3 "$TMP/err"; }
done
FINISHED=1
[ "$over" = 0 ] || { echo "bench_report.sh: over budget"; exit 1; }
