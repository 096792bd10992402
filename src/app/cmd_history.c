/*
 * cmd_history.c - `history` (the records, as a table, TSV, CSV or JSON)
 * and `stats` (weekly charts, streaks, routines, pain trend).
 *
 * Both only read the history file.  Every output format carries every
 * field of a record, the exercises included.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "history_stats.h"
#include "plan.h"
#include "store.h"
#include "util.h"
#include "wall.h"

enum format { FMT_TABLE, FMT_TSV, FMT_CSV, FMT_JSON };

/* A session copied out of the reader's buffer, with its exercises. */
struct row {
	struct hist_session s;
	struct hist_exercise *ex;
	int nex, cap;
};

/* The command streams: a session is printed once its exercises are in,
 * when the next session or the end of the file comes. */
struct collect {
	const char *path;
	struct diags *d;        /* problems found on the way */
	int since;              /* first day shown */
	const char *routine;    /* or NULL: every routine */
	enum format fmt;
	struct row cur;         /* the session being read */
	int have;               /* cur holds a session */
	int kept;               /* it passes the filters */
	size_t printed;         /* sessions printed so far */
};

static void print_row(struct collect *c, const struct row *r);

static void
free_row(struct row *r)
{
	free((char *)r->s.routine_id);
	free((char *)r->s.routine_name);
	free((char *)r->s.note);
	for (int j = 0; j < r->nex; j++)
		free((char *)r->ex[j].name);
	free(r->ex);
	memset(r, 0, sizeof *r);
}

/* Prints the pending session, if it is to be shown, and forgets it. */
static void
flush(struct collect *c)
{
	if (c->have && c->kept) {
		print_row(c, &c->cur);
		c->printed++;
	}
	free_row(&c->cur);
	c->have = 0;
}

static void
add_session(struct collect *c, const struct hist_session *s)
{
	flush(c);
	c->have = 1;
	c->kept = s->day >= c->since &&
	    (c->routine == NULL || strcmp(c->routine, s->routine_id) == 0);
	struct row *r = &c->cur;
	r->s = *s;
	r->s.routine_id = xstrdup(s->routine_id);
	r->s.routine_name = xstrdup(s->routine_name);
	r->s.note = xstrdup(s->note);
}

static void
add_exercise(struct collect *c, const struct hist_record *rec, long line)
{
	struct row *r = &c->cur;

	if (!c->have || strcmp(rec->ex_start, r->s.start) != 0 ||
	    strcmp(rec->ex_routine, r->s.routine_id) != 0) {
		diags_add(c->d, DIAG_WARNING, c->path, (int)line, "skipped exercise "
		    "record without its session");
		return;
	}
	if (!c->kept)
		return;
	if (r->nex == r->cap)
		r->ex = xrealloc(r->ex, (size_t)(r->cap = r->cap ? 2 * r->cap : 8) *
		    sizeof *r->ex);
	r->ex[r->nex] = rec->e;
	r->ex[r->nex++].name = xstrdup(rec->e.name);
}

static void
collect_fn(const struct hist_record *rec, long line, void *arg)
{
	if (rec->type == HREC_SESSION)
		add_session(arg, &rec->s);
	else if (rec->type == HREC_EXERCISE)
		add_exercise(arg, rec, line);
}

/* --- output ----------------------------------------------------------- */

static const char *const columns[] = {
	"start", "duration_s", "routine_id", "routine_name", "status", "reason",
	"exercises_completed", "exercises_skipped", "exercises_total",
	"worked_s", "pain_before", "pain_after", "note", "exercises",
};
#define NCOLUMNS ((int)(sizeof columns / sizeof *columns))

/* Prints text with TAB, LF, CR and backslash escaped as the history
 * file escapes them (history_escape). */
static void
put_escaped(const char *s)
{
	size_t n = history_escape(s, NULL, 0);
	char *buf = xmalloc(n + 1);

	history_escape(s, buf, n + 1);
	fputs(buf, stdout);
	free(buf);
}

/* The exercises as one text field: "name: status, sets a/b, reps c/d, N s; ..." */
static char *
exercise_summary(const struct row *r)
{
	char *out = xstrdup("");

	for (int i = 0; i < r->nex; i++) {
		const struct hist_exercise *e = &r->ex[i];
		char *n = xasprintf("%s%s%s: %s, sets %d/%d, reps %d/%d, %lld s", out,
		    i ? "; " : "", e->name, history_ex_status_name(e->status),
		    e->sets_done, e->sets_planned, e->reps_done, e->reps_planned,
		    (long long)e->worked_s);
		free(out);
		out = n;
	}
	return out;
}

/* The fields of a row as text, in the order of columns[] (malloc'd). */
static void
row_fields(const struct row *r, char **f)
{
	const struct hist_session *s = &r->s;

	f[0] = xstrdup(s->start);
	f[1] = xasprintf("%lld", (long long)s->duration_s);
	f[2] = xstrdup(s->routine_id);
	f[3] = xstrdup(s->routine_name);
	f[4] = xstrdup(history_status_name(s->status));
	f[5] = xstrdup(history_reason_name(s->reason));
	f[6] = xasprintf("%d", s->ex_completed);
	f[7] = xasprintf("%d", s->ex_skipped);
	f[8] = xasprintf("%d", s->ex_total);
	f[9] = xasprintf("%lld", (long long)s->worked_s);
	f[10] = s->pain_before >= 0 ? xasprintf("%d", s->pain_before) : xstrdup("");
	f[11] = s->pain_after >= 0 ? xasprintf("%d", s->pain_after) : xstrdup("");
	f[12] = xstrdup(s->note);
	f[13] = exercise_summary(r);
}

static void
put_csv(const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

/* TSV (text escaped) or CSV (RFC 4180: quoted, CRLF): the header row, or
 * (r not NULL) a session's row. */
static void
print_delimited(enum format fmt, const struct row *r)
{
	const char *sep = fmt == FMT_CSV ? "," : "\t";
	char *f[NCOLUMNS];

	if (r != NULL)
		row_fields(r, f);
	for (int i = 0; i < NCOLUMNS; i++) {
		fputs(i ? sep : "", stdout);
		if (r == NULL)
			fputs(columns[i], stdout);
		else if (fmt == FMT_CSV)
			put_csv(f[i]);
		else
			put_escaped(f[i]);
		if (r != NULL)
			free(f[i]);
	}
	fputs(fmt == FMT_CSV ? "\r\n" : "\n", stdout);
}

/* Length of the valid UTF-8 sequence at s, or 0. */
static int
utf8_len(const unsigned char *s)
{
	int n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 :
	    s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;

	for (int i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* A JSON string: quotes, backslash and control characters escaped, bytes
 * that are not UTF-8 replaced by U+FFFD. */
static void
put_json(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	putchar('"');
	while (*s) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s++);
		else if (*s == '\n' || *s == '\t' || *s == '\r')
			printf("\\%c", *s == '\n' ? 'n' : *s == '\t' ? 't' : 'r'), s++;
		else if (*s < 0x20 || *s == 0x7f)
			printf("\\u%04x", *s++);
		else if (*s < 0x80)
			putchar(*s++);
		else {
			int n = utf8_len(s);
			if (n == 0) {
				fputs("\\ufffd", stdout);
				s++;
			} else {
				fwrite(s, 1, (size_t)n, stdout);
				s += n;
			}
		}
	}
	putchar('"');
}

static void
put_json_pain(const char *key, int v)
{
	if (v >= 0)
		printf(", \"%s\": %d", key, v);
	else
		printf(", \"%s\": null", key);
}

static void
print_json_row(const struct row *r)
{
	const struct hist_session *s = &r->s;

	printf("  {\"start\": ");
	put_json(s->start);
	printf(", \"duration_s\": %lld, \"routine_id\": ", (long long)s->duration_s);
	put_json(s->routine_id);
	printf(", \"routine_name\": ");
	put_json(s->routine_name);
	printf(", \"status\": \"%s\", \"reason\": \"%s\", \"exercises_completed\": %d, "
	    "\"exercises_skipped\": %d, \"exercises_total\": %d, \"worked_s\": %lld",
	    history_status_name(s->status), history_reason_name(s->reason),
	    s->ex_completed, s->ex_skipped, s->ex_total, (long long)s->worked_s);
	put_json_pain("pain_before", s->pain_before);
	put_json_pain("pain_after", s->pain_after);
	printf(", \"note\": ");
	put_json(s->note);
	printf(", \"exercises\": [");
	for (int i = 0; i < r->nex; i++) {
		const struct hist_exercise *e = &r->ex[i];
		printf("%s\n    {\"name\": ", i ? "," : "");
		put_json(e->name);
		printf(", \"status\": \"%s\", \"sets_done\": %d, \"sets_planned\": %d, "
		    "\"reps_done\": %d, \"reps_planned\": %d, \"worked_s\": %lld}",
		    history_ex_status_name(e->status), e->sets_done,
		    e->sets_planned, e->reps_done, e->reps_planned,
		    (long long)e->worked_s);
	}
	printf("%s]}", r->nex ? "\n  " : "");
}


static void
print_table_row(const struct row *r)
{
	const struct hist_session *s = &r->s;
	char dur[32], work[32], pain[32], st[32], pb[12] = "-", pa[12] = "-";

	plan_format_clock(s->duration_s * NS_PER_SEC, dur, sizeof dur);
	plan_format_clock(s->worked_s * NS_PER_SEC, work, sizeof work);
	if (s->pain_before >= 0)
		snprintf(pb, sizeof pb, "%d", s->pain_before);
	if (s->pain_after >= 0)
		snprintf(pa, sizeof pa, "%d", s->pain_after);
	snprintf(pain, sizeof pain, "%s->%s", pb, pa);
	snprintf(st, sizeof st, "%s/%s", history_status_name(s->status),
	    history_reason_name(s->reason));
	printf("%-25.25s %8s %-18s %-19s %2d/%2d/%2d %8s %6s  ", s->start, dur,
	    s->routine_id, st, s->ex_completed, s->ex_skipped, s->ex_total, work,
	    pain);
	put_escaped(s->routine_name);
	if (s->note[0]) {
		printf("\n    note: ");
		put_escaped(s->note);
	}
	putchar('\n');
	for (int i = 0; i < r->nex; i++) {
		const struct hist_exercise *e = &r->ex[i];
		printf("    %2d. %-10s sets %2d/%-2d reps %3d/%-3d %5lld s  ", i + 1,
		    history_ex_status_name(e->status), e->sets_done,
		    e->sets_planned, e->reps_done, e->reps_planned,
		    (long long)e->worked_s);
		put_escaped(e->name);
		putchar('\n');
	}
}

static void
print_row(struct collect *c, const struct row *r)
{
	if (c->fmt == FMT_JSON) {
		printf("%s\n", c->printed ? "," : "");
		print_json_row(r);
	} else if (c->fmt == FMT_TABLE) {
		if (c->printed == 0)
			printf("%-25s %8s %-18s %-19s %-8s %8s %6s  %s\n", "start",
			    "duration", "routine", "status/reason", "ex c/s/n",
			    "worked", "pain", "name");
		print_table_row(r);
	} else {
		print_delimited(c->fmt, r);
	}
}

/* What comes before the first session and after the last. */
static void
print_frame(struct collect *c, int end)
{
	if (c->fmt == FMT_JSON)
		printf(end ? "%s]\n" : "[", end && c->printed ? "\n" : "");
	else if (c->fmt != FMT_TABLE && !end)
		print_delimited(c->fmt, NULL);
	else if (c->fmt == FMT_TABLE && end && c->printed == 0)
		printf("No sessions recorded%s.\n", c->routine ||
		    c->since > -999999 ? " that match" : " yet");
}

/* --- commands --------------------------------------------------------- */

static int
parse_format(const char *s, enum format *f)
{
	static const char *const names[] = { "table", "tsv", "csv", "json" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum format)i;
			return 0;
		}
	return -1;
}

int
cmd_history(const struct settings *set, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "routine", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct collect c = { .since = -999999, .fmt = FMT_TABLE };
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "s:r:f:", longopts, NULL)) != -1) {
		if (ch == 's' && (strlen(optarg) != 10 ||
		    calendar_parse_date(optarg, &c.since) != 0)) {
			warn("history: bad --since date '%s': expected YYYY-MM-DD",
			    optarg);
			return EXIT_USAGE;
		} else if (ch == 'r') {
			c.routine = optarg;
		} else if (ch == 'f' && parse_format(optarg, &c.fmt) != 0) {
			warn("history: unknown format '%s': use table, tsv, csv or "
			    "json", optarg);
			return EXIT_USAGE;
		} else if (ch != 's' && ch != 'f') {
			return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return EXIT_USAGE;
	struct diags d = { 0 };
	c.path = set->history;
	c.d = &d;
	print_frame(&c, 0);
	int rc = store_read(set->history, collect_fn, &c, &d, NULL);
	flush(&c);
	print_frame(&c, 1);
	cmd_print_diags(&d);
	diags_free(&d);
	return rc == 0 ? 0 : 1;
}

int
cmd_stats(const struct settings *set, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "weeks", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	int weeks = HSTATS_DEFAULT_WEEKS, ch;
	struct hstats st;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "w:", longopts, NULL)) != -1) {
		char *end;
		long v = ch == 'w' ? strtol(optarg, &end, 10) : 0;
		if (ch != 'w')
			return EXIT_USAGE;
		if (*optarg == '\0' || *end != '\0' || v < 1 || v > HSTATS_MAX_WEEKS) {
			warn("stats: bad --weeks '%s': a number from 1 to %d", optarg,
			    HSTATS_MAX_WEEKS);
			return EXIT_USAGE;
		}
		weeks = (int)v;
	}
	if (optind < argc)
		return EXIT_USAGE;
	struct diags d = { 0 };
	int rc = store_stats(set->history, &st, weeks, wall_day(wall_now()), &d);
	cmd_print_diags(&d);
	diags_free(&d);
	char *text = hstats_render(&st, 80);
	if (text == NULL)
		oom();
	fputs(text, stdout);
	free(text);
	hstats_free(&st);
	return rc == 0 ? 0 : 1;
}
