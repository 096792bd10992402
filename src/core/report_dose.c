/*
 * report_dose.c - each exercise's dose over the report's period, from the
 * D lines (report.h): the dose it had when the period began, and every
 * step up or back in it, newest kept.
 *
 * Part of the pure core.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "report_keep.h"

/* The exercise of d, listed on first sight.  A full list gives the place
 * of one with no change in the period to a change (in_period); else
 * NULL. */
static struct report_exercise *
exercise_of(struct report *r, const struct hist_dose *d, bool in_period)
{
	struct report_exercise *e;
	int i;

	for (i = 0; i < r->nexercises; i++) {
		e = &r->exercises[i];
		if (e->ex == d->ex && strcmp(e->routine_id, d->routine_id) == 0) {
			keep_set(r, &e->name, d->ex_name);
			return e;
		}
	}
	if (r->nexercises == REPORT_MAX_EXERCISES) {
		for (i = 0; in_period && i < r->nexercises; i++)
			if (r->exercises[i].changes_total == 0)
				break;
		if (!in_period || i == r->nexercises)
			return NULL;
		e = &r->exercises[i];
		free(e->routine_id);
		free(e->name);
		free(e->start_reps);
	} else {
		e = &r->exercises[r->nexercises++];
	}
	memset(e, 0, sizeof *e);
	e->routine_id = keep_dup(r, d->routine_id);
	e->name = keep_dup(r, d->ex_name);
	e->ex = d->ex;
	e->start_t = INT64_MIN;
	return e;
}

void
report_add_dose(struct report *r, const struct hist_dose *d)
{
	struct report_when w;
	int day;

	if (calendar_parse_date(d->at, &day) != 0 || day > r->last_day)
		return;
	keep_when(r, &w, d->at);
	bool in = day >= r->first_day;
	struct report_exercise *e = exercise_of(r, d, in);
	if (e == NULL) {
		r->more_exercises += in;
		return;
	}
	if (!in) {                      /* the dose the period starts from */
		if (w.t >= e->start_t) {
			e->start_t = w.t;
			keep_set(r, &e->start_reps, d->to_reps);
			e->start_hold = d->to_hold;
		}
		return;
	}
	e->changes_total++;
	int i = keep_slot(&w, &e->changes[0].w, sizeof e->changes[0],
	    &e->nchanges, REPORT_KEEP_CHANGES);
	if (i < 0)
		return;
	struct report_change *c = &e->changes[i];
	keep_set(r, &c->from_reps, d->from_reps);
	keep_set(r, &c->to_reps, d->to_reps);
	c->from_hold = d->from_hold;
	c->to_hold = d->to_hold;
	c->up = d->up;
}
