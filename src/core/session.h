/*
 * session.h - the timing engine: a state machine over a plan.
 *
 * Part of the pure core.  The time is always an argument (nanoseconds on a
 * monotonic clock); nothing here reads a clock or counts ticks.  Each step
 * ends at an absolute time, step_start + step_ns, and the next one starts
 * exactly then, however late the caller noticed: so a session ends when the
 * plan says, plus pauses and +/- adjustments, and nothing else.
 *
 * Every operation first brings the session up to `now` and returns the
 * events that happened, as a mask of enum session_event.
 */
#ifndef BACKCOACH_SESSION_H
#define BACKCOACH_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "history.h"
#include "plan.h"

#define SESSION_ADJUST_NS  (5 * NS_PER_SEC)    /* what + and - add or remove */
#define SESSION_TICKS      3                   /* 3-2-1 before a step ends */
#define SESSION_TICK_MIN_NS (5 * NS_PER_SEC)   /* steps shorter get no ticks */
#define SESSION_NEVER      INT64_MAX           /* no deadline */

enum session_event {
	EV_STEP_STARTED     = 1 << 0,
	EV_TICK             = 1 << 1,   /* session.tick holds 3, 2 or 1 */
	EV_STEP_FINISHED    = 1 << 2,
	EV_EXERCISE_FINISHED = 1 << 3,
	EV_SESSION_FINISHED = 1 << 4,
	EV_PAUSED           = 1 << 5,
	EV_RESUMED          = 1 << 6,
	EV_ADJUSTED         = 1 << 7,
};

enum session_state {
	SESSION_READY,          /* built, not started */
	SESSION_RUNNING,
	SESSION_PAUSED,
	SESSION_DONE,           /* reached the end of the plan */
	SESSION_QUIT,           /* ended early: quit, signal */
};

struct session {
	const struct plan *plan;    /* borrowed */
	enum session_state state;
	int cur;                    /* current step */
	int64_t step_start;         /* its start, shifted later by pauses */
	int64_t step_ns;            /* its length, after +/- */
	int64_t started_at;         /* session start */
	int64_t ended_at;           /* session end, once DONE or QUIT */
	int64_t paused_at;          /* when the current pause began */
	int64_t paused_ns;          /* total time spent paused */
	int64_t max_step_ns;        /* + never makes a step longer (0: the
	                               routine's ceiling, plan_step_ceiling) */
	int last_tick;              /* last tick reported in this step (4: none) */
	int tick;                   /* the count of the latest EV_TICK */
	int64_t *after_ns;          /* per step: planned time of the steps after it */
	int64_t *worked_ns;         /* per step: time worked in it, all visits */
	unsigned char *done;        /* per step: has run its full length */
	unsigned char *passed;      /* per exercise: the session went beyond it */
};

int session_init(struct session *s, const struct plan *p);
void session_free(struct session *s);

unsigned session_start(struct session *s, int64_t now);
unsigned session_advance(struct session *s, int64_t now);
int64_t session_next_deadline(const struct session *s);

unsigned session_pause(struct session *s, int64_t now);
unsigned session_resume(struct session *s, int64_t now);
unsigned session_toggle_pause(struct session *s, int64_t now);
unsigned session_next(struct session *s, int64_t now);
unsigned session_skip_exercise(struct session *s, int64_t now);
unsigned session_back(struct session *s, int64_t now);
/* + and -: the current step delta_ns longer, never past its ceiling
 * (session_step_ceiling), or shorter, never below the time it ran. */
unsigned session_adjust(struct session *s, int64_t now, int64_t delta_ns);
/* The longest + makes the current step: a pack's max_step_ns, else the
 * routine's own ceiling (plan_step_ceiling). */
int64_t session_step_ceiling(const struct session *s);
/* The next moment the session screen looks different: the session's own
 * deadline, or its countdown showing one second less (it shows the time
 * left rounded up); INT64_MAX (never) unless it is running. */
int64_t session_next_shown(const struct session *s, int64_t now);
/* That ceiling in words, and whose it is: "at most 15 s (hold_max)",
 * "at most 40 s (as planned)", "at most 1:05 (a minute more; pause for
 * longer)", "at most 20:00 (a pack's longest)". */
void session_ceiling_text(const struct session *s, char *buf, size_t len);
unsigned session_quit(struct session *s, int64_t now);

bool session_running(const struct session *s);
bool session_over(const struct session *s);
const struct step *session_step(const struct session *s);
/* Time left in the current step, and in the whole session. */
int64_t session_step_left(const struct session *s, int64_t now);
int64_t session_total_left(const struct session *s, int64_t now);
/* Time the session has run, pauses excluded. */
int64_t session_elapsed(const struct session *s, int64_t now);
/* The one cue to play for a set of events. */
enum cue session_cue(const struct session *s, unsigned events);
/* What became of exercise ex (its name included): the history record's
 * entry for it, worked time rounded to the second. */
void session_outcome(const struct session *s, int ex, struct hist_exercise *o);
/* Fills the session's part of record rec (history_session_init'd for the
 * plan's routine): duration, worked time, the exercise counts and every
 * exercise, as at time now (or at its end, when it is over). */
void session_record(const struct session *s, int64_t now,
    struct hist_session *rec);

#endif
