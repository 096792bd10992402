#!/bin/bash
# history_ui.sh - the history as the full-screen coach writes it: real
# sessions in a private tmux server, pain typed at the prompts, then read
# back with `backcoach history --format json`.  SIGTERM records a partial
# session once; kill -9 leaves every earlier record intact; the picker
# shows when a routine was last done, and `h` opens the statistics.
# Every wait polls the screen up to a deadline.  Run by `make check`.
. "$(dirname "$0")/../lib.sh"
need_built backcoach
need tmux jq
on_failure screen               # a failed check shows the screen as it was

# The panes inherit this private home: the tmux server starts after it.
H=$TMP/home
private_home "$H"
# the red-flag screen (daily by default) was answered today: tests/ui/ui.sh
# tests it
red_flags_answered "$H"
mkdir -p "$H/config/backcoach/routines"
cp tests/data/tiny.cfg tests/data/long.cfg "$H/config/backcoach/routines/"
HIST=$H/state/backcoach/history

gone() { ! kill -0 "$1" 2>/dev/null; }
records() { [ -f "$HIST" ] && grep -c '^S' "$HIST" || echo 0; }
json() { "$ROOT/backcoach" history --format json; }
# For poll: these read the file each time they are called.
# rc_is N: the program has exited with status N.
rc_is() { test "$(cat "$TMP/rc" 2>/dev/null)" = "$1"; }
records_are() { test "$(records)" = "$1"; }
# reads_back FORMAT: the history in FORMAT has the note.
reads_back() { "$ROOT/backcoach" history --format "$1" | grep -q 'felt'; }
# The history reads with nothing on stderr.
parses_quietly() { [ -z "$("$ROOT/backcoach" history --format json 2>&1 >/dev/null)" ]; }

# start ARGS...: backcoach ARGS in a fresh 80x24 pane; the exit status
# is left in $TMP/rc.
start() {
	T kill-session -t t >/dev/null 2>&1
	rm -f "$TMP/rc"
	tmux_new t "cd '$ROOT'; ./backcoach $*; echo \$? >'$TMP/rc'; sleep 60"
}

# --- a real session: pain typed before and after, a note --------------
start start tiny
begin
expect "asks pain before" 'Pain now, 0-10\? \(before'
chars 6; key Enter
expect "pain 6: high pain is said, not a reason to stop" 'Your pain is high today'
check "pain 6: the gentle routine suggested" wait_for 'gentle flare-up' 1
key Enter
expect "asks pain after" 'Pain now, 0-10\? \(after' 10
chars 3; key Enter
expect "asks for a note" 'A note on this session'
chars 'felt "fine", back\slash'; key Enter
expect "end screen" '^Session complete'
expect "summary points out the change" 'Pain 6 -> 3 since you started: a fall'
key q
check "exit 0" poll 5 test -s "$TMP/rc"
check "recorded once" test "$(records)" = 1
check "file 0600" test "$(stat -c %a "$HIST")" = 600
check "json: pain before and after as typed" \
	test "$(json | jq -c '.[0] | [.pain_before, .pain_after]')" = '[6,3]'
check "json: status, reason, routine" \
	test "$(json | jq -r '.[0] | "\(.status) \(.reason) \(.routine_id) \(.routine_name)"')" = "completed completed tiny Tiny test routine"
check "json: the note" test "$(json | jq -r '.[0].note')" = 'felt "fine", back\slash'
check "json: the exercise" \
	test "$(json | jq -r '.[0].exercises[0] | "\(.name) \(.status) \(.reps_done)/\(.reps_planned)"')" = "Test brief hold completed 1/1"
for f in table tsv csv; do
	check "reads back as $f" reads_back "$f"
done

# --- a worsening is pointed out too --------------------------------------
start start tiny
begin
expect "pain before (2)" 'Pain now, 0-10\? \(before'
chars 2; key Enter
expect "pain after (2)" 'Pain now, 0-10\? \(after' 10
chars 5; key Enter
expect "note (2)" 'A note on this session'
key Enter
expect "a rise is pointed out" 'Pain 2 -> 5 since you started: a rise'
key q
check "second record" poll 5 records_are 2
check "json: skipped note is empty" test "$(json | jq -r '.[1].note')" = ""

# --- q: a partial session ------------------------------------------------
start start long
begin
expect "long: pain before" 'Pain now'
key Enter
expect "long: running" 'Test long hold'
key q
expect "asks to quit" 'uit'
key y
expect "quit: pain after" 'Pain now, 0-10\? \(after'
key Enter
expect "quit: note" 'A note on this session'
key Enter
expect "quit: end screen" 'partial'
key q
check "quit: recorded" poll 5 records_are 3
check "quit: partial/quit, no pain" \
	test "$(json | jq -c '.[2] | [.status, .reason, .pain_before, .pain_after]')" = '["partial","quit",null,null]'

# --- SIGTERM mid-session: partial, reason signal, exactly once --------------
start start long
begin
expect "term: pain before" 'Pain now'
chars 4; key Enter
expect "term: running" 'Test long hold'
pid=$(bc_pid)
kill -TERM "$pid"
check "term: exits" poll 5 gone "$pid"
check "term: exit status 143" poll 5 rc_is 143
check "term: recorded once" test "$(records)" = 4
check "term: partial, signal, pain before kept" \
	test "$(json | jq -c '.[3] | [.status, .reason, .pain_before, .pain_after, .routine_id]')" = '["partial","signal",4,null,"long"]'

# --- SIGTERM at the question after a session: still recorded once ---------
start start tiny
begin
expect "term2: pain before" 'Pain now'
key Enter
expect "term2: pain after" 'Pain now, 0-10\? \(after' 10
pid=$(bc_pid)
kill -TERM "$pid"
check "term2: exits" poll 5 gone "$pid"
check "term2: recorded once" test "$(records)" = 5
check "term2: completed, as it was" \
	test "$(json | jq -c '.[4] | [.status, .reason]')" = '["completed","completed"]'

# --- kill -9 mid-session: every earlier record intact ----------------------
cp "$HIST" "$TMP/before-kill"
start start long
begin
expect "kill: pain before" 'Pain now'
key Enter
expect "kill: running" 'Test long hold'
pid=$(bc_pid)
kill -KILL "$pid"
check "kill: gone" poll 5 gone "$pid"
check "kill: file byte-for-byte as before" cmp -s "$HIST" "$TMP/before-kill"
check "kill: every record parses" parses_quietly
check "kill: 5 sessions read" test "$(json | jq length)" = 5

# --- the picker: last done, and h for the statistics -----------------------
start
expect "picker" '^backcoach: choose a routine'
expect "picker: Last done column" 'Last done'
key End                 # the last by name, below the fold at 80x24
check "picker: tiny done today" wait_for 'Tiny test routine .*today' 2
key h
expect "h: statistics" 'Sessions and minutes per week'
check "h: streak" wait_for 'current: 1 day' 2
key q
expect "q: back to the picker" '^backcoach: choose a routine'
key q
check "picker: exit 0" poll 5 rc_is 0

# --- pain 7 before: said, and the session goes on ---------------------------
start start tiny
begin
expect "high: pain before" 'Pain now, 0-10\? \(before'
chars 7; key Enter
expect "high: says so, with the gentle routine" 'Choose the gentle flare-up routine'
key Enter
expect "high: the session goes on" 'Test brief hold'
expect "high: then asks the pain after" 'Pain now, 0-10\? \(after' 10
key Enter
expect "high: note" 'A note on this session'
key Enter
expect "high: end screen" '^Session complete'
key q
check "high: exit 0" poll 5 rc_is 0
check "high: recorded, completed, pain 7 before" \
	test "$(json | jq -c '.[5] | [.status, .reason, .pain_before]')" = '["completed","completed",7]'

# --- kill -9 at the question after a session: the session is kept ----------
start start tiny
begin
expect "kill after: pain before" 'Pain now'
key Enter
expect "kill after: pain after asked" 'Pain now, 0-10\? \(after' 10
pid=$(bc_pid)
kill -KILL "$pid"
check "kill after: gone" poll 5 gone "$pid"
check "kill after: the finished session is in the history" test "$(records)" = 7
check "kill after: completed" \
	test "$(json | jq -c '.[6] | [.status, .reason]')" = '["completed","completed"]'

# --- the answers after a session amend its record ---------------------------
start start tiny
begin
expect "amend: pain before" 'Pain now'
key Enter
expect "amend: pain after" 'Pain now, 0-10\? \(after' 10
chars 2; key Enter
expect "amend: note" 'A note on this session'
chars 'all good'; key Enter
expect "amend: end screen" '^Session complete'
key q
check "amend: exit 0" poll 5 rc_is 0
check "amend: written as an A line after its S line" \
	test "$(tail -n 1 "$HIST" | cut -f 1,4,5)" = "$(printf 'A\t2\tall good')"
check "amend: read back as one session" \
	test "$(json | jq -c '.[7] | [.pain_after, .note]')" = '[2,"all good"]'

# --- Esc before the first step goes back, and records nothing ---------------
n0=$(records)
start start tiny
begin
expect "esc: pain before" 'Pain now, 0-10\? \(before'
check "esc: the prompt says Esc goes back" wait_for 'Esc back' 1
chars 3
key Escape
check "esc at the pain prompt: the program ends, exit 0" poll 5 rc_is 0
check "esc at the pain prompt: nothing recorded" test "$(records)" = "$n0"
start start tiny
begin
expect "esc: pain before (high)" 'Pain now, 0-10\? \(before'
chars 7; key Enter
expect "esc: high pain said" 'Your pain is high today'
key Escape
check "esc at the high-pain page: exit 0" poll 5 rc_is 0
check "esc at the high-pain page: nothing recorded" test "$(records)" = "$n0"
start
expect "esc: picker" '^backcoach: choose a routine'
key Enter
begin
expect "esc: pain before, from the picker" 'Pain now, 0-10\? \(before'
key Escape
expect "esc from the picker's routine: back to the picker" '^backcoach: choose a routine'
check "esc from the picker's routine: nothing recorded" test "$(records)" = "$n0"
key Escape
check "esc leaves the picker, exit 0" poll 5 rc_is 0

finish
