#!/bin/bash
# tests/bench-session.sh - part of `make bench`: what the coach costs.
#
# Runs the real binary in a private tmux server through a 60-second hold
# and reads /proc: CPU time (utime + stime), voluntary context switches
# (wake-ups), peak RSS; then the start-up time of a few commands.  Prints
# rows of the bench table; asserts nothing (targets are in the README).
. "$(dirname "$0")/lib.sh"
need_built backcoach
need tmux
private_home "$TMP/home"
red_flags_answered "$HOME"
mkdir -p "$XDG_CONFIG_HOME/backcoach"
printf 'pain_prompts = false;\nsound = false;\n' >"$XDG_CONFIG_HOME/backcoach/config"

tmux_new b "$(private_env "$HOME") TERM=screen ./backcoach --no-sound \
    start tests/data/hold60.cfg; sleep 30"
# find_pid: for poll; the session's backcoach in $pid.
find_pid() {
	pid=$(bc_pid) && return 0
	pid=$(pgrep -x -n backcoach) && [ -n "$pid" ]
}
pid=
poll 5 find_pid || { echo "bench-session: backcoach did not start"; exit 1; }
begin 5 || { echo "bench-session: no start card:"; screen; exit 1; }
# wait until the hold is on screen
wait_for '^ *Hold *$' 5 || { echo "bench-session: the hold never started:"; screen; exit 1; }
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
tmux_kill

# start-up: the mean of 50 runs of each command
for cmd in "--version" "list" "show mcgill-big3" "check routines/mcgill-big3.cfg"; do
	s=$(date +%s%N)
	for _ in $(seq 50); do
		./backcoach $cmd >/dev/null 2>&1
	done
	e=$(date +%s%N)
	printf '%-44s %s\n' "start-up: backcoach $cmd" \
	    "$(awk -v n=$(( (e - s) / 50 )) 'BEGIN { printf "%.2f ms", n / 1e6 }')"
done
