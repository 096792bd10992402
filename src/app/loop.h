/*
 * loop.h - the one event loop.
 *
 * One thread, one poll(): the terminal, a timerfd armed at the screen's
 * next absolute deadline, the signalfd, and the sound module's finish
 * pipe.  The process sleeps in poll() between those moments.  This is the
 * only module that polls and the only one that reads the monotonic clock;
 * it handles ^Z, SIGCONT and resizes itself, for every screen alike, and
 * ends the screen it runs on SIGINT, SIGTERM and SIGHUP (or when the
 * terminal goes away), returning SCREEN_SIGNAL with the signal in signo.
 */
#ifndef BACKCOACH_LOOP_H
#define BACKCOACH_LOOP_H

#include <stdbool.h>
#include <stdint.h>

#include "screen.h"
#include "sound.h"

struct loop {
	int tfd;                /* the timerfd */
	struct sound *snd;      /* whose finish pipe is drained, or NULL */
	int signo;              /* the signal that ended a run, or 0 */
	int64_t now;            /* monotonic time of the latest event */
	bool armed;             /* the timer holds `at` (not yet fired) */
	int64_t at;
};

/* Opens the timer; snd (or NULL) is the sound whose pipe is drained.
 * Signals must already arrive on the signalfd (sig_init) and curses be
 * started.  0, or -1 with errno set. */
int loop_open(struct loop *l, struct sound *snd);
void loop_close(struct loop *l);

/*
 * Runs screen sc until a callback ends it: SCREEN_DONE or SCREEN_CANCEL
 * as it said, or SCREEN_SIGNAL when a fatal signal arrived (l->signo).
 * l->now is the time of the event that ended it.  Runs nest: a screen's
 * on_key may run another screen, and must pass SCREEN_SIGNAL up.
 */
enum screen_end loop_run(struct loop *l, const struct screen *sc);

#endif
