/*
 * script.h - the timeline of cues a session plays, worked out ahead.
 *
 * Part of the pure core.  The session engine (session.c) is run over the
 * plan on a clock of its own, with no pauses or keys, and every cue it
 * reports is written down with its time from the start: the same engine,
 * so the script is what a session plays, cue for cue.  `backcoach show
 * --script` prints it with the words spoken in place of some cues, and
 * the sound tests compare a recording with it.
 */
#ifndef BACKCOACH_SCRIPT_H
#define BACKCOACH_SCRIPT_H

#include <stdbool.h>
#include <stdint.h>

#include "plan.h"
#include "session.h"

struct script_cue {
	int64_t at;             /* nanoseconds from the start */
	enum cue cue;
	int count;              /* the count sound_play takes with it */
	int step;               /* the step it belongs to (-1: the end) */
	bool starts;            /* it starts its step: a phrase may replace it */
	int64_t room;           /* then, the time a phrase has (phrase_fit) */
};

/* The cues of plan p, in order, into *out (malloc'd).  Returns the
 * count, or -1 when out of memory. */
int script_build(const struct plan *p, struct script_cue **out);

/* The count that goes with cue c of session s now: 3-2-1 for a tick, the
 * rep a hold starts, the tempo phase; 0 for the others. */
int script_cue_count(const struct session *s, enum cue c);
/* The time a phrase said at the start of the current step has: until
 * the step's countdown ticks begin (a cue always wins). */
int64_t script_phrase_room(const struct session *s, int64_t now);

#endif
