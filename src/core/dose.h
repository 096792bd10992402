/*
 * dose.h - one exercise's dose, and one step of it up or back.
 *
 * Part of the pure core.  A step up adds a rep to every set (two where
 * the reps alternate sides, so both sides get one) while the
 * routine's reps_max allows ("add an extra 1 or 2 repetitions every few
 * days", NHS inform), then a second to the hold while hold_max does; a
 * step back undoes that, never below the dose the exercise started from.
 * An exercise without a ceiling gets suggestions only.
 */
#ifndef BACKCOACH_DOSE_H
#define BACKCOACH_DOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "routine.h"

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
	DOSE_HELD,              /* a step up held back: the person rated it too
	                         * hard, or said it hurt, last time (dosing.c) */
	DOSE_WAIT,              /* a step up left for later: one exercise at a
	                         * time (dosing.c) */
	DOSE_NOT_FULL,          /* a step up held back: not every rep or hold
	                         * of it was done in the last two sessions
	                         * (dosing.c) */
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
