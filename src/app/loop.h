/*
 * loop.h - the event loop of a session.
 *
 * One thread, one poll(): the terminal, a timerfd armed at the session's
 * next absolute deadline (or the next change of the displayed second,
 * whichever is first), the signalfd, and a slot for the sound module's
 * pipe.  The process sleeps in poll() between those moments.  Only this
 * module reads CLOCK_MONOTONIC.
 */
#ifndef BACKCOACH_LOOP_H
#define BACKCOACH_LOOP_H

#include <stdint.h>

#include "draw.h"
#include "session.h"
#include "sound.h"

enum loop_end {
	LOOP_DONE,              /* the plan ran to its end */
	LOOP_QUIT,              /* q, confirmed: partial */
	LOOP_SIGNAL,            /* SIGINT, SIGTERM or SIGHUP: partial */
};

struct loop_result {
	enum loop_end end;
	int signo;              /* the signal, for LOOP_SIGNAL */
	int64_t now;            /* monotonic time when the loop ended */
};

/* Starts session s (READY) and runs it to its end, drawing v (whose s
 * must be s) whenever what it shows changes, and playing each event's cue
 * on snd at the event itself; with no sound (snd NULL), the terminal bell
 * rings for each cue when bell is true.  `m` mutes both.  Curses must be
 * started. */
void loop_run(struct session *s, struct coach_view *v, struct sound *snd,
    bool bell, struct loop_result *res);

#endif
