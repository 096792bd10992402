#!/bin/bash
# tests/ui/ui.sh - the full-screen coach driven as a person drives it: the
# real binary in a private tmux server (80x24), started from an
# interactive shell, keys typed with send-keys, the screen read with
# capture-pane.  Every wait polls the screen up to a deadline; the only
# fixed pause is the one that measures that a paused countdown stands
# still.  Each shell gets a private HOME and XDG directories.
#
# Usage: tests/ui/ui.sh  (from anywhere; builds nothing).  Prints a TAP
# line per check and "ui.sh: N passed, M failed"; exits 1 on any failure.
. "$(dirname "$0")/../lib.sh"
need_built backcoach build/ui_demo build/keys_dump
need tmux
private_home "$TMP/home"        # for the commands run outside a shell
on_failure screen               # a failed check shows the screen as it was

# The screen with its attributes as escape sequences: colours show as
# SGR 30-37 / 38;5;N foregrounds.
coloured() { T capture-pane -p -e -t "$S" | grep -Eq $'\e\\[([0-9;]*;)?(3[0-7]|38;5;[0-9]+)[;m]'; }
uncoloured() { ! coloured; }

# The big digits dimmed (SGR 2 before a block character): paused.
dim_digits() { T capture-pane -p -e -t "$S" | grep -Eq $'\e\\[([0-9;]*;)?2(;[0-9;]*)?m(\e\\[[0-9;]*m)*█'; }
bright_digits() { ! dim_digits && shows '█'; }

# clock SECONDS: as the screen writes a time, M:SS.
clock() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }
# The picker's selected line.
selected() { screen | grep '^> '; }
# down_to REGEX: for poll; one Down, then waits for the selection to move,
# so that a slow screen is never overtaken by keys.
down_to() {
	local before
	shows "$1" && return 0
	before=$(selected)
	key Down
	poll 5 selected_is_not "$before"
	shows "$1"
}
selected_is_not() { [ "$(selected)" != "$1" ]; }
selected_is() { [ "$(selected)" = "$1" ]; }

# A step label is drawn alone on its line (full layout).
label() { echo "^ *$1 *\$"; }

# shell NAME [TERM]: a new 80x24 session running an interactive bash with
# private directories, in the source tree, its tty settings saved.
shell() {
	local home="$TMP/$1" env
	env=$(private_env "$home")
	mkdir -p "$home/state/backcoach"
	# the red-flag screen (daily by default) was answered today, except in
	# the test of that screen
	[ "$1" = redflags ] || red_flags_answered "$home"
	tmux_new "$1" "$env HISTFILE= TERM=$(shquote "${2:-screen}") \
	    PS1='$ ' bash --norc --noprofile -i"
	wait_for '^\$' 5 || { not_ok "shell starts"; return 1; }
	type_line "cd '$ROOT'; SAVED=\$(stty -g); clear"
	wait_gone 'SAVED' 5
}

# run COMMAND: types COMMAND at the prompt, then echoes its exit status.
run() { type_line "$1; echo EXIT=\$?"; }

# The coach asks for the pain before and after a session and for a note
# (tests/ui/history_ui.sh tests those); here Enter skips them.
skip_pain() { begin && wait_for 'Pain now, 0-10' 5 && key Enter; }
skip_after() {
	wait_for 'Pain now, 0-10' 10 && key Enter &&
	    wait_for 'A note on this session' 5 && key Enter
}

# The terminal is usable again: out of the alternate screen, a prompt,
# and the tty settings as the shell had them.
restored() {
	[ "$(T display -p -t "$S" '#{alternate_on}')" = 0 ] || return 1
	type_line 'clear; [ "$(stty -g)" = "$SAVED" ] && tput cols && echo STTY-SANE'
	wait_for '^STTY-SANE$' 5 && wait_for '^80$' 1
}

# hints CONTEXT [WIDTH]: the key table's footer for a screen of that
# context (build/keys_dump), what every footer must be.
hints() { build/keys_dump hints "$1" "${2:-80}"; }
# footer_is CONTEXT [WIDTH]: the screen's bottom line is that footer.
footer_is() { [ "$(screen | tail -n 1 | sed 's/ *$//')" = "$(hints "$@")" ]; }
# box_keys CONTEXT [WIDTH]: a box on the screen has that footer as a line
# of its own (a dialog box is 66 columns inside at 80x24, the help 60).
box_keys() {
	local h
	h=$(hints "$1" "${2:-66}") && [ -n "$h" ] || return 1
	screen | sed -n 's/^[^│|]*[│|] //; s/ *[│|].*$//p' | grep -qxF -- "$h"
}

# same A B: two readings, A not empty, the same.
same() { [ -n "$1" ] && [ "$1" = "$2" ]; }

# The "Time left" of the session screen, in seconds.
time_left() {
	screen | sed -n 's/^Time left \([0-9]*\):\([0-9]*\).*/\1 \2/p' |
	    awk '{ print $1 * 60 + $2 }'
}
# time_left_below N: for poll; the time left has gone below N seconds
# (a loaded machine may show N - 2 before it shows N - 1).
time_left_below() { local t; t=$(time_left); [ -n "$t" ] && [ "$t" -lt "$1" ]; }

# --- every kind of step, and the keys, walked through while paused -----
test_steps() {
	shell steps || return
	run "./backcoach start tests/data/short.cfg"
	skip_pain
	expect "starts at Get ready" "$(label 'Get ready')"
	key Space
	expect "Space shows Paused" 'Paused'
	check "paused: a large PAUSED over the countdown" wait_for '^ +P A U S E D *$' 1
	check "paused: the big digits dimmed" poll 2 dim_digits
	# the lead-in is 1 s: if it ran out before the pause, step back
	screen | grep -Eq "$(label 'Get ready')" || key b
	expect "paused on Get ready" "$(label 'Get ready')"
	check "header: exercise 1 of 4" wait_for 'Exercise 1 of 4' 1
	check "colours on a colour terminal" coloured
	check "exercise name and cue" wait_for 'Lift the head a little' 1
	check "caution line" wait_for '^Caution: Keep it small' 1
	local a b
	a=$(screen)
	sleep 1         # a measurement, not a synchronisation
	b=$(screen)
	check "paused countdown stands still for a second" [ "$a" = "$b" ]
	key n
	expect "n: Hold" "$(label Hold)"
	check "set and rep counters" wait_for 'Set 1 of 2 +Rep 1 of 2' 1
	check "Next: names the relax" wait_for '^Next: Relax' 1
	key Right
	expect "Right: Relax" "$(label Relax)"
	key b
	expect "b: back to Hold" "$(label Hold)"
	key n n
	expect "n n: Hold, rep 2" 'Rep 2 of 2'
	key n
	expect "Rest between sets" "$(label Rest)"
	check "Next: names the set" wait_for '^Next: Hold, set 2 of 2, rep 1 of 2 \(1 s\)$' 1
	local t0 t1
	t0=$(time_left)
	chars +
	check "+ adds 5 s (from $(clock "$t0"))" wait_for "^Time left $(clock $((t0 + 5))) " 2
	chars -
	check "- takes 5 s off again" wait_for "^Time left $(clock "$t0") " 2
	key N
	expect "N skips to the next exercise" 'Exercise 2 of 4'
	expect "its Get ready" "$(label 'Get ready')"
	key n
	expect "tempo phase word" "$(label Arch)"
	key n
	expect "second phase word" "$(label Round)"
	key N
	expect "exercise 3" 'Exercise 3 of 4'
	key n
	expect "side counter" 'Side: left'
	key n
	expect "Switch sides" "$(label 'Switch sides')"
	check "Next: names the side" wait_for '^Next: Hold, right side \(1 s\)$' 1
	check "second side" wait_for 'Side: right' 1
	key N n
	expect "timer step" "$(label Time)"
	chars m
	expect "m shows muted" 'muted'
	chars m
	check "m again unmutes" wait_gone 'muted' 2
	chars '?'
	expect "? opens the help" 'pause or resume'
	key Escape
	check "Esc closes the help" wait_gone 'pause or resume' 2
	chars q
	expect "q asks to confirm" 'Quit this session\?'
	chars n
	check "n carries on" wait_gone 'Quit this session' 2
	chars q
	wait_for 'Quit this session\?' 2
	chars y
	skip_after
	expect "y: end screen, partial" 'Session ended early \(partial\)'
	check "end screen counts" wait_for '[0-9] completed, [0-9] skipped, [0-9] partial, of 4' 1
	chars q
	expect "q leaves with status 0" '^EXIT=0$'
	check "a line on the session stays on the terminal: partial (quit)" \
		shows '^Recorded: .*, partial \(quit\), [0-9]+:[0-9]{2}\.$'
	check "terminal restored" restored
}

# --- a whole session, to the end screen --------------------------------
test_complete() {
	shell complete || return
	run "./backcoach tests/data/tiny.cfg"
	skip_pain
	expect "plain 'backcoach ROUTINE' starts it" "$(label 'Get ready')"
	expect "the hold follows by itself" "$(label Hold)" 3
	skip_after
	expect "end screen" '^Session complete' 4
	check "time taken" wait_for '^Time taken: 0:0[23]' 1
	check "counts" wait_for '1 completed, 0 skipped, 0 partial, of 1' 1
	key Enter
	expect "Enter leaves with status 0" '^EXIT=0$'
	check "a line on the session stays on the terminal" \
		shows '^Recorded: Tiny test routine, completed \(completed\), 0:0[0-9]\.$'
	check "terminal restored" restored
}

# --- n, N or - on the last step asks before ending the session ----------
test_last_step() {
	shell last || return
	run "./backcoach start tests/data/tiny.cfg"
	skip_pain
	expect "tiny: Get ready" "$(label 'Get ready')"
	key Space
	expect "paused" 'Paused'
	chars n
	expect "n: the hold, the last step" "$(label Hold)"
	check "Next: the end" wait_for '^Next: the end' 1
	chars n
	expect "n on the last step asks" 'End the session\?'
	check "... saying it is the session's last step" shows 'This is the last step of the session'
	chars n
	check "n (key repeat) answers no: the session goes on" wait_gone 'End the session' 2
	check "... on its last step" shows "$(label Hold)"
	chars -
	expect "- with less than 5 s left asks too" 'End the session\?'
	check "... saying why" shows '5 seconds or less left'
	key Escape
	check "Esc: no" wait_gone 'End the session' 2
	chars N
	expect "N on the last exercise asks too" 'End the session\?'
	check "... saying it is the last exercise" shows 'This is the last exercise'
	chars n
	wait_gone 'End the session' 2
	chars n
	expect "asked again" 'End the session\?'
	chars y
	skip_after
	expect "y: the session ends" '^Session (complete|ended early)'
	key Enter
	expect "left, status 0" '^EXIT=0$'
}

# --- + stops at the ceiling; a caution cut short is readable in full ---
# the filled cells of the bar beside "Time left"
done_cells() { screen | sed -n 's/^Time left [0-9:]* //p' | grep -o '█' | wc -l; }
test_ceiling() {
	shell ceiling || return
	run "./backcoach start tests/data/ceiling.cfg"
	begin
	wait_for 'Pain now, 0-10' 5 && key Enter
	expect "ceiling: the hold" "$(label Hold)"
	check "a caution too long for the screen is cut" wait_for 'more, s\.\.\.$' 1
	check "... and the screen says how to read it" shows '\?: the whole caution'
	key Space
	wait_for 'Paused' 2
	local before
	before=$(done_cells)
	chars +
	check "+ adds 5 s (hold 10 s, hold_max 15)" wait_for '^Time left 0:1[3-5] ' 2
	check "... and the bar still shows the time done ($before cells before)" \
	    test "$(done_cells)" -gt 0
	chars +
	check "+ again: no further than hold_max, and says so" \
	    wait_for '\+: at most 15 s \(hold_max\)' 2
	check "... Time left as it was" shows '^Time left 0:1[3-5] '
	chars '?'
	expect "? shows the caution whole" 'WHOLE-CAUTION-END'
	key Escape
	wait_gone 'WHOLE-CAUTION-END' 2
	chars q
	wait_for 'Quit this session' 2 && chars y
	skip_after
	wait_for '^Session' 5 && key Enter
	expect "left, status 0" '^EXIT=0$'
	run "./backcoach start tests/data/ceiling.cfg"
	expect "the start card shows the exercise's caution whole" 'WHOLE-CAUTION-END'
	key Escape
	expect "Esc: back, status 0" '^EXIT=0$'
}

# --- a second's redraw is the whole screen's -----------------------------
# When the clock alone moves on, the session redraws only the time left
# and the countdown over the last whole frame.
# cells: the screen on stdin (tmux's capture-pane -e), each character with
# the attributes it is drawn in (SGR parameters tracked cell by cell),
# blanks at a line's end left out: what is seen, however it was sent.
cells() {
	python3 -c '
import re, sys
def sgr(st, p):
    n = int(p or 0)
    if n == 0: return {}
    st = dict(st)
    if n in (22, 23, 24, 25, 27, 28, 29):
        for k in ({22: (1, 2)}.get(n, (n - 20,))): st.pop(k, None)
    elif 30 <= n <= 39: st["fg"] = n
    elif 40 <= n <= 49: st["bg"] = n
    else: st[n] = True
    for k, default in (("fg", 39), ("bg", 49)):
        if st.get(k) == default: st.pop(k)
    return st
st = {}
for line in sys.stdin.read().split("\n"):
    out = []
    for m in re.finditer(r"\x1b\[([0-9;]*)m|([^\x1b])", line):
        if m.group(2) is None:
            for p in m.group(1).split(";"): st = sgr(st, p)
        else:
            out.append(m.group(2) + (str(sorted(st.items(), key=str)) if st else ""))
    while out and out[-1] == " ":
        out.pop()
    if any(c[0] == "\u2591" for c in out):  # a bar: where it is, not
        bar = []                             # how full: that moves by the
        for c in out:                        # instant, not by the second
            if c[0] in "\u2588\u2591":
                c = "BAR"
                if bar and bar[-1] == c:
                    continue
            bar.append(c)
        out = bar
    print("".join(out))'
}
# next_second: waits for the time left to change, so that what follows
# has most of a second before the next tick.
next_second() { local t; t=$(time_left); poll 2 test "$(time_left)" != "$t"; }
# same_as_whole: the screen so drawn, attributes and all, is what a whole
# redraw (SIGWINCH) draws (bars aside: they move within a second);
# retried when a second ticks between the two.
same_as_whole() {
	local a b i pid t
	pid=$(bc_pid) || return 1
	for i in 1 2 3 4 5; do
		next_second
		t=$(time_left)
		a=$(T capture-pane -p -e -t "$S")
		kill -WINCH "$pid"
		sleep 0.2
		b=$(T capture-pane -p -e -t "$S")
		[ "$(time_left)" = "$t" ] || continue
		a=$(cells <<<"$a") b=$(cells <<<"$b")
		[ -n "$a" ] && [ "$a" = "$b" ] && return 0
		diff <(echo "$a") <(echo "$b") | cat -v | head -20
		return 1
	done
	echo "a second ticked at every try"; return 1
}
test_time_redraw() {
	shell timeredraw || return
	local r=$TMP/figured.cfg size
	printf '%s\n' 'version = 1;' 'name = "Figured hold";' 'lead_in = 1;' \
	    'exercises = ( { name = "Long figured hold"; hold = 90;' \
	    '  figure = "bird-dog"; } );' >"$r"
	for size in 80x24 100x30 50x14; do
		T resize-window -t "$S" -x "${size%x*}" -y "${size#*x}"
		run "./backcoach start $r"
		skip_pain
		expect "$size: the hold" 'Hold'
		sleep 2.5       # redraws by the clock alone
		check "$size: a second's redraw draws what a whole one does" same_as_whole
		sleep 1.2
		check "$size: ... a second later too" same_as_whole
		chars q
		wait_for 'Quit this session' 2 && chars y
		skip_after
		wait_for '^Session' 5 && key Enter
		wait_for '^EXIT=' 5
		type_line clear
	done
	T resize-window -t "$S" -x 80 -y 24
}

# --- resize, suspend, hang-up -----------------------------------------
test_resize_signals() {
	shell signals || return
	run "./backcoach start tests/data/long.cfg"
	skip_pain
	expect "long hold" "$(label Hold)" 4
	local t0 t1
	T resize-window -t "$S" -x 40 -y 12
	expect "40x12: compact layout" '^Hold  1:[0-9][0-9]'
	check "40x12: the table's key hints that fit" poll 2 footer_is session 40
	check "40x12: Space and q still there" wait_for '^Space pause .* q quit$' 1
	t0=$(time_left)
	check "40x12: time goes on" wait_for "^Time left $(clock $((t0 - 1))) " 3
	T resize-window -t "$S" -x 20 -y 6
	expect "20x6: too small" '^Terminal too small:'
	check "20x6: says how large" wait_for 'need at least 40x12' 1
	T resize-window -t "$S" -x 80 -y 24
	expect "80x24 again: full layout" "$(label Hold)"
	t1=$(time_left)
	check "timing went on while too small ($t0 -> $t1)" [ "$t1" -lt "$t0" ]
	local pid
	pid=$(bc_pid)
	kill -TSTP "$pid"
	expect "TSTP: stopped, shell back" 'Stopped +\./backcoach'
	check "TSTP: terminal restored while stopped" restored
	type_line "fg; echo EXIT=\$?"
	expect "CONT (fg): redrawn" "$(label Hold)"
	check "CONT: still paused" wait_for 'Paused' 2
	t0=$(time_left)
	check "CONT: the digits dimmed, PAUSED shown" poll 2 dim_digits
	check "... PAUSED shown" shows 'P A U S E D'
	key Space
	check "Space resumes" wait_gone 'Paused' 2
	check "resumed: the digits bright again" poll 2 bright_digits
	check "... PAUSED gone" lacks 'P A U S E D'
	check "timing resumes" poll 5 time_left_below "$t0"
	kill -HUP "$pid"
	expect "HUP: exit status 129" '^EXIT=129$'
	check "HUP: terminal restored" restored
}

test_term() {
	shell term || return
	run "NO_COLOR=1 ./backcoach start tests/data/long.cfg"
	skip_pain
	expect "session running" "$(label Hold)" 4
	check "NO_COLOR: no colours" uncoloured
	kill -TERM "$(bc_pid)"
	expect "TERM: exit status 143" '^EXIT=143$'
	check "TERM: terminal restored" restored
}

# --- a non-UTF-8 locale, and Ctrl-C from the keyboard --------------------
test_ascii_intr() {
	shell ascii || return
	run "LC_ALL=C ./backcoach --no-color start tests/data/long.cfg"
	skip_pain
	expect "session in the C locale" "$(label Hold)" 4
	check "--no-color: no colours" uncoloured
	check "C locale: ASCII big digits" wait_for '######' 1
	check "C locale: no block characters" lacks "█"
	key C-c
	expect "Ctrl-C: exit status 130" '^EXIT=130$'
	check "Ctrl-C: terminal restored" restored
}

# --- the picker -------------------------------------------------------
test_picker() {
	shell picker || return
	mkdir -p "$TMP/picker/config/backcoach/routines"
	cp tests/data/tiny.cfg "$TMP/picker/config/backcoach/routines/zz-tiny.cfg"
	run "./backcoach"
	expect "picker" '^backcoach: choose a routine'
	check "bundled routines listed with their times" wait_for '^[> ] [A-Z].* [0-9]+:[0-9]{2}$' 1
	local first
	first=$(selected)
	check "a routine is selected" [ -n "$first" ]
	chars j
	check "j moves down" poll 2 selected_is_not "$first"
	chars k
	check "k moves back" poll 2 selected_is "$first"
	chars '?'
	expect "? shows the picker keys" 'start the selected routine'
	key Escape
	check "Esc closes it" wait_gone 'start the selected routine' 2
	poll 20 down_to '^> Tiny test routine'
	check "Down reaches the user routine" wait_for '^> Tiny test routine +3 s$' 1
	check "its summary under it" wait_for '^    Get ready, then one short hold\.' 1
	key Enter
	skip_pain
	expect "Enter starts it" "$(label 'Get ready')"
	skip_after
	expect "it ends" '^Session complete' 5
	check "end screen offers the way back" wait_for 'back to the routines' 1
	key Enter
	expect "back to the picker" '^backcoach: choose a routine'
	chars q
	expect "q quits with status 0" '^EXIT=0$'
	check "terminal restored" restored
}

# --- a monochrome, ASCII-only terminal ---------------------------------
test_vt100() {
	shell vt100 vt100 || return
	run "./backcoach start tests/data/long.cfg"
	skip_pain
	expect "session on a vt100" "$(label Hold)" 4
	check "ASCII big digits" wait_for '######' 1
	check "no block characters" lacks "█"
	chars q
	wait_for 'Quit this session' 2
	chars y
	skip_after
	expect "quit" 'Session ended early' 2
	chars q
	expect "status 0" '^EXIT=0$'
	check "terminal restored" restored
}

# --- every footer and key box is the key table's ------------------------
test_footers() {
	shell footers || return
	mkdir -p "$TMP/footers/config/backcoach/routines"
	cp tests/data/tiny.cfg "$TMP/footers/config/backcoach/routines/zz-tiny.cfg"
	run "./backcoach"
	expect "picker" '^backcoach: choose a routine'
	check "picker footer" poll 2 footer_is picker
	chars '?'
	expect "picker help" 'start the selected routine'
	check "help box keys" poll 2 box_keys help 60
	key Escape
	chars h
	expect "statistics page" '^Statistics'
	check "statistics footer" poll 2 footer_is page
	chars q
	poll 20 down_to '^> Tiny test routine'
	key Enter
	expect "start card" 'Enter begin'
	check "start card footer" poll 2 footer_is card
	key Enter
	expect "pain prompt" 'Pain now, 0-10'
	check "number prompt keys (before a session)" poll 2 box_keys before
	key Enter
	skip_after
	expect "summary" '^Session complete' 5
	check "summary footer, from the picker" poll 2 footer_is end-back
	key Enter
	chars q
	expect "picker left" '^EXIT=0$'
	type_line clear
	run "./backcoach start tests/data/long.cfg"
	skip_pain
	expect "session" "$(label Hold)" 4
	check "session footer" poll 2 footer_is session
	chars q
	expect "quit question" 'Quit this session\?'
	check "quit question keys" poll 2 box_keys confirm
	chars n
	chars '?'
	expect "session help" 'pause or resume'
	check "session help keys" poll 2 box_keys help 60
	key Escape
	chars q
	chars y
	skip_after
	expect "summary" 'Session ended early'
	check "summary footer" poll 2 footer_is end
	key Enter
	expect "left" '^EXIT=0$'
	type_line clear
	run "build/ui_demo"
	expect "number" 'Pain now'
	key Enter
	expect "line" 'A note\?'
	check "line prompt keys" poll 2 box_keys input
	key Enter
	expect "yes or no" 'Any numbness\?'
	check "yes/no keys" poll 2 box_keys yesno
	chars n
	expect "message" 'Thank you'
	check "message keys" poll 2 box_keys message
	key Enter
	expect "done" '^EXIT=0$'
}

# --- the help and the quit question stop the clock while they are open ---
test_dialogs_pause() {
	local a b
	shell pause || return
	T resize-window -t "$S" -x 80 -y 30     # the help leaves "Time left" in view
	run "./backcoach start tests/data/long.cfg"
	skip_pain
	expect "a long hold" "$(label Hold)" 4
	chars '?'
	expect "help over the session" 'pause or resume'
	check "the session shows paused behind it" wait_for 'Paused' 1
	a=$(time_left)
	sleep 2         # a measurement, not a synchronisation
	b=$(time_left)
	check "the clock stands still behind the help ($a s, then $b s)" \
	    same "$a" "$b"
	key Escape
	check "closing it resumes the clock" wait_for "^Time left $(clock $((a - 1))) " 3
	check "and the session is no longer paused" wait_gone 'Paused' 1
	chars q
	expect "quit question" 'Quit this session\?'
	a=$(time_left)
	sleep 2
	b=$(time_left)
	check "the clock stands still behind the question ($a s, then $b s)" \
	    same "$a" "$b"
	chars n
	check "carrying on resumes it" wait_for "^Time left $(clock $((a - 1))) " 3
	key Space
	expect "paused by the person" 'Paused'
	chars '?'
	expect "help again" 'pause or resume'
	key Escape
	wait_gone 'pause or resume' 2
	a=$(time_left)
	sleep 1.5
	check "a session paused before the help stays paused after it" \
	    [ "$(time_left)" = "$a" ]
	check "and says so" shows 'Paused'
	key C-c
	expect "Ctrl-C: 130" '^EXIT=130$'
}

# --- the modal widgets other screens use (build/ui_demo) -----------------
test_widgets() {
	shell widgets || return
	run "build/ui_demo"
	expect "number prompt" 'Pain now, 0-10\?'
	chars 12
	key Enter
	expect "out of range refused" 'Please type a number from 0 to 10'
	key BSpace BSpace
	chars 4
	expect "typing shows" '> 4_'
	T resize-window -t "$S" -x 40 -y 12
	expect "redrawn at 40x12 (box at column 1)" '^ │ > 4_ +│$'
	check "question kept" wait_for 'Pain now' 1
	T resize-window -t "$S" -x 80 -y 24
	expect "redrawn at 80x24 (box at column 5)" '^     │ > 4_ +│$'
	key Enter
	expect "line prompt" 'A note\?'
	chars "sore knee"
	key Enter
	expect "yes/no" 'Any numbness\?'
	chars n
	expect "message, wrapped" 'Thank you\. This is a longer text'
	key Space
	expect "answers returned" '^pain=1/4 note=1/sore knee yes=0$'
	expect "status 0" '^EXIT=0$'
	run "build/ui_demo"
	expect "number prompt again" 'Pain now'
	chars "sore"
	expect "letters in the number: said, not dropped in silence" 'Only digits: a number from 0 to 10'
	key Enter
	expect "Enter after them: the question stays" 'Not a number: type one from 0 to 10, or Enter again'
	check "still the pain question" lacks 'A note\?'
	key Enter
	expect "Enter alone skips the number" 'A note\?'
	key Enter
	expect "Enter alone skips the line" 'Any numbness\?'
	chars y
	expect "message" 'Thank you'
	key Enter
	expect "skips and yes returned" '^pain=0/-1 note=0/ yes=1$'
	check "terminal restored" restored
}

# The row of the note prompt's box that shows what is typed, and the
# box's top border: the same display width when the text stays in the box.
input_row() { screen | grep '> '; }
box_top() { screen | grep -m1 '┌'; }
cols_of() { printf '%s\n' "$1" | LC_ALL=C.UTF-8 wc -L; }
in_box() {
	local row top
	row=$(input_row) top=$(box_top)
	[ -n "$row" ] && [ "$(cols_of "$row")" = "$(cols_of "$top")" ] &&
	    [[ $row == *│ ]] || { echo "row: $row"; echo "top: $top"; return 1; }
}
# The character under the cursor is drawn in reverse video (SGR 7).
reversed() { T capture-pane -p -e -t "$S" | grep -q $'\e\\[7m'"$1"; }

# --- the line prompt: text that is not ASCII, line editing, Esc --------
test_line_editing() {
	local note='Une note très longue — avec 日本語 et encore du texte'
	shell editing || return
	T resize-window -t "$S" -x 40 -y 12
	run "build/ui_demo"
	expect "number prompt" 'Pain now'
	key Enter
	expect "line prompt at 40x12" 'A note\?'
	chars "$note"
	expect "the end of a long note in view, cursor after it" '> .*du texte_ │$'
	check "the typed row stays inside the box" in_box
	check "no character cut in half (no ? but the question's)" lacks '[?][^ ]'
	key Left Left Left Left Left Left Left Left Left Left Left Left Left Left \
	    Left Left Left Left Left Left
	check "Left x20: the cursor on 語, in reverse video" poll 2 reversed 語
	check "... and the window still inside the box" in_box
	key Home
	expect "Home: the start of the note" '> Une note'
	check "... with the cursor on U" poll 2 reversed U
	key C-u Enter
	wait_for 'Any numbness' 2 && chars n
	wait_for 'Thank you' 2 && key Enter
	expect "Ctrl-U at the start deletes nothing: the note is kept" \
	    '^pain=0/-1 note=1/Une note très longue —'
	check "... whole (the pane is 40 columns wide)" \
	    wait_for '^avec 日本語 et encore du texte yes=0$' 1
	T resize-window -t "$S" -x 80 -y 24
	type_line clear
	run "build/ui_demo"
	expect "number prompt (2)" 'Pain now'
	key Enter
	expect "line prompt (2)" 'A note\?'
	chars "junk"
	key C-u
	chars "sore  knee"
	key C-w
	chars "back"
	key Home Delete
	chars "S"
	key End Left Left Left Left
	chars "low "
	key End Tab
	chars "x"
	key Right BSpace
	chars "é"
	key Left Left Delete
	check "the cursor in the middle: on é" poll 2 reversed é
	key End
	expect "what was typed, edited" '> Sore  low backé_'
	key Enter
	wait_for 'Any numbness' 2 && chars y
	wait_for 'Thank you' 2 && key Enter
	expect "Ctrl-U, Ctrl-W, Home, Delete, End, Left, Tab, Backspace: saved" \
	    '^pain=0/-1 note=1/Sore  low backé yes=1$'
	type_line clear
	run "build/ui_demo"
	expect "number prompt (3)" 'Pain now'
	key Escape
	expect "Esc skips the number" 'A note\?'
	chars "keep me"
	key Escape
	expect "Esc after typing asks first" 'Keep what you typed\?'
	chars n
	expect "n: back to the note, as it was" '> keep me_'
	key M-x
	expect "Alt-x (Esc x) asks too, and x answers nothing" 'Keep what you typed\?'
	chars y
	expect "a bare y keeps the note, and goes on" 'Any numbness\?'
	chars n
	wait_for 'Thank you' 2 && key Enter
	expect "... saved, not thrown away" '^pain=0/-1 note=1/keep me yes=0$'
	type_line clear
	run "build/ui_demo"
	wait_for 'Pain now' 2 && key Enter
	wait_for 'A note\?' 2
	chars "gone"
	key C-u
	key Escape
	expect "deleted, then Esc: skipped without asking" 'Any numbness\?'
	chars n
	wait_for 'Thank you' 2 && key Enter
	expect "... nothing saved" '^pain=0/-1 note=0/ yes=0$'
	type_line clear
	T resize-window -t "$S" -x 40 -y 12
	run "build/ui_demo"
	expect "number prompt (4)" 'Pain now'
	key Enter
	expect "line prompt (4), at 40x12" 'A note\?'
	chars "日本語のメモ、とても長い文章です — été"
	expect "wide characters: the end in view" '> .* — été_ +│$'
	check "... inside the box" in_box
	check "... none cut in half (no ? but the question's)" lacks '[?][^ ]'
	key Enter
	wait_for 'Any numbness' 2 && chars n
	wait_for 'Thank you' 2 && key Enter
	expect "... and saved whole" '^EXIT=0$'
	T resize-window -t "$S" -x 80 -y 24
}

no_escapes() { ! printf %s "$1" | grep -q $'\e'; }

# --- a broken routine never reaches curses ------------------------------
test_broken() {
	S=broken
	local out rc
	out=$(./backcoach start tests/data/broken.cfg 2>&1)
	rc=$?
	check "broken routine: status 1" [ "$rc" = 1 ]
	check "broken routine: FILE:LINE message" \
	    grep -q '^tests/data/broken.cfg:6: error' <<<"$out"
	check "broken routine: no terminal codes" no_escapes "$out"
	out=$(./backcoach start tests/data/tiny.cfg </dev/null 2>&1)
	rc=$?
	check "no terminal: status 1" [ "$rc" = 1 ]
	check "no terminal: says so" grep -q 'needs a terminal' <<<"$out"
	out=$(./backcoach no-such-thing 2>&1)
	rc=$?
	check "unknown name: status 2" [ "$rc" = 2 ]
	check "unknown name: says so" grep -q "no command or routine 'no-such-thing'" <<<"$out"
}

# --- a terminal that cannot move the cursor is refused, untouched --------
test_dumb() {
	# shell() clears the screen, which a dumb terminal cannot do
	tmux_new dumb "$(private_env "$TMP/dumb") HISTFILE= TERM=dumb \
	    PS1='$ ' bash --norc --noprofile -i"
	red_flags_answered "$TMP/dumb"
	wait_for '^\$' 5 || { not_ok "TERM=dumb: shell starts"; return; }
	type_line "cd '$ROOT'; SAVED=\$(stty -g)"
	run "./backcoach start tests/data/tiny.cfg"
	expect "TERM=dumb: refused, saying why" \
	    '^backcoach: this terminal \(TERM=dumb\) cannot move the cursor;'
	expect "TERM=dumb: exit status 1" '^EXIT=1$'
	check "TERM=dumb: nothing drawn (no start card)" lacks 'Enter begin|Tiny test routine'
	check "TERM=dumb: terminal as it was" restored
	type_line clear
	run "./backcoach"
	expect "TERM=dumb: the picker refused too, status 1" '^EXIT=1$'
	check "TERM=dumb: with the same message" wait_for 'cannot move the cursor' 1
}

start=$(now_ms)
test_broken
test_dumb
test_steps
test_complete
test_last_step
test_ceiling
test_time_redraw
test_resize_signals
test_term
test_ascii_intr
test_picker
test_vt100
test_widgets
test_line_editing
test_footers
test_dialogs_pause
note "ui.sh: $(( ($(now_ms) - start) / 1000 )) s"
finish
