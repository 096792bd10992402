#!/bin/bash
# tests/safety.sh - the safety screens as a person meets them, in a
# private tmux server: the risk factors asked once, the red-flag pages
# that must be read to the end, which one after a yes and its advice, the
# "checked by a doctor" answer, Esc that leaves, the start card of every
# bundled routine, pain reported with p, and the ice and heat limits.
# Every wait polls the screen up to a deadline.  Run by `make check`.
. "$(dirname "$0")/lib.sh"
need_built backcoach build/keys_dump
need tmux jq
on_failure screen               # a failed check shows the screen as it was

H=$TMP/home
private_home "$H"
CONF=$H/config/backcoach/config
STAMP=$H/state/backcoach/screened
mkdir -p "$H/config/backcoach" "$H/state/backcoach"

json() { ./backcoach history --format json; }
records() { json | jq length; }
# For poll: these read what they check each time.
rc_is() { test "$(cat "$TMP/rc" 2>/dev/null)" = "$1"; }
# start [-s WxH] ARGS...: backcoach ARGS in a fresh pane (80x24, or
# WxH); the exit status is left in $TMP/rc.
start() {
	local size=
	if [ "$1" = -s ]; then size=$2; shift 2; fi
	T kill-session -t t >/dev/null 2>&1
	rm -f "$TMP/rc"
	tmux_new t "cd '$ROOT'; ./backcoach $*; echo \$? >'$TMP/rc'; sleep 60"
	[ -z "$size" ] || T resize-window -t t -x "${size%x*}" -y "${size#*x}"
}
# due: the red flags to be asked again.
due() { rm -f "$STAMP"; }
# quit_session: q, y, the questions after skipped, the summary left.
quit_session() {
	key q && wait_for 'Quit this session' 3 && key y &&
	    wait_for 'Pain now, 0-10\? \(after' 5 && key Enter &&
	    wait_for 'A note on this session' 5 && key Enter &&
	    wait_for 'Enter/q/Esc leave' 5 && key q
}
# In the history: the last session's field F.
last() { json | jq -r ".[-1].$1"; }

# --- the risk factors, asked before the first session ---------------------
start start tests/data/tiny.cfg
begin
expect "first run: the risk factors" 'Before your first session'
check "they are said not to stop anyone" wait_for 'not a reason to stop' 1
chars 3
expect "3 marks osteoporosis" '\[x\] Osteoporosis'
key Enter
check "saved to the settings file" poll 3 grep -q 'risk_factors = \["osteoporosis"\];' "$CONF"
expect "then the urgent red flags" 'new, or getting worse, and not normal for you'
check "osteoporosis adds the fall or knock" wait_for 'fall or knock, even a small one' 1
chars n
expect "then the same-day ones" 'And does any of this apply'
check "but not the changed pain (cancer, steroids, immune)" lacks 'different from your usual'
chars n
expect "then the pain before" 'Pain now, 0-10'
key Enter
expect "and the session (Enter alone: no score)" 'Test brief hold'
out=$(./backcoach check --config 2>&1)
check "check --config shows them" grep -q 'risk factors: osteoporosis' <<<"$out"
printf 'risk_factors = ["cancer"];\n' >"$CONF"
due
start start tests/data/tiny.cfg
begin
expect "asked once: straight to the red flags" 'new, or getting worse'
check "cancer adds no fall or knock" lacks 'fall or knock'
chars n
expect "same day, with cancer" 'And does any of this apply'
check "cancer adds the changed pain" wait_for 'different from your usual' 1
chars y
expect "which one" 'Which one\? Press its number \(1 to 7\)'
chars 7
expect "under cancer care: the acute oncology line" 'acute oncology line'
key Enter
check "stopped: exit 0" poll 5 rc_is 0
check "recorded: stopped, red-flag, changed_pain" \
	test "$(json | jq -r '.[-1] | "\(.status) \(.reason) \(.red_flag)"')" = "stopped red-flag changed_pain"

# --- every question seen before an answer counts; Esc leaves --------------
printf 'risk_factors = [];\n' >"$CONF"
due
n0=$(records)
start -s 40x12 start tests/data/tiny.cfg
begin
expect "40x12: the urgent page" 'is any of this new'
check "40x12: more below, said" wait_for 'more below' 1
chars n
expect "n before the end: refused, and why" 'read to the end first'
check "40x12: still the urgent page" shows 'is any of this new'
key End
chars n
expect "at the end, n counts" 'And does any of this'
key End
chars y
expect "y: which one" 'Which one'
key Escape
check "Esc at which one: back to the question" wait_gone 'Which one' 2
key Escape
check "Esc: the session is cancelled, exit 0" poll 5 rc_is 0
check "Esc: nothing recorded" test "$(records)" = "$n0"
check "Esc: the questions are still due" test ! -e "$STAMP"
start -s 20x6 start tests/data/tiny.cfg
begin
expect "20x6: asks for a bigger terminal" 'Terminal too small'
chars n
check "20x6: n is not an answer" wait_for 'Terminal too small' 1
key Escape
check "20x6: Esc leaves" poll 5 rc_is 0

# --- each urgent item's advice: now, the number, do not drive ---------------
i=0
for id in chest_pain serious_accident saddle bladder bowel both_legs sexual; do
	i=$((i + 1))
	due
	start start tests/data/tiny.cfg
	begin
	wait_for 'new, or getting worse' 5
	chars y
	wait_for 'Which one' 3
	chars $i
	expect "$id: get help now" 'Please get help now'
	check "$id: call 112 (no country in the locale) or go to A&E" wait_for 'call 112 or go to A&E' 1
	check "$id: do not drive yourself" wait_for 'do not drive' 1
	key Enter
	check "$id: no session, exit 0" poll 5 rc_is 0
	check "$id: recorded with the item" test "$(last red_flag)" = "$id"
done
due
T kill-session -t t >/dev/null 2>&1
rm -f "$TMP/rc"
tmux_new t "cd '$ROOT'; LANG=en_GB.UTF-8 ./backcoach tests/data/tiny.cfg; echo \$? >'$TMP/rc'; sleep 60"
begin
wait_for 'new, or getting worse' 5
chars y
wait_for 'Which one' 3
chars 1
expect "en_GB: call 999" 'call 999 or go to A&E'
key Enter
printf 'risk_factors = [];\nemergency_number = "000";\n' >"$CONF"
due
start tests/data/tiny.cfg
begin
wait_for 'new, or getting worse' 5
chars y
wait_for 'Which one' 3
chars 1
expect "the emergency_number setting wins" 'call 000 or go to A&E'
key Enter
printf 'risk_factors = [];\n' >"$CONF"

# --- the same-day tier: a doctor has checked it -----------------------------
due
start start tests/data/long.cfg
begin
wait_for 'new, or getting worse' 5
chars n
wait_for 'And does any of this apply' 3
chars y
wait_for 'Which one' 3
chars 4
expect "same day: contact a doctor today" 'contact your doctor today'
check "same day: NHS 111 named" wait_for 'NHS 111' 1
check "same day: c offered" wait_for 'c checked: exercise is OK' 1
chars c
expect "checked: the session goes on" 'Pain now, 0-10'
key Enter
expect "checked: running" 'Test long hold'
quit_session
check "checked: exit 0" poll 5 rc_is 0
check "checked: recorded with the flag" test "$(last checked)" = "night_pain"
check "checked: answered for today" test -e "$STAMP"
due
start start tests/data/long.cfg
begin
wait_for 'new, or getting worse' 5
chars n
expect "next time: marked as checked" 'worse at night \(checked:'
chars y
wait_for 'Which one' 3
chars 4
expect "the same item again: no new advice, a reminder" 'Checked by a doctor'
key Enter
expect "and the session" 'Pain now, 0-10'
key Escape
wait_for 'Test long hold' 5
quit_session
poll 5 rc_is 0
due
start start tests/data/tiny.cfg
begin
wait_for 'new, or getting worse' 5
chars n
wait_for 'And does any' 3
chars n
expect "nothing applies: the session" 'Pain now, 0-10'
key Escape
check "nothing applies: the check is forgotten" poll 3 test ! -e "$H/state/backcoach/checked"

# --- the start card of every bundled routine --------------------------------
for f in routines/*.cfg; do
	id=$(basename "$f" .cfg)
	start start "$id"
	expect "$id: its start card" 'Enter begin'
	case $id in
	ice-pack|heat-pack)
		check "$id: its cautions" wait_for '^Caution: ' 1 ;;
	*)
		check "$id: the stop rules" wait_for '^Stop the exercise and rest if:' 1
		check "$id: pain of 6, or 2 points more" wait_for 'reaches 6 out of 10, or 2 points more' 1 ;;
	esac
	key Escape
	check "$id: Esc goes back, exit 0" poll 5 rc_is 0
done
n0=$(records)
check "no card left a record" test "$(records)" = "$n0"

# --- p: pain during a session ---------------------------------------------
touch "$STAMP"
start start tests/data/short.cfg
begin
wait_for 'Pain now, 0-10' 5
chars 3
key Enter
expect "session" 'Exercise 1 of 4'
key Space
wait_for 'Paused' 2
# report SCORE SPREADS: p, the score, the two questions
report() {
	chars p && wait_for 'Pain now, 0-10\?' 3 && chars "$1" && key Enter &&
	    wait_for 'spread down a leg' 3 && chars "$2" &&
	    wait_for 'new numbness' 3 && chars n
}
report 3 n
expect "p 3: fine, carry on" 'Pain of 0 to 3 is fine'
key Enter
report 5 n
expect "p 5 (2 above the start): stop" 'Stop this exercise'
check "p 5: says why" wait_for '2 points or more above where you started' 1
chars n
expect "n: the next exercise" 'Exercise 2 of 4'
report 4 n
expect "p 4: go on gently" 'go on gently'
check "p 4: the exercise's easier version" wait_for 'easier version of this exercise: Small' 1
key Enter
report 7 n
expect "p 7: stop this exercise" 'Stop this exercise'
check "p 7: 6 or more" wait_for '6 out of 10 or more' 1
chars n
expect "n again: exercise 3" 'Exercise 3 of 4'
report 2 y
expect "p 2, spreading: stop" 'spreads down a leg'
chars e
expect "e: the session ends, questions after" 'Pain now, 0-10\? \(after'
key Enter
wait_for 'A note' 3
key Enter
expect "the summary says less next time" 'do a little less next time'
check "stopped for your back" shows 'Session stopped'
key q
check "p: exit 0" poll 5 rc_is 0
check "p: recorded stopped, pain, highest 7" \
	test "$(json | jq -c '.[-1] | [.status, .reason, .pain_max]')" = '["stopped","pain",7]'
check "p: each report, with what it led to" \
	test "$(json | jq -c '[.[-1].pain_reports[] | [.score, .spreads, .step]]')" = \
	'[[3,false,"fine"],[5,false,"next"],[4,false,"gently"],[7,false,"next"],[2,true,"end"]]'
start start tests/data/long.cfg
begin
wait_for 'Pain now, 0-10' 5
key Enter
wait_for 'Test long hold' 5
chars p
wait_for 'Pain now, 0-10\?' 3
chars 2
key Enter
wait_for 'spread down a leg' 3
chars n
wait_for 'new numbness' 3
chars y
expect "new numbness: get help now" 'Please get help now'
check "new numbness: do not drive" wait_for 'do not drive yourself' 1
key Enter
expect "new numbness: the session ends" 'Pain now, 0-10\? \(after'
key Enter
wait_for 'A note' 3
key Enter
wait_for 'Enter/q/Esc leave' 5
key q
check "numbness: exit 0" poll 5 rc_is 0
check "numbness: recorded as a red flag" \
	test "$(json | jq -c '.[-1] | [.status, .reason, .red_flag]')" = '["stopped","red-flag","numbness-during"]'

# --- ice and heat: their limits -------------------------------------------
out=$(./backcoach ice 30 2>&1)
rc=$?
check "ice 30: refused, exit 2" test "$rc" = 2
check "ice 30: with the range and the reason" \
	grep -q 'ice: MINUTES must be from 1 to 20, not 30: most guidance says at most 20 minutes' <<<"$out"
out=$(./backcoach heat 25 2>&1)
check "heat 25: refused, with the range" grep -q 'heat: MINUTES must be from 1 to 20, not 25' <<<"$out"
start ice
expect "ice: its card" 'Enter begin'
check "ice: never on bare skin" wait_for 'never on bare skin' 1
check "ice: the next one after 2 to 3 hours" wait_for '2 to 3 hours' 1
check "ice: no stop rules (not exercise)" lacks 'Stop the exercise'
key Enter
expect "ice: pain before" 'Pain now, 0-10'
chars 8
key Enter
expect "ice: high pain, and the timer goes on" 'Get ready' 3
check "ice: no exercise advice before a pack" lacks 'flare-up'
chars n
wait_for 'Time left 20:0' 3
chars +
chars +
sleep 0.5       # a measurement: + must not have added
check "ice: + never past 20 minutes" shows '^Time left (20:00|19:5[0-9]) '
key q
wait_for 'Quit this session' 3
key y
wait_for 'Pain now, 0-10\? \(after' 5
key Enter
wait_for 'A note on this session' 5
key Enter
expect "ice: its summary" 'Enter/q/Esc leave'
check "ice: no water reminder after a pack" lacks 'drink of water'
key q
check "ice: exit 0" poll 5 rc_is 0
check "ice: recorded as a pack" test "$(last kind)" = pack
finish
