#!/bin/sh
# sounds/generate.sh - regenerates backcoach's two freedesktop sound themes:
#   backcoach/stereo/*.oga        tones (sox)
#   backcoach-voice/stereo/*.oga  spoken cues (espeak-ng), Inherits=backcoach
#
# The generated files are committed, so building never needs these tools;
# run this only to change the sounds.  Needs sox, espeak-ng and oggenc
# (Debian: sox espeak-ng vorbis-tools).
#
# Every file is 48 kHz mono Ogg Vorbis, starts sounding on its first
# sample (cue timing is measured from the file's start), and is brought to
# the same loudness: the RMS of its first 0.5 s is set to $TARGET dBFS
# (the table shows the peaks stay below 0 dBFS).  The table printed at the end gives the
# measured levels of the encoded files.
#
# Cue names follow the sound naming spec: a player looking up
# backcoach-tick-3 falls back to backcoach-tick, then through the theme's
# Inherits= chain, so the voice theme has backcoach-tick-3 ("three") and
# the tone theme only backcoach-tick.  Never add a file named plain
# "backcoach": every cue would fall back to it.
set -eu

cd "$(dirname "$0")"
for tool in sox espeak-ng oggenc; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "generate.sh: $tool is missing (Debian: sox espeak-ng vorbis-tools)" >&2
		exit 1
	}
done

RATE=48000
export SOX_OPTS="-R"      # repeatable: the same files every run
TARGET=-20              # dBFS RMS over the first 0.5 s
VOICE=${VOICE:-en-gb+f3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

TONES=backcoach/stereo
SPOKEN=backcoach-voice/stereo
rm -f "$TONES"/*.oga "$SPOKEN"/*.oga
mkdir -p "$TONES" "$SPOKEN"

# note OUT DUR FREQ [SHAPE]: one note, fundamental plus a softer octave,
# a 2 ms rise from the first sample and a decay over the rest.
# SHAPE t: linear decay over the whole note (percussive), h: held, then a
# half-sine release over the last 60%.
note() {
	out=$1 dur=$2 f=$3 shape=${4:-t}
	f2=$(awk "BEGIN { print $f * 2 }")
	case $shape in
	t) rel=$(awk "BEGIN { print $dur - 0.002 }") ;;
	*) rel=$(awk "BEGIN { print $dur * 0.6 }") ;;
	esac
	sox -n -r $RATE -c 1 -b 16 "$out" synth "$dur" sine "$f" \
	    synth "$dur" sine mix "$f2" vol 0.5 \
	    fade q 0.002 fade "$shape" 0 "$dur" "$rel"
}

# glide OUT DUR F1 F2: a pitch glide (tempo phases: rising, falling).
glide() {
	sox -n -r $RATE -c 1 -b 16 "$1" synth "$2" sine "$3-$4" vol 0.5 \
	    fade q 0.002 fade h 0 "$2" "$(awk "BEGIN { print $2 * 0.5 }")"
}

# seq OUT NOTE...: notes one after another.
seq_() {
	out=$1; shift
	sox "$@" "$out"
}

# chime OUT STEP NOTE...: notes starting STEP s apart, each ringing on.
chime() {
	out=$1 step=$2; shift 2
	i=0 args=
	for n in "$@"; do
		sox "$n" "$TMP/pad$i.wav" pad "$(awk "BEGIN { print $i * $step }")"
		args="$args $TMP/pad$i.wav"
		i=$((i + 1))
	done
	# shellcheck disable=SC2086
	sox -m $args "$out"
}

# finish IN THEME NAME: level to $TARGET and encode THEME/stereo/NAME.oga.
finish() {
	in=$1 dir=$2/stereo name=$3
	rms=$(sox "$in" -n trim 0 0.5 stat 2>&1 | awk '/^RMS +amplitude/ { print $3 }')
	gain=$(awk "BEGIN { print $TARGET - 20 * log($rms) / log(10) }")
	sox "$in" "$TMP/lev.wav" gain "$gain"
	oggenc -Q -q 4 --serial 1 -o "$dir/$name.oga" "$TMP/lev.wav"
}

# --- tones ---------------------------------------------------------------
T=$TMP
note "$T/e5.wav" 0.14 659.25 h
note "$T/a5.wav" 0.20 880.00
seq_ "$T/ready.wav" "$T/e5.wav" "$T/a5.wav"
finish "$T/ready.wav" backcoach backcoach-ready

note "$T/tick.wav" 0.07 1318.5
finish "$T/tick.wav" backcoach backcoach-tick

note "$T/go.wav" 0.25 1046.5
note "$T/go2.wav" 0.25 1568.0
chime "$T/gochord.wav" 0 "$T/go.wav" "$T/go2.wav"
finish "$T/gochord.wav" backcoach backcoach-go

glide "$T/p1.wav" 0.18 600 900
finish "$T/p1.wav" backcoach backcoach-phase-1
glide "$T/p2.wav" 0.18 900 600
finish "$T/p2.wav" backcoach backcoach-phase-2
glide "$T/p3.wav" 0.18 500 700
finish "$T/p3.wav" backcoach backcoach-phase-3
glide "$T/p4.wav" 0.18 700 500
finish "$T/p4.wav" backcoach backcoach-phase-4
note "$T/p.wav" 0.15 740 h
finish "$T/p.wav" backcoach backcoach-phase

note "$T/g4.wav" 0.16 392.00 h
note "$T/d4.wav" 0.26 293.66
seq_ "$T/relax.wav" "$T/g4.wav" "$T/d4.wav"
finish "$T/relax.wav" backcoach backcoach-relax

note "$T/rest.wav" 0.45 349.23
finish "$T/rest.wav" backcoach backcoach-rest

note "$T/c5s.wav" 0.10 523.25 h
note "$T/g5s.wav" 0.10 783.99 h
note "$T/c5e.wav" 0.18 523.25
seq_ "$T/switch.wav" "$T/c5s.wav" "$T/g5s.wav" "$T/c5e.wav"
finish "$T/switch.wav" backcoach backcoach-switch

note "$T/x1.wav" 0.80 523.25
note "$T/x2.wav" 0.70 659.25
note "$T/x3.wav" 0.60 783.99
note "$T/x4.wav" 0.50 1046.5
chime "$T/exdone.wav" 0.10 "$T/x1.wav" "$T/x2.wav" "$T/x3.wav" "$T/x4.wav"
finish "$T/exdone.wav" backcoach backcoach-exercise-done

note "$T/s1.wav" 1.40 392.00
note "$T/s2.wav" 1.30 523.25
note "$T/s3.wav" 1.20 659.25
note "$T/s4.wav" 1.10 783.99
note "$T/s5.wav" 1.00 1046.5
chime "$T/sessdone.wav" 0.12 "$T/s1.wav" "$T/s2.wav" "$T/s3.wav" "$T/s4.wav" \
    "$T/s5.wav"
finish "$T/sessdone.wav" backcoach backcoach-session-done

note "$T/beep.wav" 0.12 987.77 h
sox -n -r $RATE -c 1 -b 16 "$T/gap.wav" trim 0 0.10
seq_ "$T/timerdone.wav" "$T/beep.wav" "$T/gap.wav" "$T/beep.wav" "$T/gap.wav" \
    "$T/beep.wav"
finish "$T/timerdone.wav" backcoach backcoach-timer-done

sox -n -r $RATE -c 1 -b 16 "$T/w.wav" synth 0.14 triangle 330 vol 0.5 \
    fade q 0.002 fade h 0 0.14 0.05
sox -n -r $RATE -c 1 -b 16 "$T/wgap.wav" trim 0 0.06
seq_ "$T/warning.wav" "$T/w.wav" "$T/wgap.wav" "$T/w.wav"
finish "$T/warning.wav" backcoach backcoach-warning

# A silent sample, played once at start to warm the audio path.
sox -n -r $RATE -c 1 -b 16 "$T/silence.wav" trim 0 0.05
oggenc -Q -q 4 --serial 1 -o "$TONES/backcoach-silence.oga" "$T/silence.wav"

# --- voice -----------------------------------------------------------------
# say NAME TEXT: speak TEXT, trim the silence around it, level it.
say() {
	espeak-ng -v "$VOICE" -s 165 -w "$TMP/raw.wav" "$2"
	sox "$TMP/raw.wav" -r $RATE "$TMP/say.wav" highpass 80 \
	    silence 1 0.001 -40d reverse silence 1 0.01 -50d reverse \
	    fade q 0.002
	finish "$TMP/say.wav" backcoach-voice "$1"
}

say backcoach-ready "Get ready"
say backcoach-tick-3 "three"
say backcoach-tick-2 "two"
say backcoach-tick-1 "one"
say backcoach-go "Start"
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	say "backcoach-go-$n" "hold $n"
done
say backcoach-relax "Relax"
say backcoach-rest "Rest"
say backcoach-switch "Switch sides"
say backcoach-exercise-done "Done. Next exercise."
say backcoach-session-done "Session complete. Well done."
say backcoach-timer-done "Time is up"
say backcoach-warning "Check the screen"

# --- levels ----------------------------------------------------------------
printf '%-42s %6s %8s %8s\n' file seconds "peak dB" "RMS dB"
for f in "$TONES"/*.oga "$SPOKEN"/*.oga; do
	sox "$f" -n trim 0 0.5 stat 2>"$TMP/stat" || true
	len=$(soxi -D "$f")
	awk -v f="$f" -v len="$len" '
		/^Maximum amplitude/ { pk = $3 }
		/^RMS +amplitude/ { rms = $3 }
		END {
			printf "%-42s %6.2f %8.1f %8.1f\n", f, len,
			    (pk > 0 ? 20 * log(pk) / log(10) : -999),
			    (rms > 0 ? 20 * log(rms) / log(10) : -999)
		}' "$TMP/stat"
done
du -ch "$TONES" "$SPOKEN" | tail -1
