#!/bin/bash
# tests/sound/speech.sh - spoken coaching through a private headless
# PulseAudio (tests/sound/sound.sh says how), in real time, as speech is
# heard: the same routine recorded with speech off and on, every cue on
# time both ways, phrases where tones were; the start card said aloud;
# sound-test --speech, and the phrase cache it mends.
#
#   tests/sound/speech.sh           (after `make backcoach build/onsets`)
#   tests/sound/speech.sh --bench N (make bench-sound: speech off and on
#                                    measured N times, nothing asserted)
#
# Prints a TAP line per check and "speech.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
need pulseaudio parecord pacat pactl sox tmux
need_built backcoach build/onsets
BIN=$ROOT/backcoach

private_home --runtime "$TMP/home"
unset PULSE_SERVER PULSE_SINK XDG_DATA_DIRS

# A failed check shows what the last run printed.
show_run() { echo "rc=${rc:-}"; cat "$TMP/out" "$TMP/err" 2>/dev/null; }

# measure_spoken MODE: the spoken routine run with `speech = MODE`,
# recorded; sets errs, and writes it to $TMP/spoken-MODE.errs, and
# $TMP/spoken-MODE.onsets ("TIME DURATION").
# Onsets are sounds after 0.3 s of quiet here: a comma in a phrase is a
# shorter pause, and a phrase ends 0.4 s before the next cue
# (PHRASE_MARGIN_NS).
measure_spoken() {
	mkdir -p "$XDG_CONFIG_HOME/backcoach"
	printf 'speech = "%s";\n' "$1" >"$XDG_CONFIG_HOME/backcoach/config"
	expected_cues tests/data/spoken.cfg >"$TMP/expected"
	record "$TMP/spoken-$1.raw"
	sound_session start tests/data/spoken.cfg && wait_for 'Exercise 1 of 2' 10 &&
	    finish_session
	stop_recording
	rm -f "$XDG_CONFIG_HOME/backcoach/config"
	"$ONSETS" -d -g 0.3 -r $RATE <"$TMP/spoken-$1.raw" >"$TMP/spoken-$1.onsets"
	errs=$(awk '{ print $1 }' "$TMP/spoken-$1.onsets" |
	    awk -f tests/tools/cue_errors.awk "$TMP/expected" -)
	printf '%s\n' "$errs" >"$TMP/spoken-$1.errs"
	note "cue timing (speech $1): $errs"
}

if [ "${1:-}" = --bench ]; then
	pulse_start || { echo "speech.sh: pulseaudio did not start:" >&2; cat "$TMP/pa.err" >&2; exit 1; }
	for _ in $(seq "${2:-3}"); do
		measure_spoken off
		measure_spoken names
	done
	exit 0
fi

on_failure cat "$TMP/pa.err"
check "private pulseaudio started" pulse_start
on_failure

# (e) Speech: the same routine recorded with speech off and on.  Every
# cue's onset against the plan within $TOL ms both ways: a phrase starts
# on its step boundary as a tone does, and the tones around it keep their
# times.  What sounds at the lead-ins and before the last rep lasts: a
# phrase with speech on (0.5 s or more; at the second lead-in longer than
# the 0.8 s exercise-done tone), a tone with it off (under 0.45).
on_time() {
	local errs
	errs=$(cat "$TMP/spoken-$1.errs")
	echo "$errs; onsets $(tr '\n' ' ' <"$TMP/spoken-$1.onsets")"
	echo "$errs" | awk -v n="$(wc -l <"$TMP/expected")" -v t="$TOL" '
		$2 == n "/" n && $4 <= t && $8 <= t { ok = 1 } END { exit !ok }'
}
# lasting MODE FIRST EIGHTH TENTH: how long the sounds at the lead-ins
# (cues 1 and 8) and before the last rep (cue 10) last, as conditions
# ("< 0.45", ">= 1.0").
lasting() {
	cat "$TMP/spoken-$1.onsets"
	awk -v a="$2" -v b="$3" -v c="$4" 'function ok(cond, d) {
		split(cond, x, " "); return x[1] == "<" ? d < x[2] : d >= x[2] }
		NR == 1 { n += ok(a, $2) } NR == 8 { n += ok(b, $2) }
		NR == 10 { n += ok(c, $2) } END { exit n != 3 }' "$TMP/spoken-$1.onsets"
}
same_tones() {
	paste "$TMP/spoken-off.onsets" "$TMP/spoken-names.onsets" | awk -v t="$TOL" '
		NR == 1 { a0 = $1; b0 = $3; next }
		{ d = (($3 - b0) - ($1 - a0)) * 1000; if (d < 0) d = -d
		  if (d > max) max = d }
		END { printf "largest difference %.1f ms\n", max; exit !(NR > 1 && max <= t) }'
}
# Both recordings, and again once if a cue is off by more than $TOL ms:
# a machine loaded by other work now and then wakes the program late,
# and a cue the program plays late is late in both (make bench measures).
measure_spoken off
measure_spoken names
if ! { on_time off && on_time names && same_tones; } >/dev/null 2>&1; then
	note "a cue off by more than $TOL ms: both recorded again"
	measure_spoken off
	measure_spoken names
fi
check "speech off: every cue on time" on_time off
check "speech off: tones at the first lead-in and before the last rep" \
	lasting off "< 0.45" "< 0.9" "< 0.45"
check "speech on: every cue on time, the phrases on their boundaries" on_time names
check "speech on: phrases at the lead-ins and before the last rep" \
	lasting names ">= 0.5" ">= 1.0" ">= 0.5"
check "speech on or off: the same onsets, within $TOL ms" same_tones
check "the phrases are kept in the cache, named by their hash" \
	eval 'ls "$XDG_CACHE_HOME"/backcoach/speech/*.wav >/dev/null 2>&1'

# (g) speech = full: the start card said aloud before anything starts
# (the routine's name, what it needs, its stop rules): over 2 s of
# speech recorded while the card waits for Enter.
mkdir -p "$XDG_CONFIG_HOME/backcoach"
printf 'speech = "full";\n' >"$XDG_CONFIG_HOME/backcoach/config"
record "$TMP/intro.raw"
tmux_kill
red_flags_answered "$HOME"
tmux_new bc "$(private_env --runtime "$HOME") \
    ${PULSE_SERVER:+PULSE_SERVER='$PULSE_SERVER'} TERM=screen $BIN start mcgill-big3; sleep 60"
card_said() {
	wait_for 'Enter begin' 10 || return 1
	"$ONSETS" -d -r $RATE <"$TMP/intro.raw.all" 2>/dev/null |
	    awk '$2 >= 2 { ok = 1 } END { exit !ok }'
}
check "speech full: the start card is said aloud (over 2 s of speech)" poll 15 card_said
tmux_kill
stop_recording
rm -f "$XDG_CONFIG_HOME/backcoach/config"

# sound-test --speech: the voice and its rate named, the sample said aloud.
sayer() {
	record "$TMP/say.raw"
	"$BIN" sound-test --speech >"$TMP/out" 2>"$TMP/err"
	rc=$?
	stop_recording
	[ $rc = 0 ] && grep -q 'voice en, 160 words a minute' "$TMP/out" &&
	    "$ONSETS" -d -r $RATE <"$TMP/say.raw" | awk '$2 >= 2 { ok = 1 } END { exit !ok }'
}
on_failure show_run
check "sound-test --speech speaks the sample (over 2 s of speech)" sayer

# The speech cache: a file whose header does not fit its size is rendered
# again (same size, header broken: the size alone would pass it), and what
# a renderer killed midway left (NAME.wav.PID.tmp, PID gone) is removed.
SPD=$XDG_CACHE_HOME/backcoach/speech
sample=$(ls -t "$SPD"/*.wav | head -1)
printf 'XXXX' | dd of="$sample" bs=1 seek=8 conv=notrunc 2>/dev/null
sh -c 'exit 0' & dead=$!; wait $dead
: >"$SPD/0123456789abcdef.wav.$dead.tmp"
check "sound-test --speech with a broken cached file and a stale temp file" sayer
check "the broken file is rendered again, its header whole" \
	test "$(dd if="$sample" bs=1 skip=8 count=4 2>/dev/null)" = WAVE
check "the stale temp file is gone" test ! -e "$SPD/0123456789abcdef.wav.$dead.tmp"

finish
