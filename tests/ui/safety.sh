#!/bin/bash
# tests/ui/safety.sh - the safety screens as a person meets them, in a
# private tmux server: the risk factors asked once, the red-flag pages
# that must be read to the end, which one after a yes and its advice, the
# "checked by a doctor" answer, Esc that leaves, the start card of every
# bundled routine, pain reported with p, and the ice and heat limits.
# Every wait polls the screen up to a deadline.  Run by `make check`.
. "$(dirname "$0")/../lib.sh"
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
# start [-s WxH] [-l LANG] ARGS...: backcoach ARGS in a fresh pane (80x24,
# or WxH, made so before backcoach starts), in the locale LANG (C.UTF-8:
# no country); the exit status is left in $TMP/rc.  The locale is read as
# a name: it need not be installed.
start() {
	local size= lang=C.UTF-8 wait=
	if [ "$1" = -s ]; then size=$2; wait='sleep 0.3;'; shift 2; fi
	if [ "$1" = -l ]; then lang=$2; shift 2; fi
	T kill-session -t t >/dev/null 2>&1
	rm -f "$TMP/rc"
	tmux_new t "cd '$ROOT'; $wait LC_ALL= LC_MESSAGES= LANG=$lang ./backcoach $*; echo \$? >'$TMP/rc'; sleep 60"
	[ -z "$size" ] || T resize-window -t t -x "${size%x*}" -y "${size#*x}"
}
# says PATTERN: the screen's text, its box drawn away and its lines joined
# as one, matches PATTERN (a sentence may wrap anywhere).
# (Under LANG=C the box is drawn in ASCII: - and |.)
joined() {
	screen | sed -E '/^ *(┌|└|--)/d; s/[│|]//g; s/^ *//; s/ *$//' |
	    tr '\n' ' ' | tr -s ' '
}
says() { joined | grep -Eq -- "$1"; }
# yes_to N...: y on the page shown, then each item N marked, then Enter.
yes_to() {
	chars y && wait_for 'Which ones' 3 || return 1
	for n; do chars "$n"; done
	key Enter
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
check "50 or over is one of them" wait_for '5\. \[ \] You are 50 or over' 1
key Enter
check "saved to the settings file" poll 3 grep -q 'risk_factors = \["osteoporosis"\];' "$CONF"
expect "then the urgent red flags" 'Before you start: does any of this apply to you now'
check "chest pain is urgent whether or not it is new" wait_for '1\. Chest pain as well as your back pain$' 1
check "the nerve signs: new, or getting worse" poll 1 says 'both legs, or difficulty walking or unsteadiness: new, or getting worse'
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
check "check --config says how to answer them again" \
	grep -q 'to answer them again: backcoach risk-factors' <<<"$out"
out=$(./backcoach --config "$CONF" check --config 2>&1)
check "... with the settings file named, the command names it too" \
	grep -qF "to answer them again: backcoach --config $CONF risk-factors" <<<"$out"

# --- asked again: backcoach risk-factors ----------------------------------
printf '# my settings\nbell = false;   # quiet here\nrisk_factors = ["osteoporosis"];  # asked once\n' >"$CONF"
cp "$CONF" "$TMP/conf.before"
touch "$STAMP"
start -s 40x12 risk-factors
expect "risk-factors: the same page again" 'Your risk factors: does any'
key Enter
expect "risk-factors: Enter before the end is refused, as the first time" 'read to the end first'
key End
check "... marked as the settings hold them" wait_for '3\. \[x\] Osteoporosis' 3
chars 5
key End
expect "5 marks 50 or over" '5\. \[x\] You are 50 or over'
chars 3
key End
expect "3 unmarks osteoporosis" '3\. \[ \] Osteoporosis'
key Enter
check "risk-factors: exit 0" poll 5 rc_is 0
check "... says what was saved, and where" poll 3 says "Risk factors saved in .*config: age50\."
check "... and that the warning signs are asked next time" poll 1 says 'The warning-sign questions are asked'

check "the value replaced in place, the rest of the file as it was" \
	diff <(sed 's/risk_factors = [^;]*;/X/' "$CONF") <(sed 's/risk_factors = [^;]*;/X/' "$TMP/conf.before")
check "the new value" grep -q '^risk_factors = \["age50"\];' "$CONF"
check "a risk factor added: the red flags are due again" test ! -e "$STAMP"
cp "$CONF" "$TMP/conf.before"
touch "$STAMP"
start risk-factors
expect "risk-factors again: marked as now saved" '5\. \[x\] You are 50 or over'
chars 1
expect "1 marks cancer" '1\. \[x\] Cancer'
key Escape
check "Esc: exit 0" poll 5 rc_is 0
check "... says nothing changed" poll 3 says 'Nothing changed: your risk factors are as they were'
check "... the settings file as it was" cmp -s "$CONF" "$TMP/conf.before"
check "... the red flags not made due" test -e "$STAMP"
start risk-factors
wait_for 'Your risk factors' 5
key End
chars 5
key End
wait_for '5\. \[ \]' 3
key Enter
poll 5 rc_is 0
check "one taken away: saved as none, nothing made due" \
	eval 'grep -q "^risk_factors = \[\];" "$CONF" && [ -e "$STAMP" ] && says "Risk factors saved in .*: none\."'
printf 'bell = ;\nrisk_factors = ["cancer"];\n' >"$CONF"
cp "$CONF" "$TMP/conf.before"
start risk-factors
expect "a settings file with an error: said first" 'Problems in your settings'
key Enter
wait_for 'Your risk factors' 5
chars 2
wait_for '2\. \[x\]' 3
key Enter
check "... the answer is not saved: exit 1" poll 5 rc_is 1
check "... and says why" poll 3 says 'not saved; your settings are as they were'
check "... the file as it was" cmp -s "$CONF" "$TMP/conf.before"
printf 'risk_factors = ["osteoporosis"];\n' >"$CONF"
: >"$CONF"
due
start -s 40x12 start tests/data/tiny.cfg
begin
expect "40x12: the risk factors" 'Before your first'
key Enter
expect "40x12: Enter before the end is refused, and why" 'read to the end first'
key End
key Enter
expect "40x12: at the end, Enter counts" 'Before you start: does'
key Escape
poll 5 rc_is 0
printf 'risk_factors = ["cancer"];\n' >"$CONF"
due
start start tests/data/tiny.cfg
begin
expect "asked once: straight to the red flags" 'Before you start: does any'
check "cancer adds no fall or knock" lacks 'fall or knock'
check "cancer adds one leg's weakness" wait_for '8\. Pain in one leg, with weakness or numbness' 1
chars n
expect "same day, with cancer" 'And does any of this apply'
check "cancer adds the changed pain" wait_for 'different from your usual' 1
chars y
expect "which ones" 'Which ones\? Press the number of each that applies \(1 to 8\)'
check "a box to mark each" wait_for '^ *1\. \[ \] A high temperature' 1
check "much worse when coughing: a doctor today" wait_for '7\. \[ \] Back pain that is much worse when you cough' 1
chars 8
expect "8 marks the changed pain" '8\. \[x\] This pain is new'
key Enter
expect "under cancer care: the acute oncology line" 'acute oncology line'
key Enter
check "stopped: exit 4 (a doctor today)" poll 5 rc_is 4
check "the advice stays on the terminal" wait_for 'Please contact a doctor today' 3
check "recorded: stopped, red-flag, changed_pain" \
	test "$(json | jq -r '.[-1] | "\(.status) \(.reason) \(.red_flag)"')" = "stopped red-flag changed_pain"

# --- every question seen before an answer counts; Esc leaves --------------
printf 'risk_factors = [];\n' >"$CONF"
due
n0=$(records)
start -s 40x12 start tests/data/tiny.cfg
begin
expect "40x12: the urgent page" 'Before you start: does'
check "40x12: more below, said" wait_for 'more below' 1
chars n
expect "n before the end: refused, and why" 'read to the end first'
check "40x12: still the urgent page" shows 'Before you start: does'
key End
chars n
expect "at the end, n counts" 'And does any of this'
chars y
expect "y before the end: which ones (a yes needs no more reading)" 'Which ones'
key Escape
check "Esc at which ones: back to the question" wait_gone 'Which ones' 2
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

# --- each urgent item's advice: now, the number, do not drive; the stop --
i=0
for id in chest_pain serious_accident saddle bladder bowel both_legs sexual; do
	i=$((i + 1))
	due
	start start tests/data/tiny.cfg
	begin
	wait_for 'Before you start: does' 5
	yes_to $i
	expect "$id: get help now" 'Please get help now'
	check "$id: your local emergency number (no country in the locale), the emergency department" \
		poll 1 says 'call your local emergency number or go to the emergency department now'
	check "$id: no A&E outside the UK and Ireland" lacks 'A&E'
	check "$id: do not drive yourself" wait_for 'do not drive' 1
	key Enter
	check "$id: no session, exit 3" poll 5 rc_is 3
	check "$id: the advice stays on the terminal" wait_for 'Please get help now' 3
	check "$id: recorded with the item" test "$(last red_flag)" = "$id"
done
start start tests/data/tiny.cfg
begin
expect "after a yes: the next run asks again" 'Before you start: does'
check "and the stamp says not answered" test ! -e "$STAMP"
yes_to 2 5
expect "two at once: get help now" 'Please get help now'
check "both said" wait_for 'You said: The pain started after a serious' 1
check "both said (2)" wait_for 'Losing control of your bowels' 1
key Enter
poll 5 rc_is 3
check "two at once: both recorded" test "$(last red_flag)" = "serious_accident,bowel"

# --- the number of the locale's country, and where it is said -------------
# in_locale LOCALE NUMBER WHERE: through the screens, and check --config.
in_locale() {
	local loc=$1 num=$2 where=$3 out
	due
	start -l "$loc" tests/data/tiny.cfg
	begin
	wait_for 'Before you start: does' 5
	yes_to 1
	wait_for 'Please get help now' 5
	check "$loc: call $num or go to $where" poll 1 says "call $num or go to $where now"
	key Enter
	poll 5 rc_is 3
	out=$(LC_ALL='' LC_MESSAGES='' LANG=$loc ./backcoach check --config 2>&1)
	if [ "$loc" = C ]; then
		check "$loc: check --config says none, and why" grep -q \
			"^emergency number: your local emergency number (none: LANG=C names no country" <<<"$out"
	else
		check "$loc: check --config says $num, from the locale" \
			grep -qF "emergency number: $num (from the locale: LANG=$loc)" <<<"$out"
	fi
}
in_locale en_AU.UTF-8 000 'the emergency department'
in_locale ja_JP.UTF-8 119 'the emergency department'
in_locale en_NZ.UTF-8 111 'the emergency department'
in_locale de_DE.UTF-8 112 'the emergency department'
in_locale en_US.UTF-8 911 'the emergency department'
in_locale en_GB.UTF-8 999 'A&E \(the emergency department\)'
in_locale C 'your local emergency number' 'the emergency department'
printf 'risk_factors = [];\nemergency_number = "000";\n' >"$CONF"
due
start -l en_GB.UTF-8 tests/data/tiny.cfg
begin
wait_for 'Before you start: does' 5
yes_to 1
expect "the emergency_number setting wins" 'call 000 or go to A&E'
key Enter
out=$(LANG=en_GB.UTF-8 ./backcoach check --config 2>&1)
check "check --config: the setting's number" \
	grep -q '^emergency number: 000 (set by emergency_number)' <<<"$out"
printf 'risk_factors = [];\n' >"$CONF"

# --- the same-day tier: a doctor has checked it -----------------------------
due
start start tests/data/long.cfg
begin
wait_for 'Before you start: does' 5
chars n
wait_for 'And does any of this apply' 3
yes_to 4
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
wait_for 'Before you start: does' 5
chars n
expect "next time: marked as checked" 'worse at night \(checked:'
yes_to 4
expect "the same item again: no new advice, a reminder" 'Checked by a doctor'
key Enter
expect "and the session" 'Pain now, 0-10'
due
start start tests/data/long.cfg
begin
wait_for 'Before you start: does' 5
chars n
wait_for 'And does any of this apply' 3
yes_to 4 5
expect "checked and a new item: the new one's advice" 'contact your doctor today'
check "it names the new item" wait_for 'You said: Pain high in your back' 1
check "not the checked one" lacks 'You said: Pain that does not ease'
key Enter
check "the new item stops it: exit 4" poll 5 rc_is 4
check "recorded with the new item" test "$(last red_flag)" = "upper_back"
check "the checked one stays checked" grep -qx night_pain "$H/state/backcoach/checked"
check "the new one is not checked" test "$(grep -c upper_back "$H/state/backcoach/checked")" = 0

# --- 50 or over: a fall or knock, even a small one ------------------------
printf 'risk_factors = ["age50"];\n' >"$CONF"
due
start start tests/data/tiny.cfg
begin
expect "50 or over: the fall or knock is asked" 'fall or knock, even a small one'
yes_to 8
expect "a fall at 50 or over: get help now" 'Please get help now'
key Enter
check "a fall at 50 or over: exit 3" poll 5 rc_is 3
check "recorded: fall_knock" test "$(last red_flag)" = "fall_knock"
printf 'risk_factors = [];\n' >"$CONF"
due
start start tests/data/tiny.cfg
begin
wait_for 'Before you start: does' 5
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
# Pregnant: the card of a routine that lies on the back says so.
printf 'risk_factors = ["pregnant"];\n' >"$CONF"
for id in gentle-flare-up mcgill-big3 desk-break; do
	start start "$id"
	expect "pregnant, $id: its start card" 'Enter begin'
	if [ "$id" = desk-break ]; then
		check "pregnant, $id (not on the back): nothing said" lacks 'Pregnancy:'
	else
		for _ in 1 2 3 4 5; do chars j; done    # read on, as a person would
		check "pregnant, $id: not flat on your back after 16 weeks" \
			poll 1 says 'Pregnancy: You said you are pregnant, and this routine has exercises lying on your back. After 16 weeks, do not lie flat on your back for long'
	fi
	key Escape
	poll 5 rc_is 0
done
# ... and the flare-up routine offers its version with nothing on the back
# (the NHS's own exercises for pregnancy), on the card and in show.
start start gentle-flare-up
expect "pregnant, gentle-flare-up: its start card" 'Enter begin'
check "pregnant, gentle-flare-up: the card offers the routine off the back" \
	poll 1 says "Pregnant: 'backcoach flare-up-off-back' has nothing lying on your back"
key Escape
poll 5 rc_is 0
check "pregnant: show gentle-flare-up offers it too" \
	eval "./backcoach show gentle-flare-up | grep -q \"Pregnant: 'backcoach flare-up-off-back'\""
out=$(./backcoach show flare-up-off-back)
check "the routine offered lies on nothing: standing and all fours only" \
	test "$(grep '^   Position: ' <<<"$out" | sort -u | tr '\n' ,)" = '   Position: all-fours,   Position: standing,'
check "... from the NHS's exercise-in-pregnancy page, with its doses" \
	eval 'grep -q "^Source: NHS, Exercise in pregnancy (.*hold for 4 s, up to 10 times.*https://www.nhs.uk/pregnancy/keeping-well/exercise/" <<<"$out"'
start start flare-up-off-back
expect "pregnant, flare-up-off-back: its card, with no pregnancy warning" 'Enter begin'
check "... it is not a routine on the back" lacks 'Pregnancy:'
key Escape
poll 5 rc_is 0
printf 'risk_factors = [];\n' >"$CONF"
check "not pregnant: no offer" eval "! ./backcoach show gentle-flare-up | grep -q 'flare-up-off-back'"
# With osteoporosis, no load on a curled spine: the curl-up says so, and
# has a version without the lift (Royal Osteoporosis Society).
for id in mcgill-big3 core-strength; do
	out=$(./backcoach show "$id")
	check "$id: the curl-up's caution for osteoporosis" \
		grep -q 'Caution: .*With osteoporosis, do the easier version: no lift' <<<"$out"
	check "$id: the curl-up's easier version keeps the head down" \
		grep -q 'Easier: Curl-up brace, head down' <<<"$out"
done

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
# report SCORE SPREADS: p, the score, the three questions
report() {
	chars p && wait_for 'Pain now, 0-10\?' 3 && chars "$1" && key Enter &&
	    wait_for 'spread down a leg' 3 && chars "$2" &&
	    wait_for 'new numbness' 3 && chars n &&
	    wait_for 'weakness in one leg' 3 && chars n
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
check "new numbness: the program stops, exit 3" poll 5 rc_is 3
check "new numbness: no questions after, no summary" lacks 'Pain now, 0-10\? \(after|Enter/q/Esc leave'
check "new numbness: the advice stays on the terminal" wait_for 'Please get help now' 3
check "numbness: recorded as a red flag" \
	test "$(json | jq -c '.[-1] | [.status, .reason, .red_flag]')" = '["stopped","red-flag","numbness-during"]'
check "numbness: the red flags are asked next time" poll 3 test ! -e "$STAMP"

# --- p: Esc goes back a question, never answers one ----------------------
touch "$STAMP"
start start tests/data/long.cfg
begin
wait_for 'Pain now, 0-10' 5
key Enter
wait_for 'Test long hold' 5
n0=$(records)
chars p
wait_for 'Pain now, 0-10\?' 3
chars 2
key Enter
wait_for 'spread down a leg' 3
chars n
expect "p: the numbness question" 'new numbness'
check "... its keys say what Esc does" shows 'Esc back'
key Escape
expect "Esc on the numbness question: back to the one before, not a no" 'spread down a leg'
check "... and no advice" lacks 'Pain of 0 to 3|Please'
key Escape
expect "Esc again: back to the score" 'Pain now, 0-10\?'
key Escape
check "Esc on the score: back to the session" wait_gone 'Pain now, 0-10' 3
check "... which runs on" shows 'Test long hold'
chars q
wait_for 'Quit this session' 3
chars y
wait_for 'Pain now, 0-10\? \(after' 5
key Enter
wait_for 'A note' 3
key Enter
wait_for 'Enter/q/Esc leave' 5
key q
poll 5 rc_is 0
check "Esc through the questions: a record, with no pain report in it" \
	test "$(records)" = $((n0 + 1)) -a "$(json | jq -c '.[-1].pain_reports // [] | length')" = 0

# --- p: new numbness or weakness in one leg --------------------------------
touch "$STAMP"
start start tests/data/long.cfg
begin
wait_for 'Pain now, 0-10' 5
key Enter
wait_for 'Test long hold' 5
chars p
wait_for 'Pain now, 0-10\?' 3
chars 1
key Enter
wait_for 'spread down a leg' 3
chars n
wait_for 'new numbness' 3
chars n
wait_for 'weakness in one leg' 3
check "one leg: asked, with what it is like" poll 1 says 'weakness in one leg, such as a foot that catches or a leg that gives way'
chars y
expect "one leg: a doctor or physiotherapist today" 'contact a doctor or physiotherapist'
check "one leg: never carry on" lacks 'carry on'
key Enter
check "one leg: the session ends, exit 4" poll 5 rc_is 4
check "one leg: no summary" lacks 'Enter/q/Esc leave'
check "one leg: the advice stays on the terminal" wait_for 'backcoach: Please contact a doctor or physiotherapist today' 3
check "one leg: recorded" \
	test "$(json | jq -c '.[-1] | [.status, .reason, .red_flag]')" = '["stopped","red-flag","one-leg-during"]'

# --- pain above 5 after a session: the NHS's words on seeing a GP ---------
# quit_after N: a session begun and quit, with pain N after it; the
# summary on the screen.
quit_after() {
	touch "$STAMP"
	start start tests/data/long.cfg
	begin
	wait_for 'Pain now, 0-10' 5 && key Enter
	wait_for 'Test long hold' 5
	key q && wait_for 'Quit this session' 3 && key y
	wait_for 'Pain now, 0-10\? \(after' 5 && chars "$1" && key Enter
	wait_for 'A note on this session' 5 && key Enter
	wait_for 'Enter/q/Esc leave' 5
}
quit_after 7
check "pain 7 after: the summary points to a GP, in the NHS's words" \
	poll 5 says 'see a GP \(a family doctor\) if back pain is very severe or gets worse over time'
check "... with the day-to-day activities" poll 1 says 'stops you doing your day-to-day activities'
check "... and no step up beside it" lacks 'one more rep|one step more'
key q
poll 5 rc_is 0
quit_after 5
check "pain 5 after: no GP" lacks 'see a GP'
key q
poll 5 rc_is 0

# --- not improving: the first week against the latest --------------------
# S lines of format 3: DAYS-AGO PAIN-BEFORE PAIN-AFTER KIND.
session_line() {
	printf 'S\t%sT08:00:00+00:00\t600\tr\tR\tcompleted\tcompleted\t1\t0\t1\t600\t%s\t%s\t\t\t\t\t%s\n' \
		"$(date -d "-$1 days" +%F)" "$2" "$3" "$4"
}
NI=$TMP/not-improving
{
	printf '#backcoach-history 3\n'
	session_line 20 6 2 exercise    # after: never what is compared
	session_line 19 6 6 exercise
	session_line 3 1 1 pack         # ice: never compared
	session_line 2 5 1 exercise
} >"$NI"
out=$(./backcoach --history "$NI" stats 2>&1)
check "stats: not improving, with both weeks' pain before exercise" \
	grep -q 'Your pain before exercise was 6.0 on average in your first week and 5.0' <<<"$(tr '\n' ' ' <<<"$out" | tr -s ' ')"
check "stats: the rule said" grep -q '2 points and 30% less' <<<"$(tr '\n' ' ' <<<"$out" | tr -s ' ')"
{
	printf '#backcoach-history 3\n'
	session_line 20 6 6 exercise
	session_line 2 4 4 exercise
} >"$NI"
out=$(./backcoach --history "$NI" stats 2>&1)
check "stats: 6 to 4 is a meaningful improvement: nothing said" \
	test "$(grep -c 'not the 2 points' <<<"$out")" = 0
# No pain before given: the next mornings (N lines) of the first week
# against the latest's.  morning DAYS-AGO ANSWER
morning() { printf 'N\t%sT08:00:00+00:00\tr\t%s\n' "$(date -d "-$1 days" +%F)" "$2"; }
{
	printf '#backcoach-history 3\n'
	session_line 20 '' '' exercise; morning 20 better
	session_line 19 '' '' exercise; morning 19 same
	session_line 3 '' '' pack; morning 3 better        # ice: never compared
	session_line 2 '' '' exercise; morning 2 same
	session_line 1 '' '' exercise; morning 1 worse
} >"$NI"
out=$(./backcoach --history "$NI" stats 2>&1 | tr '\n' ' ' | tr -s ' ')
check "stats: no pain before: the next mornings compared, with the numbers" \
	grep -q 'so your next mornings are compared: in your first week, 1 of 2 better than before the session and 0 worse; in the latest week, 0 of 2 better and 1 worse' <<<"$out"
check "stats: ... and the rule said" \
	grep -q 'In the latest week they were no more often better than worse, and no better than in your first week. Please speak to a doctor or physiotherapist' <<<"$out"
{
	printf '#backcoach-history 3\n'
	session_line 20 '' '' exercise; morning 20 same
	session_line 2 '' '' exercise; morning 2 better
} >"$NI"
out=$(./backcoach --history "$NI" stats 2>&1)
check "stats: mornings more often better in the latest week: nothing said" \
	test "$(grep -c 'Please speak to a doctor' <<<"$out")" = 0

# --- ice and heat: their limits -------------------------------------------
touch "$STAMP"          # (the stops above left the questions due)
out=$(./backcoach ice 30 2>&1)
rc=$?
check "ice 30: refused, exit 2" test "$rc" = 2
check "ice 30: with the range and the reason" \
	grep -q 'ice: MINUTES must be from 1 to 20, not 30: the NHS says never longer than 20 minutes' <<<"$out"
# One rule from one page: the card, show, --help and the man page say the
# NHS trust's words, and the timer's default is its 15 minutes.
out=$(./backcoach show ice-pack 2>&1)
check "ice: the default is 15 minutes" grep -q '^Total: 15:10' <<<"$out"
check "ice: 10 to 15 minutes, never longer than 20, in a damp towel" \
	eval 'grep -q "10 to 15 minutes, never longer than 20" <<<"$out" && grep -q "damp towel" <<<"$out"'
check "ice: one source for the rule" \
	eval 'grep -q "^Source: Midlands Partnership NHS, Safe use of cold treatment, https://mpft.nhs.uk/" <<<"$out" &&
	    ! grep -rqE "merseycare|barnsleyhospital|20 to 40|20-40" routines man README.md src'
check "ice --help: the same words" \
	eval './backcoach ice --help | grep -q "10 to 15 minutes, never longer than"'
check "the man page: the same words" \
	eval 'tr "\n" " " <man/backcoach.1 | grep -q "10 to 15 minutes, never longer than 20"'
out=$(./backcoach heat 25 2>&1)
check "heat 25: refused, with the range" grep -q 'heat: MINUTES must be from 1 to 20, not 25' <<<"$out"
start ice 20
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
check "ice 20: + never past 20 minutes" shows '^Time left (20:00|19:5[0-9]) '
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
