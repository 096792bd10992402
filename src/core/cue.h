/*
 * cue.h - what is played when a step starts: one cue per meaning.
 *
 * Part of the pure core, and deliberately light: the plan gives each step
 * a cue, the session reports which one is due, and sound.c maps each to a
 * sound-theme event id.  A module that only plays cues needs no more of
 * the routine model than this.
 */
#ifndef BACKCOACH_CUE_H
#define BACKCOACH_CUE_H

enum cue {
	CUE_NONE,
	CUE_READY,              /* get ready (first exercise's lead-in) */
	CUE_TICK,               /* 3-2-1 countdown; the count is separate */
	CUE_GO,                 /* a hold or timer starts */
	CUE_PHASE,              /* a tempo phase starts; the phase is separate */
	CUE_RELAX,              /* relax between held reps */
	CUE_REST,               /* rest before an exercise's next set */
	CUE_SWITCH,             /* switch sides */
	CUE_EXERCISE_DONE,      /* an exercise is done; the next gets ready */
	CUE_SESSION_DONE,       /* the whole routine is done */
	CUE_TIMER_DONE,         /* a timer (ice, heat, walk) has elapsed */
	CUE_WARNING,            /* something needs attention */
	CUE_COUNT
};

#endif
