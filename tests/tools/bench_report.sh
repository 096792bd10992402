#!/bin/bash
# bench_report.sh - `backcoach report` over a generated history of
# 1,000,000 sessions (each with 3 exercise lines) spread over ten years,
# the whole of it in the period, in each format: its time and peak RSS
# against the budget of issue 23, under 2 s and 32 MiB.  The time held to
# the budget is the CPU time (user + system, best of 3), which other work
# on a shared machine does not inflate; the wall time is printed beside
# it.  Run by `make bench`; TOOL is relative to the tree root.
. "$(dirname "$0")/../lib.sh"
private_home "$TMP/home"
need /usr/bin/time

N=${BENCH_SESSIONS:-1000000}
F=build/bench-history-$N
[ -s "$F" ] || "${TOOL:-./build/history_tool}" gen "$N" 3650 >"$F"
cat "$F" >/dev/null                     # from the page cache

echo "history: $N sessions, $(($(stat -c %s "$F") / 1048576)) MiB ($F)"
printf '%-36s %8s %8s %12s\n' "report over 530 weeks" "CPU s" "wall s" "peak RSS kB"
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
	printf '%-36s %8s %8s %12s\n' "backcoach report --format $fmt" "$best" "$wall" "$rss"
	[ -s "$TMP/err" ] && { echo "report wrote to stderr:"; head -3 "$TMP/err"; }
	[ "$N" = 1000000 ] || continue
	budget "report --format $fmt, 1,000,000 sessions: CPU time" "$best" 2 s
	budget "report --format $fmt, 1,000,000 sessions: peak RSS" \
	    "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" 32 MiB
done
finish
