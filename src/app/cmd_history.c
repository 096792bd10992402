/*
 * cmd_history.c - `history` (the records, as a table, TSV, CSV or JSON)
 * and `stats` (weekly charts, streaks, routines, pain trend).
 *
 * Both only read the history file; history_out.c prints the formats.
 */
#include <getopt.h>
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

/* The command streams: the reader hands each session on with its
 * exercises and pain reports right after it (history_join.c); a session
 * is printed when the next one comes, or the end of the file. */
struct collect {
	const char *path;
	struct diags *d;        /* problems found on the way */
	int since;              /* first day shown */
	const char *routine;    /* or NULL: every routine */
	enum hist_format fmt;
	struct hist_row cur;    /* the session being read */
	bool have;              /* cur holds a session */
	bool kept;              /* it passes the filters */
	size_t printed;         /* sessions printed so far */
};

/* Prints the pending session, if it is to be shown, and forgets it. */
static void
flush(struct collect *c)
{
	if (c->have && c->kept)
		history_out_row(c->fmt, &c->cur, c->printed++);
	history_row_free(&c->cur);
	c->have = false;
}

/* Whether rec (an E or P line) belongs to the pending session; if not,
 * it is reported and left out. */
static bool
belongs(struct collect *c, const struct hist_record *rec, long line)
{
	if (c->have && strcmp(rec->key_start, c->cur.s.start) == 0 &&
	    strcmp(rec->key_routine, c->cur.s.routine_id) == 0)
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
		c->kept = rec->s.day >= c->since && (c->routine == NULL ||
		    strcmp(c->routine, rec->s.routine_id) == 0);
		history_row_set(&c->cur, &rec->s);
	} else if (rec->type == HREC_EXERCISE && belongs(c, rec, line)) {
		history_row_add_exercise(&c->cur, &rec->e);
	} else if (rec->type == HREC_PAIN && belongs(c, rec, line)) {
		history_row_add_pain(&c->cur, &rec->p);
	}
}

/* --- commands --------------------------------------------------------- */

static const struct option history_longopts[] = {
	{ "since", required_argument, NULL, 's' },
	{ "routine", required_argument, NULL, 'r' },
	{ "format", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 },
};
const struct cmd_opts cmd_history_opts = { "s:r:f:", history_longopts };

int
cmd_history(const struct settings *set, int argc, char **argv)
{
	struct collect c = { .since = -999999, .fmt = FMT_TABLE };
	int ch;

	optind = 0;
	while ((ch = cmd_getopt(argc, argv, &cmd_history_opts)) != -1) {
		if (ch == 's' && (strlen(optarg) != 10 ||
		    calendar_parse_date(optarg, &c.since) != 0)) {
			warn("history: bad --since date '%s': expected YYYY-MM-DD",
			    cmd_safe(optarg));
			return EXIT_USAGE;
		} else if (ch == 'r') {
			c.routine = optarg;
		} else if (ch == 'f' && history_out_format(optarg, &c.fmt) != 0) {
			warn("history: unknown format '%s': use table, tsv, csv or "
			    "json", cmd_safe(optarg));
			return EXIT_USAGE;
		} else if (ch == '?') {
			return EXIT_USAGE;
		}
	}
	if (cmd_operands(argc, argv, 0, 0, "") != 0)
		return EXIT_USAGE;
	struct diags d = { 0 };
	c.path = set->history;
	c.d = &d;
	bool filtered = c.routine != NULL || c.since > -999999;
	history_out_frame(c.fmt, false, 0, filtered);
	int rc = store_read(set->history, collect_fn, &c, &d, NULL);
	flush(&c);
	/* "no sessions" is no answer to a read error; JSON stays JSON */
	if (rc == 0 || c.fmt == FMT_JSON)
		history_out_frame(c.fmt, true, c.printed, filtered);
	cmd_print_diags(&d);
	diags_free(&d);
	return rc == 0 ? 0 : 1;
}

static const struct option stats_longopts[] = {
	{ "weeks", required_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 },
};
const struct cmd_opts cmd_stats_opts = { "w:", stats_longopts };

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
			    cmd_safe(optarg), HSTATS_MAX_WEEKS);
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
	char *text = hstats_render(&st, 80);
	if (text == NULL)
		oom();
	fputs(text, stdout);
	free(text);
	hstats_free(&st);
	return rc == 0 ? 0 : 1;
}
