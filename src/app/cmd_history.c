/*
 * cmd_history.c - `history` (the records, as a table, TSV, CSV or JSON)
 * and `stats` (weekly charts, streaks, routines, pain trend).
 *
 * Both only read the history file; history_out.c prints the formats.
 */
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "history_out.h"
#include "history_stats.h"
#include "plan.h"
#include "store.h"
#include "util.h"
#include "wall.h"

/* --since and --until not given: no day is out of range (a day number
 * of year 9999 is about 2.9 million) */
#define NO_DAY INT_MAX
#define MOST_LIMIT 1000000      /* --limit at most */

/* The command streams: the reader hands each session on with its
 * exercises and pain reports right after it (history_join.c); a session
 * is printed at the end of its records, its strings borrowed from the
 * reader.  With
 * --limit or --reverse the sessions kept are held (the last `limit` of
 * them, in a ring) and printed at the end.  A file whose sessions are not
 * in time order (two machines' files put together) is held whole and
 * sorted first: the output is always in time order. */
struct collect {
	const char *path;
	struct diags *d;        /* problems found on the way */
	int since, until;       /* first and last day shown */
	const char *routine;    /* or NULL: every routine */
	long limit;             /* the last N sessions only, or 0: all */
	bool reverse;           /* newest first */
	bool sort;              /* the file is out of order: hold and sort */
	struct hist_out out;
	struct hist_row cur;    /* the session being read (its buffers kept
	                           from one to the next) */    /* the session being read */
	bool have;              /* cur holds a session */
	bool kept;              /* it passes the filters */
	struct hist_row *held;  /* with --limit or --reverse */
	size_t nheld, cap;      /* sessions held so far (all, not only the
	                           ring's); the array's size */
};

/* --- a row: its strings in one buffer of its own, reused --------------- */

/* The row's strings moved from old to t (its text, grown). */
static void
rebase(struct hist_row *r, const char *old, char *t)
{
	const char **p[] = { &r->s.routine_id, &r->s.routine_name, &r->s.note,
		&r->s.flag, &r->s.checked };

	for (size_t i = 0; i < sizeof p / sizeof *p; i++)
		if (*p[i] != NULL)
			*p[i] = t + (*p[i] - old);
	for (int i = 0; i < r->s.nex; i++)
		r->ex[i].name = t + (r->ex[i].name - old);
}

/* A copy of s in r's text. */
static const char *
row_text(struct hist_row *r, const char *s)
{
	size_t n = strlen(s) + 1;

	if (r->ntext + n > r->captext) {
		size_t cap = r->captext ? 2 * r->captext : 256;
		while (cap < r->ntext + n)
			cap *= 2;
		char *t = xmalloc(cap);
		if (r->ntext > 0)
			memcpy(t, r->text, r->ntext);
		rebase(r, r->text, t);
		free(r->text);
		r->text = t;
		r->captext = cap;
	}
	char *at = r->text + r->ntext;
	memcpy(at, s, n);
	r->ntext += n;
	return at;
}

void
history_row_set(struct hist_row *r, const struct hist_session *s)
{
	r->s = *s;
	r->s.routine_id = r->s.routine_name = r->s.note = r->s.flag =
	    r->s.checked = NULL;
	r->s.ex = r->ex;
	r->s.nex = 0;
	r->s.pains = r->pains;
	r->s.npains = 0;
	r->ntext = 0;
	r->s.routine_id = row_text(r, s->routine_id);
	r->s.routine_name = row_text(r, s->routine_name);
	r->s.note = row_text(r, s->note);
	r->s.flag = row_text(r, s->flag);
	r->s.checked = row_text(r, s->checked);
	r->borrowed = false;
}

/* A row that is printed before the reader moves on: s's strings as they
 * are. */
static void
history_row_borrow(struct hist_row *r, const struct hist_session *s)
{
	r->s = *s;
	r->s.ex = r->ex;
	r->s.nex = 0;
	r->s.pains = r->pains;
	r->s.npains = 0;
	r->ntext = 0;
	r->borrowed = true;
}

void
history_row_add_exercise(struct hist_row *r, const struct hist_exercise *e)
{
	if (r->s.nex == r->capex)
		r->ex = xrealloc(r->ex, (size_t)(r->capex = r->capex ?
		    2 * r->capex : 8) * sizeof *r->ex);
	const char *name = r->borrowed ? e->name : row_text(r, e->name);
	r->ex[r->s.nex] = *e;
	r->ex[r->s.nex++].name = name;
	r->s.ex = r->ex;
}

void
history_row_add_pain(struct hist_row *r, const struct hist_pain *p)
{
	if (r->s.npains == r->cappains)
		r->pains = xrealloc(r->pains, (size_t)(r->cappains = r->cappains ?
		    2 * r->cappains : 4) * sizeof *r->pains);
	r->pains[r->s.npains++] = *p;
	r->s.pains = r->pains;
}

void
history_row_free(struct hist_row *r)
{
	free(r->text);
	free(r->ex);
	free(r->pains);
	memset(r, 0, sizeof *r);
}

/* A row held to the end: its buffers cut to what it holds (a million
 * sessions out of order are all held). */
static void
row_shrink(struct hist_row *r)
{
	char *t = xmalloc(r->ntext ? r->ntext : 1);

	if (r->ntext > 0)
		memcpy(t, r->text, r->ntext);
	rebase(r, r->text, t);
	free(r->text);
	r->text = t;
	r->captext = r->ntext;
	if (r->capex > r->s.nex) {
		r->ex = xrealloc(r->ex, (size_t)(r->s.nex ? r->s.nex : 1) *
		    sizeof *r->ex);
		r->capex = r->s.nex;
		r->s.ex = r->ex;
	}
	if (r->cappains > r->s.npains) {
		r->pains = xrealloc(r->pains, (size_t)(r->s.npains ?
		    r->s.npains : 1) * sizeof *r->pains);
		r->cappains = r->s.npains;
		r->s.pains = r->pains;
	}
}

/* Holds the pending session: appended, or in the ring of the last
 * `limit`, over the oldest. */
static void
hold(struct collect *c)
{
	size_t at = c->limit > 0 && !c->sort ? c->nheld % (size_t)c->limit :
	    c->nheld;

	if (at >= c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		if (c->limit > 0 && !c->sort && c->cap > (size_t)c->limit)
			c->cap = (size_t)c->limit;
		c->held = xrealloc(c->held, c->cap * sizeof *c->held);
	}
	struct hist_row oldest = { 0 };
	if (c->nheld > at)
		oldest = c->held[at];   /* its buffers serve the next session */
	else
		row_shrink(&c->cur);
	c->held[at] = c->cur;
	c->cur = oldest;
	c->nheld++;
}

/* Prints the pending session, if it is to be shown, and forgets it. */
static void
flush(struct collect *c)
{
	if (c->have && c->kept && (c->limit > 0 || c->reverse || c->sort))
		hold(c);
	else if (c->have && c->kept)
		history_out_row(&c->out, &c->cur);
	c->have = false;
}

/* A held row's place in time: the instant its start names, read once,
 * and its place in the file, which breaks ties (qsort is not stable). */
struct when {
	int64_t t;
	size_t i;
};

static int
by_time(const void *a, const void *b)
{
	const struct when *x = a, *y = b;

	if (x->t != y->t)
		return (x->t > y->t) - (x->t < y->t);
	return (x->i > y->i) - (x->i < y->i);
}

/* The held sessions in time order; those at one instant keep the file's
 * order. */
static void
sort_held(struct collect *c)
{
	struct when *w = xcalloc(c->nheld + 1, sizeof *w);
	struct hist_row *sorted = xcalloc(c->nheld + 1, sizeof *sorted);

	for (size_t i = 0; i < c->nheld; i++) {
		w[i].i = i;
		calendar_instant(c->held[i].s.start, &w[i].t);
	}
	qsort(w, c->nheld, sizeof *w, by_time);
	for (size_t i = 0; i < c->nheld; i++)
		sorted[i] = c->held[w[i].i];
	free(c->held);
	c->held = sorted;
	c->cap = c->nheld + 1;
	free(w);
}

/* Prints the sessions held, oldest first or (--reverse) newest first,
 * and frees them. */
static void
print_held(struct collect *c)
{
	if (c->sort)
		sort_held(c);
	size_t n = c->limit > 0 && c->nheld > (size_t)c->limit ?
	    (size_t)c->limit : c->nheld;
	size_t first = c->nheld - n;           /* the oldest, counted from 0 */
	bool ring = c->limit > 0 && !c->sort;

	for (size_t k = 0; k < n; k++) {
		size_t i = first + (c->reverse ? n - 1 - k : k);
		size_t at = ring ? i % (size_t)c->limit : i;
		history_out_row(&c->out, &c->held[at]);
	}
	for (size_t k = 0; k < (ring ? n : c->nheld); k++)
		history_row_free(&c->held[k]);
	free(c->held);
}

/* Whether rec (an E or P line) belongs to the pending session; if not,
 * it is reported and left out. */
static bool
belongs(struct collect *c, const struct hist_record *rec, long line)
{
	if (c->have && (rec->member ||
	    (strcmp(rec->key_start, c->cur.s.start) == 0 &&
	    strcmp(rec->key_routine, c->cur.s.routine_id) == 0)))
		return true;
	diags_add(c->d, DIAG_WARNING, c->path, (int)line, "skipped %s record "
	    "without its session", rec->type == HREC_PAIN ? "a pain" :
	    "an exercise");
	return false;
}

static void
collect_fn(const struct hist_record *rec, long line, void *arg)
{
	struct collect *c = arg;

	if (rec->type == HREC_SESSION) {
		flush(c);
		c->have = true;
		c->kept = rec->s.day >= c->since && rec->s.day <= c->until &&
		    (c->routine == NULL ||
		    strcmp(c->routine, rec->s.routine_id) == 0);
		if (c->limit > 0 || c->reverse || c->sort)
			history_row_set(&c->cur, &rec->s);
		else                    /* printed at HREC_SESSION_END */
			history_row_borrow(&c->cur, &rec->s);
		c->cur.plain = rec->plain;
	} else if (rec->type == HREC_EXERCISE && belongs(c, rec, line)) {
		history_row_add_exercise(&c->cur, &rec->e);
		c->cur.plain &= rec->plain;
	} else if (rec->type == HREC_PAIN && belongs(c, rec, line)) {
		history_row_add_pain(&c->cur, &rec->p);
	} else if (rec->type == HREC_SESSION_END) {
		flush(c);
	}
}

/* --- commands --------------------------------------------------------- */

/* --since or --until DATE into *day; 0, or -1 after saying why not. */
static int
parse_day(const char *opt, const char *arg, int *day)
{
	if (strlen(arg) == 10 && calendar_parse_date(arg, day) == 0)
		return 0;
	warn("history: bad %s date '%s': expected YYYY-MM-DD", opt,
	    arg);
	return -1;
}

/* history's options into c; 0, or EXIT_USAGE after saying what is wrong. */
static int
history_options(struct collect *c, int argc, char **argv)
{
	int ch;
	char *end;

	optind = 0;
	while ((ch = cmd_getopt(argc, argv, &cmd_history_opts)) != -1) {
		if (ch == '?' ||
		    (ch == 's' && parse_day("--since", optarg, &c->since) != 0) ||
		    (ch == 'u' && parse_day("--until", optarg, &c->until) != 0))
			return EXIT_USAGE;
		if (ch == 'r')
			c->routine = optarg;
		c->reverse |= ch == 'R';
		if (ch == 'n' && ((c->limit = strtol(optarg, &end, 10)) < 1 ||
		    c->limit > MOST_LIMIT || *end != '\0' || end == optarg)) {
			warn("history: bad --limit '%s': a number of sessions from 1 "
			    "to %d", optarg, MOST_LIMIT);
			return EXIT_USAGE;
		}
		if (ch == 'f' && history_out_format(optarg, &c->out.fmt) != 0) {
			warn("history: unknown format '%s': use table, tsv, csv or "
			    "json", optarg);
			return EXIT_USAGE;
		}
	}
	return cmd_operands(argc, argv, 0, 0, "");
}

int
cmd_history(const struct settings *set, int argc, char **argv)
{
	struct collect c = { .since = -NO_DAY, .until = NO_DAY,
		.out.fmt = FMT_TABLE };

	if (history_options(&c, argc, argv) != 0)
		return EXIT_USAGE;
	struct diags d = { 0 };
	c.path = set->history;
	c.d = &d;
	bool filtered = c.routine != NULL || c.since > -NO_DAY ||
	    c.until < NO_DAY;
	history_out_frame(&c.out, false, filtered);
	c.sort = !store_in_time_order(set->history);
	int rc = store_read(set->history, collect_fn, &c, &d, NULL);
	flush(&c);
	history_row_free(&c.cur);
	print_held(&c);
	/* "no sessions" is no answer to a read error; JSON stays JSON */
	if (rc == 0 || c.out.fmt == FMT_JSON)
		history_out_frame(&c.out, true, filtered);
	history_out_write(&c.out);
	history_out_free(&c.out);
	cmd_print_diags(&d);
	diags_free(&d);
	return rc == 0 ? 0 : 1;
}

int
cmd_stats(const struct settings *set, int argc, char **argv)
{
	int weeks = HSTATS_DEFAULT_WEEKS, ch;
	struct hstats st;

	optind = 0;
	while ((ch = cmd_getopt(argc, argv, &cmd_stats_opts)) != -1) {
		char *end;
		long v = ch == 'w' ? strtol(optarg, &end, 10) : 0;
		if (ch != 'w')
			return EXIT_USAGE;
		if (*optarg == '\0' || *end != '\0' || v < 1 || v > HSTATS_MAX_WEEKS) {
			warn("stats: bad --weeks '%s': a number from 1 to %d",
			    optarg, HSTATS_MAX_WEEKS);
			return EXIT_USAGE;
		}
		weeks = (int)v;
	}
	if (cmd_operands(argc, argv, 0, 0, "") != 0)
		return EXIT_USAGE;
	struct diags d = { 0 };
	int rc = store_stats(set->history, &st, weeks, wall_day(wall_now()), &d);
	cmd_print_diags(&d);
	diags_free(&d);
	if (rc != 0) {          /* no charts of nothing under the error */
		hstats_free(&st);
		return 1;
	}
	char *text = hstats_render(&st, 80);
	if (text == NULL)
		oom();
	fputs(text, stdout);
	free(text);
	hstats_free(&st);
	return 0;
}
