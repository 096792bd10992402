/*
 * progress.h - when a routine's dose should grow or shrink.
 *
 * Part of the pure core.  The rule reads what the last sessions of one
 * routine say (from the history, most recent first) and answers up, down,
 * repeat or wait; dose.h turns that into a new dose for each exercise.
 *
 * Sources: "add an extra 1 or 2 repetitions every few days as long as you
 * feel comfortable" (NHS inform, Exercises for back pain,
 * https://www.nhsinform.scot/illnesses-and-conditions/muscle-bone-and-joints/exercises/exercises-for-back-pain);
 * pain of 0-5 during exercise acceptable, above 5 not, and the response
 * over the next 24 hours the one that matters (the pain-monitoring model,
 * https://bim.physio/the-pain-monitoring-model/).
 */
#ifndef BACKCOACH_PROGRESS_H
#define BACKCOACH_PROGRESS_H

#include <stdbool.h>

#include "history.h"

#define PROGRESS_PAIN_NONE (-1)

/* What one past session of a routine tells the rule. */
struct progress_session {
	bool completed;         /* ran to its end, and something was worked */
	bool stopped;           /* ended for pain or a red flag */
	int pain_before, pain_after, pain_max;  /* 0-10, or PROGRESS_PAIN_NONE */
	enum next_day next_day;
};

enum progress_what {
	PROGRESS_REPEAT,        /* do the same again */
	PROGRESS_WAIT,          /* ready, once the next morning is known */
	PROGRESS_UP,            /* one step more */
	PROGRESS_DOWN,          /* one step back */
};

struct progress_advice {
	enum progress_what what;
	const char *why;        /* one or two sentences for the user */
};

/* The rule over the last sessions of one routine, most recent first
 * (last[0]); n may be 0.  Up when the last two were completed with pain
 * at 5 or less during them and the morning after the last was not worse;
 * down after a session that was stopped, went above 5, or left the back
 * worse the next morning. */
struct progress_advice progress_rule(const struct progress_session *last,
    int n);

/* An exercise whose dose could take the step up, as the history rates it. */
struct progress_pick {
	int easy;               /* sessions it was rated "too easy" */
	int full;               /* sessions it was done in full: every rep or
	                           hold planned */
};

/* The one exercise of v[0..n-1] to step up (one at a time): the one most
 * often rated too easy, then the one most often done in full, then the
 * first.  -1 when n is 0. */
int progress_choose(const struct progress_pick *v, int n);

#endif
