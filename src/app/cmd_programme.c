/*
 * cmd_programme.c - `backcoach programme list|show ID|start ID|stop|
 * status|next`, and `check FILE.programme`.
 *
 * The state is the one file programme_store.c replaces atomically; the
 * weeks move on only here, with `next` (consent), or by the rules that
 * wait and step back (schedule.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "paths.h"
#include "programme_day.h"
#include "programme_load.h"
#include "util.h"
#include "words.h"

int
cmd_check_programme(const char *path, int quiet)
{
	struct programme p;
	struct diags d = { 0 };
	int found = prog_day_programme(path, &p, &d);

	if (found == 0)
		warn("check: no programme file '%s'", cmd_safe(path));
	cmd_print_diags(&d);
	if (!quiet && found > 0)
		printf("%s: ok, programme %s, %d %s\n", cmd_safe(path),
		    cmd_safe(p.name), p.nweeks, plural(p.nweeks, "week", "weeks"));
	diags_free(&d);
	programme_free(&p);
	return found <= 0;
}

/* Loads programme id, printing its problems: 0, or 1 after saying why. */
static int
load(const char *id, struct programme *p)
{
	struct diags d = { 0 };
	int found = prog_day_programme(id, p, &d);

	cmd_print_diags(&d);
	diags_free(&d);
	if (found == 0)
		warn("programme: no programme '%s' (try 'backcoach programme list')",
		    cmd_safe(id));
	else if (found < 0)
		warn("programme: '%s' has errors: not started", cmd_safe(id));
	if (found <= 0)
		programme_free(p);
	return found <= 0;
}

static int
do_list(void)
{
	struct routine_entry *v;
	size_t n = programme_list(&v);

	for (size_t i = 0; i < n; i++) {
		struct programme p;
		struct diags d = { 0 };
		int bad = programme_load(&p, v[i].path, &d) != 0;
		printf("%s  %s", cmd_col(v[i].id, 20, false),
		    cmd_col(bad ? "(invalid: backcoach check)" : p.name, 40,
		    false));
		if (!bad)
			printf("  %d %s", p.nweeks, plural(p.nweeks, "week", "weeks"));
		printf("\n");
		diags_free(&d);
		programme_free(&p);
	}
	if (n == 0)
		printf("No programmes found.\n");
	routine_list_free(v, n);
	return 0;
}

/* One week, for `show`. */
static void
show_week(const struct prog_week *w, int n)
{
	printf("\nWeek %d: ", n);
	if (w->form == DAYS_COUNT && w->per_week == PROG_DAYS)
		printf("%s, every day.\n", cmd_safe(w->routine));
	else if (w->form == DAYS_COUNT)
		printf("%s, any %lld %s a week.\n", cmd_safe(w->routine),
		    (long long)w->per_week, w->per_week == 1 ? "day" : "days");
	else {
		const char *sep = "";
		for (int d = 0; d < PROG_DAYS; d++)
			if (w->day[d] != NULL) {
				printf("%s%s %s", sep, programme_day_names[d],
				    cmd_safe(w->day[d]));
				sep = ", ";
			}
		printf(".\n");
	}
	if (w->dose)
		printf("  Dose: %s\n", cmd_safe(w->dose));
	if (w->rest)
		printf("  Rest days: %s\n", cmd_safe(w->rest));
	if (w->rest_routine)
		printf("  On a rest day, if you like: %s\n", cmd_safe(w->rest_routine));
	if (w->source)
		printf("  Source: %s\n", cmd_safe(w->source));
}

static int
do_show(const char *id)
{
	struct programme p;

	if (load(id, &p) != 0)
		return 1;
	printf("%s (%s), %d %s\n", cmd_safe(p.name), cmd_safe(p.id), p.nweeks,
	    plural(p.nweeks, "week", "weeks"));
	if (p.summary)
		printf("%s\n", cmd_safe(p.summary));
	if (p.source)
		printf("Source: %s\n", cmd_safe(p.source));
	if (p.resume)
		printf("When it ends, the programme it paused goes on.\n");
	for (int i = 0; i < p.nweeks; i++)
		show_week(&p.week[i], i + 1);
	programme_free(&p);
	return 0;
}

static int
do_start(const char *id)
{
	struct programme p;
	struct prog_state st;
	struct diags d = { 0 };
	char *path = programme_state_path(), now[HISTORY_START_LEN + 1];
	int rc = 1;

	if (load(id, &p) != 0) {
		free(path);
		return 1;
	}
	if (programme_state_read(path, &st, &d) < 0)
		memset(&st, 0, sizeof st);      /* unreadable: replaced */
	char was[PROG_ID_MAX + 1];
	snprintf(was, sizeof was, "%s", st.id);
	int was_week = st.week;
	if (strcmp(was, p.id) == 0) {
		warn("programme: %s runs already, at week %d ('backcoach programme "
		    "stop' first to start it again)", cmd_safe(p.id), was_week);
		programme_free(&p);
		free(path);
		diags_free(&d);
		return 1;
	}
	wall_iso(wall_now(), now);
	schedule_start(&p, &st, now);
	if (programme_state_write(path, &st, &d) == 0) {
		rc = 0;
		printf("Started %s (%s): week 1 of %d, from today.\n",
		    cmd_safe(p.name), cmd_safe(p.id), p.nweeks);
		if (st.resume_id[0])
			printf("When it ends, %s goes on at week %d.\n",
			    cmd_safe(st.resume_id), st.resume_week);
		else if (was[0] && strcmp(was, p.id) != 0)
			printf("It takes the place of %s (it was at week %d).\n",
			    cmd_safe(was), was_week);
		printf("'backcoach today' says what each day holds.\n");
	}
	cmd_print_diags(&d);
	diags_free(&d);
	programme_free(&p);
	free(path);
	return rc;
}

static int
do_stop(void)
{
	struct prog_state st;
	struct diags d = { 0 };
	char *path = programme_state_path();
	int found = programme_state_read(path, &st, &d);
	int rc = programme_state_remove(path, &d) == 0 ? 0 : 1;

	if (rc == 0 && found > 0)
		printf("Stopped %s at week %d.  Your history stays as it is.\n",
		    cmd_safe(st.id), st.week);
	else if (rc == 0 && found == 0)
		printf("No programme runs.\n");
	else if (rc == 0)
		printf("Removed the programme state, which could not be read.\n");
	cmd_print_diags(&d);
	diags_free(&d);
	free(path);
	return rc;
}

/* The programme running, today worked out (and a change the rules made
 * saved): 1, or 0 after saying there is none or why it cannot be read
 * (*rc the exit status then). */
static int
running(const struct settings *set, struct prog_day *day, int *rc)
{
	int found = prog_day_said(day, set);

	if (found == 0)
		printf("No programme runs.\n");
	if (found <= 0)
		prog_day_free(day);
	*rc = found < 0;
	return found > 0;
}

static int
do_status(const struct settings *set)
{
	struct prog_day day;
	int rc;

	if (!running(set, &day, &rc))
		return rc;
	printf("Started %.10s; this week began %.10s (%s).\n", day.st.started,
	    day.st.began, schedule_change_name(day.st.change));
	prog_day_facts(&day, set);
	prog_day_print(&day);
	prog_day_free(&day);
	return 0;
}

/* `next`: consent to move on, when the week is done. */
static int
do_next(const struct settings *set)
{
	struct prog_day day;
	struct diags d = { 0 };
	int rc;

	if (!running(set, &day, &rc))
		return rc;
	switch (schedule_next(&day.p, &day.st, &day.t, day.now)) {
	case SCHED_NEXT_NOT_READY:
		printf("Week %d is not done yet: %d of %d training days%s.\n",
		    day.t.week, day.t.sessions, day.t.target, day.t.week_done ?
		    ", and it has not had its 7 days" : "");
		break;
	case SCHED_NEXT_FINISHED:
		rc = programme_state_remove(day.state_path, &d) != 0;
		if (rc == 0)
			printf("%s is finished.  Well done.  Keep moving: 'backcoach "
			    "programme list' has others.\n", cmd_safe(day.p.name));
		break;
	case SCHED_NEXT_WEEK:
	case SCHED_NEXT_RESUMED:
		rc = programme_state_write(day.state_path, &day.st, &d) != 0;
		if (rc == 0)
			printf("On to week %d of %s, from today.\n", day.st.week,
			    cmd_safe(day.st.id));
		break;
	}
	cmd_print_diags(&d);
	diags_free(&d);
	prog_day_free(&day);
	return rc;
}

int
cmd_programme(const struct settings *set, int argc, char **argv)
{
	static const char *const subs[] = { "list", "show", "start", "stop",
	    "status", "next" };
	static const int nargs[] = { 0, 1, 1, 0, 0, 0 };

	optind = 0;
	while (cmd_getopt(argc, argv, &cmd_no_opts) != -1)
		return EXIT_USAGE;
	const char *sub = optind < argc ? argv[optind] : "status";
	int k = -1;
	for (int i = 0; i < 6; i++)
		if (strcmp(sub, subs[i]) == 0)
			k = i;
	if (k < 0) {
		struct suggest sg = SUGGEST_INIT;
		for (int i = 0; i < 6; i++)
			suggest_try(&sg, sub, subs[i]);
		warn("programme: no such action '%s'%s%s%s", cmd_safe(sub),
		    sg.best ? " (did you mean '" : "", sg.best ? sg.best : "",
		    sg.best ? "'?)" : "");
		return EXIT_USAGE;
	}
	if (optind < argc)
		optind++;
	if (cmd_operands(argc, argv, nargs[k], nargs[k], "ID") != 0)
		return EXIT_USAGE;
	switch (k) {
	case 0: return do_list();
	case 1: return do_show(argv[optind]);
	case 2: return do_start(argv[optind]);
	case 3: return do_stop();
	case 4: return do_status(set);
	default: return do_next(set);
	}
}
