#!/bin/bash
# tests/cli/widths.sh - every column the program aligns, with names that are
# not ASCII (tests/data/unicode.cfg: wide CJK characters, accents, a
# combining mark, an em dash): `list`, `show`, `stats` and the `history`
# table, printed as a person would run them.  A column is aligned when the
# text before it takes the same display width on every line (measured by
# wc -L, which counts display columns in a UTF-8 locale), and a cut name
# is cut on a character boundary (the output is valid UTF-8) and ends
# with an ellipsis.  Prints a TAP line per check and "widths.sh: N
# passed, M failed".
. "$(dirname "$0")/../lib.sh"
BC="$ROOT/backcoach"
need_built "$BC"
need iconv wc
export LC_ALL=C.UTF-8
private_home "$TMP/home"
U="$XDG_CONFIG_HOME/backcoach/routines"
STATE="$XDG_STATE_HOME/backcoach"
mkdir -p "$U" "$STATE"
cp tests/data/unicode.cfg "$U/ünï.cfg"
cp tests/data/tiny.cfg "$U/tiny.cfg"

run() { "$BC" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; }
show_run() { echo "status $rc"; echo "stdout:"; cat "$TMP/out"; echo "stderr:"; cat "$TMP/err"; }
on_failure show_run

# aligned SED-EXPR: the part of each line of the output that the sed
# expression prints (what comes before a column) takes one display width,
# on two lines at least.
aligned() {
	local l w
	sed -n "$1" "$TMP/out" >"$TMP/cols"
	w=$(while IFS= read -r l; do printf '%s\n' "$l" | wc -L; done <"$TMP/cols" |
	    sort -u)
	if [ "$(wc -l <"$TMP/cols")" -lt 2 ] || [ "$(wc -l <<<"$w")" != 1 ]; then
		echo "display widths:" $w
		cat "$TMP/cols"
		return 1
	fi
}
utf8() { iconv -f UTF-8 -t UTF-8 "$TMP/out" >/dev/null; }
printed() { grep -qF -- "$1" "$TMP/out"; }

# --- list: ID, NAME (cut at 32 columns), TIME ------------------------------
run list
check "list: exit 0" test "$rc" = 0
check "list: valid UTF-8" utf8
check "list: the TIME column ends at one display column on every line" \
	aligned 's|^\(.*[0-9s]\)  /.*|\1|p; s|^\(ID .* TIME\)  FILE$|\1|p'
check "list: the long name cut on a character, with an ellipsis" \
	printed 'Ünïcödé 日本語 routine — très l… '
check "list: the id whole" grep -q '^ünï  ' "$TMP/out"

# --- show: the steps' label (16 columns) and position (26) ------------------
run show ünï
check "show: exit 0" test "$rc" = 0
check "show: valid UTF-8" utf8
check "show: every step line the same width (columns aligned)" \
	aligned '/^ *[0-9]*:[0-9][0-9]  /p'
check "show: a phase word cut with an ellipsis" printed 'Cambrer 日本語…'
check "show: the side names in the position column" printed 'droite 右側'

# --- stats and history: a history of routines with such names -------------
today=$(date +%Y-%m-%d)
{
	echo '#backcoach-history 2'
	printf 'S\t%sT08:00:00+00:00\t600\tünï\tÜnïcödé 日本語 routine — très longue\tcompleted\tcompleted\t1\t0\t1\t60\t6\t3\tfine, é, 日本\t\t\t\texercise\n' "$today"
	printf 'S\t%sT09:00:00+00:00\t300\ttiny\tTiny test routine\tcompleted\tcompleted\t1\t0\t1\t60\t5\t4\t\t\t\t\texercise\n' "$today"
	printf 'S\t%sT10:00:00+00:00\t300\t日本語の長いルーチン名前\t日本語の長いルーチン名前です本当に\tpartial\tquit\t0\t0\t1\t60\t5\t4\t\t\t\t\texercise\n' "$today"
} >"$STATE/history"

run stats
check "stats: exit 0" test "$rc" = 0
check "stats: valid UTF-8" utf8
check "stats: the counts of every routine start at one display column" \
	aligned '/^Sessions per routine/,/^$/s/^\(  .*\) *[0-9][0-9]* ([0-9]* completed).*/\1/p'
check "stats: a long name cut on a character, with an ellipsis" \
	printed 'Ünïcödé 日本語 rout…'
check "stats: a long id cut the same way" printed '日本語の長いルー… '

run history
check "history: exit 0" test "$rc" = 0
check "history: valid UTF-8" utf8
check "history: the status column starts at one display column" \
	aligned 's/^\(.* \)\(status\/reason\|completed\/\|partial\/\).*/\1/p'
check "history: a wide routine name and id shown whole on the first line" \
	printed '日本語の長いルーチン名前です本当に [日本語の長いルーチン名前]'
check "history: every line fits 80 columns" \
	test "$(LC_ALL=C.UTF-8 wc -L <"$TMP/out")" -le 80
finish
