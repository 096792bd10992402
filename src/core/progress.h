/*
 * progress.h - when a routine's dose should grow or shrink, and by how
 * much.
 *
 * Part of the pure core.  The rule reads what the last sessions of one
 * routine say (from the history, most recent first) and answers up, down,
 * repeat or wait; the step turns that into a new dose for one exercise,
 * within the ceilings its routine declares (reps_max, hold_max) and never
 * below the dose it started from.
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
#include <stddef.h>
#include <stdint.h>

#include "routine.h"

#define PROGRESS_PAIN_NONE (-1)

/* How the back was the morning after, compared with before the session. */
enum next_day {
	NEXT_DAY_UNKNOWN,       /* not asked, or not answered */
	NEXT_DAY_BETTER,
	NEXT_DAY_SAME,
	NEXT_DAY_WORSE,
	NEXT_DAY_COUNT
};

/* The words of the history file and of the question's answers. */
extern const char *const next_day_words[NEXT_DAY_COUNT];

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

/* One exercise's dose: the reps of each set, and the hold. */
struct dose {
	int nsets;
	int64_t reps[ROUTINE_MAX_SETS];
	double hold;            /* seconds, 0 when not a held exercise */
};

enum dose_step {
	DOSE_CHANGED,           /* *next is one step from the dose */
	DOSE_SUGGESTED,         /* *next is a step, but no ceiling is declared:
	                         * suggest it, never apply it */
	DOSE_AT_CEILING,        /* as much as the routine allows */
	DOSE_AT_START,          /* no less than it started with */
	DOSE_FIXED,             /* a timer: no reps to change */
};

void dose_of(const struct exercise *e, struct dose *d);
bool dose_equal(const struct dose *a, const struct dose *b);
/* One step up (dir > 0) or back (dir < 0) from the exercise's dose, into
 * *next.  Up adds a rep to every set while reps_max allows, then a second
 * to the hold while hold_max does; back undoes that, never below *start
 * (the dose before any change was applied). */
enum dose_step dose_step(const struct exercise *e, const struct dose *start,
    int dir, struct dose *next);
/* "5/3/1 reps of 8 s holds", "6 reps": as snprintf. */
int dose_text(const struct dose *d, char *buf, size_t len);
/* The reps as the history writes them, "5,3,1"; and read back (false when
 * s is no such list). */
int dose_reps_text(const struct dose *d, char *buf, size_t len);
bool dose_parse_reps(const char *s, struct dose *d);

#endif
