#!/bin/bash
# tests/tools/bench-session.sh - part of `make bench`: what the coach costs,
# each figure beside its budget; exits 1 when one is over.
#
#   - peak RSS of a session with sound and speech on: at most 8 MiB;
#   - CPU over 20 s of a hold: at most tty-clock's over the same 20 s
#     (tty-clock -s redraws once a second too: the yardstick of a
#     terminal program that shows a clock and does nothing else);
#   - start-up, from exec() to the first screen on a terminal
#     (build/startup_bench waits for a word of it), beyond what /bin/echo
#     takes the same way: at most 2 ms, the fastest of 50 runs, for
#     --version, list and the picker.
#
# The session runs the real binary in a private tmux server with its own
# headless PulseAudio, and /proc gives the figures.  The sound plays in a
# process of its own (backcoach-sound, src/ARCHITECTURE.md): its CPU and
# memory are noted beside the coach's, never left out of sight.
. "$(dirname "$0")/../lib.sh"
need_built backcoach build/startup_bench
need tmux tty-clock pulseaudio pactl pacat
private_home --runtime "$TMP/home"
red_flags_answered "$HOME"
mkdir -p "$XDG_CONFIG_HOME/backcoach"
printf 'pain_prompts = false;\nspeech = "full";\n' >"$XDG_CONFIG_HOME/backcoach/config"
pulse_start || { echo "bench-session: pulseaudio did not start"; exit 1; }

env=$(private_env --runtime "$HOME")
tmux_new b "$env TERM=screen ./backcoach start tests/data/hold60.cfg; sleep 60"
T new-window -d -t "b:" "TERM=screen tty-clock -s"
# find_pids: for poll; the session's backcoach in $pid, tty-clock's in
# $clock, the sound's process in $snd.
find_pids() {
	pid=$(bc_pid) && clock=$(pgrep -x -n tty-clock) && [ -n "$clock" ] &&
	    snd=$(pgrep -P "$pid" -x backcoach-sound) && [ -n "$snd" ]
}
pid= clock= snd=
poll 5 find_pids || { echo "bench-session: backcoach or tty-clock did not start"; exit 1; }
begin 10 || { echo "bench-session: no start card:"; screen; exit 1; }
wait_for '^ *Hold *$' 10 || { echo "bench-session: the hold never started:"; screen; exit 1; }
lacks 'no sound' || { echo "bench-session: the session has no sound:"; screen; exit 1; }

# cpu PID [TID]: nanoseconds on a CPU (schedstat: exact, where
# /proc/PID/stat counts 10 ms ticks): every thread, or the one named
cpu() { cat /proc/"$1"/task/${2:-*}/schedstat | awk '{ s += $1 } END { print s }'; }
ctx() { awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$1/status"; }
c0=$(cpu "$pid"); m0=$(cpu "$pid" "$pid"); k0=$(cpu "$clock"); w0=$(ctx "$pid")
s0=$(cpu "$snd")
t0=$(now_ms)
sleep 20
c1=$(cpu "$pid"); m1=$(cpu "$pid" "$pid"); k1=$(cpu "$clock"); w1=$(ctx "$pid")
s1=$(cpu "$snd")
t1=$(now_ms)
rss=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
kib() { awk "/^$1/ { print \$2 }" "$2"; }
note "the sound's process: peak RSS $(mib "$(kib VmHWM "/proc/$snd/status")") MiB;" \
    "proportional set size now (shared pages split): the coach" \
    "$(mib "$(kib Pss: "/proc/$pid/smaps_rollup")") MiB, the sound's process" \
    "$(mib "$(kib Pss: "/proc/$snd/smaps_rollup")") MiB"
ms() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'; }
secs=$(( (t1 - t0) / 1000 ))
note "over ${secs} s of a hold: backcoach $(ms $((m1 - m0))) ms of CPU in its" \
    "main thread, $(ms $((c1 - c0))) ms in all its threads, and" \
    "$(ms $((s1 - s0))) ms in its sound's process (libpulse's thread);" \
    "$((w1 - w0)) wake-ups; tty-clock $(ms $((k1 - k0))) ms"
# The coach's own work (timing, drawing) is its main thread's; the sound
# server's client thread (libpulse, in the sound's process) is counted in
# the note above.
budget "CPU over ${secs} s of a hold (main thread), against tty-clock's" \
    "$(ms $((m1 - m0)))" "$(ms $((k1 - k0)))" ms
budget "peak RSS of a session with sound and speech" "$(mib "$rss")" 8 MiB
tmux_kill

# start-up: the fastest of 50 runs to a word of the first screen, less
# the fastest of 50 of /bin/echo (what starting any program on a terminal
# costs this machine: fork, exec, the pty), so that the figure is
# backcoach's own; the fastest, as the machine's noise only adds
read -r _ _ _ base < <(./build/startup_bench 50 hello /bin/echo hello)
note "start-up of /bin/echo on a terminal: $base ms (the fastest of 50)"
startup() {
	local label=$1 word=$2 fastest
	shift 2
	read -r _ _ _ fastest < <(./build/startup_bench 50 "$word" ./backcoach "$@")
	budget "start-up to the first screen, beyond /bin/echo's: backcoach $label" \
	    "$(awk -v f="${fastest:-999}" -v b="${base:-0}" 'BEGIN { printf "%.2f", f - b }')" 2 ms
}
startup --version backcoach --version
startup list McGill list
startup "(the picker)" choose
finish
