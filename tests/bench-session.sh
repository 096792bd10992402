#!/bin/bash
# tests/bench-session.sh - part of `make bench`: what the coach costs,
# each figure beside its budget; exits 1 when one is over.
#
#   - peak RSS of a session with sound and speech on: at most 8 MiB;
#   - CPU over 20 s of a hold: at most tty-clock's over the same 20 s
#     (tty-clock -s redraws once a second too: the yardstick of a
#     terminal program that shows a clock and does nothing else);
#   - start-up, from exec() to the first output on a terminal
#     (build/startup_bench: for the coach, its first screen): at most
#     2 ms, the median of 30 runs, for --version, list and the picker.
#
# The session runs the real binary in a private tmux server with its own
# headless PulseAudio, and /proc gives the figures.
. "$(dirname "$0")/lib.sh"
need_built backcoach build/startup_bench
need tmux tty-clock pulseaudio pactl pacat
private_home --runtime "$TMP/home"
red_flags_answered "$HOME"
mkdir -p "$XDG_CONFIG_HOME/backcoach"
printf 'pain_prompts = false;\nspeech = "full";\n' >"$XDG_CONFIG_HOME/backcoach/config"
pulse_start || { echo "bench-session: pulseaudio did not start"; exit 1; }

env=$(private_env --runtime "$HOME")
tmux_new b "$env TERM=screen ./backcoach start tests/data/hold60.cfg; sleep 60"
T new-window -d -t b "TERM=screen tty-clock -s"
# find_pids: for poll; the session's backcoach in $pid, tty-clock's in $clock.
find_pids() {
	pid=$(bc_pid) && clock=$(pgrep -x -n tty-clock) && [ -n "$clock" ]
}
pid= clock=
poll 5 find_pids || { echo "bench-session: backcoach or tty-clock did not start"; exit 1; }
begin 10 || { echo "bench-session: no start card:"; screen; exit 1; }
wait_for '^ *Hold *$' 10 || { echo "bench-session: the hold never started:"; screen; exit 1; }
lacks 'no sound' || { echo "bench-session: the session has no sound:"; screen; exit 1; }

ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ctx() { awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$1/status"; }
c0=$(cpu "$pid"); k0=$(cpu "$clock"); w0=$(ctx "$pid"); t0=$(now_ms)
sleep 20
c1=$(cpu "$pid"); k1=$(cpu "$clock"); w1=$(ctx "$pid"); t1=$(now_ms)
rss=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
ms() { awk -v c="$1" -v t="$ticks" 'BEGIN { printf "%.0f", c * 1000 / t }'; }
secs=$(( (t1 - t0) / 1000 ))
note "over ${secs} s of a hold: backcoach $(ms $((c1 - c0))) ms of CPU," \
    "$((w1 - w0)) wake-ups; tty-clock $(ms $((k1 - k0))) ms"
budget "CPU over ${secs} s of a hold, against tty-clock's" \
    "$(ms $((c1 - c0)))" "$(ms $((k1 - k0)))" ms
budget "peak RSS of a session with sound and speech" \
    "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" 8 MiB
tmux_kill

# start-up: the median of 30 runs
for cmd in "--version" "list" ""; do
	read -r _ median _ fastest < <(./build/startup_bench 30 ./backcoach $cmd)
	budget "start-up to the first output: backcoach${cmd:+ $cmd}${cmd:-, the picker}" \
	    "$median" 2 ms
done
finish
