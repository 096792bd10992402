/*
 * coach.h - coaching one routine: the flow around a session.
 *
 * Before: the routine is loaded and validated (errors as FILE:LINE before
 * curses starts), and the "before the session" step runs.  During: the
 * event loop.  After: the "on session end" step, exactly once whatever
 * ended the session, then the end screen.  The commands `start` and the
 * picker (no command) live here too.
 */
#ifndef BACKCOACH_COACH_H
#define BACKCOACH_COACH_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "routine.h"
#include "session.h"

enum coach_status {
	COACH_COMPLETED,        /* the plan ran to its end */
	COACH_PARTIAL,          /* ended early */
	COACH_STOPPED,          /* not started, for safety */
};

enum coach_reason {
	COACH_END_COMPLETED,    /* reached the end */
	COACH_END_QUIT,         /* q, confirmed */
	COACH_END_SIGNAL,       /* SIGINT, SIGTERM or SIGHUP */
	COACH_END_RED_FLAG,     /* a yes on the red-flag screen */
	COACH_END_PAIN,         /* pain before of 6 or more, and not started */
};

/* What happened in one session: what the history records. */
struct coach_report {
	const char *routine_id;
	const char *routine_name;
	const struct routine *routine;  /* borrowed, for per-exercise names */
	time_t started;                 /* wall clock at the start */
	int64_t elapsed_ns;             /* time the session ran, pauses excluded */
	enum coach_status status;
	enum coach_reason reason;
	int signo;                      /* the signal, for COACH_END_SIGNAL */
	int nex;                        /* exercises in the routine */
	struct ex_outcome *ex;          /* nex outcomes (owned by the coach) */
	int pain_before, pain_after;    /* 0-10, or -1: not asked or skipped */
	char note[256];                 /* the user's note, or "" */
};

/*
 * Coaches routine r full-screen (curses started): before-session step,
 * session, on-end step, end screen.  from_picker only changes the end
 * screen's words.  Returns 0, or 128 + the signal number when a signal
 * ended the session (the caller restores the terminal and exits with it).
 */
int coach_session(const struct routine *r, bool from_picker);

/*
 * The sound of the sessions: open it after sig_init() (libcanberra starts
 * a thread, which must inherit the blocked signals) and before ui_start()
 * (it may take a moment, and prints nothing); close it after ui_stop().
 * Honours --no-sound and the settings sound, sound_theme and volume; when
 * sound was wanted but cannot be had, the session's status line says why
 * and the bell stands in (setting bell).
 */
void coach_sound_open(void);
void coach_sound_close(void);

#endif
