/*
 * dosing.h - the next dose of a routine: what the history says, shown as
 * a suggestion, and applied to the user's copy with their yes.
 *
 * The rule is progress.c's, the steps dose.c's; this module reads the
 * history for them (the routine's last sessions, the dose changes
 * already made, which give each exercise the dose it started from, and
 * how each exercise felt: one rated too hard, or that hurt, the last time
 * it was rated is not stepped up).  A step up changes one exercise at a
 * time, the one most often rated too easy (the first, on a tie), and at
 * most once a week; and
 * writes the change: the routine's file edited in its text (comments
 * kept), checked as `check` checks it, installed atomically (a bundled
 * routine becomes the user's copy, as `edit` makes it), and each change
 * recorded in the history as a D line.
 */
#ifndef BACKCOACH_DOSING_H
#define BACKCOACH_DOSING_H

#include <stdbool.h>

#include "diag.h"
#include "dose.h"
#include "progress.h"
#include "routine.h"

/* One exercise's part of the plan. */
struct dosing_ex {
	int ex;                 /* index in the routine */
	enum dose_step step;
	struct dose now, next;  /* next: valid for CHANGED and SUGGESTED */
	struct dose start;      /* the dose before any change applied */
	enum ex_feedback felt;  /* its rating in the latest session rated */
	int easy, full;         /* the one stepped up of several: sessions it
	                           was rated too easy, done in full (else -1) */
};

struct dosing {
	struct progress_advice advice;
	int dir;                /* +1 a step up, -1 back, 0 neither */
	struct dosing_ex *v;    /* every exercise with reps (not timers) */
	int n;
	int napply;             /* of them, steps that may be applied */
	int nsuggest;           /* steps only suggested: no ceiling */
	int nchanges;           /* dose changes made so far (D lines) */
	/* the sessions the rule read, newest first */
	struct progress_session recent[2];
	char recent_start[2][HISTORY_START_LEN + 1];
	int nrecent;
};

/* Plans r's next dose from the history at path.  Problems reading it go
 * to dg; the plan is then "repeat". */
void dosing_plan(struct dosing *d, const struct routine *r,
    const char *history, int today, struct diags *dg);
/* The plan in sentences, for the end screen, `show` and `progress`:
 * malloc'd ("" when there is nothing to say beyond repeating). */
char *dosing_text(const struct dosing *d, const struct routine *r);
/* Applies the steps that may be applied: writes the routine (the user's
 * copy of a bundled one) and records the changes.  0 with *where the file
 * written (malloc'd), or -1 with the reason in dg and nothing changed. */
int dosing_apply(const struct dosing *d, const struct routine *r,
    const char *history, char **where, struct diags *dg);
void dosing_free(struct dosing *d);

#endif
