#!/bin/bash
# tests/ui/console.sh - on the Linux console (TERM=linux) the session screen
# draws only what the console's font has: code page 437's light and
# double lines and its blocks (the kernel's font and console-setup's have
# them), ASCII for the rest.  A session is driven in tmux with TERM=linux
# inside the pane, and every character on the screen is checked against
# that set: the figure (its heavy and rounded lines drawn light, its ▔
# floor as ▀, its ● as O), the big countdown and the bar.  The same screen
# under TERM=screen keeps the figure's own characters.
. "$(dirname "$0")/../lib.sh"
BC=${BC:-$ROOT/backcoach}
need_built "$BC"
need tmux
private_home "$TMP/home"
on_failure screen

# The characters the console's font has (U+2500-U+256C as cp437 has them,
# the blocks), and ASCII.
CONSOLE='─│┌┐└┘├┤┬┴┼═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬▀▄█▌▐░▒▓■°·'
# foreign: the characters on screen that are neither ASCII nor in the set
foreign() {
	screen | LC_ALL=C.UTF-8 grep -o '[^ -~]' | LC_ALL=C.UTF-8 grep -v "[$CONSOLE]" |
		sort -u | tr -d '\n'
}
only_console() {
	local f
	shows Paused || { echo "no session on screen"; return 1; }
	f=$(foreign)
	[ -z "$f" ] || { echo "not in the console's font: $f"; return 1; }
}

# run_coach NAME TERM: a 100x30 pane coaching bird dog's routine, paused
# at the start of its first hold of bird dog.
run_coach() {
	local d="$TMP/pane-$1"
	mkdir -p "$d/config/backcoach" "$d/state/backcoach"
	printf 'pain_prompts = false;\nsound = false;\n' >"$d/config/backcoach/config"
	touch "$d/state/backcoach/screened"
	printf 'version = 1;\nname = "Bird dog";\nlead_in = 3;\nexercises = ( {\n name = "Bird dog"; figure = "bird-dog";\n hold = 8; reps = 2; sides = true; } );\n' \
		>"$TMP/bird.cfg"
	tmux_new "$1" "$(private_env "$d") TERM=$2 $(shquote "$BC") --no-sound start \
		$(shquote "$TMP/bird.cfg"); sleep 600"
	T resize-window -t "$1" -x 100 -y 30
	wait_for 'Enter begin' 5 && key End && wait_for 'First, Bird dog' 3 &&
		CARD=$(screen) && key Enter && wait_for 'Get ready' 5 && key n &&
		wait_for '^ *Hold' 5 && key Space && wait_for 'Paused' 3
}

CARD=
run_coach linux linux
card_console() {
	printf '%s\n' "$CARD" | grep -q 'First, Bird dog' &&
	    printf '%s\n' "$CARD" | grep -q '▀▀▀▀▀▀' &&
	    ! printf '%s\n' "$CARD" | LC_ALL=C.UTF-8 grep -o '[^ -~]' |
		LC_ALL=C.UTF-8 grep -qv "[$CONSOLE]"
}
check "TERM=linux: the start card's figure in the console's characters" card_console
expect "TERM=linux: the session, paused in a hold" 'Paused'
check "TERM=linux: the big countdown, in full blocks" shows '██'
check "TERM=linux: the session's bar, in full and shaded blocks" shows '█+░+'
check "TERM=linux: the figure's floor, ▔ drawn as ▀" shows '▀▀▀▀▀▀▀▀▀▀'
check "TERM=linux: its lines drawn light (─┼ and │)" shows '─┼─────────┬─'
check "TERM=linux: its head (●) as O" shows ' O─┼─'
check "TERM=linux: every character on screen is one the console's font has" only_console
key n
wait_for '^ *Relax' 5
check "TERM=linux: the next frame too" only_console
key q
tmux_kill

run_coach screen screen
expect "TERM=screen: the session, paused in a hold" 'Paused'
check "TERM=screen: the figure's own characters (▔, ●)" eval "shows '▔▔▔▔▔▔' && shows '●─┼'"
finish
