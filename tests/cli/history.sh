#!/bin/bash
# history.sh - the history file as a user relies on it: written through
# store.c (tests/tools/history_tool.c) and read back by the real `backcoach
# history` and `backcoach stats`.  Run by `make check`; BC and TOOL
# are relative to the tree root.
. "$(dirname "$0")/../lib.sh"
BC=${BC:-./backcoach}
TOOL=${TOOL:-./build/history_tool}
need_built "$BC" "$TOOL"
need jq
private_home "$TMP/home"

has() { grep -qF -- "$2" "$1"; }
mode() { stat -c %a "$1"; }

today=$(date +%F)
d1=$(date -d '1 day ago' +%F)
d2=$(date -d '2 days ago' +%F)
d9=$(date -d '9 days ago' +%F)

# --- a hand-written history, read back in every format -----------------
H=$TMP/hand
{
	printf '#backcoach-history 1\n'
	printf 'S\t%sT07:00:00+01:00\t900\tbig3\tMcGill "Big" 3, daily\tcompleted\tcompleted\t4\t0\t4\t600\t6\t4\ttab\\there, newline\\nthere, back\\\\slash\n' "$d9"
	printf 'E\t%sT07:00:00+01:00\tbig3\t1\tCat-camel\tcompleted\t1\t1\t6\t6\t24\n' "$d9"
	printf 'E\t%sT07:00:00+01:00\tbig3\t2\tBird\\tdog\tpartial\t2\t3\t7\t9\t56\n' "$d9"
	printf 'S\t%sT08:00:00+01:00\t600\tbig3\tMcGill Big 3\tcompleted\tcompleted\t4\t0\t4\t500\t5\t2\t\n' "$d2"
	printf 'S\t%sT08:00:00+01:00\t600\tbig3\tMcGill Big 3\tcompleted\tcompleted\t4\t0\t4\t500\t5\t3\t\n' "$d1"
	printf 'S\t%sT08:00:00+01:00\t300\tdesk\tDesk break\tstopped\tpain\t1\t0\t3\t100\t4\t\tsharp pain\n' "$today"
	printf 'S\t%sT09:00:00+01:00\t1200\tbig3\tMcGill Big 3\tcompleted\tcompleted\t4\t0\t4\t900\t\t\t\n' "$today"
} >"$H"
cp "$H" "$TMP/hand.orig"

"$BC" --history "$H" history --format json >"$TMP/json" 2>"$TMP/err"
check "json exits 0" test $? = 0
check "json is valid and has 5 sessions" test "$(jq length "$TMP/json")" = 5
check "json carries the routine name with quotes" \
	test "$(jq -r '.[0].routine_name' "$TMP/json")" = 'McGill "Big" 3, daily'
check "json unescapes the note" \
	test "$(jq -r '.[0].note' "$TMP/json")" = "$(printf 'tab\there, newline\nthere, back\\slash')"
check "json carries exercises" \
	test "$(jq -r '.[0].exercises[1] | "\(.name)|\(.status)|\(.sets_done)/\(.sets_planned)|\(.reps_done)/\(.reps_planned)|\(.worked_s)"' "$TMP/json")" = "$(printf 'Bird\tdog|partial|2/3|7/9|56')"
check "json pain values" \
	test "$(jq -c '[.[] | [.pain_before, .pain_after]]' "$TMP/json")" = '[[6,4],[5,2],[5,3],[4,null],[null,null]]'
check "json status and reason" \
	test "$(jq -r '.[3] | "\(.status) \(.reason) \(.routine_id) \(.exercises_completed)/\(.exercises_skipped)/\(.exercises_total) \(.duration_s) \(.worked_s)"' "$TMP/json")" = "stopped pain desk 1/0/3 300 100"
check "json: no stderr" test ! -s "$TMP/err"

"$BC" --history "$H" history --format csv >"$TMP/csv"
check "csv header" test "$(head -1 "$TMP/csv")" = "$(printf 'start,duration_s,routine_id,routine_name,status,reason,exercises_completed,exercises_skipped,exercises_total,worked_s,pain_before,pain_after,note,exercises,red_flag,checked,pain_max,kind,pain_reports,next_day\r')"
check "csv quotes commas, quotes and newlines (RFC 4180)" has "$TMP/csv" \
	"$d9"'T07:00:00+01:00,900,big3,"McGill ""Big"" 3, daily",completed,completed,4,0,4,600,6,4,"tab	here, newline'
check "csv rows end in CRLF (header + 5)" test "$(grep -c $'\r$' "$TMP/csv")" = 6
check "csv carries exercises" has "$TMP/csv" '"Cat-camel: completed, sets 1/1, reps 6/6, 24 s; Bird	dog: partial, sets 2/3, reps 7/9, 56 s"'
check "csv empty pain" has "$TMP/csv" ",desk,Desk break,stopped,pain,1,0,3,100,4,,sharp pain,"
# A cell a spreadsheet would run as a formula is text (OWASP, CSV injection).
FX=$TMP/formula
{
	printf '#backcoach-history 4\n'
	printf 'S\t2026-04-01T08:00:00+00:00\t60\tr\t=HYPERLINK("http://x","y")\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t@SUM(A1)\t\t\t\texercise\tab12\n'
	printf 'S\t2026-04-02T08:00:00+00:00\t60\tr\t+1\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t-2+3\t\t\t\texercise\tab13\n'
} >"$FX"
"$BC" --history "$FX" history --format csv >"$TMP/fx.csv"
check "csv: =HYPERLINK(...) exported as text, quoted, after a '" \
	has "$TMP/fx.csv" ',r,"'"'"'=HYPERLINK(""http://x"",""y"")",'
check "csv: @, + and - at a cell's start too" \
	eval 'has "$TMP/fx.csv" "\"'"'"'@SUM(A1)\"" && has "$TMP/fx.csv" ",\"'"'"'+1\"," && has "$TMP/fx.csv" "\"'"'"'-2+3\""'
check "csv: no cell starts a formula" \
	test -z "$(tr ',' '\n' <"$TMP/fx.csv" | grep -E '^[=+@-]')"
# Sessions dated far ahead (a wrong clock, year 4708 or 9999) are listed,
# not dropped in silence.
{ printf '#backcoach-history 4\n'
  for y in 4707 4708 9999; do
	printf 'S\t%s-04-01T08:00:00+00:00\t60\tr\tR\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\tab\n' $y
  done; } >"$TMP/far"
check "sessions dated in the years 4707, 4708 and 9999 are all listed" \
	test "$("$BC" --history "$TMP/far" history --format json | jq -r 'map(.start[0:4]) | join(" ")')" = "4707 4708 9999"
# The table says what the end screen says of an exercise never reached.
{ printf '#backcoach-history 4\n'
  printf 'S\t2026-04-01T08:00:00+00:00\t60\tr\tR\tpartial\tquit\t0\t0\t1\t0\t\t\t\t\t\t\texercise\tab\n'
  printf 'E\t2026-04-01T08:00:00+00:00\tr\t1\tBridge\tpending\t0\t3\t0\t24\t0\n'; } >"$TMP/pend"
"$BC" --history "$TMP/pend" history >"$TMP/pend.out"
check "table: an exercise never reached says so, not 'pending'" \
	eval 'has "$TMP/pend.out" " 1. not reached sets  0/3" && ! has "$TMP/pend.out" pending'
# A history saved by an editor with a byte-order mark reads as it is.
{ printf '\357\273\277'; cat "$FX"; } >"$TMP/bom"
"$BC" --history "$TMP/bom" history --format json >"$TMP/bom.json" 2>"$TMP/bom.err"
check "a history starting with a byte-order mark: read, no warning" \
	eval '[ ! -s "$TMP/bom.err" ] && [ "$(jq length "$TMP/bom.json")" = 2 ]'
"$BC" --history "$FX" history --format json >"$TMP/fx.json"
check "json: the text exact" test "$(jq -r '.[0].routine_name' "$TMP/fx.json")" = '=HYPERLINK("http://x","y")'

"$BC" --history "$H" history --format tsv >"$TMP/tsv"
check "tsv: header plus 5 rows of 20 fields" \
	test "$(awk -F'\t' 'NF == 20' "$TMP/tsv" | wc -l)" = 6
check "tsv escapes text" has "$TMP/tsv" 'tab\there, newline\nthere, back\\slash'
# a plain session line amended later with a note that has a TAB in it
printf '#backcoach-history 4\nS\t2026-04-01T08:00:00+00:00\t60\ta\tA\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\texercise\t\nA\t2026-04-01T08:00:00+00:00\ta\t2\tsore\\there\n' >"$TMP/amended"
"$BC" --history "$TMP/amended" history --format tsv >"$TMP/amended.tsv"
check "tsv: a note added later keeps its escape" \
	eval 'has "$TMP/amended.tsv" "sore\\there" && test "$(awk -F"\t" "NF != 20" "$TMP/amended.tsv" | wc -l)" = 0'
check "tsv: cut -f3 gives routine ids" \
	test "$(cut -f3 "$TMP/tsv" | tr '\n' ' ')" = "routine_id big3 big3 big3 desk big3 "

"$BC" --history "$H" history >"$TMP/table"
check "table: header" has "$TMP/table" "status/reason"
check "table: a row" has "$TMP/table" "stopped/pain"
check "table: when and what on a session's first line" has "$TMP/table" "$d9 07:00  McGill \"Big\" 3, daily [big3]"
check "table: every line fits 80 columns" test "$(LC_ALL=C.UTF-8 wc -L <"$TMP/table")" -le 80
check "table: pain" has "$TMP/table" "6->4"
check "table: note" has "$TMP/table" "note: sharp pain"
check "table: exercise" has "$TMP/table" "partial     sets  2/3  reps   7/9      56 s  Bird\\tdog"

# An ice or heat pack is summed up in pack words: on for how long, never
# exercises, sets and reps (issue 21).
HP=$TMP/pack
{
	printf '#backcoach-history 4\n'
	printf 'S\t%sT07:00:00+01:00\t70\tice-pack\tIce pack\tcompleted\tcompleted\t1\t0\t1\t60\t3\t\t\t\t\t\tpack\t576d0a3cf8d1f2ec\n' "$d1"
	printf 'E\t%sT07:00:00+01:00\tice-pack\t1\tIce pack\tcompleted\t1\t1\t1\t1\t60\n' "$d1"
} >"$HP"
"$BC" --history "$HP" history >"$TMP/ptable" 2>&1
check "table: a pack is on for its time, not exercises worked" \
	eval 'has "$TMP/ptable" "completed/completed  ice or heat  on for    1:00  pain 3->-" &&
	    has "$TMP/ptable" "1. completed   pack on for                60 s  Ice pack" &&
	    ! tail -n +3 "$TMP/ptable" | grep -qE "ex +1/|sets|reps|worked"'
"$BC" show ice-pack >"$TMP/pshow" 2>&1
check "show: a pack is one timer, with no next dose" \
	eval 'grep -qx "Total: 15:10, 1 timer, 2 steps" "$TMP/pshow" && ! grep -q "Next step" "$TMP/pshow"'
"$BC" --history "$HP" progress ice-pack >"$TMP/pprog" 2>&1
check "progress: a pack has no dose to change" \
	grep -qx "Ice pack (ice-pack): a timer, with no reps or holds: no dose to change." "$TMP/pprog"

"$BC" --history "$H" history --routine desk --format json >"$TMP/j2"
check "--routine filters" test "$(jq -r '[.[].routine_id] | join(",")' "$TMP/j2")" = desk
"$BC" --history "$H" history --since "$d2" --format json >"$TMP/j3"
check "--since filters" test "$(jq length "$TMP/j3")" = 4
check "reading left the file unchanged" cmp -s "$H" "$TMP/hand.orig"

# --- stats --------------------------------------------------------------
"$BC" --history "$H" stats >"$TMP/stats" 2>"$TMP/err"
check "stats exits 0" test $? = 0
check "stats: current streak (today, yesterday, the day before)" has "$TMP/stats" "current: 3 days"
check "stats: longest streak" has "$TMP/stats" "longest: 3 days, ending $today"
check "stats: routines" grep -qE '^  big3 .* 4 \(4 completed\) last '"$today" "$TMP/stats"
# the desk session was stopped for pain: counted apart, never "last done"
check "stats: routines (2)" grep -qE '^  desk .* 1 \(0 completed\) last *$' "$TMP/stats"
check "stats: all time" has "$TMP/stats" "all time: 4 sessions, 4 completed, 55 minutes"
check "stats: the stop counted apart" has "$TMP/stats" "stopped for your back's sake (not counted above): 1"
check "stats: weekly chart" grep -qE "^  [0-9]{4}-W[0-9]{2} ... [ 0-9]{2}  #+ " "$TMP/stats"
check "stats: pain rule stated" has "$TMP/stats" "a meaningful change: 2 points and 30% of the starting score, or more"
check "stats: --weeks" test "$("$BC" --history "$H" stats --weeks 3 | grep -cE '^  [0-9]{4}-W[0-9]{2} ... [ 0-9]{2}  [# ]+ +[0-9]+  ')" = 3

# --- garbage lines: reported with their number, skipped, file unchanged --
G=$TMP/garbage
{ head -3 "$H"; printf 'this is not a record\n'; printf 'S\tbroken\n'; tail -n +4 "$H"; } >"$G"
cp "$G" "$TMP/garbage.orig"
"$BC" --history "$G" history --format json >"$TMP/gj" 2>"$TMP/gerr"
check "garbage: still exit 0" test $? = 0
check "garbage: line 4 named" has "$TMP/gerr" "$G:4: warning: skipped malformed record"
check "garbage: line 5 named" has "$TMP/gerr" "$G:5: warning: skipped malformed record"
check "garbage: one message per bad line" test "$(wc -l <"$TMP/gerr")" = 2
check "garbage: the good records read" test "$(jq length "$TMP/gj")" = 5
"$BC" --history "$G" stats >/dev/null 2>"$TMP/gerr2"
check "garbage: stats reports it too" has "$TMP/gerr2" "$G:5: warning: skipped malformed record"
# stats reads no exercise line: a broken one is history's to report
E=$TMP/bad-exercise
{ cat "$H"; printf 'E\t2026-01-01T10:00:00+00:00\tbig3\t1\tCurl-up\tdone-ish\t1\t1\t1\t1\t9\n'; } >"$E"
"$BC" --history "$E" stats >"$TMP/estats" 2>"$TMP/eerr"
check "a broken exercise line: stats still reads every session" cmp -s "$TMP/estats" "$TMP/stats"
check "a broken exercise line: not stats' to report" test ! -s "$TMP/eerr"
"$BC" --history "$E" history >/dev/null 2>"$TMP/eerr2"
check "a broken exercise line: history reports it" has "$TMP/eerr2" "$E:$(wc -l <"$E"): warning: skipped malformed record (bad exercise status)"
check "garbage: file byte-for-byte unchanged" cmp -s "$G" "$TMP/garbage.orig"
printf '#backcoach-history 5\nS\tfuture\tformat\n' >>"$G"
"$BC" --history "$G" history --format json >/dev/null 2>"$TMP/gerr3"
check "a newer version is named, its records skipped" has "$TMP/gerr3" "history version 5 is newer"
n=$("$BC" --history "$G" history --format json 2>/dev/null | jq length)
"$TOOL" append "$G" 1 after-newer 2>"$TMP/gerr4"
check "append after a newer version: said" has "$TMP/gerr4" "newer than this backcoach writes"
check "append after a newer version: a version 4 line first" \
	test "$(tail -n 5 "$G" | head -n 1)" = "#backcoach-history 4"
check "append after a newer version: the new record is read" \
	test "$("$BC" --history "$G" history --format json 2>/dev/null | jq length)" = $((n + 1))
V1=$TMP/v1
cp "$TMP/hand.orig" "$V1"
"$TOOL" append "$V1" 1 mixed 2>/dev/null
check "append to a version 1 file: its records kept byte for byte" \
	cmp -s <(head -c "$(stat -c %s "$TMP/hand.orig")" "$V1") "$TMP/hand.orig"
check "append to a version 1 file: a version 4 line before the new record" \
	test "$(grep -c '^#backcoach-history 4$' "$V1")" = 1
check "append to a version 1 file: old and new read, 6 sessions" \
	test "$("$BC" --history "$V1" history --format json | jq length)" = 6

# --- two machines' files put together: printed in time order ------------
M=$TMP/merged
{
	printf '#backcoach-history 3\n'
	printf 'S\t2026-04-02T08:00:00+00:00\t60\tb\tB\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n'
	printf 'S\t2026-04-04T08:00:00+00:00\t60\td\tD\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n'
	printf '#backcoach-history 3\n'
	printf 'S\t2026-04-01T08:00:00+00:00\t60\ta\tA\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n'
	printf 'E\t2026-04-01T08:00:00+00:00\ta\t1\tx\tcompleted\t1\t1\t1\t1\t60\n'
	# 09:30 at +02:00 is 07:30 UTC: before the 08:00 UTC session that day
	printf 'S\t2026-04-03T09:30:00+02:00\t60\tc2\tC2\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n'
	printf 'S\t2026-04-03T08:00:00+00:00\t60\tc3\tC3\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n'
} >"$M"
ids() { "$BC" --history "$M" history --format json "$@" | jq -r 'map(.routine_id) | join(" ")'; }
check "files put together: printed in time order" test "$(ids)" = "a b c2 c3 d"
check "files put together: the exercise stays with its session" \
	test "$("$BC" --history "$M" history --format json | jq -r '.[0].exercises[0].name')" = x
check "files put together: --limit 2 is the last two in time" test "$(ids --limit 2)" = "c3 d"
check "files put together: --reverse" test "$(ids --reverse)" = "d c3 c2 b a"
# a file of more than 4 MiB is checked in two halves, on two threads: a
# session out of order in either half, or across the middle, is found
"$TOOL" gen 20000 400 >"$TMP/big"
starts() { "$BC" --history "$1" history --format tsv | cut -f1 | tail -n +2; }
check "a large file in order: streamed as it is" cmp -s <(starts "$TMP/big") <(grep '^S' "$TMP/big" | cut -f2)
# a file of 4 MiB or more is read and joined on a thread of its own: its
# problems still named by line, in order, and a later note still joined
awk 'NR == 60000 { print "not a record" } 1' "$TMP/big" >"$TMP/bigbad"
last=$(grep '^S' "$TMP/big" | tail -1 | cut -f2,4)
printf 'A\t%s\t2\tlate\\tnote\n' "$last" >>"$TMP/bigbad"
"$BC" --history "$TMP/bigbad" history --format tsv >"$TMP/bigbad.tsv" 2>"$TMP/bigbad.err"
check "a large file: a bad line named by its number" \
	eval 'test "$(cat "$TMP/bigbad.err")" = "$TMP/bigbad:60000: warning: skipped malformed record (unknown record type)"'
check "a large file: a note added at its end joined to the last session" \
	eval 'tail -1 "$TMP/bigbad.tsv" | cut -f12,13 | grep -qx "2	late\\\\tnote"'
for at in 25 50 75; do
	awk -v at="$at" -v n=20000 '/^S/ && ++s == int(n * at / 100) {
		$2 = "2000-01-01T" substr($2, 12) } 1' FS='\t' OFS='\t' "$TMP/big" >"$TMP/big$at"
	check "a large file, one session out of order at $at %: printed in time order" \
		eval 'starts "$TMP/big$at" | head -1 | grep -q "^2000-01-01T" && starts "$TMP/big$at" | sort -c'
done
# in order by their bytes, not in time: 10:00 at +05:00 is 05:00 UTC
{
	printf '#backcoach-history 3\n'
	printf 'S\t2026-04-05T09:00:00+00:00\t60\te\tE\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n'
	printf 'S\t2026-04-05T10:00:00+05:00\t60\tf\tF\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n'
	printf 'S\t2026-04-05T11:00:00+05:00\t60\tg\tG\tcompleted\tcompleted\t1\t0\t1\t60\t\t\t\t\t\t\texercise\n'
} >"$M"
check "an hour later at another offset, earlier in time: printed before" \
	test "$(ids)" = "f g e"

# --- usage errors --------------------------------------------------------
"$BC" --history "$H" history --since 2026-02-30 2>"$TMP/u1"; rc=$?
check "bad --since: exit 2" test $rc = 2
check "bad --since: date named" has "$TMP/u1" "bad --since date '2026-02-30'"
"$BC" --history "$H" history --format xml 2>"$TMP/u2"; rc=$?
check "bad --format: exit 2, named" test $rc = 2 -a -n "$(grep -F "'xml'" "$TMP/u2")"
"$BC" --history "$H" stats --weeks 0 2>"$TMP/u3"; rc=$?
check "bad --weeks: exit 2" test $rc = 2
"$BC" --history "$H" history extra 2>"$TMP/u4"; rc=$?
check "stray argument: exit 2 with usage" test $rc = 2 -a -n "$(grep usage: "$TMP/u4")"

# --- no history yet: nothing is created by reading -----------------------
rmdir "$XDG_STATE_HOME"         # absent, as on a fresh account
"$BC" history >"$TMP/none" 2>&1
check "no history: exit 0" test $? = 0
check "no history: says so" has "$TMP/none" "No sessions recorded yet."
check "no history: reading created nothing" test ! -e "$XDG_STATE_HOME"

# --- appending: default path, permissions ----------------------------------
"$TOOL" append - 2 big3 2>"$TMP/aerr"
check "append: exit 0" test $? = 0
D=$XDG_STATE_HOME/backcoach
check "append: directory 0700" test "$(mode "$D")" = 700
check "append: file 0600" test "$(mode "$D/history")" = 600
check "append: header first" test "$(head -1 "$D/history")" = "#backcoach-history 4"
check "append: read back by default" test "$("$BC" history --format json | jq length)" = 2
check "append: exercises read back" test "$("$BC" history --format json | jq -r '.[1].exercises[2].name')" = 'Side \ bridge'
check "--history wins over the default" test "$("$BC" --history "$H" history --format json | jq length)" = 5
chmod 644 "$D/history"
"$TOOL" append - 1 big3 2>"$TMP/aerr"
check "a file open to others: warned" has "$TMP/aerr" "can be read by others (mode 0644)"
check "a file open to others: mode left alone" test "$(mode "$D/history")" = 644
chmod 600 "$D/history"

# --- two writers at once: every record whole -------------------------------
C=$TMP/concurrent
"$TOOL" append "$C" 300 alpha & p1=$!
"$TOOL" append "$C" 300 beta & p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
check "concurrent: both succeeded" test $r1 = 0 -a $r2 = 0
check "concurrent: one header" test "$(grep -c '^#' "$C")" = 1
check "concurrent: 600 sessions" test "$(grep -c '^S' "$C")" = 600
check "concurrent: 1800 exercises" test "$(grep -c '^E' "$C")" = 1800
"$BC" --history "$C" history --format json >"$TMP/cj" 2>"$TMP/cerr"
check "concurrent: every line parses" test ! -s "$TMP/cerr"
check "concurrent: each session has its 3 exercises" \
	test "$(jq '[.[] | select((.exercises | length) == 3)] | length' "$TMP/cj")" = 600
check "concurrent: 300 each" test "$(jq '[.[] | select(.routine_id == "alpha")] | length' "$TMP/cj")" = 300
# an export longer than what is written at once (64 KiB): rows whole
"$BC" --history "$C" history --format tsv >"$TMP/ct"
"$BC" --history "$C" history --format csv >"$TMP/cc"
# long_tsv: 600 rows of 20 fields, each with the start, id and exercises
# json gives (jq's @tsv escapes as the history file does)
long_tsv() {
	[ "$(awk -F'\t' 'NF == 20' "$TMP/ct" | wc -l)" = 601 ] &&
	[ "$(tail -n +2 "$TMP/ct" | cut -f1,3,14)" = "$(jq -r '.[] | [.start,
	    .routine_id, ([.exercises[] | "\(.name): \(.status), sets \(.sets_done)/\(.sets_planned), reps \(.reps_done)/\(.reps_planned), \(.worked_s) s"] |
	    join("; "))] | @tsv' "$TMP/cj")" ]
}
check "a long tsv export: 600 rows of 20 fields, the sessions json has" long_tsv
check "a long csv export: 600 rows of 20 cells" test "$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
print(len(rows), {len(r) for r in rows})' "$TMP/cc")" = "601 {20}"

# --- a reader stuck on a full pipe never holds up an append ---------------
P=$TMP/pager
"$TOOL" gen 3000 30 >"$P"; chmod 600 "$P"
mkfifo "$TMP/fifo"
exec 3<>"$TMP/fifo"                       # a pipe nobody reads yet
"$BC" --history "$P" history --format json >&3 2>/dev/null & rp=$!
blocked() { case $(cat /proc/$rp/wchan 2>/dev/null) in *pipe_write) true;; *) false;; esac; }
check "pager: the reader is blocked writing" poll 5 blocked
timeout 10 "$TOOL" append "$P" 1 late; rc=$?
check "pager: the append went through meanwhile" test $rc = 0
cat <&3 >/dev/null & cp_=$!
wait $rp; exec 3>&-; kill $cp_ 2>/dev/null; wait $cp_ 2>/dev/null
check "pager: the late record is there" test "$(tail -4 "$P" | grep -c $'^S\t.*\tlate\t')" = 1

# --- a write failure: the file-size limit ------------------------------------
F=$TMP/full
"$TOOL" append "$F" 2 big3
size=$(stat -c %s "$F")
cp "$F" "$TMP/full.orig"
# a limit a little above the file: the next record fits only in part
( ulimit -f $(( (size + 1023) / 1024 )); exec "$TOOL" append "$F" 5 big3 ) 2>"$TMP/ferr"; rc=$?
check "size limit: fails" test $rc = 1
check "size limit: clear message" has "$TMP/ferr" "session not recorded: File too large (over the file size limit, ulimit -f); earlier records are intact"
check "size limit: some records landed before it" test "$(grep -c '^S' "$F")" -gt 2
check "size limit: no half record left" test "$(tail -c 1 "$F" | od -An -c | tr -d ' ')" = '\n'
"$BC" --history "$F" history --format json >"$TMP/fj" 2>"$TMP/ferr2"
check "size limit: file still parses" test ! -s "$TMP/ferr2"
check "size limit: old records there" cmp -s <(head -c "$size" "$F") "$TMP/full.orig"

# --- a lock another program holds: waited for, then not hung on ------------
# flock(1) holds the history's lock as another program would; backcoach
# waits STORE_LOCK_WAIT (10) seconds, then reads without it, or fails to
# append, saying why.
L=$TMP/locked
"$TOOL" append "$L" 2 big3
flock -x "$L" sleep 60 & holder=$!
poll 5 eval '! flock -n -x "$L" true'
"$BC" --history "$L" history --format json >"$TMP/lj" 2>"$TMP/lerr"; rc=$?
check "locked: history still reads, exit 0" test $rc = 0 -a "$(jq length "$TMP/lj")" = 2
check "locked: and says another program holds the lock" has "$TMP/lerr" "another program holds a lock on the history (waited 10 s)"
"$TOOL" append "$L" 1 late 2>"$TMP/lerr"; rc=$?
check "locked: an append gives up, exit 1" test $rc = 1
check "locked: saying why" has "$TMP/lerr" "session not recorded: another program holds a lock on the history (waited 10 s); earlier records are intact"
"$TOOL" append "$L" 1 late 2>"$TMP/lerr" & ap=$!
sleep 0.5
kill -TERM $ap
wait $ap; rc=$?
check "locked: TERM while waiting ends it (143)" test $rc = 143
kill $holder 2>/dev/null; wait $holder 2>/dev/null
check "locked: every record still there, whole" test "$(grep -c '^S' "$L")" = 2

# In the full-screen coach signals are read from a signalfd: a TERM while
# the session's record waits for the lock must still end it, at once.
if command -v tmux >/dev/null; then
	printf 'pain_prompts = false;\nrisk_factors = [];\n' >"$TMP/quiet.conf"
	red_flags_answered "$HOME"
	tmux_new lk "$(private_env "$HOME") TERM=screen $(shquote "$ROOT/backcoach") --no-sound \
	    --config '$TMP/quiet.conf' --history '$L' start tests/data/tiny.cfg; echo EXIT=\$?; sleep 60"
	begin
	pid=$(bc_pid)
	# the lock taken once the session runs (the start-up check does not
	# wait on it then); the 1.5 s hold ends, and the record waits for the
	# lock: TERM then
	wait_for 'Test brief hold' 5
	flock -x "$L" sleep 60 & holder=$!
	poll 5 eval '! flock -n -x "$L" true'
	sleep 3
	check "locked, full screen: the session over, its record waits" \
		test "$(grep -c '^S' "$L")" = 2
	kill -TERM "$pid" 2>/dev/null
	check "locked, full screen: TERM ends the wait and the program (143)" wait_for '^EXIT=143$' 5
	kill $holder 2>/dev/null; wait $holder 2>/dev/null
	tmux_kill
fi

# --- a file size limit that leaves no room: said before the session ---------
# (ulimit -f: the record would fail at the end, after the work was done)
if command -v tmux >/dev/null; then
	printf 'pain_prompts = false;\nrisk_factors = [];\n' >"$TMP/quiet.conf"
	red_flags_answered "$HOME"
	head -c 20000 /dev/zero | tr '\0' '#' | fold -w 100 >"$TMP/big.h"
	tmux_new fs "$(private_env "$HOME") TERM=screen bash -c 'ulimit -f 16; exec \"\$@\"' sh \
	    $(shquote "$ROOT/backcoach") --no-sound --config '$TMP/quiet.conf' \
	    --history '$TMP/big.h' start tests/data/tiny.cfg; echo EXIT=\$?; sleep 60"
	size=$(wc -c <"$TMP/big.h")
	expect "ulimit -f: asked before the session" \
		'Your history cannot be written\. Start anyway\?' 5
	check "... the limit named as the reason" shows 'ulimit -f'
	check "... and the file" shows 'big\.h'
	key n
	check "... no: nothing started, the reason left on the terminal, exit 1" \
		eval "wait_for '^EXIT=1\$' 5 && shows 'ulimit -f'"
	check "... and the history as it was" test "$(wc -c <"$TMP/big.h")" = "$size"
	tmux_kill
fi

# --- two sessions started in the same second: each note finds its own -------
# Two panes start the tiny routine with one tmux command, so their sessions
# start in the same second (nearly always; the check holds either way).
# The notes are typed in the other order; each must land on its session.
if command -v tmux >/dev/null; then
	TW=$TMP/twins
	printf 'pain_prompts = false;\nrisk_factors = [];\n' >"$TMP/quiet.conf"
	red_flags_answered "$HOME"
	for p in a b; do
		tmux_new "tw$p" "$(private_env "$HOME") TERM=screen $(shquote "$ROOT/backcoach") --no-sound \
		    --config '$TMP/quiet.conf' --history '$TW' start tests/data/tiny.cfg; sleep 60"
	done
	S=twa; wait_for 'Enter begin' 5
	S=twb; wait_for 'Enter begin' 5
	T send-keys -t twa Enter \; send-keys -t twb Enter
	S=twb; wait_for 'A note on this session' 10 && type_line "note of b"
	S=twa; wait_for 'A note on this session' 10 && type_line "note of a"
	S=twa; wait_for 'Enter/q/Esc leave' 5
	S=twb; wait_for 'Enter/q/Esc leave' 5
	"$BC" --history "$TW" history --format json >"$TMP/tw.json" 2>"$TMP/tw.err"
	starts=$(jq -r '[.[].start] | unique | length' "$TMP/tw.json")
	note "the two sessions started in $starts distinct second(s)"
	check "two sessions at once: both recorded, each with its own note" \
		test "$(jq -r '[.[].note] | sort | join(",")' "$TMP/tw.json")" = "note of a,note of b"
	check "two sessions at once: their S lines carry different session ids" \
		test "$(awk -F'\t' '$1 == "S" { print $19 }' "$TW" | sort -u | grep -c .)" = 2
	check "two sessions at once: nothing skipped" test ! -s "$TMP/tw.err"
	tmux_kill
fi

# --- a note being typed when TERM or HUP comes: kept -----------------------
if command -v tmux >/dev/null; then
	for sig in TERM HUP; do
		TN=$TMP/note-$sig
		tmux_new "n$sig" "$(private_env "$HOME") TERM=screen $(shquote "$ROOT/backcoach") --no-sound \
		    --config '$TMP/quiet.conf' --history '$TN' start tests/data/tiny.cfg; echo EXIT=\$?; sleep 60"
		begin
		wait_for 'A note on this session' 10 && chars "sore after the $sig   "
		wait_for "sore after the $sig" 3
		kill -"$sig" "$(bc_pid)"
		wait_for '^EXIT=' 5
		check "SIG$sig while typing a note: the note kept (without its trailing spaces)" \
			test "$("$BC" --history "$TN" history --format json | jq -r '.[0].note')" = "sore after the $sig"
		check "SIG$sig: the terminal is left a line on the session recorded" \
			shows '^Recorded: Tiny test routine, completed \(completed\), 0:0[0-9]\.$'
		T kill-session -t "n$sig"
	done
	tmux_kill
fi

finish
