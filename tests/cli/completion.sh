#!/bin/bash
# tests/cli/completion.sh - the bash, zsh and fish completions that `make
# install` puts where each shell looks, run in each shell as a person
# would meet them: bash through its completion function, fish through
# `complete -C`, zsh typed into an interactive zsh (compinit) in tmux with
# Tab.  Commands, options, what an option's argument and the operands
# complete (routine ids asked of the installed program, files, words) all
# come from the command table (src/app/commands.def): each shell must
# offer what the table says.  Then `make uninstall` takes them away.
. "$(dirname "$0")/../lib.sh"
need bash zsh fish tmux
MAKE=${MAKE:-make}
private_home "$TMP/home"
D="$TMP/dest"
P=/opt/bc-comp
BIN="$D$P/bin/backcoach"
SHARE="$D$P/share"
show_out() { cat "$TMP/out" 2>/dev/null; }
on_failure show_out

$MAKE -s -C "$ROOT" install DESTDIR="$D" PREFIX="$P" >"$TMP/out" 2>&1; rc=$?
installed() {
	[ $rc = 0 ] && [ -f "$SHARE/bash-completion/completions/backcoach" ] &&
	    [ -f "$SHARE/zsh/site-functions/_backcoach" ] &&
	    [ -f "$SHARE/fish/vendor_completions.d/backcoach.fish" ]
}
check "make install puts the bash, zsh and fish completions where each looks" installed

# The commands and aliases of the table, as --help and the completions
# name them.
"$BIN" --help | awk '/^Commands:/ { c = 1; next } c && /^$/ { exit }
    c && /^  [^ ]/ { print $1 }' | sort -u >"$TMP/commands"

# --- bash ----------------------------------------------------------------
COMP="$SHARE/bash-completion/completions/backcoach"
bash_complete() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
		_backcoach; printf "%s\n" "${COMPREPLY[@]}"' sh "$COMP" "$BIN" "$@" \
		>"$TMP/out" 2>&1
}
offers() { grep -qx -- "$1" "$TMP/out"; }
offers_only() { [ "$(sort "$TMP/out" | tr '\n' ' ')" = "$1 " ]; }
bash_complete ""
every_command() { comm -23 "$TMP/commands" <(sort -u "$TMP/out") >"$TMP/missing"; [ ! -s "$TMP/missing" ]; }
check "bash: every command of --help" every_command
bash_complete st
check "bash: 'st' offers start and stats only" offers_only "start stats"
bash_complete stat
check "bash: 'stat' completes to stats" offers_only "stats"
bash_complete show mc
check "bash: routine ids after 'show'" offers_only "mcgill-big3"
bash_complete history --format ""
check "bash: history --format offers the four formats" offers_only "csv json table tsv"
bash_complete history --since ""
check "bash: history --since DATE offers nothing" eval '! grep -q . "$TMP/out"'
bash_complete check --q
check "bash: check's options" offers_only "--quiet"
bash_complete ls --
check "bash: the alias 'ls' has list's options and the global ones" \
	eval 'offers --ids && offers --no-sound && offers --history'
mkdir -p "$TMP/rt" && : >"$TMP/rt/mine.cfg" && : >"$TMP/rt/pose.fig" && : >"$TMP/rt/notes.txt" && : >"$TMP/rt/six.programme"
bash_complete check "$TMP/rt/"
check "bash: check offers .cfg, .fig and .programme files for a path, not others" \
	eval 'offers "$TMP/rt/mine.cfg" && offers "$TMP/rt/pose.fig" && offers "$TMP/rt/six.programme" &&
	      ! offers "$TMP/rt/notes.txt"'
bash_complete --config "$TMP/rt/no"
check "bash: --config FILE completes files" offers_only "$TMP/rt/notes.txt"
bash_complete programme ""
check "bash: programme offers its subcommands first, no id" \
	offers_only "list next show start status stop"
bash_complete programme start ""
check "bash: programme start offers the programme ids only" offers_only "flare-up six-weeks"
bash_complete remind --days ""
check "bash: remind --days offers the table's examples" offers_only "mon,wed,fri mon-fri sat,sun"
bash_complete help so
check "bash: help completes command names" offers_only "sound-test"

# Every option of every command, as its help lists them from the table,
# is offered after the command and "--".
every_option() {
	local c o missing=
	while read -r c; do
		bash_complete "$c" --
		for o in $("$BIN" help "$c" | awk '/^Options:/ { o = 1; next } o' |
		    sed -n 's/^  \(-., \)\{0,1\} *\(--[a-z][a-z-]*\).*/\2/p' | sort -u); do
			offers "$o" || missing="$missing $c:$o"
		done
	done <"$TMP/commands"
	[ -z "$missing" ] || { echo "not offered:$missing"; return 1; }
}
check "bash: every option of every command's help, after the command" every_option

# --- fish ----------------------------------------------------------------
# fish finds vendor completions through XDG_DATA_DIRS, as a package's.
fish_complete() {
	env PATH="$D$P/bin:$PATH" XDG_DATA_DIRS="$SHARE:/usr/share" \
		fish -c "complete -C $(shquote "$1")" >"$TMP/out" 2>&1
	cut -f1 "$TMP/out" >"$TMP/words"
}
fish_offers_only() { [ "$(sort "$TMP/words" | tr '\n' ' ')" = "$1 " ]; }
fish_complete "backcoach st"
check "fish: 'backcoach st' offers start and stats" fish_offers_only "start stats"
check "fish: ... with their summaries from the table" \
	grep -qx "stats	weekly sessions and minutes, streaks, routines, pain trend" "$TMP/out"
fish_complete "backcoach "
every_command_fish() { comm -23 "$TMP/commands" <(sort -u "$TMP/words") >"$TMP/missing"; [ ! -s "$TMP/missing" ]; }
check "fish: every command of --help, and the routine ids" \
	eval 'every_command_fish && grep -qx mcgill-big3 "$TMP/words"'
fish_complete "backcoach show mc"
check "fish: routine ids after 'show'" fish_offers_only "mcgill-big3"
fish_complete "backcoach history --format "
check "fish: history --format offers the four formats" fish_offers_only "csv json table tsv"
fish_complete "backcoach new x --from desk"
check "fish: new --from completes routine ids" fish_offers_only "desk-break"
fish_complete "backcoach programme "
check "fish: programme offers its subcommands first" fish_offers_only "list next show start status stop"
fish_complete "backcoach programme start "
check "fish: programme start completes programme ids" fish_offers_only "flare-up six-weeks"
fish_complete "backcoach check --"
check "fish: check's options" eval 'grep -qx -- --quiet "$TMP/words" && grep -qx -- --config "$TMP/words"'

# (tmux drops the spaces at the end of a line: a completed word's space
# cannot be seen)
on_failure screen
# --- zsh: typed into an interactive zsh with compinit, as a person would --
printf '%s\n' "fpath=($(shquote "$SHARE/zsh/site-functions") \$fpath)" \
	"autoload -Uz compinit && compinit -u -d $(shquote "$TMP/zcompdump")" \
	"PS1='zsh> '" >"$TMP/zshrc"
tmux_new zsh "env -i PATH=$(shquote "$D$P/bin:$PATH") HOME=$(shquote "$HOME") TERM=xterm-256color ZDOTDIR=$(shquote "$TMP/zdot") zsh -f -i"
mkdir -p "$TMP/zdot"
wait_for '.' 5
chars ". $(shquote "$TMP/zshrc")"; key Enter
wait_for '^zsh> ' 10
# zsh_tab TEXT: a fresh line, TEXT typed, then Tab
zsh_tab() { key C-c; sleep 0.2; key C-l; wait_for '^zsh> *$' 5; chars "$1"; key Tab; }
zsh_tab "backcoach st"
expect "zsh: 'backcoach st' Tab: 'sta', what start and stats share" '^zsh> backcoach sta$'
key Tab
expect "zsh: ... a second Tab lists start and stats, with their summaries" \
	'^start +-- coach a routine full-screen, at once'
check "zsh: ... stats too" shows '^stats +-- weekly sessions'
zsh_tab "backcoach show mc"
expect "zsh: show mc Tab completes the routine id" '^zsh> backcoach show mcgill-big3 *$'
zsh_tab "backcoach history --form"
expect "zsh: history --form Tab completes --format" '^zsh> backcoach history --format *$'
zsh_tab "backcoach history --format "
expect "zsh: ... then the four formats" '^csv +json +table +tsv *$'
zsh_tab "backcoach history --"
expect "zsh: history's options with their help" '^--since +-- only sessions started on or after DATE'
check "zsh: ... and the global ones after the command" shows '^--no-sound +-- no sound cues'
zsh_tab "backcoach programme start si"
expect "zsh: programme start si Tab completes the programme id" '^zsh> backcoach programme start six-weeks *$'
zsh_tab "backcoach stat"
expect "zsh: 'stat' Tab completes to stats" '^zsh> backcoach stats *$'

$MAKE -s -C "$ROOT" uninstall DESTDIR="$D" PREFIX="$P" >"$TMP/out" 2>&1; rc=$?
find "$D" ! -type d >"$TMP/out"
nothing_left() { [ $rc = 0 ] && [ ! -s "$TMP/out" ]; }
check "make uninstall removes the three completions" nothing_left
finish
