#!/bin/bash
# tests/ui/figures.sh - the picture of every pose (issue 12).  Every bundled
# exercise names a figure that validates, whose frames fit 80 columns and
# print in ASCII under LANG=C, character for character; bad figure files
# are refused with FILE:LINE; a routine of yours can name a bundled figure
# or bring its own.  Then the coach in a private tmux server, as a person
# drives it: the figure beside the countdown at 100x30, on the start card,
# gone at 40x12 with the countdown still there, its frame following the
# tempo phase, hold and relax and the side; in ASCII under LANG=C; and at
# 80x24 for every exercise of every bundled routine.
#
# Usage: tests/ui/figures.sh (from anywhere; builds nothing).  Prints a TAP
# line per check and "figures.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
need_built backcoach build/bytecheck
need tmux
private_home "$TMP/home"
red_flags_answered "$HOME"
mkdir -p "$XDG_CONFIG_HOME/backcoach"
printf 'pain_prompts = false;\nsound = false;\n' >"$XDG_CONFIG_HOME/backcoach/config"
export LC_ALL=C.UTF-8           # for this script's own tools: wc, sed
BC=./backcoach
ROUTINES=$(cd routines && ls ./*.cfg | sed 's|^\./||; s|\.cfg$||')

# c_locale COMMAND...: COMMAND in the C locale, as LANG=C gives it.
c_locale() { env -u LC_ALL -u LC_CTYPE LANG=C "$@"; }

# rows FIGURE [LABEL]: the picture rows of a bundled figure's frames (of
# the frame so labelled, or all), trimmed, leaving out the floor and rows
# of less than 3 characters: what shows that the figure is on a screen.
rows() {
	LC_ALL=C awk -v want="${2-}" -v all="${2+no}" '
		/^frame/ { lab = $0; sub(/^frame[ \t]*/, "", lab)
			sub(/[ \t]+$/, "", lab); on = (all == "" || lab == want); next }
		/^\|/ && on { r = substr($0, 2); gsub(/^ +| +$/, "", r); print r }' \
	    "routines/figures/$1.fig" | grep -E '^.{3,}$' | grep -v '^▔*$' | sort -u
}
# only FIGURE A B: the rows of frame A that frame B has not.
only() { comm -23 <(rows "$1" "$2") <(rows "$1" "$3"); }
# has_rows: some line of the screen holds one of the rows on stdin.
has_rows() { local r; r=$(cat); [ -n "$r" ] && screen | grep -qF -- "$r"; }
shows_frame() { rows "$@" | has_rows; }
lacks_frame() { ! rows "$@" | has_rows; }
# shows_only FIGURE A B: frame A on the screen, not frame B.
shows_only() { only "$1" "$2" "$3" | has_rows && ! only "$1" "$3" "$2" | has_rows; }
# The figure of each exercise of a routine, from show --figures.
figures_of() { $BC show --figures "$1" | sed -n 's/^[0-9]*\. .* (figure \(.*\))$/\1/p'; }

# --- the library: every exercise has a valid figure ----------------------
out=$($BC check -q routines/*.cfg 2>&1); rc=$?
check "every bundled routine passes check with its figures, silently" \
	test "$rc" = 0 -a -z "$out"
out=$($BC check routines/figures/*.fig 2>&1); rc=$?
nfig=$(find routines/figures -name '*.fig' | wc -l)
all_ok() { [ "$rc" = 0 ] && [ "$(grep -c ': ok, figure ' <<<"$out")" = "$nfig" ]; }
check "every figure file passes 'check FILE.fig' alone ($nfig)" all_ok

missing= used= nex=0
for r in $ROUTINES; do
	$BC show --figures "$r" >"$TMP/show.$r" 2>&1 || missing="$missing $r"
	n=$(grep -c '^[0-9]*\. ' "$TMP/show.$r")
	with=$(grep -c '^[0-9]*\. .* (figure [a-z0-9-]*)$' "$TMP/show.$r")
	[ "$n" -gt 0 ] && [ "$n" = "$with" ] || missing="$missing $r"
	nex=$((nex + n))
	used="$used $(figures_of "$r")"
done
check "every bundled exercise names a figure ($nex exercises)" test -z "$missing"
unused=
for f in routines/figures/*.fig; do
	id=$(basename "$f" .fig)
	grep -qw -- "$id" <<<"$used" || unused="$unused $id"
done
check "every bundled figure is used by an exercise" test -z "$unused"

# fits LIMIT FILE: no line wider than LIMIT columns (all are one wide).
fits() { [ "$(wc -L <"$2")" -le "$1" ]; }
# frames_fit FILE: each exercise's figure, frames and labels, fits 24 rows.
frames_fit() { awk '/^[0-9]+\. / { n = 0 } { if (++n > 24) bad = 1 } END { exit bad }' "$1"; }
wide= tall= ascii= same=
for r in $ROUTINES; do
	fits 80 "$TMP/show.$r" || wide="$wide $r"
	frames_fit "$TMP/show.$r" || tall="$tall $r"
	c_locale $BC show --figures "$r" >"$TMP/ascii.$r" 2>&1
	[ "$(LC_ALL=C tr -d '\n -~' <"$TMP/ascii.$r" | wc -c)" = 0 ] || ascii="$ascii $r"
	# the same picture: line for line, the same widths
	[ "$(while IFS= read -r l; do echo ${#l}; done <"$TMP/show.$r")" = \
	  "$(while IFS= read -r l; do echo ${#l}; done <"$TMP/ascii.$r")" ] || same="$same $r"
done
check "show --figures fits 80 columns" test -z "$wide"
check "each figure, every frame labelled, fits 24 rows" test -z "$tall"
check "LANG=C show --figures prints no byte above 0x7f" test -z "$ascii"
check "the ASCII figures have the Unicode ones' shape" test -z "$same"
# ascii_of: the characters of McGill's Big 3 figures, as backcoach-routine(5)
# says each is drawn in ASCII.
ascii_of() {
	sed 's/●/O/g; s/[─━]/-/g; s/[│┃]/|/g; s/[┌┐└┘┬┴├┤┼]/+/g; s/[╭╮]/./g
	    s/[╰╯]/'"'"'/g; s|╱|/|g; s|╲|\\|g; s/▔/=/g; s/▄/#/g; s/←/</g; s/→/>/g; s/↑/^/g'
}
c_locale $BC show --figures mcgill-big3 >"$TMP/ascii" 2>&1
check "LANG=C: each character stands for its Unicode one (mcgill-big3)" \
	cmp -s <(ascii_of <"$TMP/show.mcgill-big3") "$TMP/ascii"

# --- figures of yours, and bad ones ----------------------------------------
M="$TMP/mine"
mkdir -p "$M/figures"
printf 'name Pose\nframe\n|  \xe2\x97\x8f\xe2\x94\x80\xe2\x94\x80 mine\n' >"$M/figures/pose.fig"
cat >"$M/mine.cfg" <<'EOF'
version = 1;
name = "Mine";
exercises = (
  { name = "Bundled"; hold = 1; figure = "bird-dog"; },
  { name = "Own"; hold = 1; figure = "pose"; }
);
EOF
$BC show --figures "$M/mine.cfg" >"$TMP/out" 2>&1; rc=$?
both() {
	[ "$rc" = 0 ] && grep -q '^1\. Bundled (figure bird-dog)$' "$TMP/out" &&
	    grep -q '^2\. Own (figure pose)$' "$TMP/out" && grep -q '●── mine' "$TMP/out"
}
check "a routine of yours names a bundled figure and brings its own" both
# the user's figure directory comes before the bundled one
U="$XDG_CONFIG_HOME/backcoach/routines/figures"
mkdir -p "$U"
printf 'name My bird dog\nframe\n|my own bird dog\n' >"$U/bird-dog.fig"
$BC show --figures mcgill-big3 >"$TMP/out" 2>&1
check "a figure of yours is drawn instead of the bundled one" grep -q 'my own bird dog' "$TMP/out"
rm "$U/bird-dog.fig"

# bad.fig: one problem a line, at known lines
printf '%s\n' '# bad.fig' 'name Bad' 'frame hold' \
    "|$(printf 'o%.0s' {1..31})" 'fram relax' 'frame hold' '|o' 'frame empty' \
    'frame tab' "|o$(printf '\t')o" "|o$(printf '\033')[2Jo" \
    "|o$(printf '\xe4\xb8\x80')" >"$M/figures/bad.fig"
cat >"$M/bad.cfg" <<'EOF'
version = 1;
name = "Bad";
exercises = (
  { name = "One"; hold = 1;
    figure = "bad"; },
  { name = "Two"; hold = 1;
    figure = "bird-dgo"; }
);
EOF
$BC check "$M/bad.cfg" >"$TMP/out" 2>"$TMP/err"; rc=$?
on_failure cat "$TMP/err"
F="$M/figures/bad.fig"
has() { grep -qF -- "$1" "$TMP/err"; }
check "a bad figure: exit 1" test "$rc" = 1
check "FILE:LINE: a row too wide" has "$F:4: error: this row is too wide: 31 columns, at most 30"
check "FILE:LINE: an unknown keyword, and the one meant" \
	has "$F:5: error: unknown keyword 'fram' (did you mean 'frame'?)"
check "FILE:LINE: a frame label given twice" \
	has "$F:6: error: frame 'hold' is given twice (first at line 3)"
check "FILE:LINE: an empty frame" has "$F:8: error: frame 'empty' is empty"
check "FILE:LINE: a tab" has "$F:10: error: a picture row may not hold a tab"
check "FILE:LINE: a control character" has "$F:11: error: this line holds a control character"
check "FILE:LINE: a character a figure may not use" \
	has "$F:12: error: U+4E00 cannot be drawn in a figure"
check "the routine's figure line: not valid" \
	has "$M/bad.cfg:5: error: figure 'bad' ($F) is not valid: see its errors"
check "the routine's figure line: missing, and the one meant" \
	has "$M/bad.cfg:7: error: no figure 'bird-dgo' (did you mean 'bird-dog'?)"
check "nothing a terminal obeys in the messages" build/bytecheck figures <"$TMP/err"
$BC check "$F" >"$TMP/out" 2>"$TMP/err"; rc=$?
alone() { [ "$rc" = 1 ] && [ "$(grep -c "^$F:[0-9]*: error: " "$TMP/err")" = 7 ]; }
check "check FILE.fig: the same 7 errors alone" alone
$BC start "$M/bad.cfg" </dev/null >"$TMP/out" 2>"$TMP/err"; rc=$?
check "a routine with a bad figure is not started" \
	eval '[ "$rc" = 1 ] && grep -q "has errors; not starting it" "$TMP/err"'
on_failure screen

# --- the session screen, in tmux ------------------------------------------
# start_paused: the card passed, the session paused at its first step.
start_paused() {
	begin 5 && wait_for 'Get ready' 5 && key Space && wait_for 'Paused' 3
}
# big digits: a countdown of block characters is on screen
big_countdown() { screen | grep -q '██'; }
# prep NAME: private directories for a pane, the settings and red flags
# as above.
prep() { mkdir -p "$TMP/pane-$1/config/backcoach" "$TMP/pane-$1/state/backcoach"
	cp "$XDG_CONFIG_HOME/backcoach/config" "$TMP/pane-$1/config/backcoach/"
	touch "$TMP/pane-$1/state/backcoach/screened"; }
# run_coach NAME WxH ROUTINE [LANG]: a pane NAME of that size coaching
# ROUTINE (in the locale LANG).
run_coach() {
	prep "$1"
	tmux_new "$1" "$(private_env "$TMP/pane-$1") ${4:+LANG=$4} TERM=screen \
	    $BC --no-sound start $3; sleep 600"
	T resize-window -t "$1" -x "${2%x*}" -y "${2#*x}"
}

run_coach big 100x30 mcgill-big3
expect "100x30: the start card" 'Enter begin'
key End
expect "the start card shows the first exercise's figure" 'First, Cat-camel:'
check "the card draws its frames" shows_frame cat-camel Arch
key Enter
expect "the session starts" 'Get ready' 5
key Space
expect "paused" 'Paused'
check "100x30: the figure is drawn (getting ready: its ready frame)" shows_only cat-camel ready Arch
check "100x30: with the big countdown" big_countdown
beside() { screen | grep -F -- "$(only cat-camel ready Arch | head -1)" | grep -q '██'; }
check "100x30: beside the countdown, on its rows" beside
key n
expect "n: the first tempo phase, Arch" '^ *Arch *$'
check "Arch: the Arch frame, not the Round one" shows_only cat-camel Arch Round
key n
expect "n: the second phase, Round" '^ *Round *$'
check "Round: the Round frame, not the Arch one" shows_only cat-camel Round Arch
T resize-window -t big -x 40 -y 12
expect "40x12: the compact countdown is there" '^Round  [0-9]+' 3
check "40x12: the figure is dropped" lacks_frame cat-camel
check "40x12: no floor line either" lacks '▔'
T resize-window -t big -x 100 -y 30
expect "100x30 again: the figure is back" '^ *Round *$' 3
check "and its Round frame" shows_only cat-camel Round Arch
# hold and relax, and the sides: bird dog, exercise 4
key N N N
expect "N N N: bird dog" 'Exercise 4 of 4'
check "getting ready on the left: the relax frame" shows_only bird-dog 'relax left' 'hold left'
key n
expect "n: Hold" '^ *Hold *$'
check "Hold: the hold frame, arm and leg reaching" shows_only bird-dog 'hold left' 'relax left'
key n
expect "n: Relax" '^ *Relax *$'
check "Relax: the relax frame again" shows_only bird-dog 'relax left' 'hold left'
# to the other side, a step at a time (paused: the screen changes only
# with a key)
differs() { [ "$(screen)" != "$1" ]; }
advance() { local before; before=$(screen); key n; poll 3 differs "$before"; }
to_switch() {
	local k
	for k in $(seq 20); do
		shows '^ *Switch sides *$' && return 0
		advance || return 1
	done
	return 1
}
check "n ... : Switch sides" to_switch
mirrored() { screen | grep -qF '┌─────────┬─●'; }
check "switching sides: the relax frame turned round, facing right" mirrored
key n
expect "n: Hold on the right" '^ *Hold *$'
check "the counters say so" shows 'Side: right arm, left leg'
check "Hold on the right: the mirrored hold frame" shows '←──────────┬─────────┼─●'
left_gone() { ! only bird-dog 'hold left' 'relax left' | has_rows; }
check "and not the left one" left_gone
tmux_kill

# knee rolls: to one side on odd reps, to the other on even ones
run_coach rolls 100x30 evening-stretch
start_paused
key N
expect "N: knee rolls" 'Exercise 2 of'
check "getting ready: knees up in the middle" shows_only knee-rolls relax 'hold odd'
key n
expect "n: Hold, rep 1" 'Rep 1 of'
check "rep 1: the knees to one side" shows_only knee-rolls 'hold odd' relax
key n n
expect "n n: Hold, rep 2" 'Rep 2 of'
check "rep 2: the knees to the other side" shows '╱ ╭╯ ╱ ╭╯'
check "and not the first" lacks '╰╮ ╲ ╰╮ ╲'
tmux_kill

# ASCII under LANG=C
run_coach ascii 80x24 mcgill-big3 C
start_paused
expect "LANG=C: the figure in ASCII" 'O--\+---------\+' 3
check "LANG=C: its floor" shows '==================='
check "LANG=C: nothing but ASCII on the screen" eval '! screen | LC_ALL=C grep -q "[^ -~]"'
tmux_kill

# --- 80x24: every exercise of every bundled routine ------------------------
for r in $ROUTINES; do
	run_coach "r-$r" 80x24 "$r"
	start_paused || { not_ok "$r: starts"; tmux_kill; continue; }
	i=0
	for fig in $(figures_of "$r"); do
		i=$((i + 1))
		wait_for "Exercise $i of" 3
		check "80x24 $r, exercise $i: figure $fig beside the countdown" \
			shows_frame "$fig"
		key N
	done
	tmux_kill
done
finish
