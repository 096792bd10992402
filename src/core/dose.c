/*
 * dose.c - an exercise's dose and its steps (dose.h).
 */
#include "dose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
dose_of(const struct exercise *e, struct dose *d)
{
	memset(d, 0, sizeof *d);
	d->nsets = exercise_nsets(e);
	for (int s = 0; s < d->nsets; s++)
		d->reps[s] = exercise_set_reps(e, s);
	d->hold = exercise_kind(e) == EX_HOLD ? e->hold : 0;
}

bool
dose_equal(const struct dose *a, const struct dose *b)
{
	if (a->nsets != b->nsets || a->hold != b->hold)
		return false;
	for (int s = 0; s < a->nsets; s++)
		if (a->reps[s] != b->reps[s])
			return false;
	return true;
}

/* Every set `by` reps more, if none goes past max (max <= 0: no limit). */
static bool
more_reps(struct dose *d, int64_t max, int by)
{
	for (int s = 0; s < d->nsets; s++)
		if (max > 0 && d->reps[s] + by > max)
			return false;
	for (int s = 0; s < d->nsets; s++)
		d->reps[s] += by;
	return true;
}

/* `by` reps less in every set that has that many more than it started
 * with. */
static bool
fewer_reps(struct dose *d, const struct dose *start, int by)
{
	bool changed = false;

	for (int s = 0; s < d->nsets && s < start->nsets; s++)
		if (d->reps[s] - by >= start->reps[s] && d->reps[s] > by) {
			d->reps[s] -= by;
			changed = true;
		}
	return changed;
}

static enum dose_step
step_up(const struct exercise *e, struct dose *next)
{
	bool ceilings = e->has[XS_reps_max] || e->has[XS_hold_max];
	int by = e->alternate ? 2 : 1;  /* both sides, or one rep */

	if (!ceilings)
		return more_reps(next, 0, by) ? DOSE_SUGGESTED : DOSE_AT_CEILING;
	if (e->has[XS_reps_max] && more_reps(next, e->reps_max, by))
		return DOSE_CHANGED;
	if (e->has[XS_hold_max] && next->hold + 1 <= e->hold_max) {
		next->hold += 1;
		return DOSE_CHANGED;
	}
	return DOSE_AT_CEILING;
}

enum dose_step
dose_step(const struct exercise *e, const struct dose *start, int dir,
    struct dose *next)
{
	bool ceilings = e->has[XS_reps_max] || e->has[XS_hold_max];

	dose_of(e, next);
	if (exercise_kind(e) == EX_TIMER || exercise_kind(e) == EX_NONE)
		return DOSE_FIXED;
	if (dir > 0)
		return step_up(e, next);
	if (next->hold > start->hold && next->hold - 1 >= start->hold)
		next->hold -= 1;
	else if (!fewer_reps(next, start, e->alternate ? 2 : 1))
		return DOSE_AT_START;
	return ceilings ? DOSE_CHANGED : DOSE_SUGGESTED;
}

int
dose_reps_text(const struct dose *d, char *buf, size_t len)
{
	size_t used = 0;

	if (len > 0)
		buf[0] = '\0';
	for (int s = 0; s < d->nsets; s++) {
		int n = snprintf(buf + used, used < len ? len - used : 0, "%s%lld",
		    s ? "," : "", (long long)d->reps[s]);
		used += n > 0 ? (size_t)n : 0;
	}
	return (int)used;
}

int
dose_text(const struct dose *d, char *buf, size_t len)
{
	char reps[64];
	size_t used = 0;

	for (int s = 0; s < d->nsets && used + 8 < sizeof reps; s++)
		used += (size_t)snprintf(reps + used, sizeof reps - used, "%s%lld",
		    s ? "/" : "", (long long)d->reps[s]);
	if (d->hold > 0)
		return snprintf(buf, len, "%s %s of %g s holds", reps,
		    d->nsets == 1 && d->reps[0] == 1 ? "rep" : "reps", d->hold);
	return snprintf(buf, len, "%s %s", reps,
	    d->nsets == 1 && d->reps[0] == 1 ? "rep" : "reps");
}

bool
dose_parse_reps(const char *s, struct dose *d)
{
	int n = 0;

	while (*s != '\0' && n < ROUTINE_MAX_SETS) {
		char *end;
		long long v = strtoll(s, &end, 10);
		if (end == s || v < 1 || v > ROUTINE_MAX_REPS ||
		    (*end != ',' && *end != '\0'))
			return false;
		d->reps[n++] = v;
		s = *end == ',' ? end + 1 : end;
	}
	d->nsets = n;
	return n > 0 && *s == '\0';
}
