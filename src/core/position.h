/*
 * position.h - where the body is for an exercise (its `position`), and
 * the time a lead-in gives to get there; and what a routine needs (its
 * `equipment`), in words.
 *
 * Part of the pure core.  A lead-in where the position changes (the
 * first exercise's, from wherever the person is; floor to standing; back
 * to side; all fours to lying) lasts at least POSITION_MOVE_SECONDS and
 * the coach says the move.  A switch of sides lying on one side is a
 * change of position too (roll over).  This module uses no other
 * (routine.c and plan.c both call it): it takes the times it adjusts.
 */
#ifndef BACKCOACH_POSITION_H
#define BACKCOACH_POSITION_H

#include <stdbool.h>
#include <stddef.h>

#include "routine.h"

#define POSITION_MOVE_SECONDS 15.0

enum position {
	POS_NONE,               /* not said */
	POS_STANDING,
	POS_SITTING,
	POS_BACK,               /* lying on the back */
	POS_FRONT,              /* lying face down */
	POS_SIDE,               /* lying on one side */
	POS_ALL_FOURS,          /* on hands and knees */
	POS_KNEELING,
	POS_COUNT
};

/* The position a word names, or -1. */
int position_parse(const char *word);
/* Exercise e's position (POS_NONE when not given or not valid). */
enum position exercise_position(const struct exercise *e);
/* The words that move someone into position p: "lie on your back". */
const char *position_move(enum position p);
/* Whether exercise ex of r starts in a position other than the one
 * before it (the first exercise, with a position, always does). */
bool position_changes(const struct routine *r, int ex);
/* Seconds of exercise ex's lead-in, given its own (exercise_lead_in):
 * at least POSITION_MOVE_SECONDS where the position changes. */
double position_lead_in(const struct routine *r, int ex, double lead);
/* Seconds of the rest between the sides of exercise e, given its rest:
 * at least POSITION_MOVE_SECONDS when it is done lying on one side. */
double position_switch_rest(const struct exercise *e, double rest);
/* What routine r needs, as words: "mat, towel and chair" ("" for
 * nothing), into buf. */
void equipment_words(const struct routine *r, char *buf, size_t len);
/* Adds the errors of exercise e's body placement to d, at their lines in
 * file: a position that is not one of the words (and is text: routine.c
 * checks that), "unknown position 'x' (did you mean 'y'?); one of ...";
 * with `alternate`, reps or reps_max that are odd. */
void position_check(const struct exercise *e, const char *file,
    struct diags *d);

#endif
