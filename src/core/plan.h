/*
 * plan.h - a routine expanded into the flat list of timed steps a session
 * walks through.
 *
 * Part of the pure core.  Durations are integer nanoseconds, so that sums
 * are exact and a one-hour session ends on the nanosecond the plan says.
 */
#ifndef BACKCOACH_PLAN_H
#define BACKCOACH_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cue.h"
#include "routine.h"

#define NS_PER_SEC INT64_C(1000000000)

enum step_kind {
	STEP_LEAD_IN,           /* get into position */
	STEP_HOLD,              /* one held rep */
	STEP_RELAX,             /* pause between held reps */
	STEP_PHASE,             /* one phase of a paced rep */
	STEP_REST,              /* rest between sets */
	STEP_SWITCH,            /* rest between sides: switch sides */
	STEP_TIMER,             /* a plain countdown */
};

struct step {
	enum step_kind kind;
	int ex;                 /* exercise index in the routine */
	int set, nsets;         /* 1-based set, of nsets */
	int rep, nreps;         /* 1-based rep in the set, of nreps (0 if none) */
	int side;               /* 0 no sides, 1 first, 2 second */
	int phase;              /* 1-based tempo phase, 0 otherwise */
	int64_t ns;             /* planned duration */
	enum cue cue;           /* played when the step starts */
	const char *label;      /* "Get ready", "Hold", a phase word, ... */
	int work;               /* counts as exercise time (hold, phase, timer) */
	int last_of_ex;         /* last step of its exercise */
};

struct plan {
	const struct routine *r;    /* borrowed; must outlive the plan */
	struct step *steps;
	int n;
	int64_t total_ns;           /* sum of every step */
	int *ex_start;              /* index of each exercise's first step */
};

int plan_build(struct plan *p, const struct routine *r);
void plan_free(struct plan *p);

/* Human name of a side: the routine's, or "left"/"right". */
const char *plan_side_name(const struct plan *p, const struct step *s);

/* Where a step stands in its exercise, with what does not apply to it
 * left out: set 0 when the exercise has one set (or the step is a
 * lead-in), rep 0 unless the step is part of a rep of several, side NULL
 * without sides (and for the rest between sets). */
struct step_place {
	int set, nsets;
	int rep, nreps;
	const char *side;
};
void plan_step_place(const struct plan *p, const struct step *s,
    struct step_place *pl);
/* The place as text: compact, "set 2/3, rep 4/5, left" (`show`'s
 * column); else "Set 2 of 3   Rep 4 of 5   Side: left" (the session
 * screen).  "" when nothing applies. */
void plan_step_position(const struct plan *p, const struct step *s,
    bool compact, char *buf, size_t len);
/* A step as "Next:" names it on the session screen: its label, then its
 * side, set and rep where they apply, and its time: "Hold, right side,
 * set 2 of 3, rep 1 of 5 (8 s)".  A side with a name of its own is
 * named alone ("far"); "left" and "right" are "left side", "right side". */
void plan_step_next(const struct plan *p, const struct step *s, char *buf,
    size_t len);
/* The frame of its exercise's figure for step s (its role or tempo
 * phase, side and rep: figure_pick), or NULL when it has no figure. */
const struct figure_frame *plan_step_frame(const struct plan *p,
    const struct step *s);
/* The longest `+` may make step s, from the routine alone (no dose is
 * made up): a hold, its exercise's hold_max when it has one; a tempo
 * phase or a timer, as planned; getting ready, relaxing, resting and
 * switching sides (time, not a dose), PLAN_MORE_REST_NS more than
 * planned.  Never less than planned. */
#define PLAN_MORE_REST_NS (60 * NS_PER_SEC)
int64_t plan_step_ceiling(const struct plan *p, const struct step *s);
/* The session screen's "Next:" line after step cur: the next exercise's
 * name, the next step (plan_step_next) within the same exercise, or the
 * end of the session after its last step. */
void plan_next_line(const struct plan *p, int cur, char *buf, size_t len);
/* Planned duration of exercise ex, its lead-in included. */
int64_t plan_exercise_ns(const struct plan *p, int ex);
/* Nanoseconds from a number of seconds, rounded to the nearest. */
int64_t plan_ns(double seconds);
/* Formats a duration as "1:05:03", "12:30" or "45 s". */
void plan_format_duration(int64_t ns, char *buf, int len);
/* A countdown's time left as shown: whole seconds rounded up (0 only
 * when none is left), "5" under a minute, "1:30" from one. */
void plan_format_countdown(int64_t left_ns, char *buf, size_t len);
/* Formats a time as "1:05:03" or "0:45". */
void plan_format_clock(int64_t ns, char *buf, int len);

#endif
