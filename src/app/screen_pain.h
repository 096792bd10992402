/*
 * screen_pain.h - pain reported during a session (`p` on the session
 * screen): the questions, one screen after another, and what the answers
 * call for (safety_pain_during).
 */
#ifndef BACKCOACH_SCREEN_PAIN_H
#define BACKCOACH_SCREEN_PAIN_H

#include <stdbool.h>

#include "history.h"
#include "loop.h"
#include "safety.h"
#include "session.h"

/* The pain reported with `p` during a session, and what it led to. */
struct session_pain {
	int before;                     /* the pain before, or -1 */
	const struct emergency_call *call;      /* the emergency number */
	struct hist_pain *v;            /* the reports (malloc'd) */
	int n, cap;
	int max;                        /* the highest score, or -1 */
	bool gently;                    /* one said 4-5: do less next time */
	enum hist_reason ended;         /* HR_PAIN or HR_RED_FLAG when a
	                                   report ended the session; else
	                                   HR_COMPLETED */
	enum safety_urgency urgency;    /* a report's advice ended it: how
	                                   soon to get help; else SAFETY_OK */
	const char *flag;               /* ... and what for (the history's) */
	char title[80], advice[1024];   /* ... and what it said */
};

/*
 * Asks the pain now (0-10), whether it spreads down a leg and the
 * warning signs, and acts on the answers: a report added to pain, and
 * advice shown; the exercise stopped (the session skips to the next
 * exercise, or ends, as the person chooses) or the session ended, with
 * the advice kept in pain.  Esc on a question goes back to the one
 * before; on the first (or Enter alone there), back to the session with
 * nothing recorded.  Session s is paused meanwhile (the caller's doing).
 * *events gets the events of an exercise skipped, for their cue.
 */
enum screen_end pain_screen(struct loop *l, struct session *s,
    struct session_pain *pain, unsigned *events);

#endif
