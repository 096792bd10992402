/*
 * progress.c - the progression rule (progress.h).
 */
#include "progress.h"


static bool
known(int pain)
{
	return pain >= 0 && pain <= 10;
}

/* The highest pain known during a session or just after it. */
static int
highest(const struct progress_session *s)
{
	int hi = PROGRESS_PAIN_NONE;

	if (known(s->pain_max))
		hi = s->pain_max;
	if (known(s->pain_after) && s->pain_after > hi)
		hi = s->pain_after;
	return hi;
}

/* Stopped, above 5, or worse the next morning: one step back. */
static bool
went_badly(const struct progress_session *s)
{
	return s->stopped || highest(s) >= 6 || s->next_day == NEXT_DAY_WORSE;
}

/* Completed, pain known and at most 5, and not 2 points or more worse
 * right after unless the next morning says it settled. */
static bool
went_well(const struct progress_session *s)
{
	int hi = highest(s);
	bool rose = known(s->pain_before) && known(s->pain_after) &&
	    s->pain_after - s->pain_before >= 2;
	bool settled = s->next_day == NEXT_DAY_BETTER ||
	    s->next_day == NEXT_DAY_SAME;

	return s->completed && !went_badly(s) && hi != PROGRESS_PAIN_NONE &&
	    hi <= 5 && (!rose || settled);
}

struct progress_advice
progress_rule(const struct progress_session *last, int n)
{
	static const struct progress_advice down = {
		PROGRESS_DOWN,
		"Last time was hard on your back (stopped, pain above 5, or "
		"worse the next morning): one step back, then build up again "
		"slowly.",
	};
	static const struct progress_advice up = {
		PROGRESS_UP,
		"Your last two sessions were completed with pain at 5 or less, "
		"and your back was no worse the next morning: one step more "
		"for one exercise, a rep more per set (NHS inform: add 1 or 2 "
		"reps every few days), or a second more in a hold its routine "
		"builds up to a most.",
	};
	static const struct progress_advice wait = {
		PROGRESS_WAIT,
		"Your last two sessions went well. Once you have said how your "
		"back was the next morning, and it was no worse, one step more "
		"is suggested for one exercise.",
	};
	static const struct progress_advice repeat = {
		PROGRESS_REPEAT,
		"Repeat this dose until two sessions in a row are completed "
		"with pain at 5 or less and your back is no worse the next "
		"morning.",
	};

	if (n >= 1 && went_badly(&last[0]))
		return down;
	if (n < 2 || !went_well(&last[0]) || !went_well(&last[1]))
		return repeat;
	if (last[0].next_day == NEXT_DAY_BETTER || last[0].next_day == NEXT_DAY_SAME)
		return up;
	return last[0].next_day == NEXT_DAY_UNKNOWN ? wait : repeat;
}

/* "Too easy" is the person's own word that a dose is light; done in full
 * is what the history shows of the work (the tie-break). */
int
progress_choose(const struct progress_pick *v, int n)
{
	int best = -1;

	for (int i = 0; i < n; i++)
		if (best < 0 || v[i].easy > v[best].easy ||
		    (v[i].easy == v[best].easy && v[i].full > v[best].full))
			best = i;
	return best;
}
