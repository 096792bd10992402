/*
 * cmd_progress.c - `backcoach progress ROUTINE [--apply]`: the dose of
 * each exercise, the changes made so far, the sessions the rule read, and
 * the next step with its reason; --apply makes that step (dosing.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dosing.h"
#include "store.h"
#include "util.h"
#include "wall.h"

/* Prints the dose changes of routine id recorded in the history. */
static void
change_fn(const struct hist_record *rec, long line, void *arg)
{
	const char *id = arg;
	char from[80], to[80];
	struct dose a = { 0 }, b = { 0 };

	(void)line;
	if (rec->type != HREC_DOSE || strcmp(rec->dose.routine_id, id) != 0)
		return;
	dose_parse_reps(rec->dose.from_reps, &a);
	dose_parse_reps(rec->dose.to_reps, &b);
	a.hold = rec->dose.from_hold;
	b.hold = rec->dose.to_hold;
	dose_text(&a, from, sizeof from);
	dose_text(&b, to, sizeof to);
	printf("  %.16s  %s: %s -> %s (a step %s)\n", rec->dose.at,
	    cmd_safe(rec->dose.ex_name), from, to, rec->dose.up ? "up" : "back");
}

static void
print_doses(const struct dosing *d, const struct routine *r)
{
	char now[80], start[80];

	printf("\nDose now:\n");
	for (int i = 0; i < d->n; i++) {
		const struct dosing_ex *x = &d->v[i];
		const struct exercise *e = &r->ex[x->ex];
		dose_text(&x->now, now, sizeof now);
		dose_text(&x->start, start, sizeof start);
		printf("  %d. %s: %s", x->ex + 1, cmd_safe(e->name), now);
		if (e->has[XS_reps_max])
			printf("; at most %lld reps a set", (long long)e->reps_max);
		if (e->has[XS_hold_max])
			printf("; holds of at most %g s", e->hold_max);
		if (!e->has[XS_reps_max] && !e->has[XS_hold_max])
			printf("; no limit set, so only suggested");
		if (!dose_equal(&x->now, &x->start))
			printf("; started at %s", start);
		putchar('\n');
	}
}

/* A pain score as progress prints it: "—" (or "-" without UTF-8) for
 * one that was skipped, never -1. */
static const char *
score(int v, char buf[12])
{
	if (v < 0)
		return cmd_utf8() ? "\u2014" : "-";
	snprintf(buf, 12, "%d", v);
	return buf;
}

static void
print_recent(const struct dosing *d)
{
	char b1[12], b2[12];

	printf("\nSessions the rule reads (the last two with some work done):\n");
	if (d->nrecent == 0)
		printf("  none yet\n");
	for (int i = 0; i < d->nrecent; i++) {
		const struct progress_session *s = &d->recent[i];
		printf("  %.16s  %s", d->recent_start[i], s->completed ? "completed" :
		    s->stopped ? "stopped" : "not completed");
		if (s->pain_before >= 0 || s->pain_after >= 0)
			printf(", pain %s -> %s", score(s->pain_before, b1),
			    score(s->pain_after, b2));
		if (s->pain_max >= 0)
			printf(", highest %d during it", s->pain_max);
		printf(", next morning: %s\n", s->next_day == NEXT_DAY_UNKNOWN ?
		    "not asked yet" : history_next_day_name(s->next_day));
	}
}

int
cmd_progress(const struct settings *set, int argc, char **argv)
{
	struct routine r;
	struct dosing d;
	struct diags dg = { 0 };
	int apply = 0, ch;

	optind = 0;
	while ((ch = cmd_getopt(argc, argv, &cmd_progress_opts)) != -1) {
		if (ch != 'a')
			return EXIT_USAGE;
		apply = 1;
	}
	if (cmd_operands(argc, argv, 1, 1, "ROUTINE") != 0)
		return EXIT_USAGE;
	if (cmd_load_routine(set, argv[optind], "planning", &r) != 0)
		return 1;
	if (routine_timers_only(&r)) {  /* an ice or heat pack */
		printf("%s (%s): %s, with no reps or holds: no dose to change.\n",
		    cmd_safe(r.name), cmd_safe(r.id), r.nex == 1 ? "a timer" :
		    "timers");
		routine_free(&r);
		return apply ? 1 : 0;
	}
	dosing_plan(&d, &r, set->history, wall_day(wall_now()), &dg);
	int rc = dg.nerrors ? 1 : 0;
	printf("%s (%s)\n", cmd_safe(r.name), cmd_safe(r.id));
	print_doses(&d, &r);
	printf("\nChanges made so far:\n%s", d.nchanges ? "" : "  none\n");
	if (d.nchanges)
		store_read(set->history, change_fn, r.id, &dg, NULL);
	print_recent(&d);
	char *text = dosing_text(&d, &r);
	printf("\n%s\n", cmd_safe(text));
	free(text);
	if (apply && rc == 0) {
		char *where;
		rc = dosing_apply(&d, &r, set->history, &where, &dg) == 0 ? 0 : 1;
		if (rc == 0)
			printf("\nSaved the new dose in %s.\n", cmd_safe(where));
		free(where);
	} else if (d.napply > 0) {
		printf("\n'backcoach progress --apply %s' makes this change.\n",
		    cmd_safe(r.id));
	}
	cmd_print_diags(&dg);
	diags_free(&dg);
	dosing_free(&d);
	routine_free(&r);
	return rc;
}
