#!/bin/bash
# tests/bench-session.sh - part of `make bench`: what the coach costs.
#
# Runs the real binary in a private tmux server through a 60-second hold
# and reads /proc: CPU time (utime + stime), voluntary context switches
# (wake-ups), peak RSS; then the start-up time of a few commands.  Prints
# rows of the bench table; asserts nothing (targets are in the README).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
TMP=$(mktemp -d)
T() { tmux -L "bench$$" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT
mkdir -p "$TMP/state/backcoach" "$TMP/config/backcoach"
touch "$TMP/state/backcoach/screened"
printf 'pain_prompts = false;\nsound = false;\n' >"$TMP/config/backcoach/config"

T new-session -d -s b -x 80 -y 24 "env HOME=$TMP XDG_CONFIG_HOME=$TMP/config \
    XDG_STATE_HOME=$TMP/state XDG_CACHE_HOME=$TMP/cache ./backcoach --no-sound \
    start tests/data/hold60.cfg; sleep 30"
pid=
for _ in $(seq 100); do
	pid=$(pgrep -P "$(T display -p -t b '#{pane_pid}')" -x backcoach) && break
	pid=$(pgrep -x -n backcoach) && [ -n "$pid" ] && break
	sleep 0.05
done
[ -n "$pid" ] || { echo "bench-session: backcoach did not start"; exit 1; }
# wait until the hold is on screen
held=
for _ in $(seq 100); do
	T capture-pane -p -t b | grep -Eq '^ *Hold *$' && held=1 && break
	sleep 0.05
done
[ -n "$held" ] || { echo "bench-session: the hold never started:"; T capture-pane -p -t b; exit 1; }
ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
ctx() { awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$pid/status"; }
c0=$(cpu); w0=$(ctx); t0=$(date +%s%N)
sleep 50
c1=$(cpu); w1=$(ctx); t1=$(date +%s%N)
rss=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
secs=$(( (t1 - t0) / 1000000 ))
printf '%-44s %s\n' "CPU time over a ${secs} ms hold" \
    "$(awk -v c=$((c1 - c0)) -v t="$ticks" 'BEGIN { printf "%.0f ms", c * 1000 / t }')"
printf '%-44s %s\n' "wake-ups (voluntary switches) in that hold" \
    "$((w1 - w0)) ($(awk -v w=$((w1 - w0)) -v s=$secs 'BEGIN { printf "%.2f", w * 1000 / s }')/s)"
printf '%-44s %s\n' "peak RSS of a session" "${rss} kB"
T kill-server >/dev/null 2>&1

# start-up: the mean of 50 runs of each command
for cmd in "--version" "list" "show mcgill-big3" "check routines/mcgill-big3.cfg"; do
	s=$(date +%s%N)
	for _ in $(seq 50); do
		HOME=$TMP XDG_CONFIG_HOME=$TMP/config ./backcoach $cmd >/dev/null 2>&1
	done
	e=$(date +%s%N)
	printf '%-44s %s\n' "start-up: backcoach $cmd" \
	    "$(awk -v n=$(( (e - s) / 50 )) 'BEGIN { printf "%.2f ms", n / 1e6 }')"
done
