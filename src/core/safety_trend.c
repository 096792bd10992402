/*
 * safety_trend.c - whether pain improves (safety.h): the first week
 * against the latest, like with like.
 *
 * Part of the pure core.
 */
#include "safety.h"

#include <stdio.h>
#include <string.h>

/*
 * NHS inform, Exercises for back pain
 * (https://www.nhsinform.scot/illnesses-and-conditions/muscle-bone-and-joints/exercises/exercises-for-back-pain):
 * "If your symptoms don't improve after 2 weeks", speak to someone.  Like
 * is compared with like: the pain before exercise sessions (never ice,
 * heat or a walk recorded as a pack), as a mean over the first week and
 * over the latest, at least two weeks apart.  Only pain that could
 * improve meaningfully (2 points or more) is judged.
 *
 * The next-morning answer is no score: it says whether the back was
 * better, the same or worse than before the session, a change and not a
 * level.  So it decides only where the pain before is missing from a
 * week, and then by a rule with no number in it: the latest week's
 * mornings no more often better than worse (a week with no improvement)
 * and, on balance, no better than the first week's.  Where both weeks
 * have them, their counts are said beside the pain before's means.
 */
void
safety_trend_init(struct safety_trend *t)
{
	memset(t, 0, sizeof *t);
	t->pain.first_day = t->pain.last_day = -1;
	t->morning.first_day = t->morning.last_day = -1;
	for (int k = 0; k < 7; k++)
		t->pain.day[k] = t->morning.day[k] = -1;
}

static void
weeks_add(struct safety_weeks *w, int day, const int v[SAFETY_WEEK_SUMS])
{
	if (day < 0)
		return;
	if (w->first_day < 0 || day < w->first_day) {   /* (out of order) */
		w->first_day = day;
		memset(w->first, 0, sizeof w->first);
	}
	int k = day % 7;
	if (w->day[k] != day) {
		w->day[k] = day;
		memset(w->sum[k], 0, sizeof w->sum[k]);
	}
	for (int i = 0; i < SAFETY_WEEK_SUMS; i++) {
		if (day - w->first_day < 7)
			w->first[i] += v[i];
		w->sum[k][i] += v[i];
	}
	if (day > w->last_day)
		w->last_day = day;
}

/* The first week's sums and the latest's; false when they are less than
 * SAFETY_NOT_IMPROVING_DAYS apart or one has nothing (sums[n] == 0). */
static bool
weeks_sums(const struct safety_weeks *w, int n, int first[SAFETY_WEEK_SUMS],
    int last[SAFETY_WEEK_SUMS])
{
	memset(last, 0, SAFETY_WEEK_SUMS * sizeof *last);
	memcpy(first, w->first, SAFETY_WEEK_SUMS * sizeof *first);
	if (w->first_day < 0 ||
	    w->last_day - w->first_day < SAFETY_NOT_IMPROVING_DAYS)
		return false;
	for (int k = 0; k < 7; k++)
		if (w->day[k] >= 0 && w->last_day - w->day[k] < 7)
			for (int i = 0; i < SAFETY_WEEK_SUMS; i++)
				last[i] += w->sum[k][i];
	return first[n] > 0 && last[n] > 0;
}

void
safety_trend_add(struct safety_trend *t, int day, int pain_before)
{
	if (safety_pain_valid(pain_before))
		weeks_add(&t->pain, day, (const int[]){ pain_before, 1, 0 });
}

void
safety_trend_morning(struct safety_trend *t, int day, enum safety_morning m)
{
	weeks_add(&t->morning, day, (const int[]){ m == SAFETY_MORNING_BETTER,
	    m == SAFETY_MORNING_WORSE, 1 });
}

void
safety_trend_means(const struct safety_trend *t, double *first, double *last)
{
	int f[SAFETY_WEEK_SUMS], l[SAFETY_WEEK_SUMS];

	*first = *last = -1;
	if (!weeks_sums(&t->pain, 1, f, l))
		return;
	*first = (double)f[0] / f[1];
	*last = (double)l[0] / l[1];
}

bool
safety_trend_mornings(const struct safety_trend *t, int first[3], int last[3])
{
	return weeks_sums(&t->morning, 2, first, last);
}

bool
safety_not_improving(const struct safety_trend *t)
{
	double first, last;
	int f[3], l[3];

	safety_trend_means(t, &first, &last);
	if (last >= 0)
		return first >= 2 &&
		    safety_pain_change(first, last) != SAFETY_CHANGE_BETTER;
	if (!safety_trend_mornings(t, f, l))
		return false;
	/* (b2 - w2) / n2 <= 0 and <= (b1 - w1) / n1 */
	return l[0] - l[1] <= 0 && (l[0] - l[1]) * f[2] <= (f[0] - f[1]) * l[2];
}

/* "in your first week, 1 of 4 better and 2 worse; in the latest, ..." */
static void
mornings_say(const int f[3], const int l[3], char *out, size_t len)
{
	snprintf(out, len, "in your first week, %d of %d better than before "
	    "the session and %d worse; in the latest week, %d of %d better and "
	    "%d worse", f[0], f[2], f[1], l[0], l[2], l[1]);
}

void
safety_not_improving_say(const struct safety_trend *t, char *out, size_t len)
{
	static const char see[] = "Please speak to a doctor or physiotherapist "
	    "about it (NHS inform: if your symptoms don't improve after 2 weeks).";
	double first, last;
	int f[3], l[3];
	char morn[200] = "";
	bool have = safety_trend_mornings(t, f, l);

	if (have)
		mornings_say(f, l, morn, sizeof morn);
	safety_trend_means(t, &first, &last);
	if (last >= 0)
		snprintf(out, len, "Your pain before exercise was %.1f on average "
		    "in your first week and %.1f in the latest week: not the 2 "
		    "points and 30%% less that count as a meaningful improvement.%s"
		    "%s%s %s", first, last, have ? " Your next mornings: " : "",
		    morn, have ? "." : "", see);
	else
		snprintf(out, len, "Your pain before exercise was not scored in "
		    "both weeks, so your next mornings are compared: %s. In the "
		    "latest week they were no more often better than worse, and no "
		    "better than in your first week. %s", morn, see);
}
