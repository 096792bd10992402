/*
 * cmd_report.c - `report`: the history of a period as one page for a
 * physiotherapist (HTML), or as text or JSON with the same figures.
 *
 * The history is streamed through store_read into the core's report
 * (report.c), which keeps sums and the newest of each list only; the
 * routines followed are then looked up for their sources; a renderer
 * makes the text, written to a file (atomically, private) or stdout.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog.h"
#include "cmd.h"
#include "file.h"
#include "report.h"
#include "store.h"
#include "util.h"
#include "wall.h"

enum report_format { RF_HTML, RF_TEXT, RF_JSON };

struct report_opts {
	int since;              /* first day, or -1: from --weeks */
	int weeks;              /* 0: not given */
	enum report_format fmt;
	const char *out;        /* -o: a file, "-", or NULL: the default */
	bool risks;             /* --include-risk-factors */
};

/* One option into o; 0, or EXIT_USAGE after saying what is wrong. */
static int
report_option(struct report_opts *o, int ch, const char *arg)
{
	char *end;
	long v;

	switch (ch) {
	case 's':
		if (strlen(arg) == 10 && calendar_parse_date(arg, &o->since) == 0)
			return 0;
		warn("report: bad --since date '%s': expected YYYY-MM-DD", arg);
		return EXIT_USAGE;
	case 'w':
		v = strtol(arg, &end, 10);
		if (*arg != '\0' && *end == '\0' && v >= 1 &&
		    v <= REPORT_MAX_WEEKS) {
			o->weeks = (int)v;
			return 0;
		}
		warn("report: bad --weeks '%s': a number from 1 to %d", arg,
		    REPORT_MAX_WEEKS);
		return EXIT_USAGE;
	case 'f':
		o->fmt = strcmp(arg, "html") == 0 ? RF_HTML : strcmp(arg, "text")
		    == 0 ? RF_TEXT : strcmp(arg, "json") == 0 ? RF_JSON : 99;
		if ((int)o->fmt != 99)
			return 0;
		warn("report: unknown format '%s': use html, text or json", arg);
		return EXIT_USAGE;
	case 'o':
		o->out = arg;
		return 0;
	case 'R':
		o->risks = true;
		return 0;
	default:
		return EXIT_USAGE;
	}
}

static int
report_options(struct report_opts *o, int argc, char **argv)
{
	int ch;

	optind = 0;
	while ((ch = cmd_getopt(argc, argv, &cmd_report_opts)) != -1)
		if (report_option(o, ch, optarg) != 0)
			return EXIT_USAGE;
	if (o->since >= 0 && o->weeks > 0) {
		warn("report: --since and --weeks cannot both be given");
		return EXIT_USAGE;
	}
	return cmd_operands(argc, argv, 0, 0, "");
}

struct reading {
	struct report *r;
	long sessions;          /* S lines read, in the period or not */
};

static void
report_fn(const struct hist_record *rec, long line, void *arg)
{
	struct reading *rd = arg;

	(void)line;
	rd->sessions += rec->type == HREC_SESSION;
	report_add(rd->r, rec);
}

/* Where a routine's doses come from: its source, then each exercise's
 * that differs from it ("Bird dog: ..."), as one text. */
static char *
routine_sources(const struct routine *rt)
{
	char *all = xstrdup(rt->source ? rt->source :
	    "(the routine names no source)");

	for (int i = 0; i < rt->nex; i++) {
		const struct exercise *e = &rt->ex[i];
		if (e->source == NULL || (rt->source &&
		    strcmp(e->source, rt->source) == 0) || strstr(all, e->source))
			continue;
		char *more = xasprintf("%s ; %s: %s", all, e->name, e->source);
		free(all);
		all = more;
	}
	return all;
}

/* Each routine followed: where its doses come from, from its file. */
static void
report_sources(struct report *r, const struct settings *set)
{
	for (int i = 0; i < r->nroutines; i++) {
		struct routine rt;
		struct diags d = { 0 };
		if (catalog_load(r->routines[i].id, set, &rt, &d) != 0)
			r->routines[i].source = routine_sources(&rt);
		routine_free(&rt);
		diags_free(&d);
	}
}

/* Whether path names the history file itself (never written over). */
static bool
is_history(const char *path, const char *history)
{
	struct stat a, b;

	return stat(path, &a) == 0 && stat(history, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Writes text to o->out, or stdout, or the default file; 0 or 1. */
static int
report_write(const struct report_opts *o, const struct report *r,
    const char *text, const char *history)
{
	static const char *const ext[] = { "html", "txt", "json" };
	char a[16], z[16], *path;
	struct stat st;

	if ((o->out && strcmp(o->out, "-") == 0) ||
	    (o->out == NULL && o->fmt != RF_HTML)) {
		fputs(text, stdout);    /* main says when it could not be
		                           written, and exits 1 */
		return 0;
	}
	report_day_text(r->first_day, a, sizeof a);
	report_day_text(r->last_day, z, sizeof z);
	path = o->out ? xstrdup(o->out) : xasprintf("backcoach-report-%s-to-%s.%s",
	    a, z, ext[o->fmt]);
	if (is_history(path, history) ||
	    (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))) {
		warn("report: %s: %s", path, is_history(path, history) ?
		    "that is the history file" : "not a regular file");
		free(path);
		return 1;
	}
	struct diags d = { 0 };
	int rc = file_install(path, text, strlen(text), 0, &d);
	cmd_print_diags(&d);
	diags_free(&d);
	if (rc == 0)
		printf("Report written to %s\n", cmd_safe(path));
	free(path);
	return rc == 0 ? 0 : 1;
}

/* The period the options name, ending today, into r. */
static int
report_period(struct report *r, const struct report_opts *o, int today)
{
	int weeks = o->weeks > 0 ? o->weeks : REPORT_DEFAULT_WEEKS;
	int first = o->since >= 0 ? o->since :
	    calendar_week_monday(today) - 7 * (weeks - 1);

	if (first > today) {
		warn("report: --since is after today");
		return EXIT_USAGE;
	}
	if (report_init(r, first, today) != 0) {
		report_free(r);
		if (first < calendar_week_monday(today) - 7 * REPORT_MAX_WEEKS) {
			warn("report: --since is too long ago: the report covers "
			    "at most %d weeks", REPORT_MAX_WEEKS);
			return EXIT_USAGE;
		}
		oom();
	}
	return 0;
}

int
cmd_report(const struct settings *set, int argc, char **argv)
{
	struct report_opts o = { .since = -1 };
	struct report *r = xcalloc(1, sizeof *r);
	struct diags d = { 0 };
	int rc;

	if ((rc = report_options(&o, argc, argv)) != 0 ||
	    (rc = report_period(r, &o, wall_day(wall_now()))) != 0) {
		free(r);
		return rc;
	}
	r->show_risk_factors = o.risks;
	r->risk_factors = o.risks ? set->risk_factors : 0;
	r->risk_factors_known = set->risk_factors_known;
	struct reading rd = { .r = r };
	rc = store_read(set->history, report_fn, &rd, &d, NULL);
	cmd_print_diags(&d);
	diags_free(&d);
	if (rc == 0 && rd.sessions == 0)
		warn("report: no sessions recorded in %s yet: nothing to report",
		    cmd_safe(set->history));
	if (rc == 0 && rd.sessions > 0) {
		report_finish(r);
		report_sources(r, set);
		char *text = o.fmt == RF_HTML ? report_html(r) : o.fmt == RF_TEXT ?
		    report_text(r) : report_json(r);
		if (text == NULL || r->oom)
			oom();
		rc = report_write(&o, r, text, set->history);
		free(text);
	} else {
		rc = 1;
	}
	report_free(r);
	free(r);
	return rc;
}
