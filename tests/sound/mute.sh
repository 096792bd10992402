#!/bin/bash
# tests/sound/mute.sh - m mutes, heard through a private headless
# PulseAudio (tests/sound/sound.sh says how): pressed during a session,
# the screen says so and nothing sounds after it, speech included.
#
#   tests/sound/mute.sh             (after `make backcoach build/onsets`)
#
# Prints a TAP line per check and "mute.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
need pulseaudio parecord pacat pactl sox tmux
need_built backcoach build/onsets

private_home --runtime "$TMP/home"
PULSE_HOLD_MS=20        # onsets are counted here, not timed (tests/lib.sh, pulse_start)
unset PULSE_SERVER PULSE_SINK XDG_DATA_DIRS

on_failure cat "$TMP/pa.err"
check "private pulseaudio started" pulse_start

# m mutes speech too: pressed during the first exercise, nothing sounds
# after it, the second exercise's phrase included.
on_failure screen
record "$TMP/spoken-muted.raw"
if sound_session start tests/data/spoken.cfg && wait_for 'Exercise 1 of 2' 10; then
	wait_for 'Rep 2 of 3' 10 && key m
	check "m with speech: the muted session runs to its end" finish_session
else
	not_ok "m with speech: the session starts"
fi
stop_recording
on_failure
"$ONSETS" -d -g 0.3 -r $RATE <"$TMP/spoken-muted.raw" >"$TMP/spoken-muted.onsets"
n=$(wc -l <"$TMP/spoken-muted.onsets")
check "m with speech: nothing after rep 2 (3 to 5 onsets of 12, found $n)" \
	eval '[ "$n" -ge 3 ] && [ "$n" -le 5 ]'
# m mutes: the screen says so and no cue sounds after it.  Tones only:
# at twice the speed (BACKCOACH_TEST_TIME_SCALE, src/app/loop.c), as when
# the cue comes is not what this tests.
on_failure screen
record "$TMP/muted.raw"
if SESSION_ENV=BACKCOACH_TEST_TIME_SCALE=2 sound_session start tests/data/paced.cfg; then
	wait_for 'Rep 2 of 6' 10 && key m
	check "m: the status line says muted" wait_for 'muted' 10
	check "m: the muted session runs to its end" finish_session
else
	not_ok "m: the session starts"
fi
stop_recording
n=$(onset_count "$TMP/muted.raw")
on_failure
up_to_rep_2() { [ "$n" -ge 3 ] && [ "$n" -le 6 ]; }
check "m: cues up to rep 2 only (3 to 6 onsets of 14, found $n)" up_to_rep_2

finish
