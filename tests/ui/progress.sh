#!/bin/bash
# tests/ui/progress.sh - a coach that adapts, as a person meets it: a history
# of good sessions and a morning no worse, then `backcoach progress` and
# --apply; the next-morning question in the full screen, once a day, with
# the change offered and accepted or refused; ceilings, the starting dose,
# a routine with no ceiling; what counts in stats and "last done"; the
# bed-and-chair routine run.  Prints a TAP line per check and
# "progress.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
BC="$ROOT/backcoach"
need_built "$BC"
need tmux jq
H="$TMP/home"
private_home "$H"
U="$H/config/backcoach/routines"
HIST="$H/state/backcoach/history"
mkdir -p "$H/state/backcoach"

run() { "$BC" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
show_run() { echo "status $rc"; cat "$TMP/out" "$TMP/err"; }
on_failure show_run
has() { grep -qF -- "$1" "$TMP/out"; }

d2=$(date -d '2 days ago' +%F)
d1=$(date -d '1 day ago' +%F)
# session ID DATE [PAIN-MAX [STATUS REASON]]: a v3 S line, 500 s worked,
# the routine named as its file names it
session() {
	local name
	name=$(sed -n 's/^name = "\(.*\)";$/\1/p' "routines/$1.cfg" "$U/$1.cfg" 2>/dev/null | head -1)
	printf 'S\t%sT08:00:00+00:00\t660\t%s\t%s\t%s\t%s\t4\t0\t4\t500\t3\t2\t\t\t\t%s\texercise\n' \
	    "$2" "$1" "${name:-$1}" "${4:-completed}" "${5:-completed}" "${3:-4}"
}
next_day() { printf 'N\t%sT08:00:00+00:00\t%s\t%s\n' "$2" "$1" "$3"; }
history() { { printf '#backcoach-history 3\n'; cat; } >"$HIST"; chmod 600 "$HIST"; }

# --- progress: two good sessions and a morning no worse -------------------
{ session gentle-flare-up "$d2"; session gentle-flare-up "$d1"; next_day gentle-flare-up "$d1" same; } | history
cp routines/gentle-flare-up.cfg "$TMP/bundled.orig"
run progress gentle-flare-up
check "progress: exit 0" test $rc = 0
check "progress: the reason" has "completed with pain at 5 or less, and your back was no worse the next morning"
check "progress: one more rep per set, with the dose now" \
	has "- Back extension on your elbows: 9 reps of 5 s holds (now 8 reps of 5 s holds)."
check "progress: one exercise at a time, the others wait" \
	has "- Knee rolls: 8 reps of 5 s holds again, for now: one exercise at a time."
check "progress: the limits of each exercise" has "8 reps of 5 s holds; at most 10 reps a set; holds of at most 10 s"
check "progress: the sessions read, with the next morning" has "completed, pain 3 -> 2, highest 4 during it, next morning: same"
check "progress: how to apply it" has "'backcoach progress --apply gentle-flare-up' makes this change."
check "progress: no file written by looking" test ! -e "$U/gentle-flare-up.cfg"
run show gentle-flare-up
check "show: the next step, and where to see it" \
	has "Next step (backcoach progress gentle-flare-up): Your last two sessions were completed"

run progress --apply gentle-flare-up
check "--apply: exit 0, says where" eval '[ $rc = 0 ] && has "Saved the new dose in $U/gentle-flare-up.cfg."'
check "--apply: the bundled routine untouched" cmp -s routines/gentle-flare-up.cfg "$TMP/bundled.orig"
applied() {
	diff <(sed 's/reps = [0-9]*;/reps = N;/' routines/gentle-flare-up.cfg) \
	    <(sed 's/reps = [0-9]*;/reps = N;/' "$U/gentle-flare-up.cfg") &&
	    [ "$(grep -c 'reps = 9;' "$U/gentle-flare-up.cfg")" = 1 ] &&
	    [ "$(grep -c 'reps = 8;' "$U/gentle-flare-up.cfg")" = 2 ] &&
	    grep -q '^    reps = 5;                 # NHS inform: start with 5$' "$U/gentle-flare-up.cfg"
}
check "--apply: only the reps changed, comments kept" applied
check "--apply: one D line in the history: one exercise at a time" test "$(grep -c '^D	' "$HIST")" = 1
run show gentle-flare-up
check "show: the new dose" has "rep 9/9"
run progress gentle-flare-up
check "after a change the count starts again: repeat" \
	eval 'has "Repeat this dose" && has "Changes made so far:" && has "Back extension on your elbows: 8 reps of 5 s holds -> 9 reps of 5 s holds (a step up)"'
check "after a change: where each exercise started" has "started at 8 reps of 5 s holds"
run progress --apply gentle-flare-up
check "--apply with nothing to change: exit 1, file kept" \
	eval '[ $rc = 1 ] && grep -q "no change of dose to make" "$TMP/err" && [ "$(grep -c "reps = 9;" "$U/gentle-flare-up.cfg")" = 1 ]'

# --- a worse morning: one step back, never below the start ----------------
{ cat "$HIST"; session gentle-flare-up "$d1"; next_day gentle-flare-up "$d1" worse; } >"$TMP/h" && mv "$TMP/h" "$HIST"
run progress gentle-flare-up
check "worse the next morning: one step back" eval 'has "one step back" && has "- Back extension on your elbows: 8 reps of 5 s holds (now 9 reps of 5 s holds)."'
run progress --apply gentle-flare-up
check "step back applied: back to the start" test "$(grep -c 'reps = 8;' "$U/gentle-flare-up.cfg")" = 3
{ cat "$HIST"; session gentle-flare-up "$d1" 7; } >"$TMP/h" && mv "$TMP/h" "$HIST"
run progress gentle-flare-up
check "pain 7 during it, at the start: no lower, the easier version named" \
	has "- Back extension on your elbows: 8 reps of 5 s holds, the dose it started with; if that is too much, the easier version: Lying on your front."

# --- ceilings and routines without one ---------------------------------------
mkdir -p "$U"
cat >"$U/mine.cfg" <<'EOF'
version = 1;
name = "Mine";
exercises = (
  { name = "At the top"; hold = 2; reps = 10; reps_max = 10;
    harder = ["Longer hold", "Hold each one a little longer."]; },
  { name = "No limit"; hold = 2; reps = 5; }
);
EOF
cp "$U/mine.cfg" "$TMP/mine.orig"
{ session mine "$d2"; session mine "$d1"; next_day mine "$d1" better; } | history
run progress mine
check "at its ceiling: said, with the harder version" \
	has "- At the top: 10 reps of 2 s holds is the most its routine allows; try the harder version: Longer hold."
check "no ceiling: a suggestion, left to the person" \
	has "- No limit: 6 reps of 2 s holds (now 5 reps of 2 s holds), if it feels right: its routine sets no limit"
run progress --apply mine
check "nothing that may be applied: exit 1, the routine unchanged" \
	eval '[ $rc = 1 ] && cmp -s "$U/mine.cfg" "$TMP/mine.orig"'

# The flare-up routine done this week: a bad day, so no step up of another
# routine (its own dose grows by the ordinary rule, as above).
{ session mine "$d2"; session gentle-flare-up "$d2"; session mine "$d1"; next_day mine "$d1" better; } | history
run progress mine
check "the flare-up routine done this week: no step up of another routine" \
	eval 'has "or you did a flare-up routine: no step up until a week without that." && ! has "6 reps of 2 s holds (now"'
{ session mine "$d2"; session flare-up-off-back "$d1"; session mine "$d1"; next_day mine "$d1" better; } | history
run progress mine
check "... and its version off the back, the same" has "or you did a flare-up routine: no step up until a week without that."
{ session mine "$d2"; session mine "$d1"; next_day mine "$d1" better; } | history

# One exercise at a time: none rated, so the one done in full most often
# (every rep planned done) is the one stepped up, and progress says why.
cat >"$U/pair.cfg" <<'EOF'
version = 1;
name = "Pair";
exercises = (
  { name = "First one"; hold = 2; reps = 5; reps_max = 10; },
  { name = "Second one"; hold = 2; reps = 5; reps_max = 10; }
);
EOF
# ex DATE N NAME REPS-DONE: an E line of pair's session of DATE
ex() { printf 'E\t%sT08:00:00+00:00\tpair\t%s\t%s\tpartial\t1\t1\t%s\t5\t20\n' "$1" "$2" "$3" "$4"; }
d3=$(date -d '3 days ago' +%F)
{ session pair "$d3"; ex "$d3" 1 "First one" 4; ex "$d3" 2 "Second one" 5
  session pair "$d2"; ex "$d2" 1 "First one" 5; ex "$d2" 2 "Second one" 5
  session pair "$d1"; ex "$d1" 1 "First one" 5; ex "$d1" 2 "Second one" 5
  next_day pair "$d1" same; } | history
run progress pair
check "one at a time: the one done in full most often is stepped up" \
	eval 'has "- Second one: 6 reps of 2 s holds (now 5 reps of 2 s holds)." && has "- First one: 5 reps of 2 s holds again, for now: one exercise at a time."'
check "progress explains the choice: too easy, then done in full" \
	has 'Chosen of those ready for more: rated "too easy" 0 times, done in full in 3 sessions (the one most often rated too easy, then most often done in full).'
# Only the work done counts: an exercise with a rep not done in one of the
# last two sessions is not stepped up, however the session ended.
{ session pair "$d2"; ex "$d2" 1 "First one" 4; ex "$d2" 2 "Second one" 5
  session pair "$d1"; ex "$d1" 1 "First one" 5; ex "$d1" 2 "Second one" 5
  next_day pair "$d1" same; } | history
run progress pair
check "a rep not done in the last two sessions: no step up for it" \
	has "- First one: 5 reps of 2 s holds again: not every rep of it was done in your last two sessions; the step up waits until they are."
{ session pair "$d2"; ex "$d2" 1 "First one" 4; ex "$d2" 2 "Second one" 3
  session pair "$d1"; ex "$d1" 1 "First one" 5; ex "$d1" 2 "Second one" 5
  next_day pair "$d1" same; } | history
run progress pair
check "... and with neither done in full, nothing is stepped up" \
	eval '! has "(now 5 reps" && has "- Second one: 5 reps of 2 s holds again: not every rep"'
{ session pair "$d2"; ex "$d2" 1 "First one" 5; ex "$d2" 2 "Second one" 4
  session pair "$d1"; ex "$d1" 1 "First one" 5; ex "$d1" 2 "Second one" 5
  next_day pair "$d1" same; } | history
run progress pair
check "... and the other way round" has "- First one: 6 reps of 2 s holds (now 5 reps of 2 s holds)."

# show FILE names the progress command that works: by the file, not an id
# no routine directory has.
cp tests/data/tiny.cfg "$TMP/loose.cfg"
run show "$TMP/loose.cfg"
cmdline=$(sed -n 's/^Next step (\(backcoach progress [^)]*\)):.*/\1/p' "$TMP/out")
check "show FILE: the progress command it suggests names the file" test "$cmdline" = "backcoach progress $TMP/loose.cfg"
run progress "$TMP/loose.cfg"
check "and that command works" test $rc = 0

# A pain score that was skipped is shown as a dash, never as -1.
{ printf 'S\t%sT08:00:00+00:00\t660\tmine\tMine\tcompleted\tcompleted\t2\t0\t2\t500\t3\t\t\t\t\t\texercise\n' "$d1"; } | history
LC_ALL=C.UTF-8 "$BC" progress mine >"$TMP/out" 2>"$TMP/err"
check "progress: a skipped pain after is shown as —" has "completed, pain 3 -> —, next morning"
LC_ALL=C "$BC" progress mine >"$TMP/out" 2>"$TMP/err"
check "progress: and as - without UTF-8" has "completed, pain 3 -> -, next morning"
check "progress: never -1" eval '! grep -qE "(pain|->) -1" "$TMP/out"'

# --- the change cannot be recorded: made once or not at all ------------------
# The history is near the file size limit: refused before anything is
# changed.
rm -f "$U/gentle-flare-up.cfg"
{ session gentle-flare-up "$d2"; session gentle-flare-up "$d1"; next_day gentle-flare-up "$d1" same
  for i in $(seq 1000); do echo "# padding to pass the size limit, line $i"; done; } | history
cp "$HIST" "$TMP/hist.orig"
out=$( (ulimit -f 24; "$BC" progress --apply gentle-flare-up 2>&1; echo "rc=$?") )
printf '%s\n' "$out" >"$TMP/out"
not_applied() {
	grep -q '^rc=1$' "$TMP/out" && [ ! -e "$U/gentle-flare-up.cfg" ] &&
	    grep -q "$1" "$TMP/out" && cmp -s "$HIST" "$TMP/hist.orig"
}
check "--apply when the history has no room: nothing changed, said why" \
	not_applied "the file size limit (ulimit -f) leaves no room"
# The dose line cannot be written once the routine is changed (another
# program holds the history's lock past the 10 s wait): the dose change
# is undone, so the next --apply does not raise it a second time.
flock -x "$HIST" sleep 30 & holder=$!
poll 5 eval '! flock -n -x "$HIST" true'
out=$("$BC" progress --apply gentle-flare-up 2>&1; echo "rc=$?")
printf '%s\n' "$out" >"$TMP/out"
kill $holder 2>/dev/null; wait $holder 2>/dev/null
check "--apply when the change cannot be recorded: undone, said why" \
	not_applied "the change could not be recorded in the history, so it was undone"
run progress --apply gentle-flare-up
check "then, with the history writable, it is applied once (one exercise: one reps = 9, one D line)" \
	eval '[ $rc = 0 ] && [ "$(grep -c "reps = 9;" "$U/gentle-flare-up.cfg")" = 1 ] && [ "$(grep -c "^D	" "$HIST")" = 1 ]'

# --- the next-morning question, full screen ----------------------------------
rm -f "$U/gentle-flare-up.cfg"
{ session gentle-flare-up "$d2"; session gentle-flare-up "$d1"; next_day gentle-flare-up "$d2" same; } | history
red_flags_answered "$H"
start() {
	T kill-session -t p >/dev/null 2>&1
	rm -f "$TMP/rc"
	tmux_new p "cd '$ROOT'; $(private_env "$H") TERM=screen ./backcoach $*; echo \$? >'$TMP/rc'; sleep 60"
}
rc_is() { test "$(cat "$TMP/rc" 2>/dev/null)" = "$1"; }
on_failure screen
start
expect "the first run of the day asks about yesterday's session" \
	'How is your back today, compared with before your last session'
check "it names the routine and when" wait_for '\(Gentle flare-up, yesterday\)' 1
chars 2; key Enter
expect "'the same': the change is offered" 'Change the routine to one step more\?'
check "the offer says what would change" wait_for 'Back extension on your elbows: 9 reps of 5 s holds' 1
chars n
expect "refused: the picker" '^backcoach: choose a routine'
check "refused: nothing written" test ! -e "$U/gentle-flare-up.cfg"
check "the answer recorded as an N line (no session id: its session, of version 3, has none)" grep -q "^N	${d1}T08:00:00+00:00	gentle-flare-up	same	$" "$HIST"
check "the picker says the routine is ready for more" \
	wait_for "Ready for one step more: see 'backcoach progress gentle-flare-up'" 2
key q
check "q: exit 0" poll 5 rc_is 0
start
expect "asked once: the second run goes straight to the picker" '^backcoach: choose a routine'
check "asked once: no question" lacks 'How is your back today'
key q
poll 5 rc_is 0

# answered and accepted
sed -i '/^N	/d' "$HIST"
start
expect "asked again once the answer is gone" 'How is your back today'
chars 1; key Enter
expect "'better': offered" 'Change the routine to one step more\?'
chars y
expect "accepted: saved, and where" 'The new dose is saved'
check "accepted: the user's copy has it" test "$(grep -c 'reps = 9;' "$U/gentle-flare-up.cfg" 2>/dev/null)" = 1
key Enter
expect "then the picker" '^backcoach: choose a routine'
check "the picker no longer offers more" lacks 'Ready for one step more'
key q
poll 5 rc_is 0

# Esc puts the question aside, once
printf '' >"$HIST"
{ session desk-break "$d1"; } | history
start
expect "Esc: the question" 'How is your back today'
key Escape
expect "Esc: the picker" '^backcoach: choose a routine'
check "Esc: recorded as skipped" grep -q "	desk-break	skipped	$" "$HIST"
key q
poll 5 rc_is 0

# --- the bed-and-chair routine runs -------------------------------------------
printf '' >"$HIST"
start start bed-and-chair
begin
expect "bed-and-chair: the pain question" 'Pain now, 0-10'
key Enter
expect "bed-and-chair: its first exercise, on the bed" 'Knee rolls on the bed'
key q
expect "bed-and-chair: quit asks" 'Quit'
chars y
expect "bed-and-chair: the pain after" 'Pain now, 0-10\? \(after'
key Escape
expect "bed-and-chair: the note" 'A note on this session'
key Escape
expect "bed-and-chair: the summary" 'Session ended early'
key q
check "bed-and-chair: exit 0" poll 10 rc_is 0

# --- the Big 3's ceilings: holds grow to 10 s (McGill), then the harder form --
rm -f "$U/mcgill-big3.cfg"
{ session mcgill-big3 "$d2"; session mcgill-big3 "$d1"; next_day mcgill-big3 "$d1" same; } | history
run progress mcgill-big3
check "Big 3: a hold grows by a second, within its 10 s ceiling" \
	eval 'has "holds of at most 10 s" && has "5/3/1 reps of 9 s holds (now 5/3/1 reps of 8 s holds)" &&
	    has "'"'"'backcoach progress --apply mcgill-big3'"'"' makes this change."'
mkdir -p "$U"
sed 's/hold = 8; /hold = 10;/' routines/mcgill-big3.cfg >"$U/mcgill-big3.cfg"
run progress mcgill-big3
check "Big 3 at 10 s holds: the most it allows, and the harder forms named" \
	eval 'has "Bird dog: 5/3/1 reps of 10 s holds is the most its routine allows; try the harder version: Bird dog, drawing squares." &&
	    has "Side bridge, knees down: 5/3/1 reps of 10 s holds is the most its routine allows; try the harder version: Side bridge on your feet." &&
	    ! has "makes this change"'
rm -f "$U/mcgill-big3.cfg"

# --- what counts ---------------------------------------------------------------
future=$(date -d '+3 days' +%F)
{
	session desk-break "$d2"
	session desk-break "$d1" 6 stopped pain
	printf 'S\t%sT09:00:00+00:00\t60\tdesk-break\tDesk break\tpartial\tskipped\t0\t3\t3\t0\t\t\t\t\t\t\texercise\n' "$d1"
	printf 'S\t%sT08:00:00+00:00\t900\theat-pack\tHeat pack\tcompleted\tcompleted\t1\t0\t1\t900\t\t\t\t\t\t\tpack\n' "$d1"
	session desk-break "$future"
} | history
run stats
check "stats: the sessions done, the stop, the empty one, the pack and the future one apart" \
	eval 'has "all time: 1 session, 1 completed, 11 minutes" && has "stopped for your back'"'"'s sake (not counted above): 1" &&
	    has "ended before anything was done (not counted): 1" && has "ice and heat packs (no exercise, not counted): 1, 15 minutes" &&
	    has "dated after today, so not counted anywhere: 1"'
start
expect "picker" '^backcoach: choose a routine'
check "last done: the stop and the empty session are not it" wait_for 'Desk break +[0-9:]+ +2 days ago' 2
key q
poll 5 rc_is 0

finish
