#!/bin/bash
# tests/ui/picker-edit.sh - `e` in the routine picker, driven in a private
# tmux server as a person would: the full screen gives way to the editor
# (a scripted one here), the edit is checked and saved (or refused), Enter
# brings the picker back with the list reloaded, and q still exits 0 with
# the terminal restored.  Polls the screen with deadlines; no fixed sleeps.
# Prints "picker-edit.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
need_built backcoach
need tmux
CAPTURE_FLAGS=-J        # the screen, with lines the terminal wrapped joined
on_failure screen       # a failed check shows the screen as it was

sel() { screen | grep '^> '; }
selected_is() { sel | grep -q "^> $1"; }
selected_is_not() { [ "$(sel)" != "$1" ]; }
# select_row NAME: moves down the list, then up, until NAME is selected.
select_row() {
	local dir before
	for dir in Down Up; do
		while ! selected_is "$1"; do
			before=$(sel)
			key "$dir"
			poll 1 selected_is_not "$before" || break     # an end of the list
		done
		selected_is "$1" && return 0
	done
	return 1
}

H="$TMP/home"
U="$H/config/backcoach/routines"
env=$(private_env "$H")
# TMPDIR: the copy of an edit given up is kept there, and goes with TMP
mkdir -p "$U" "$H/state/backcoach" "$TMP/bin" "$TMP/tmp"
cp tests/data/tiny.cfg "$U/zz-tiny.cfg"
cp routines/mcgill-big3.cfg "$TMP/bundled.orig"
# The editor: renames the tiny routine, or appends a comment to any other;
# with BREAK set, makes the routine invalid instead.
cat >"$TMP/bin/ed" <<'EOF'
#!/bin/sh
touch "$RUNNING"
while [ -e "$HOLD" ]; do sleep 0.05; done    # until the test lets go
if [ -e "$BREAK" ]; then sed -i -e 's/hold = [0-9.]*;/hold = -1;/' "$1"; exit 0; fi
if grep -q 'Tiny test routine' "$1"; then
	sed -i -e 's/Tiny test routine/Tiny edited/' "$1"
else
	echo "# edited from the picker" >>"$1"
fi
EOF
chmod +x "$TMP/bin/ed"

tmux_new pe "$env TMPDIR='$TMP/tmp' HISTFILE= TERM=screen VISUAL='$TMP/bin/ed' \
    BREAK='$TMP/break' RUNNING='$TMP/running' HOLD='$TMP/hold' \
    PS1='$ ' bash --norc --noprofile -i"
wait_for '^\$' 5 || { not_ok "shell starts"; exit 1; }
type_line "cd '$ROOT'; SAVED=\$(stty -g); clear; ./backcoach; echo EXIT=\$?"
expect "the picker" '^backcoach: choose a routine'
check "the key hint names e" wait_for 'e edit' 1

# A user routine: edited in place, and the list shows the new name.
check "select the user routine" select_row 'Tiny test routine'
key e
expect "e: the edit is saved" "^saved $U/zz-tiny.cfg"
expect "asks for Enter" 'Press Enter to go back to the routines'
key Enter
expect "Enter: back to the picker" '^backcoach: choose a routine'
check "the list is reloaded: the new name, still selected" wait_for '^> Tiny edited' 2

# A bundled routine: copied to the user's directory, never changed.
check "select a bundled routine" select_row 'McGill Big 3'
key e
expect "e on a bundled routine: saved as the user's copy" 'saved your copy as'
key Enter
expect "back to the picker" '^backcoach: choose a routine'
check "the user's copy has the edit" grep -q '^# edited from the picker$' "$U/mcgill-big3.cfg"
check "the bundled file is unchanged" cmp -s routines/mcgill-big3.cfg "$TMP/bundled.orig"

# A broken edit, given up: the routine is left as it was.
cp "$U/zz-tiny.cfg" "$TMP/tiny.before"
touch "$TMP/break"
check "select the user routine again" select_row 'Tiny edited'
key e
expect "the problem, naming the routine's file" "^$U/zz-tiny.cfg:[0-9]+: error: "
expect "edit again?" 'edit again\? \[Y/n\]'
type_line n
expect "given up: left unchanged" 'left unchanged; your edited copy is in'
key Enter
expect "back to the picker" '^backcoach: choose a routine'
check "the routine is untouched" cmp -s "$U/zz-tiny.cfg" "$TMP/tiny.before"

# ^Z while the editor runs stops backcoach with it (the coach holds
# SIGTSTP blocked for its signalfd); fg continues both.
rm -f "$TMP/break" "$TMP/running"
touch "$TMP/hold"
key e
check "the editor runs" poll 5 test -e "$TMP/running"
key C-z
expect "^Z: the shell has the terminal back" 'Stopped'
type_line fg
rm -f "$TMP/hold"
expect "fg: the edit goes on and is saved" "saved $U/zz-tiny.cfg" 5
key Enter
expect "back to the picker" '^backcoach: choose a routine'

# (^Z made bash run the rest of the command line, "echo EXIT=147"; the
# status of the program is now the status of fg)
key q
only_bash() { test -z "$(T list-panes -t "$S" -F '#{pane_current_command}' | grep -v bash)"; }
check "q: back at the prompt" poll 5 only_bash
type_line 'echo EXIT=$?'
expect "q: exit status 0" '^EXIT=0$'
type_line 'clear; [ "$(stty -g)" = "$SAVED" ] && echo STTY-SANE'
expect "the terminal is restored" '^STTY-SANE$'

# ^C at the plain prompts after an edit ends backcoach there, as ^C
# ends any program: killed by SIGINT (bash drops the rest of the line, so
# the status is asked for after), the terminal as it was.
for prompt in 'Press Enter to go back to the routines' 'edit again\? \[Y/n\]'; do
	[ "${prompt#edit}" = "$prompt" ] || touch "$TMP/break"
	type_line "clear; ./backcoach"
	expect "the picker again" '^backcoach: choose a routine'
	check "select the user routine" select_row 'Tiny edited'
	key e
	expect "the edit done, then: $prompt" "$prompt" 5
	key C-c
	check "^C at '$prompt': back at the prompt" poll 5 only_bash
	type_line 'echo EXIT=$?'
	expect "^C at '$prompt': exit status 130" '^EXIT=130$'
	type_line 'clear; [ "$(stty -g)" = "$SAVED" ] && echo STTY-SANE'
	expect "^C at '$prompt': the terminal is restored" '^STTY-SANE$'
	rm -f "$TMP/break"
done

finish
