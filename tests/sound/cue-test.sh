#!/bin/bash
# tests/sound/cue-test.sh - the cue test (issue 20): a whole bundled
# routine played through a private headless PulseAudio (tests/sound/sound.sh
# says how) and every onset of the recording matched to `show --script`.
#
#   tests/sound/cue-test.sh         (after `make backcoach build/onsets`)
#
# Prints a TAP line per check and "cue-test.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
need pulseaudio parecord pacat pactl sox tmux
need_built backcoach build/onsets
BIN=$ROOT/backcoach

private_home --runtime "$TMP/home"
unset PULSE_SERVER PULSE_SINK XDG_DATA_DIRS

on_failure cat "$TMP/pa.err"
check "private pulseaudio started" pulse_start
on_failure

# (f) The cue test (issue 20): a whole bundled routine played at the test
# time scale (src/app/loop.c: BACKCOACH_TEST_TIME_SCALE) into the null
# sink, with speech off, against `show --script`: one onset per line of
# the script, in order (so the first and last cue of every exercise are
# there, the start of the last hold too), every interval and the drift
# within $TOL ms of the script's times divided by the scale.  At 4 times
# the speed the closest cues (the 3-2-1 ticks, 1 s apart) are 0.25 s
# apart and a tick lasts 0.07 s: onsets after 0.06 s of quiet.
SCALE=4
CUE_ROUTINE=desk-break
measure_script() {
	"$BIN" show --script --speech off "$CUE_ROUTINE" | tail -n +2 |
	    awk -v k=$SCALE '{ n = split($1, t, ":"); print (t[1] * 60 + t[2]) / k }' 	    >"$TMP/script.times"
	mkdir -p "$XDG_CONFIG_HOME/backcoach"
	printf 'speech = "off";\n' >"$XDG_CONFIG_HOME/backcoach/config"
	record "$TMP/script.raw"
	ran=1
	SESSION_ENV="BACKCOACH_TEST_TIME_SCALE=$SCALE" sound_session start "$CUE_ROUTINE" &&
	    wait_for 'Exercise 1 of' 10 && finish_session 120 && ran=0
	stop_recording
	rm -f "$XDG_CONFIG_HOME/backcoach/config"
	"$ONSETS" -g 0.06 -r $RATE <"$TMP/script.raw" >"$TMP/script.onsets"
	errs=$(awk -f tests/tools/cue_errors.awk "$TMP/script.times" "$TMP/script.onsets")
	note "cue test ($CUE_ROUTINE at ${SCALE}x against show --script): $errs"
}
script_on_time() {
	echo "$errs; expected $(tr '\n' ' ' <"$TMP/script.times"); onsets $(tr '\n' ' ' <"$TMP/script.onsets")"
	echo "$errs" | awk -v n="$(wc -l <"$TMP/script.times")" -v t="$TOL" '
		$2 == n "/" n && $4 <= t && $8 <= t { ok = 1 } END { exit !ok }'
}
# Played again, once, when a cue is missing or off by more than $TOL ms:
# a machine loaded by other work now and then wakes the program late (a
# cue 167 ms late, and the next one merged with it, in one make check
# beside other work); a cue the program plays late is late both times.
measure_script
if [ $ran = 0 ] && ! script_on_time >/dev/null 2>&1; then
	note "a cue missing or off by more than $TOL ms: played again"
	measure_script
fi
check "cue test: $CUE_ROUTINE runs to its end at ${SCALE}x" [ $ran = 0 ]
check "cue test: every cue of show --script sounds, in order, on time" script_on_time

finish
