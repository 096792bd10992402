#!/bin/bash
# report.sh - `backcoach report` as a person and their physiotherapist use
# it: six weeks of daily sessions written as a history file, the report
# made in each format; the HTML parsed by a real parser (html5lib), with
# no script and nothing fetched, a hostile note escaped; then printed to
# PDF by a real browser (headless Chromium) and read back with pdftotext:
# the period, the routine names and the pain numbers the text format
# prints, on at most 2 pages.  Run by `make check-report`.
. "$(dirname "$0")/../lib.sh"
BC=${BC:-./backcoach}
need_built "$BC"
need jq
# Debian's python3, which python3-html5lib is installed for (a python3
# of another installation may come first in PATH)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
need pdftotext
need pdfinfo
need chromium
$PY -c 'import html5lib' 2>/dev/null || { echo "report.sh: python3-html5lib missing"; exit 1; }
private_home "$TMP/home"
BC=$(readlink -f "$BC")

today=$(date +%F)
# the default period: six calendar weeks, this one included
monday=$(date -d "$today -$(( ($(date +%u) - 1) )) days" +%F)
first=$(date -d "$monday -35 days" +%F)
ndays=$(( ($(date -d "$today" +%s) - $(date -d "$first" +%s)) / 86400 + 1 ))

# --- a history: a session a day, two routines ----------------------------
H=$TMP/history
{
	printf '#backcoach-history 3\n'
	printf 'D\t%sT08:00:00+01:00\tmcgill-big3\t4\tBird dog\t5,3,1\t8\t6,4,2\t8\tup\n' \
		"$(date -d "$first -3 days" +%F)"
	for ((i = 0; i < ndays; i++)); do
		d=$(date -d "$first +$i days" +%F)
		st="$d"T08:00:00+01:00
		pb=$(( (i * 7) % 6 + 2 )); pa=$(( (i * 5) % 4 + 1 ))
		if ((i % 2)); then id=mcgill-big3 name='McGill Big 3'; else id=desk-break name='Desk break'; fi
		note=''
		((i % 9 == 4)) && note="day $i: tight in the morning"
		printf 'S\t%s\t900\t%s\t%s\tcompleted\tcompleted\t4\t0\t4\t600\t%d\t%d\t%s\t\t\t\texercise\n' \
			"$st" "$id" "$name" "$pb" "$pa" "$note"
		printf 'E\t%s\t%s\t1\tCat-camel\tcompleted\t1\t1\t6\t6\t24\n' "$st" "$id"
		((i == 1)) && printf 'P\t%s\t%s\t20\t6\t1\tfine\n' "$st" "$id"
		((i == 3)) && printf 'A\t%s\tdesk-break\t2\t%s\n' \
			"$(date -d "$first +2 days" +%F)T08:00:00+01:00" \
			"$(printf '</svg><script>alert(1)</script> & "quoted" <b>bold</b> see \342\200\256gnp.exe')"
		((i % 3 == 0)) && printf 'N\t%s\t%s\tsame\n' "$st" "$id"
		((i % 3 == 1)) && printf 'N\t%s\t%s\tbetter\n' "$st" "$id"
	done
	d=$(date -d "$first +10 days" +%F)
	printf 'D\t%sT09:00:00+01:00\tmcgill-big3\t4\tBird dog\t6,4,2\t8\t7,5,3\t8\tup\n' "$d"
	printf 'S\t%sT18:00:00+01:00\t120\tmcgill-big3\tMcGill Big 3\tstopped\tred-flag\t0\t0\t4\t0\t3\t\t\tfever\t\t\texercise\n' "$d"
} >"$H"
cp "$H" "$TMP/history.orig"
r() { "$BC" --history "$H" report "$@"; }

# --- text and json: the same figures --------------------------------------
r --format text >"$TMP/text" 2>"$TMP/err"
check "text exits 0, nothing on stderr" test $? = 0 -a ! -s "$TMP/err"
check "text names the period" grep -qF "Back exercise report: $first to $today" "$TMP/text"
check "text fits 80 columns" test "$(LC_ALL=C.UTF-8 wc -L <"$TMP/text")" -le 80
check "text names both routines" grep -q 'McGill Big 3 .* sessions' "$TMP/text"
check "text gives the routines' sources" grep -q 'Source: .*NHS' "$TMP/text"
check "text gives an exercise's own source too" bash -c \
	"tr -s ' \n' ' ' <'$TMP/text' | grep -q 'Standing back bend: Healthwise, Backward bend'"
check "text: 6 weeks in the calendar" test "$(grep -c '^  week of .* [Xp.r] ' "$TMP/text")" = 6
check "text: the dose change and the dose before it" \
	grep -q 'step up .*3 sets of 6,4,2, hold 8 s -> 3 sets of 7,5,3' "$TMP/text"
check "text: the pain report with its exercise" bash -c \
	"tr -s ' \n' ' ' <'$TMP/text' | grep -q '6/10 spreading down a leg, carried on, during Cat-camel (McGill Big 3)'"
check "text: the red flag with its date" grep -q "yes: A high temperature" "$TMP/text"
check "text: the notes, newest first" \
	test "$(grep -o 'day [0-9]*: tight' "$TMP/text" | head -1)" = "day $(( (ndays - 1) - ((ndays - 1 - 4) % 9) )): tight"
check "the history is unchanged" cmp -s "$H" "$TMP/history.orig"

r --format json >"$TMP/json"
check "json is valid" jq -e . "$TMP/json"
check "json: the period" test "$(jq -r '.period.from + " " + .period.to' "$TMP/json")" = "$first $today"
check "json and text: the same weekly pain numbers" test \
	"$(grep -o '"pain_highest": [^,]*, "pain_before": [^,]*, "pain_after": [^,]*' "$TMP/json" |
		sed 's/"pain_[a-z]*": //g; s/null/-/g; s/,//g')" = \
	"$(awk '/^Pain \(0-10\)/ { on = 1; next } on && /^  week of/ { print $4, $5, $6 } on && !/^  week of/ { on = 0 }' "$TMP/text")"
check "json and text: the same sessions" test \
	"$(jq -r '.weeks[] | .sessions' "$TMP/json" | paste -sd' ')" = \
	"$(awk '/^Adherence/ { on = 1; next } on && /^  week of/ { print $(NF-1) } on && !/^  week of/ { on = 0 }' "$TMP/text" | paste -sd' ')"

# --- html: a file named after the period, parsed, escaped, self-contained --
(cd "$TMP" && "$BC" --history "$H" report >"$TMP/out" 2>&1)
P=$TMP/backcoach-report-$first-to-$today.html
check "html goes to a file named after the period, and says where" \
	grep -qF "backcoach-report-$first-to-$today.html" "$TMP/out"
check "the report file is private (0600)" test "$(stat -c %a "$P")" = 600
cat >"$TMP/parse.py" <<'EOF'
import sys, html5lib
p = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
doc = p.parse(open(sys.argv[1], 'rb').read(), likely_encoding='utf-8')
errs = [e for e in p.errors]
for e in errs:
    print('parse error:', e)
bad = []
for el in doc.iter():
    tag = el.tag if isinstance(el.tag, str) else ''
    if tag.endswith('script') or tag.endswith('iframe') or tag.endswith('object'):
        bad.append('element ' + tag)
    for k, v in el.attrib.items():
        if 'http' in v or k.startswith('on') or (k.endswith('href') and not v.startswith('#')) or k == 'src':
            bad.append('attribute %s=%r on %s' % (k, v, tag))
    if tag.endswith('style') and ('http' in (el.text or '') or '@import' in (el.text or '')):
        bad.append('style fetches')
for b in bad:
    print('not self-contained:', b)
sys.exit(1 if errs or bad else 0)
EOF
check "html parses with no error (html5lib), nothing fetched, no handler" $PY "$TMP/parse.py" "$P"
check "html: no <script" bash -c "! grep -qi '<script' '$P'"
check "html: no http outside the sources' text" bash -c \
	"! sed 's/<td class=\"src\">[^<]*<\/td>//g' '$P' | grep -qi 'http'"
check "html: no url() but the page's own hatch" bash -c \
	"! grep -o 'url([^)]*)' '$P' | grep -qv '^url(#hatch)$'"
check "html: the hostile note escaped" grep -qF \
	'&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;' "$P"
no_bidi() {
	! grep -qF "$(printf '\342\200\256')" "$P" &&
	    grep -qF "see $(printf '\357\277\275')gnp.exe" "$P"
}
check "html: a bidi override in a note does not reach the page (U+FFFD)" no_bidi
check "html: a print style" grep -q '@page' "$P"

if command -v valgrind >/dev/null; then
	valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		"$BC" --history "$H" report -o - >/dev/null 2>"$TMP/vg"
	check "valgrind: no error, no leak" test $? = 0
fi

# --- a corrupt line is reported and skipped, as history does ----------------
cp "$H" "$TMP/corrupt"
printf 'S\tnot a session\n' >>"$TMP/corrupt"
printf 'S\t%sT20:00:00+01:00\t60\tx\tX\tcompleted\tcompleted\t1\t0\t1\t60\t\t\tbell \001 here\t\t\t\texercise\n' "$today" >>"$TMP/corrupt"
n=$(wc -l <"$TMP/corrupt")
"$BC" --history "$TMP/corrupt" report -o - >"$TMP/c.html" 2>"$TMP/c.err"
check "a corrupt line: exit 0, the report made" test $? = 0 -a -s "$TMP/c.html"
check "a corrupt line: reported as FILE:LINE" grep -qF "$TMP/corrupt:$((n - 1)): warning: skipped malformed record" "$TMP/c.err"
check "a control byte: that record skipped and reported" grep -qF "$TMP/corrupt:$n:" "$TMP/c.err"
check "no control byte reaches the page" bash -c "! LC_ALL=C grep -q \$'\\001' '$TMP/c.html'"

# --- an empty history; bad options -----------------------------------------
"$BC" --history "$TMP/none" report -o "$TMP/x.html" >"$TMP/e.out" 2>&1
check "an empty history: exit 1" test $? = 1
check "an empty history: says so" grep -q 'no sessions recorded' "$TMP/e.out"
check "an empty history: no file" test ! -e "$TMP/x.html"
"$BC" --history "$H" report --since 2020-01-01 --weeks 3 >"$TMP/e.out" 2>&1
check "--since with --weeks: usage error" test $? = 2
"$BC" --history "$H" report --format pdf >"$TMP/e.out" 2>&1
check "an unknown format: usage error, said" grep -q "unknown format 'pdf'" "$TMP/e.out"
"$BC" --history "$H" report -o "$H" >"$TMP/e.out" 2>&1
check "-o the history itself: refused, the history untouched" \
	test $? = 1 -a "$(cmp -s "$H" "$TMP/history.orig" && echo same)" = same
r --weeks 2 --format json >"$TMP/w2.json"
check "--weeks 2: two weeks" test "$(jq '.weeks | length' "$TMP/w2.json")" = 2
r --since "$(date -d "$today -2 days" +%F)" --format json >"$TMP/s.json"
check "--since: from that day" test "$(jq -r '.period.from' "$TMP/s.json")" = "$(date -d "$today -2 days" +%F)"
mkdir -p "$XDG_CONFIG_HOME/backcoach"
printf 'risk_factors = ["osteoporosis"];\n' >"$XDG_CONFIG_HOME/backcoach/config"
r --format text --include-risk-factors >"$TMP/rf.txt"
check "--include-risk-factors: the risk factors declared" grep -q 'Osteoporosis' "$TMP/rf.txt"
r -o - >"$TMP/norf.html"
r --format json >"$TMP/norf.json"
check "without it: no risk factor in the page or the JSON" bash -c \
	"! grep -qi 'osteoporosis\|risk factor' '$TMP/norf.html' '$TMP/norf.json'"
rm "$XDG_CONFIG_HOME/backcoach/config"

# --- printed by a real browser ----------------------------------------------
pdf=$TMP/report.pdf
prof=$(mktemp -d)
at_exit rm -rf "$prof"
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$prof" --no-pdf-header-footer --print-to-pdf="$pdf" \
	"file://$P" >"$TMP/chromium.log" 2>&1
check "chromium prints the report to PDF" test -s "$pdf"
pdftotext -layout "$pdf" "$TMP/pdf.txt"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
check "6 weeks of daily sessions: at most 2 pages (got $pages)" test "${pages:-9}" -le 2
check "the PDF shows the period" grep -qF "$first to $today" "$TMP/pdf.txt"
check "the PDF shows both routines' names" bash -c \
	"grep -q 'McGill Big 3' '$TMP/pdf.txt' && grep -q 'Desk break' '$TMP/pdf.txt'"
want=$(awk '/^Pain \(0-10\)/ { on = 1; next } on && /^  week of/ { print $3, $4, $5, $6 } on && !/^  week of/ { on = 0 }' "$TMP/text")
got=$(grep -E '^ *[0-9]{4}-[0-9]{2}-[0-9]{2} +([0-9]+|-) +([0-9.]+|-) +([0-9.]+|-) +[0-9]+/' "$TMP/pdf.txt" |
	awk '{ print $1, $2, $3, $4 }')
check "the PDF shows the pain numbers the text prints" test "$want" = "$got"
on_failure sed -n 1,400p "$TMP/pdf.txt"
check "the PDF shows the pain trend sentence" grep -q 'First score [0-9]*/10, last' "$TMP/pdf.txt"
on_failure
size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
# and on the other paper: A4 when the browser chose Letter, else Letter
case $size in *letter*) other=A4 ;; *) other=letter ;; esac
sed "s|</head>|<style>@page{size:$other}</style></head>|" "$P" >"$TMP/other.html"
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$prof" --no-pdf-header-footer --print-to-pdf="$TMP/other.pdf" \
	"file://$TMP/other.html" >"$TMP/chromium.log" 2>&1
pages=$(pdfinfo "$TMP/other.pdf" | awk '/^Pages:/ { print $2 }')
check "on $other paper too: at most 2 pages (got $pages; first on $size)" \
	test "${pages:-9}" -le 2
pdftotext -layout "$TMP/other.pdf" "$TMP/other.txt"
check "on $other paper: the same pain numbers" test "$want" = \
	"$(grep -E '^ *[0-9]{4}-[0-9]{2}-[0-9]{2} +([0-9]+|-) +([0-9.]+|-) +([0-9.]+|-) +[0-9]+/' "$TMP/other.txt" |
	awk '{ print $1, $2, $3, $4 }')"
finish
