#!/bin/bash
# tests/sound/sound.sh - `backcoach sound-test` through a real, private,
# headless PulseAudio (TESTING.md): a null sink, its monitor recorded with
# parecord, the recording analysed with sox and build/onsets; the themes,
# the settings, the sound's own process (libpulse in it alone, its loss
# mid-session, a stuck server or worker, none left behind), and what
# happens without a sound server.  The other suites of tests/sound, each with a server of
# its own, so that they run side by side: timing.sh (cue timing in real
# time), speech.sh (phrases on their boundaries), mute.sh (m) and
# cue-test.sh (a bundled routine against show --script).
#
#   tests/sound/sound.sh            (after `make backcoach build/onsets`)
#
# Prints a TAP line per check and "sound.sh: N passed, M failed"; exits 1
# when any check failed.  Each check is a function named for what it
# asserts, of the last run's status ($rc), stdout ($TMP/out) and stderr
# ($TMP/err), or of the recording.
. "$(dirname "$0")/../lib.sh"
need pulseaudio parecord pacat pactl sox tmux
need_built backcoach build/onsets
BIN=$ROOT/backcoach

private_home --runtime "$TMP/home"
PULSE_HOLD_MS=20        # no cue is timed here (tests/lib.sh, pulse_start)
unset PULSE_SERVER PULSE_SINK XDG_DATA_DIRS

# A failed check shows what the last run printed.
show_run() { echo "rc=${rc:-}"; cat "$TMP/out" "$TMP/err" 2>/dev/null; }

# --- with a sound server ---------------------------------------------------
on_failure cat "$TMP/pa.err"
check "private pulseaudio started" pulse_start
on_failure show_run

# (a) sound-test through real libcanberra: sound, one onset per cue.
record "$TMP/tones.raw"
"$BIN" sound-test >"$TMP/out" 2>"$TMP/err"
rc=$?
stop_recording
check "sound-test exits 0 with a sound server" [ $rc = 0 ]
all_named() {
	[ "$(grep -c ' backcoach-' "$TMP/out")" -eq 15 ] &&
	    grep -q '^All 15 cues played' "$TMP/out"
}
check "sound-test names all 15 cues" all_named
check "tick 3 plays as backcoach-tick-3 (the tone theme has only backcoach-tick)" \
    grep -q 'countdown tick 3  *backcoach-tick-3$' "$TMP/out"
amp=$(max_amplitude "$TMP/tones.raw")
check "the recording has sound (max amplitude ${amp:-none} > 0.01)" \
    awk "BEGIN { exit !(${amp:-0} > 0.01) }"
n=$(onset_count "$TMP/tones.raw")
one_onset_per_cue() {
	echo "onsets: $("$ONSETS" < "$TMP/tones.raw" | tr '\n' ' ')"
	[ "$n" -eq 15 ]
}
check "the recording has one onset per cue (15, found $n)" one_onset_per_cue

# The voice theme: spoken cues (a phrase may have more than one onset).
record "$TMP/voice.raw"
"$BIN" sound-test --theme backcoach-voice >"$TMP/out" 2>"$TMP/err"
rc=$?
stop_recording
voice_played() { [ $rc = 0 ] && grep -q '^Sound theme backcoach-voice' "$TMP/out"; }
check "sound-test --theme backcoach-voice plays the voice theme" voice_played
amp=$(max_amplitude "$TMP/voice.raw")
n=$(onset_count "$TMP/voice.raw")
check "the voice recording has sound (max ${amp:-none}, $n onsets >= 15)" \
    awk "BEGIN { exit !(${amp:-0} > 0.01 && $n >= 15) }"

# A theme that is not installed: sound-test is to check the set-up, so
# an error, exit 1, and nothing played (a session falls back instead).
"$BIN" sound-test --theme no-such-theme go >"$TMP/out" 2>"$TMP/err"
rc=$?
refused() {
	[ $rc = 1 ] && grep -q "no sound theme 'no-such-theme' is installed" "$TMP/err" &&
	    ! grep -q 'backcoach-go' "$TMP/out"
}
check "sound-test with a theme that is not installed: an error, exit 1" refused
"$BIN" sound-test go >"$TMP/out" 2>"$TMP/err"
rc=$?
one_cue() { [ $rc = 0 ] && grep -qx 'All 1 cue played.' "$TMP/out"; }
check "one cue: 'All 1 cue played.'" one_cue

# A theme of the user's own with one cue: that cue from it, the others
# from backcoach (each cue falls back on its own).
mkdir -p "$XDG_DATA_HOME/sounds/mine/stereo"
printf '[Sound Theme]\nName=mine\nInherits=freedesktop\nDirectories=stereo\n\n[stereo]\nOutputProfile=stereo\n' \
    >"$XDG_DATA_HOME/sounds/mine/index.theme"
cp sounds/backcoach-voice/stereo/backcoach-go.oga "$XDG_DATA_HOME/sounds/mine/stereo/"
"$BIN" sound-test --theme mine go rest >"$TMP/out" 2>"$TMP/err"
rc=$?
both_played() { [ $rc = 0 ] && grep -q '^Sound theme mine' "$TMP/out" && ! grep -q 'FAILED' "$TMP/out"; }
check "a user theme with only go: go and rest both play (rest from backcoach)" both_played

# Installed (make install into a temporary DESTDIR): the installed binary
# finds the installed themes.
if make -s install DESTDIR="$TMP/inst" PREFIX=/usr >"$TMP/make.out" 2>&1; then
	"$TMP/inst/usr/bin/backcoach" sound-test --theme backcoach-voice tick-1 \
	    >"$TMP/out" 2>"$TMP/err"
	rc=$?
	finds_installed() {
		[ $rc = 0 ] && grep -q '^Sound theme backcoach-voice' "$TMP/out" &&
		    ! grep -q 'not found' "$TMP/out"
	}
	check "installed: the binary finds the installed voice theme" finds_installed
	make -s uninstall DESTDIR="$TMP/inst" PREFIX=/usr >/dev/null 2>&1
	check "uninstall removes every installed file" [ -z "$(find "$TMP/inst" -type f)" ]
else
	not_ok "make install into a temporary DESTDIR" "$(cat "$TMP/make.out")"
fi

# The themes inherit freedesktop; where libcanberra cannot find it (here:
# a data path without /usr/share) it drops the whole theme: say so.  (A
# fresh cache: libcanberra's look-up cache would still know the files.)
mkdir -p "$TMP/cache2"
XDG_CACHE_HOME="$TMP/cache2" XDG_DATA_DIRS=/nonexistent "$BIN" sound-test go \
    >"$TMP/out" 2>"$TMP/err"
rc=$?
says_freedesktop_missing() {
	[ $rc = 1 ] && grep -q 'no sound: sound theme freedesktop missing' "$TMP/err"
}
check "no freedesktop theme: exit 1, 'sound theme freedesktop missing'" says_freedesktop_missing

# The settings file picks the theme and the volume.
mkdir -p "$XDG_CONFIG_HOME/backcoach"
printf 'sound_theme = "backcoach-voice";\nvolume = 50;\n' \
    >"$XDG_CONFIG_HOME/backcoach/config"
record "$TMP/settings.raw"
"$BIN" sound-test go >"$TMP/out" 2>"$TMP/err"
rc=$?
stop_recording
rm -f "$XDG_CONFIG_HOME/backcoach/config"
amp=$(max_amplitude "$TMP/settings.raw")
# (the voice's "start" peaks at -6 dBFS, 0.5; 50 % is -18 dB: about 0.06)
theme_and_volume() {
	[ $rc = 0 ] && grep -q '^Sound theme backcoach-voice, volume 50%' "$TMP/out" &&
	    awk "BEGIN { exit !(${amp:-0} > 0.01 && ${amp:-0} < 0.2) }"
}
check "settings: sound_theme, and volume 50% (max amplitude ${amp:-none}, about 0.06)" \
    theme_and_volume

# An unknown cue name is a usage error.
"$BIN" sound-test no-such-cue >"$TMP/out" 2>"$TMP/err"
rc=$?
usage_error() { [ $rc = 2 ] && grep -q "no cue 'no-such-cue'" "$TMP/err"; }
check "sound-test no-such-cue is a usage error (exit 2)" usage_error

# --no-sound is honoured.
"$BIN" --no-sound sound-test >"$TMP/out" 2>"$TMP/err"
rc=$?
says_no_sound() { [ $rc = 1 ] && grep -q 'no sound: --no-sound' "$TMP/err"; }
check "--no-sound sound-test exits 1 and says why" says_no_sound

# A file size limit (ulimit -f 16): PulseAudio's shared memory cannot be
# made that large, and its SIGXFSZ killed the coach as the sound opened
# (status 153); the signal is ignored, the sound carries on without it.
# libpulse says so on its standard error ("ftruncate() failed: File too
# large"), which was the full screen: the sound's process has /dev/null.
on_failure screen
if SESSION_PRE='ulimit -f 16; ' sound_session start tests/data/tiny.cfg; then
	check "under ulimit -f 16: nothing of libpulse's on the screen" \
		eval 'wait_for "Exercise 1 of" 10 && lacks "ftruncate|failed"'
	check "under ulimit -f 16: the session with sound runs to its end, exit 0" \
		finish_session
else
	not_ok "under ulimit -f 16: the session starts"
fi
on_failure
tmux_kill

# The sound's own process (src/ARCHITECTURE.md): libcanberra and libpulse
# in it, none in the coach's; killed, the session goes on without sound;
# none left after the coach, however it ends.
pid= worker=
find_worker() {
	pid=$(bc_pid) && worker=$(pgrep -P "$pid" -x backcoach-sound) &&
	    [ -n "$worker" ]
}
gone() { [ ! -e "/proc/$1" ]; }     # ended and reaped: no zombie either
on_failure screen
SESSION_ENV='BACKCOACH_TEST_TIME_SCALE=4'       # the hold: 15 s
if sound_session start tests/data/hold60.cfg && poll 5 find_worker; then
	libs_in_worker() {
		grep -q libcanberra "/proc/$worker/maps" &&
		    grep -q libpulse "/proc/$worker/maps" &&
		    ! grep -Eq 'libcanberra|libpulse' "/proc/$pid/maps"
	}
	check "libcanberra and libpulse are mapped in the sound's process (backcoach-sound), not the coach's" \
	    libs_in_worker
	kill -KILL "$worker"
	check "the sound's process killed: the status line says there is no sound" \
	    wait_for 'no sound: the sound process ended' 5
	check "... and it is reaped at once (no zombie), the coach running" \
	    eval 'poll 5 gone "$worker" && ! gone "$pid"'
	check "... and the session runs to its end, exit 0" finish_session
else
	not_ok "a session with sound starts, with its sound's process"
fi
if sound_session start tests/data/hold60.cfg && poll 5 find_worker; then
	key C-c
	check "^C: the coach ends (exit 130), its sound's process with it" \
	    eval 'wait_for "^EXIT=130" 10 && poll 5 gone "$worker"'
else
	not_ok "a session with sound starts, with its sound's process (^C)"
fi
if sound_session start tests/data/hold60.cfg && poll 5 find_worker; then
	kill -KILL "$pid"
	check "the coach killed (SIGKILL): its sound's process is not left behind" \
	    poll 5 gone "$worker"
else
	not_ok "a session with sound starts, with its sound's process (SIGKILL)"
fi
# A sound server that stops answering (SIGSTOP): the worker waits on it,
# the coach on the worker for a bounded time (3 s), then goes on silent.
if sound_session start tests/data/hold60.cfg && poll 5 find_worker; then
	pa=$(cat "$XDG_RUNTIME_DIR/pulse/pid")
	kill -STOP "$pa"
	key b                           # the hold again: its cue is played
	check "the sound server stopped: the status line says it did not answer, the worker reaped" \
	    eval 'wait_for "no sound: the sound server did not answer" 10 &&
	    poll 5 gone "$worker" && ! gone "$pid"'
	kill -CONT "$pa"
	check "... and the session runs to its end, exit 0" finish_session
else
	not_ok "a session with sound starts, with its sound's process (server stopped)"
fi
# A worker stuck itself (SIGSTOP) does not hold the quit: it is killed.
if sound_session start tests/data/hold60.cfg && poll 5 find_worker; then
	kill -STOP "$worker"
	key C-c
	check "a stuck sound's process: ^C still ends the coach (exit 130), and it is not left behind" \
	    eval 'wait_for "^EXIT=130" 5 && poll 5 gone "$worker"'
else
	not_ok "a session with sound starts, with its sound's process (stuck)"
fi
SESSION_ENV=
if sound_session start tests/data/tiny.cfg && poll 5 find_worker; then
	check "a session to its end: the coach exits 0 and its sound's process is gone" \
	    eval 'wait_for "Exercise 1 of" 10 && finish_session && poll 5 gone "$worker"'
else
	not_ok "a session with sound starts, with its sound's process (to its end)"
fi
# The sound server gone (killed: the last check with it): libcanberra
# does not connect again; the session goes on silent, saying so.
SESSION_ENV='BACKCOACH_TEST_TIME_SCALE=4'
if sound_session start tests/data/hold60.cfg && poll 5 find_worker; then
	kill -KILL "$(cat "$XDG_RUNTIME_DIR/pulse/pid")"
	key b                           # the hold again: its cue is played
	check "the sound server killed: the status line says it stopped, the worker reaped" \
	    eval 'wait_for "no sound: the sound server stopped" 10 &&
	    poll 5 gone "$worker" && ! gone "$pid"'
	check "... and the session runs to its end, exit 0" finish_session
else
	not_ok "a session with sound starts, with its sound's process (server killed)"
fi
SESSION_ENV=
on_failure
tmux_kill

pulse_stop

# --- without a sound server ------------------------------------------------
on_failure show_run
# (b) nothing listens: exit 1 with the reason, no crash.
PULSE_SERVER="unix:$TMP/no-such-socket" "$BIN" sound-test >"$TMP/out" 2>"$TMP/err"
rc=$?
says_no_server() { [ $rc = 1 ] && grep -q 'no sound: no sound server' "$TMP/err"; }
check "no sound server: sound-test exits 1 saying 'no sound server'" says_no_server
no_cue_claimed() { ! grep -q 'backcoach-' "$TMP/out"; }
check "no sound server: no cue is claimed to have played" no_cue_claimed

# The daemon's socket gone as well (and no autospawn): same.
PULSE_CLIENTCONFIG="$TMP/client.conf"
printf 'autospawn = no\n' >"$PULSE_CLIENTCONFIG"
export PULSE_CLIENTCONFIG
"$BIN" sound-test >"$TMP/out" 2>"$TMP/err"
rc=$?
says_why() { [ $rc = 1 ] && grep -q 'no sound:' "$TMP/err"; }
check "stopped daemon: sound-test exits 1 with a reason" says_why

# (d) A session without a sound server runs to its end and says why it
# is silent.
on_failure screen
PULSE_SERVER="unix:$TMP/no-such-socket"
if sound_session start tests/data/tiny.cfg; then
	check "no sound server: the session's status line says so" wait_for 'no sound server' 10
	check "no sound server: the session runs to its end, exit 0" finish_session
else
	not_ok "no sound server: the session starts"
fi
unset PULSE_SERVER
tmux_kill

finish
