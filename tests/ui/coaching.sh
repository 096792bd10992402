#!/bin/bash
# tests/ui/coaching.sh - coaching that works with your eyes closed (issue 20):
# positions and equipment in the routine format, checked with FILE:LINE;
# `show` and the start card list what a routine needs; `show --script`
# prints the session's cue timeline, one line per cue, and at each speech
# setting the words said: every side of every two-sided exercise in its
# own words, every set, rests that say what is next, full saying what
# names says and more; lead-ins of at least 15 s where the position
# changes, in every bundled routine.
#
# Knee rolls alternate sides: odd reps are refused.  How each exercise
# felt, rated on the end screen with one key each, is kept (F lines) and
# steers the next step: one exercise at a time, the one rated too easy,
# none for one that hurt, at most once a week, never in a flare.  A
# session quit at once is recorded as partial and counts towards neither
# a step up nor a streak.  Played with speech into a private PulseAudio,
# a two-sided routine's phrases, read from the speech log as they sound,
# say the side and set at each side of each set and what comes after a
# rest.
#
# Usage: tests/ui/coaching.sh (after `make backcoach`).  Prints a TAP line
# per check and "coaching.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
need_built backcoach
need tmux jq
private_home "$TMP/home"
red_flags_answered "$HOME"
BC=$ROOT/backcoach
ROUTINES=$(cd "$ROOT/routines" && ls ./*.cfg | sed 's|^\./||; s|\.cfg$||')
has() { grep -qF -- "$2" "$1"; }

# --- the format: position and equipment ---------------------------------
cat >"$TMP/bad.cfg" <<'CFG'
version = 1;
name = "Bad";
equipment = ["mat"];
exercises = (
  { name = "A";
    position = "bak";
    hold = 5; }
);
CFG
cp "$TMP/bad.cfg" "$TMP/bad.orig"
$BC check "$TMP/bad.cfg" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "an unknown position: exit 1" test "$rc" = 1
check "... said at its FILE:LINE, with the nearest word" has "$TMP/err" \
	"$TMP/bad.cfg:6: error: unknown position 'bak' (did you mean 'back'?); one of standing, sitting, back, front, side, all-fours, kneeling"
check "... and the file left as it was" cmp -s "$TMP/bad.cfg" "$TMP/bad.orig"
sed -i 's/"bak"/"back"/' "$TMP/bad.cfg"
check "position = \"back\": valid" "$BC" check -q "$TMP/bad.cfg"
sed -i 's/\["mat"\]/"mat"/' "$TMP/bad.cfg"
$BC check "$TMP/bad.cfg" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "equipment must be an array: FILE:LINE" has "$TMP/err" "$TMP/bad.cfg:3: error:"

printf 'version = 1;\nname = "Odd";\nexercises = (\n  { name = "Rolls";\n    alternate = true;\n    reps = 7;\n    hold = 5; }\n);\n' >"$TMP/odd.cfg"
$BC check "$TMP/odd.cfg" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "alternate with 7 reps: an error at its line" eval '[ $rc = 1 ] && has "$TMP/err" \
	"$TMP/odd.cfg:5: error: '"'alternate'"' reps go to each side in turn: every set needs an even number of reps, not 7"'
sed -i 's/reps = 7;/reps = 8;\n    reps_max = 11;/' "$TMP/odd.cfg"
$BC check "$TMP/odd.cfg" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "alternate with reps_max 11: an error at its line" eval '[ $rc = 1 ] && has "$TMP/err" \
	"$TMP/odd.cfg:7: error: '"'reps_max'"' must be even with '"'alternate'"', not 11"'

$BC show mcgill-big3 >"$TMP/show" 2>&1
check "show: what the routine needs" has "$TMP/show" "You need: mat."
check "show: each exercise's position" has "$TMP/show" "   Position: all-fours"
$BC show evening-stretch >"$TMP/show" 2>&1
check "show: two things needed" has "$TMP/show" "You need: mat and towel."

# --- show --script ------------------------------------------------------
$BC show --script --speech off mcgill-big3 >"$TMP/off" 2>"$TMP/err"; rc=$?
check "script, speech off: exit 0" test "$rc" = 0
check "script: a first line naming the routine and the speech" \
	test "$(head -1 "$TMP/off")" = "# McGill Big 3 (mcgill-big3): 14:24, speech off"
bad_lines() { tail -n +2 "$TMP/off" | grep -vE '^[0-9]+:[0-5][0-9](\.[0-9]+)?  backcoach-[a-z0-9-]+$'; }
check "script: every line 'm:ss  event-id', and no words with speech off" \
	test -z "$(bad_lines)"
check "script: starts with the ready cue at 0:00" \
	test "$(sed -n 2p "$TMP/off")" = "0:00  backcoach-ready"
check "script: ends with the session-done cue at the total time" \
	test "$(tail -1 "$TMP/off")" = "14:24  backcoach-session-done"
# the plan's steps, one cue each, and the ticks: the count of each kind
n_go=$(grep -c 'backcoach-go-' "$TMP/off")
check "script: a start cue for every hold (4 exercises, 5+3+1 a side)" \
	test "$n_go" = $((9 + 9 * 2 + 9 * 2))
$BC show --script --speech loud mcgill-big3 >"$TMP/out" 2>"$TMP/err"; rc=$?
check "--speech loud: a usage error" test "$rc" = 2
check "... that says which words" has "$TMP/err" "unknown speech 'loud': use off, names or full"

speech_ok=1
$BC show --script --speech names mcgill-big3 >"$TMP/names" 2>"$TMP/err"
if grep -q 'not available' "$TMP/names"; then
	speech_ok=
	note "espeak-ng not available: the spoken words are not checked"
fi
if [ -n "$speech_ok" ]; then
	# the timeline is the same whatever is said
	check "script: the same cues with speech as without" \
		diff <(tail -n +2 "$TMP/off") <(tail -n +2 "$TMP/names" |
		    grep -v '^# with the start card' | sed 's/  say: .*//')
	for r in $ROUTINES; do
		$BC show --script --speech names "$r" >"$TMP/n.$r"
		$BC show --script --speech full "$r" >"$TMP/f.$r"
		nex=$(grep -c '^    name = ' "$ROOT/routines/$r.cfg")
		said=$(grep -E 'backcoach-(ready|exercise-done|timer-done)  say: ' "$TMP/n.$r" | wc -l)
		check "$r: every exercise's name is said ($said of $nex)" test "$said" = "$nex"
		# full says something wherever names does
		miss=$(diff <(grep -v '^#' "$TMP/n.$r" | grep -n 'say:' | cut -d: -f1) \
		    <(grep -v '^#' "$TMP/f.$r" | grep -n 'say:' | cut -d: -f1) | grep '^<')
		check "$r: full says something at every cue names does" test -z "$miss"
		bare=$(grep -E 'say: .*(Other side: (left|right)\.|Next: .*, (left|right)\.)' "$TMP/n.$r")
		check "$r: never a bare 'left' or 'right'" test -z "$bare"
	done
	n=$TMP/names
	check "names: the side bridge's first side, set and dose" has "$n" \
		'say: "Side bridge, knees down, lie on your side, on your left elbow, set 1 of 3, 5 holds of 8 seconds."'
	check "names: rolling over for the other side" has "$n" \
		'backcoach-switch  say: "Roll over. Other side: on your right elbow."'
	check "names: the bird dog's sides in words of its own" has "$n" \
		'say: "Other side: right arm, left leg."'
	check "names: a rest says how long and what is next" has "$n" \
		'backcoach-rest  say: "Rest 30 seconds. Next: set 2 of 3, left arm, right leg."'
	check "names: a set without sides" has "$n" \
		'backcoach-rest  say: "Rest 30 seconds. Next: set 2 of 3."'
	check "names: the move where the position changes" has "$n" \
		'say: "Bird dog, get onto your hands and knees, left arm, right leg, set 1 of 3, 5 holds of 8 seconds."'
	check "names: 'Last one' before the last hold" has "$n" 'backcoach-relax  say: "Last one"'
	rest_ticks() { grep -A3 'backcoach-rest ' "$n" | grep -c 'backcoach-tick-[123]$'; }
	check "a rest counts down its last 3 seconds" test "$(rest_ticks)" -ge 3
	f=$TMP/f.mcgill-big3
	check "full: the tempo's words" has "$f" 'backcoach-phase-1  say: "Arch"'
	check "full: breathing" grep -q "Breathe normally; don't hold your breath." "$TMP/f.evening-stretch"
	check "full: the cue line" grep -q "your back stays on the floor" "$TMP/f.evening-stretch"
	check "full: the name, what it needs and the stop rules, with the start card" \
		grep -qx '# with the start card, before the session: say: "McGill Big 3. You need: mat. Stop if pain rises 2 points above where you started, or above 5/10 when you started lower, spreads down a leg, or brings new numbness or weakness."' "$f"
	check "names: the name and what it needs, with the start card, no stop rules" \
		grep -qx '# with the start card, before the session: say: "McGill Big 3. You need: mat."' "$n"
fi

# --- lead-ins: 15 s where the position changes ---------------------------
for r in $ROUTINES; do
	$BC show "$r" >"$TMP/plan.$r"
	# "Position:" of each exercise, and its Get ready step's length
	short=$(awk '
		/^[0-9]+\. / { ex++ }
		/^   Position: / { pos[ex] = $2 }
		/Get ready/ { len[ex] = $(NF - 1) }
		END { for (i = 1; i <= ex; i++)
			if (pos[i] != "" && pos[i] != pos[i - 1] && len[i] < 15)
				print i ": " pos[i] " after " pos[i - 1] ", " len[i] " s" }' \
	    "$TMP/plan.$r")
	check "$r: every change of position has a lead-in of 15 s or more" test -z "$short"
done

# --- the start card lists what is needed --------------------------------
prep() { mkdir -p "$TMP/pane-$1/config/backcoach" "$TMP/pane-$1/state/backcoach"
	printf 'pain_prompts = false;\nsound = false;\n' >"$TMP/pane-$1/config/backcoach/config"
	touch "$TMP/pane-$1/state/backcoach/screened"; }
prep card
tmux_new card "$(private_env "$TMP/pane-card") TERM=screen $BC --no-sound start evening-stretch; sleep 600"
T resize-window -t card -x 100 -y 40
expect "the start card" 'Enter begin'
expect "the card says what the routine needs" 'You need: mat and towel\.'
tmux_kill

# --- how each exercise felt: one key each on the end screen ---------------
prep rate
H=$TMP/pane-rate/state/backcoach/history
cp "$ROOT/tests/data/tiny.cfg" "$TMP/two.cfg"
cat >"$TMP/two.cfg" <<'CFG'
version = 1;
name = "Two";
lead_in = 1;
exercises = (
  { name = "First"; hold = 1.5; reps = 2; reps_max = 4; },
  { name = "Second"; hold = 1.5; reps = 2; reps_max = 4; }
);
CFG
# (at 10 times the speed: BACKCOACH_TEST_TIME_SCALE, src/app/loop.c; only
# the end screen is looked at)
tmux_new rate "$(private_env "$TMP/pane-rate") BACKCOACH_TEST_TIME_SCALE=10 TERM=screen $BC --no-sound start $TMP/two.cfg; echo EXIT=\$?; sleep 600"
T resize-window -t rate -x 100 -y 30
wait_for 'Enter begin' 5 && key Enter
wait_for 'A note on this session' 20 && key Enter
expect "the end screen asks how the first exercise was" 'How was First\? 1 too easy, 2 about right, 3 too hard, 4 it hurt' 5
check "... with the keys in the footer" shows '1-4 rate'
key 1
expect "1: the first is too easy" 'First +completed .*, too easy' 3
check "... and the second is asked" shows 'How was Second\?'
key 4
expect "4: the second hurt" 'Second +completed .*, it hurt' 3
check "all rated: no more question" wait_gone 'How was ' 3
key q
expect "q leaves" '^EXIT=0' 5
check "the history has an F line for each, with its session id" eval '[ "$(grep -c "^F	" "$H")" = 2 ] &&
	grep -qE "	1	easy	[0-9a-f]{16}$" "$H" && grep -qE "	2	hurt	[0-9a-f]{16}$" "$H"'
check "the history is version 4" grep -q '^#backcoach-history 4$' "$H"
XDG_STATE_HOME=$TMP/pane-rate/state XDG_CONFIG_HOME=$TMP/pane-rate/config \
    $BC report --format json -o - >"$TMP/report.json" 2>"$TMP/report.err"
rated() { jq -r '.feedback | map(.exercise + ": " + .feedback) | sort | join("; ")' "$TMP/report.json"; }
check "the report lists both ratings" test "$(rated)" = "First: too easy; Second: it hurt"
tmux_kill

# An ice pack's summary is in pack words: no exercises counted, no
# "exercising" (a minute at 30 times the speed).
prep pack
tmux_new pack "$(private_env "$TMP/pane-pack") BACKCOACH_TEST_TIME_SCALE=30 TERM=screen $BC --no-sound ice 1; echo EXIT=\$?; sleep 600"
T resize-window -t pack -x 100 -y 30
wait_for 'Enter begin' 5 && key Enter
wait_for 'A note on this session' 20 && key Enter
expect "an ice pack's summary: the pack on for its time" 'the pack on for [0-9]+:[0-9][0-9]' 5
check "... with no exercises counted, nor exercising" lacks 'Exercises: |exercising'
key q
expect "... and q leaves" '^EXIT=0' 5
tmux_kill
# two good sessions before it: a step up, but not for the one that hurt
d2=$(date -d '2 days ago' +%F)
d3=$(date -d '3 days ago' +%F)
# sessions STATUS REASON WORKED DAY...: S lines of "two", each with its
# next morning "same"
sessions() {
	local st=$1 why=$2 worked=$3 d done=2
	shift 3
	[ "$worked" != 0 ] || done=0
	for d in "$@"; do
		printf 'S\t%sT08:00:00+00:00\t60\ttwo\tTwo\t%s\t%s\t%s\t0\t2\t%s\t2\t2\t\t\t\t2\texercise\n' \
		    "$d" "$st" "$why" "$done" "$worked"
		printf 'N\t%sT08:00:00+00:00\ttwo\tsame\n' "$d"
	done
}
{ printf '#backcoach-history 4\n'
  sessions completed completed 6 "$d3" "$d2"
  printf 'F\t%sT08:00:00+00:00\ttwo\t1\teasy\n' "$d2"
  printf 'F\t%sT08:00:00+00:00\ttwo\t2\thurt\n' "$d2"
} >"$TMP/h2"
cp "$TMP/h2" "$H"
XDG_STATE_HOME=$TMP/pane-rate/state XDG_CONFIG_HOME=$TMP/pane-rate/config $BC progress "$TMP/two.cfg" >"$TMP/prog" 2>&1
check "progress: how each felt" has "$TMP/prog" 'How each felt the last time you rated it: First too easy; Second it hurt.'
check "progress: a step up for the one rated too easy" has "$TMP/prog" '- First: 3 reps of 1.5 s holds (now 2 reps of 1.5 s holds); last time you rated it "too easy".'
check "progress: none for the one that hurt" has "$TMP/prog" '- Second: 2 reps of 1.5 s holds again, no more: last time you rated it "it hurt".'
check "progress: one exercise at a time" eval '[ "$(grep -c "^- .*(now " "$TMP/prog")" = 1 ]'
# a step up at most once a week: a change 5 days ago holds the next one
d5=$(date -d '5 days ago' +%F)
d8=$(date -d '8 days ago' +%F)
week() {
	{ printf '#backcoach-history 4\n'
	  printf 'D\t%sT07:00:00+00:00\ttwo\t1\tFirst\t2\t1.5\t2\t1.5\tup\n' "$1"
	  tail -n +2 "$TMP/h2"; } >"$H"
	XDG_STATE_HOME=$TMP/pane-rate/state XDG_CONFIG_HOME=$TMP/pane-rate/config \
	    $BC progress "$TMP/two.cfg" >"$TMP/prog" 2>&1
}
week "$d5"
check "a dose changed 5 days ago: no step up yet" has "$TMP/prog" \
	'Your dose changed less than a week ago: repeat it for now; one step up a week at most.'
week "$d8"
check "... 8 days ago: the step up" has "$TMP/prog" '- First: 3 reps of 1.5 s holds (now 2 reps'
# never in a flare: pain of 7 before another routine's session 4 days ago
d4=$(date -d '4 days ago' +%F)
flare() {
	{ cat "$TMP/h2"
	  printf 'S\t%sT08:00:00+00:00\t60\tdesk-break\tDesk break\tcompleted\tcompleted\t3\t0\t3\t60\t%s\t\t\t\t\t%s\texercise\n' "$d4" "$1" "$1"
	} >"$H"
	XDG_STATE_HOME=$TMP/pane-rate/state XDG_CONFIG_HOME=$TMP/pane-rate/config \
	    $BC progress "$TMP/two.cfg" >"$TMP/prog" 2>&1
}
flare 7
check "pain 7 before a session this week: no step up" has "$TMP/prog" \
	'In the last week your pain was 6 or more before a session, a session or exercise stopped for pain, or you did a flare-up routine: no step up until a week without that.'
check "... and no change listed" eval '! grep -q "(now " "$TMP/prog"'
flare 2
check "pain 2 before it: the step up" has "$TMP/prog" '- First: 3 reps of 1.5 s holds (now 2 reps'
# a session stopped for pain this week, with pain 2 before it: a flare too
{ cat "$TMP/h2"
  printf 'S\t%sT08:00:00+00:00\t60\tdesk-break\tDesk break\tstopped\tpain\t1\t0\t3\t30\t2\t\t\t\t\t6\texercise\n' "$d4"
} >"$H"
XDG_STATE_HOME=$TMP/pane-rate/state XDG_CONFIG_HOME=$TMP/pane-rate/config \
    $BC progress "$TMP/two.cfg" >"$TMP/prog" 2>&1
check "a session stopped for pain this week: no step up" eval \
	'has "$TMP/prog" "a session or exercise stopped for pain" && has "$TMP/prog" "no step up until" && ! grep -q "(now " "$TMP/prog"'

# --- pain of 4 reported when a step up is due: "less", never "more" too ----
flare 2
tmux_new gently "$(private_env "$TMP/pane-rate") TERM=screen $BC --no-sound start $TMP/two.cfg; echo EXIT=\$?; sleep 600"
T resize-window -t gently -x 100 -y 40
wait_for 'Enter begin' 5 && key Enter
wait_for 'Get ready' 5 && key Space && wait_for 'Paused' 3 && chars p
wait_for 'Pain now, 0-10\?' 3 && chars 4 && key Enter
wait_for 'spread down a leg' 3 && chars n
wait_for 'new numbness' 3 && chars n
wait_for 'weakness in one leg' 3 && chars n
wait_for 'go on gently' 3 && key Enter
wait_for 'Paused' 3 && key Space
wait_for 'A note on this session' 20 && key Enter
expect "pain 4 during it: the summary says less if it has not settled" 'if it has not' 5
check "... and no more reps suggested as well" lacks 'one step more|one more rep'
key q
tmux_kill

# --- a session quit at once is not counted ------------------------------
prep quit
QH=$TMP/pane-quit/state/backcoach/history
tmux_new quit "$(private_env "$TMP/pane-quit") TERM=screen $BC --no-sound start $TMP/two.cfg; echo EXIT=\$?; sleep 600"
T resize-window -t quit -x 100 -y 30
wait_for 'Enter begin' 15 && key Enter
wait_for 'Get ready' 10 && key q && wait_for 'Quit this session' 10 && key y
wait_for 'A note on this session' 10 && key Enter
expect "quit at once: the summary says it ended early" 'Session ended early \(partial\)' 5
check "... and asks no rating: nothing was done" wait_gone 'How was ' 2
key q
expect "... and leaves" '^EXIT=0' 5
check "quit at once: recorded as partial, nothing worked" \
	grep -qE '^S	[^	]*	[0-9]+	two	Two	partial	quit	0	' "$QH"
tmux_kill
# two such sessions and a good morning: still not ready for more
q2=$(date -d '2 days ago' +%F)
q1=$(date -d '1 day ago' +%F)
{ printf '#backcoach-history 4\n'; sessions partial quit 0 "$q2" "$q1"; } >"$QH"
XDG_STATE_HOME=$TMP/pane-quit/state XDG_CONFIG_HOME=$TMP/pane-quit/config \
    $BC progress "$TMP/two.cfg" >"$TMP/prog" 2>&1
check "sessions quit at once never count towards a step up" has "$TMP/prog" 'Repeat this dose'
XDG_STATE_HOME=$TMP/pane-quit/state XDG_CONFIG_HOME=$TMP/pane-quit/config \
    $BC stats >"$TMP/stats" 2>&1
no_streak() { grep -q '^  current: 0 days$' "$TMP/stats" &&
	grep -q 'ended before anything was done (not counted): 2' "$TMP/stats"; }
check "... nor towards a streak: 0 days, both 'not counted'" no_streak


# --- said aloud, to a log: side, set and what is next ---------------------
# A two-sided routine of two sets, played with speech on into a private
# PulseAudio's null sink (at 4 times the speed: BACKCOACH_TEST_TIME_SCALE),
# each phrase written as it starts to sound (BACKCOACH_TEST_SPEECH_LOG,
# a test hook).  The log is what a person with closed eyes heard: the
# side and the set at each side of each set, and the rest saying what
# comes next, in the order `show --script` plans.
SP=$TMP/pane-speech
private_env --runtime "$SP" >/dev/null
export XDG_RUNTIME_DIR=$SP/run
unset PULSE_SERVER PULSE_SINK
mkdir -p "$SP/config/backcoach" "$SP/state/backcoach"
printf 'pain_prompts = false;\nspeech = "names";\n' >"$SP/config/backcoach/config"
touch "$SP/state/backcoach/screened"
cat >"$TMP/sides.cfg" <<'CFG'
version = 1;
name = "Sides";
lead_in = 5;
rest = 15;
exercises = (
  { name = "Side bridge"; position = "side"; hold = 2; reps = 2; sets = 2;
    sides = true; }
);
CFG
$BC show --script --speech names "$TMP/sides.cfg" |
	sed -n 's/.*  say: "\(.*\)"$/\1/p' >"$TMP/planned"
if [ -z "$speech_ok" ]; then
	note "espeak-ng not available: nothing is said to log"
elif ! command -v pulseaudio >/dev/null; then
	note "no pulseaudio: the spoken log is not checked"
elif pulse_start; then
	tmux_new speech "$(private_env --runtime "$SP") BACKCOACH_TEST_TIME_SCALE=4 \
	    BACKCOACH_TEST_SPEECH_LOG=$TMP/said TERM=screen $BC start $TMP/sides.cfg; echo EXIT=\$?; sleep 600"
	wait_for 'Enter begin' 10 && key Enter
	check "speech: the session runs to its end" wait_for 'A note on this session' 60
	key Enter
	wait_for 'Enter/q/Esc leave' 10
	key q
	wait_for '^EXIT=' 5
	tmux_kill
	pulse_stop
	on_failure eval 'echo "said:"; cat "$TMP/said"; echo "planned:"; cat "$TMP/planned"'
	check "speech: every phrase show --script plans was said, in order" \
		diff "$TMP/planned" "$TMP/said"
	check "speech: the first set's first side, with the set: left, set 1 of 2" \
		test "$(sed -n 1p "$TMP/said")" = "Side bridge, lie on your side, left side, set 1 of 2, 2 holds of 2 seconds."
	check "speech: each set's second side said at its switch (2 times)" \
		test "$(grep -c '^Roll over. Other side: right side.$' "$TMP/said")" = 2
	check "speech: the rest says how long and what is next: set 2 of 2, left side" \
		grep -qx 'Rest 15 seconds. Next: set 2 of 2, left side.' "$TMP/said"
	check "speech: the sides in the order done: left, right, left, right" \
		test "$(grep -Eo '(left|right) side' "$TMP/said" | tr '\n' ' ')" = "left side right side left side right side "
	check "speech: never a bare left or right" eval '! grep -Eiw "left|right" "$TMP/said" | grep -Eiv "(left|right) side"'
	on_failure
else
	not_ok "speech: a private PulseAudio for the spoken log (see $TMP/pa.err)"
fi

finish
