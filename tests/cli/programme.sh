#!/bin/bash
# tests/cli/programme.sh - a programme over weeks and its reminders, as a
# person meets them: `check` on good and bad programme files (each bad one
# under tests/data/programmes/bad names the line and words it expects);
# `programme` list, show, start, status, next, stop and the state file;
# `today` and its exit status over real histories (done, not done, a gap
# that repeats the week, a flare that steps back); `remind` writing
# systemd user units that `systemd-analyze verify` passes, `--off`
# leaving no file, no systemd giving a crontab line; `notify` against
# python3-dbusmock's notification server on a private bus, and without a
# bus; in tmux, the picker's first entry is today's routine and `today`
# says done after the session.  Prints a TAP line per check and
# "programme.sh: N passed, M failed".
. "$(dirname "$0")/../lib.sh"
BC="$ROOT/backcoach"
need_built "$BC"
need tmux dbus-run-session gdbus systemd-analyze
H="$TMP/home"
private_home "$H"
U="$H/config/backcoach/routines"
P="$U/programmes"
STATE="$H/state/backcoach/programme"
HIST="$H/state/backcoach/history"
UNITS="$H/config/systemd/user"
mkdir -p "$P" "$H/state/backcoach"

run() { "$BC" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
show_run() { echo "status $rc"; cat "$TMP/out" "$TMP/err"; }
on_failure show_run
has() { grep -qF -- "$1" "$TMP/out"; }
err_has() { grep -qF -- "$1" "$TMP/err"; }

# --- check: the bundled programmes, and bad ones at their lines ---------------
run check routines/programmes/*.programme
check "check: the bundled programmes are valid" \
	eval '[ $rc = 0 ] && has "six-weeks.programme: ok, programme Six weeks: gentle to the Big 3, 6 weeks" && has "flare-up.programme: ok"'
url='https?://[^ ]+\.[^ ]+'
for f in routines/programmes/*.programme; do
	weeks=$(grep -c '^  {$' "$f")
	srcs=$(grep -Ec "^    source = \".*$url" "$f")
	check "$(basename "$f"): every week names its source with a URL" test "$weeks" = "$srcs"
done
for f in tests/data/programmes/bad/*.programme; do
	want=$(sed -n 's/^# expect: //p' "$f")
	run check "$f"
	check "check $(basename "$f"): exit 1, $f:${want%%: *}: ${want#*: }" \
		eval '[ $rc = 1 ] && grep -qF -- "$f:${want%%: *}: error: ${want#*: }" "$TMP/err"'
done

# backcoach-programme(5): every setting of programme.h's tables, and an
# example that checks
documented() {
	local name missing=
	for name in $(sed -n 's/^\tX(\([a-z_]*\),.*/\1/p' src/core/programme.h); do
		grep -q "^\.It Cm $name No" man/backcoach-programme.5 || missing="$missing $name"
	done
	[ -z "$missing" ] || { echo "not documented:$missing"; return 1; }
}
check "backcoach-programme(5) documents every setting" documented
mkdir -p "$TMP/ex"
sed -n '/^# ~\/.config/,/^);/p' man/backcoach-programme.5 >"$TMP/ex/weekdays.programme"
run check "$TMP/ex/weekdays.programme"
check "backcoach-programme(5): its example checks" has "ok, programme Weekday Big 3, 3 weeks"

# --- programme list, show, start, status, stop ---------------------------------
run programme list
check "list: the bundled programmes with their weeks" \
	eval 'grep -Eq "^six-weeks +Six weeks: gentle to the Big 3 +6 weeks$" "$TMP/out" && grep -Eq "^flare-up +Flare-up week +1 week$" "$TMP/out"'
run programme show six-weeks
check "show: each week's routine, dose, rest days and source" \
	eval 'has "Week 3: mcgill-big3, every day." && has "  Rest days: Keep moving" && has "  Source: Stuart McGill"'
run today
check "today without a programme: exit 3, says how to start one" \
	eval '[ $rc = 3 ] && has "No programme runs"'
run programme start nosuch
check "start: no such programme, exit 1, no state" \
	eval '[ $rc = 1 ] && err_has "no programme '"'nosuch'"'" && [ ! -e "$STATE" ]'
run programme start six-weeks
check "start: week 1 of 6 from today" eval '[ $rc = 0 ] && has "week 1 of 6, from today"'
check "start: the state in the state directory, 0600" \
	eval 'grep -qx "id six-weeks" "$STATE" && grep -qx "week 1" "$STATE" && [ "$(stat -c %a "$STATE")" = 600 ]'
check "start: no temp file left beside it" test "$(ls -A "$H/state/backcoach" | tr '\n' ' ')" = "programme "
cp "$STATE" "$TMP/state.before"
run programme start six-weeks
check "start of the programme that runs: refused, exit 1, its week kept" \
	eval '[ $rc = 1 ] && err_has "six-weeks runs already, at week 1" && cmp -s "$STATE" "$TMP/state.before"'
run today
check "today: the routine, its dose, day 1 of week 1; exit 1 (not done)" \
	eval '[ $rc = 1 ] && has "week 1 of 6, day 1" && has "Today: Gentle flare-up (gentle-flare-up, " && has "not done yet" && has "Dose: The routine as it is"'
run programme start flare-up
check "a flare-up programme remembers the one it pauses" \
	eval 'has "When it ends, six-weeks goes on at week 1." && grep -qx "resume six-weeks 1" "$STATE"'
run programme next
check "next before the week is done: it stays" \
	eval '[ $rc = 0 ] && has "Week 1 is not done yet: 0 of 7 training days" && grep -qx "week 1" "$STATE"'
cp "$STATE" "$TMP/state.good"
printf 'hello\n' >"$STATE"
run today
check "an unreadable state: FILE:LINE, exit 4, the file unchanged" \
	eval '[ $rc = 4 ] && err_has "$STATE:1: error: not a backcoach programme state" && [ "$(cat "$STATE")" = hello ]'
sed 's/^id .*/id gone-away/' "$TMP/state.good" >"$STATE"
run today
check "a state naming a programme that is gone: says so at the state file, exit 4, the file unchanged" \
	eval '[ $rc = 4 ] && err_has "$STATE: error: the programme '"'gone-away'"' it names is gone" && grep -qx "id gone-away" "$STATE"'
run programme stop
check "stop: removes the state" eval '[ $rc = 0 ] && [ ! -e "$STATE" ]'
run programme stop
check "stop with none: says so" eval '[ $rc = 0 ] && has "No programme runs."'
run check "$TMP/nosuch.programme"
check "check of a programme file that is not there: says so, exit 1" \
	eval '[ $rc = 1 ] && err_has "backcoach: check: no programme file '"'$TMP/nosuch.programme'"'"'
cp tests/data/programmes/bad/no-version.programme "$P/broken.programme"
run programme start broken
check "start of a programme with errors: its FILE:LINE errors, not started, exit 1, no state" \
	eval '[ $rc = 1 ] && err_has "$P/broken.programme:1: error: " && err_has "backcoach: programme: '"'broken'"' has errors: not started" && [ ! -e "$STATE" ]'
rm "$P/broken.programme"

# --- the rules over a real history -----------------------------------------------
cp tests/data/tiny.cfg "$U/tiny.cfg"
cat >"$P/two.programme" <<'EOF'
programme = 1;
name = "Two a week";
weeks = (
  { routine = "tiny"; days = 2; rest = "A short walk."; rest_routine = "desk-break"; },
  { routine = "tiny"; days = 2; }
);
EOF
at() { date -d "$1" +%Y-%m-%dT%H:%M:%S%:z; }
state() {   # WEEK BEGAN [CHANGE]
	printf '#backcoach-programme 1\nid two\nweek %s\nbegan %s\nstarted %s\nchange %s\n' \
	    "$1" "$2" "$2" "${3:-start}" >"$STATE"
}
# session DATE-TIME [PAIN-MAX [STATUS REASON]]: a v3 S line of tiny
session() {
	printf 'S\t%s\t5\ttiny\tTiny test routine\t%s\t%s\t1\t0\t1\t2\t2\t2\t\t\t\t%s\texercise\n' \
	    "$1" "${3:-completed}" "${4:-completed}" "${2:-}"
}
history() { { printf '#backcoach-history 3\n'; cat; } >"$HIST"; chmod 600 "$HIST"; }

state 1 "$(at '2 days ago 08:00')"
session "$(at '2 days ago 09:00')" | history
run today
check "one session done this week: today not done, exit 1" \
	eval '[ $rc = 1 ] && has "This week: 1 of 2 training days done." && has "day 3"'
{ session "$(at '2 days ago 09:00')"; session "$(at 'today 00:01')"; session "$(at 'today 00:02')"; } | history
run today
check "a session today: done, exit 0; two today count once" \
	eval '[ $rc = 0 ] && has "): done." && has "This week: 2 of 2 training days done."'
session "$(at '2 days ago 09:00')" | history
state 1 "$(at '9 days ago 08:00')"
{ session "$(at '9 days ago 09:00')"; } | history
run today
check "7 days without a session: the week starts again from today" \
	eval 'has "starts again from today" && has "week 1 of 2, day 1" && grep -qx "change repeat" "$STATE"'
run today
check "... once: the next look changes nothing" eval '! has "starts again"'
state 2 "$(at '3 days ago 08:00')" next
session "$(at 'today 00:01')" 7 | history
run today
check "a flare (pain 7 during a session): a week back, rest today" \
	eval 'has "steps back a week" && grep -qx "week 1" "$STATE" && has "Today: a rest day" && has "A short walk." && has "backcoach start desk-break"'
state 2 "$(at '3 days ago 08:00')" next
printf 'S\t%s\t600\tgentle-flare-up\tGentle flare-up\tcompleted\tcompleted\t5\t0\t5\t500\t3\t3\t\t\t\t\texercise\n' \
	"$(at 'today 00:01')" | history
run today
check "the flare-up routine done in a week that does not have it: a flare, a week back" \
	eval 'has "steps back a week" && grep -qx "week 1" "$STATE" && has "Today: a rest day"'
y=$(at 'yesterday 09:00')
state 2 "$(at '2 days ago 08:00')" next
{ session "$y"; printf 'N\t%s\ttiny\tworse\n' "$y"; } | history
run today
check "a worse next morning: a week back" \
	eval 'has "steps back a week" && grep -qx "week 1" "$STATE" && grep -qx "change back" "$STATE"'
state 1 "$(at '8 days ago 08:00')"
{ session "$(at '8 days ago 09:00')"; session "$(at '6 days ago 09:00')"; } | history
run today
check "the week's sessions done and 7 days passed: a rest day, next offered" \
	eval '[ $rc = 0 ] && has "Week 1 is done: '"'backcoach programme next'"' moves on to week 2"'
# the same week with an exercise rated "it hurt" on the summary (an F
# line, history version 4): held, not offered
s6=$(at '6 days ago 09:00')
{ session "$(at '8 days ago 09:00')"; session "$s6"; printf 'F\t%s\ttiny\t1\thurt\n' "$s6"; } | history
sed -i '1s/3$/4/' "$HIST"
run today
check "an exercise that hurt this week holds it: not offered" \
	eval 'has "Your feedback says this week was too hard or hurt" && ! has "moves on to week 2"'
{ session "$(at '8 days ago 09:00')"; session "$(at '6 days ago 09:00')"; } | history
run programme next
check "next: on to week 2, with consent" eval 'has "On to week 2 of two" && grep -qx "week 2" "$STATE"'
run today
check "week 2 counts only its own sessions" has "This week: 0 of 2 training days done."

# --- notify: a real notification server on a private bus -----------------------
cat >"$TMP/notify.sh" <<EOF
/usr/bin/python3 -m dbusmock --session -t notification_daemon -l '$TMP/calls.log' >'$TMP/mock.out' 2>&1 &
m=\$!
for i in \$(seq 1 100); do
	gdbus introspect --session --dest org.freedesktop.Notifications \
	    --object-path /org/freedesktop/Notifications >/dev/null 2>&1 && break
	sleep 0.1
done
'$BC' notify; echo "rc \$?" >'$TMP/notify.rc'
'$BC' notify; echo "rc \$?" >>'$TMP/notify.rc'
kill \$m
EOF
printf '' >"$HIST"
state 1 "$(at 'today 00:00')"
timeout 60 dbus-run-session -- bash "$TMP/notify.sh" >"$TMP/out" 2>"$TMP/err"
notified() {
	grep -q "Notify \"backcoach\" 0 \"\" \"Today: Tiny test routine, 3 s\" \"Day 1 of week 1 of Two a week.\"" "$TMP/calls.log"
}
on_failure eval 'cat "$TMP/calls.log" "$TMP/notify.rc" "$TMP/err" "$TMP/mock.out"'
check "notify: the server got today's routine, its time, day and week" notified
check "notify: exit 0, twice; never twice a day" \
	eval '[ "$(cat "$TMP/notify.rc" | tr "\n" " ")" = "rc 0 rc 0 " ] && [ "$(grep -c "Notify \"backcoach\"" "$TMP/calls.log")" = 1 ]'
rm -f "$H/state/backcoach/notified"
session "$(at 'today 00:01')" | history
rm -f "$TMP/calls.log"
timeout 60 dbus-run-session -- bash "$TMP/notify.sh" >"$TMP/out" 2>"$TMP/err"
check "notify: quiet when today is done" \
	eval '! grep -q "Notify \"backcoach\"" "$TMP/calls.log" && grep -q "rc 0" "$TMP/notify.rc"'
# a server that reads the body as markup: the name's & and < escaped
cat >"$P/amp.programme" <<'EOF'
programme = 1;
name = "Back & hips <daily>";
weeks = ( { routine = "tiny"; days = 7; } );
EOF
cp "$STATE" "$TMP/state.two"
sed -i 's/^id two$/id amp/' "$STATE"
printf '' >"$HIST"
rm -f "$H/state/backcoach/notified" "$TMP/calls.log"
timeout 60 dbus-run-session -- bash "$TMP/notify.sh" >"$TMP/out" 2>"$TMP/err"
check "notify: the body escaped for a server with body-markup" \
	grep -qF '"Day 1 of week 1 of Back &amp; hips &lt;daily&gt;."' "$TMP/calls.log"
cp "$TMP/state.two" "$STATE"

# a server with actions: Start, invoked, opens $TERMINAL on today's routine
rm -f "$H/state/backcoach/notified" "$TMP/calls.log"
printf '' >"$HIST"
printf '#!/bin/sh\necho "$@" >"%s"\n' "$TMP/term.args" >"$TMP/bin-term"
chmod +x "$TMP/bin-term"
cat >"$TMP/action.sh" <<EOF
/usr/bin/python3 -m dbusmock --session -t notification_daemon \
    -p '{"capabilities": "body actions"}' -l '$TMP/calls.log' >'$TMP/mock.out' 2>&1 &
m=\$!
for i in \$(seq 1 100); do
	gdbus introspect --session --dest org.freedesktop.Notifications \
	    --object-path /org/freedesktop/Notifications >/dev/null 2>&1 && break
	sleep 0.1
done
TERMINAL='$TMP/bin-term' '$BC' notify & n=\$!
for i in \$(seq 1 100); do grep -q 'Notify "backcoach"' '$TMP/calls.log' 2>/dev/null && break; sleep 0.1; done
gdbus call --session --dest org.freedesktop.Notifications \
    --object-path /org/freedesktop/Notifications \
    --method org.freedesktop.DBus.Mock.EmitSignal org.freedesktop.Notifications \
    ActionInvoked us "[<uint32 1>, <'start'>]" >/dev/null
wait \$n; echo "rc \$?" >'$TMP/notify.rc'
kill \$m
EOF
timeout 60 dbus-run-session -- bash "$TMP/action.sh" >"$TMP/out" 2>"$TMP/err"
on_failure eval 'cat "$TMP/calls.log" "$TMP/notify.rc" "$TMP/err" "$TMP/term.args"'
check "notify: the Start action is offered where the server has actions" \
	grep -q 'Notify "backcoach" 0 "" "Today: Tiny test routine, 3 s" ".*" \["start", "Start"\]' "$TMP/calls.log"
check "notify: Start opens \$TERMINAL on today's routine" \
	eval 'poll 5 test -s "$TMP/term.args" && grep -qx -- "-e $BC start tiny" "$TMP/term.args" && grep -q "rc 0" "$TMP/notify.rc"'
on_failure show_run
printf '' >"$HIST"
rm -f "$H/state/backcoach/notified"
rc=0; env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$TMP/nobus" timeout 20 "$BC" notify >"$TMP/out" 2>"$TMP/err" || rc=$?
check "notify without a session bus: exit 1 at once, says so" \
	eval '[ $rc = 1 ] && err_has "no session bus" && [ ! -e "$H/state/backcoach/notified" ]'
rc=0; DBUS_SESSION_BUS_ADDRESS="unix:path=$TMP/nobus/bus" timeout 20 "$BC" notify >"$TMP/out" 2>"$TMP/err" || rc=$?
check "notify with a bus address that does not answer: exit 1, says so" \
	eval '[ $rc = 1 ] && err_has "no session bus answers at $TMP/nobus/bus"'

# --- remind: systemd user units ------------------------------------------------------
run remind
check "remind with none set: says so" has "No reminder is set"
run remind --at 8:00
check "remind --at 8:00: a usage error" eval '[ $rc = 2 ] && err_has "'"'8:00'"' is no time: HH:MM"'
run remind --at 08:00 --days mon-fri
check "remind --at 08:00 --days mon-fri: says what it did" \
	eval '[ $rc = 0 ] && has "a reminder at 08:00 on Mon..Fri (backcoach notify)"'
check "the timer: Mon..Fri at 08:00, Persistent" \
	eval 'grep -qx "OnCalendar=Mon..Fri \*-\*-\* 08:00:00" "$UNITS/backcoach-reminder.timer" && grep -qx "Persistent=true" "$UNITS/backcoach-reminder.timer"'
check "the service runs this backcoach's notify" \
	grep -qx "ExecStart=\"$BC\" notify" "$UNITS/backcoach-reminder.service"
check "enabled as systemctl enable would (timers.target.wants)" \
	test "$(readlink "$UNITS/timers.target.wants/backcoach-reminder.timer")" = ../backcoach-reminder.timer
verify() { (cd "$UNITS" && systemd-analyze verify "$UNITS/backcoach-reminder.timer" "$UNITS/backcoach-reminder.service"); }
check "systemd-analyze verify passes both units" verify
run remind
check "remind: the reminder set" has "A reminder at 08:00 on Mon..Fri"
run remind --off
check "remind --off: no file left" eval '[ $rc = 0 ] && [ -z "$(find "$UNITS" -mindepth 1)" ]'
run remind --off
check "remind --off again: nothing to remove" has "No reminder was set."
mkdir -p "$UNITS"
printf '[Timer]\nOnCalendar=daily\n' >"$UNITS/backcoach-reminder.timer"
run remind --at 09:00
check "a timer of the user's own under that name: left as it is, exit 1" \
	eval '[ $rc = 1 ] && err_has "was not written by '"'backcoach remind'"'" && [ "$(head -1 "$UNITS/backcoach-reminder.timer")" = "[Timer]" ] && [ ! -e "$UNITS/backcoach-reminder.service" ]'
run remind --off
check "... and --off does not remove it" \
	eval '[ $rc = 1 ] && [ -e "$UNITS/backcoach-reminder.timer" ]'
rm -f "$UNITS/backcoach-reminder.timer"
mkdir -p "$TMP/bin"
rc=0; PATH="$TMP/bin" "$BC" remind --at 07:30 --days sat,sun >"$TMP/out" 2>"$TMP/err" || rc=$?
check "no systemd: a crontab line instead, nothing written" \
	eval '[ $rc = 1 ] && has "No systemd here" && has "30 7 * * 6,0 '"'$BC'"' notify" && [ -z "$(find "$UNITS" -mindepth 1)" ]'

# --- tmux: the picker puts today's routine first; today says done after ----------
printf '' >"$HIST"
state 1 "$(at 'today 00:00')"
red_flags_answered "$H"
printf 'risk_factors = [];\n' >"$H/config/backcoach/config"
tmux_new pick "cd '$ROOT'; $(private_env "$H") TERM=screen ./backcoach; echo \$? >'$TMP/rc'; sleep 60"
on_failure screen
first_row() { screen | grep -m1 -E '^(> |  )[A-Z]' | grep -q '^> Tiny test routine'; }
check "the picker's first entry is today's routine, selected" poll 5 first_row
expect "it says so: the programme, week and day" 'Today in Two a week, week 1 of 2, day 1'
key Enter
begin
expect "the pain question" 'Pain now, 0-10'
key Enter
expect "the pain after" 'Pain now, 0-10\? \(after' 15
key Escape
expect "the note" 'A note on this session'
key Escape
expect "the summary" 'Session'
expect "the summary: the programme's day done" "Two a week, week 1 of 2, day 1: today's session is done \\(1 of 2"
key q
expect "back at the picker, today's entry done" 'Today in Two a week, week 1 of 2, day 1: done'
key q
on_failure show_run
run today
check "today after the finished session: done, exit 0" eval '[ $rc = 0 ] && has "): done."'

# --- tmux: the next week offered, with consent, once a day ------------------------
state 1 "$(at '8 days ago 08:00')"
{ session "$(at '8 days ago 09:00')"; session "$(at '6 days ago 09:00')"; } | history
rm -f "$H/state/backcoach/programme-asked"
offer() {
	T kill-session -t pick >/dev/null 2>&1
	tmux_new pick "cd '$ROOT'; $(private_env "$H") TERM=screen ./backcoach; sleep 60"
}
offer
on_failure screen
expect "the week done and 7 days passed: the next week offered" 'Move on to week 2 of Two a week\?'
chars n
expect "no: the picker (a rest day: the week's sessions are done)" '^backcoach: choose a routine'
check "no: the state unchanged" grep -qx "week 1" "$STATE"
key q
offer
expect "asked once a day: the picker at once" '^backcoach: choose a routine'
check "... without the question" lacks 'Move on to week'
key q
rm -f "$H/state/backcoach/programme-asked"
offer
expect "asked again the next day" 'Move on to week 2 of Two a week\?'
chars y
expect "yes: it says so" 'Week 2 of two starts today'
key Enter
expect "yes: the picker, on week 2" 'Today in Two a week, week 2 of 2, day 1'
check "yes: the state on week 2, from today" eval 'grep -qx "week 2" "$STATE" && grep -qx "change next" "$STATE"'
key q
finish
