/*
 * loop.c - the event loop (see loop.h and ARCHITECTURE.md).
 *
 * Each turn: now = the monotonic clock; the screen catches up to now and
 * says when it next needs the clock; the screen is redrawn if anything it
 * shows may have changed (only what the clock changes, through its
 * draw_time, when the clock alone woke it); the timerfd is armed at that
 * absolute moment;
 * poll() sleeps until then, a key, a signal or a finished cue.  Nothing
 * counts ticks: a late wake-up only makes the redraw late, never the
 * session.
 */
#include "loop.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "plan.h"
#include "sig.h"
#include "ui.h"

enum {
	FD_TTY,                 /* keys on fd 0 */
	FD_TIMER,               /* the timerfd */
	FD_SIG,                 /* the signalfd */
	FD_SOUND,               /* the sound module's finish pipe: its end */
	FD_COUNT
};

static int64_t
real_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/*
 * A test hook, not a feature (ARCHITECTURE.md): BACKCOACH_TEST_TIME_SCALE
 * = k (1 to 1000) makes the program's clock run k times as fast as the
 * monotonic clock from its first reading, so that a UI or cue test of a
 * whole routine takes seconds.  Read once; anything else is 1.
 */
static double scale;            /* 0 until read */
static int64_t origin;          /* the first reading, where both agree */

static double
time_scale(void)
{
	if (scale == 0) {
		const char *s = getenv("BACKCOACH_TEST_TIME_SCALE");
		char *end = NULL;
		double k = s != NULL ? strtod(s, &end) : 1;
		scale = s != NULL && end != s && *end == '\0' && k >= 1 &&
		    k <= 1000 ? k : 1;
		origin = real_now();
	}
	return scale;
}

/* The program's monotonic time: the clock's, scaled by the test hook. */
static int64_t
mono_now(void)
{
	double k = time_scale();
	int64_t t = real_now();

	return k == 1 ? t : origin + (int64_t)((double)(t - origin) * k);
}

/* The clock's time at which the program's time reaches at. */
static int64_t
real_at(int64_t at)
{
	double k = time_scale();

	return k == 1 || at == SCREEN_NEVER ? at :
	    origin + (int64_t)((double)(at - origin) / k) + 1;
}

int
loop_open(struct loop *l, struct sound *snd)
{
	l->snd = snd;
	l->signo = 0;
	l->armed = false;
	l->now = mono_now();
	l->tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	return l->tfd < 0 ? -1 : 0;
}

void
loop_close(struct loop *l)
{
	if (l->tfd >= 0)
		close(l->tfd);
	l->tfd = -1;
}

/* Arms the timer at absolute monotonic time `at`, or disarms it.  Returns
 * the poll() timeout that stands in should the timer refuse: -1 (none)
 * normally. */
static int
arm(int tfd, int64_t at, int64_t now)
{
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };

	at = real_at(at);
	now = real_at(now);
	if (at != SCREEN_NEVER) {
		if (at <= 0)
			at = 1;
		its.it_value.tv_sec = (time_t)(at / NS_PER_SEC);
		its.it_value.tv_nsec = (long)(at % NS_PER_SEC);
	}
	if (timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL) == 0 ||
	    at == SCREEN_NEVER)
		return -1;
	int64_t ms = (at - now + 999999) / 1000000;
	return ms < 0 ? 0 : ms > 1000 ? 1000 : (int)ms;
}

/* Draws sc over the screens under it, and shows the result. */
static void
draw_layer(const struct screen *sc, int64_t now)
{
	if (sc->under != NULL)
		draw_layer(sc->under, now);
	sc->draw(sc->st, now);
}

/* What a turn redraws: nothing, what the clock changes, or everything. */
enum redraw { REDRAW_NONE, REDRAW_TIME, REDRAW_ALL };

static void
frame(const struct screen *sc, int64_t now, enum redraw how)
{
	if (how == REDRAW_TIME && sc->draw_time != NULL && sc->under == NULL &&
	    sc->draw_time(sc->st, now)) {
		ui_show();      /* curses sends the cells that changed */
		return;
	}
	ui_clear();
	draw_layer(sc, now);
	ui_show();
}

/* Acts on the signals pending: SCREEN_SIGNAL for a fatal one, else
 * SCREEN_STAY after suspending (^Z) or taking a new size. */
static enum screen_end
on_signals(struct loop *l, const struct screen *sc)
{
	for (int s; (s = sig_read()) != 0; ) {
		if (sig_is_fatal(s)) {
			l->signo = s;
			l->now = mono_now();
			return SCREEN_SIGNAL;
		}
		if (s == SIGTSTP) {
			if (sc->on_suspend != NULL)
				sc->on_suspend(sc->st, mono_now());
			ui_suspend();           /* returns once continued */
		} else {
			ui_resize();            /* SIGWINCH; SIGCONT redraws too */
		}
	}
	return SCREEN_STAY;
}

/* Hands every key typed to the screen, until it ends. */
static enum screen_end
on_keys(struct loop *l, const struct screen *sc, enum redraw *dirty)
{
	/* curses may hold keys it has read already: always drain */
	for (int k; (k = ui_read_key()) != 0; ) {
		*dirty = REDRAW_ALL;
		l->now = mono_now();
		enum screen_end e = sc->on_key(sc->st, keys_action(sc->keys, k), k,
		    l->now);
		if (e != SCREEN_STAY)
			return e;
	}
	return SCREEN_STAY;
}

/* Sleeps in poll() until something happens, and acts on it.  *dirty is
 * set when the screen may look different: REDRAW_TIME when only the clock
 * moved on. */
static enum screen_end
wait_and_act(struct loop *l, const struct screen *sc, int timeout,
    enum redraw *dirty)
{
	struct pollfd fds[FD_COUNT] = {
		[FD_TTY] = { STDIN_FILENO, POLLIN, 0 },
		[FD_TIMER] = { l->tfd, POLLIN, 0 },
		[FD_SIG] = { sig_fd(), POLLIN, 0 },
		/* the sound's end only (POLLHUP): no screen waits for a cue
		 * to finish, so a cue costs no wake-up; a full pipe drops
		 * the worker's bytes */
		[FD_SOUND] = { l->snd ? sound_fd(l->snd) : -1, 0, 0 },
	};
	enum screen_end e;

	if (poll(fds, FD_COUNT, timeout) < 0)
		return SCREEN_STAY;     /* EINTR, or ENOMEM: try again */
	if (fds[FD_SOUND].revents & (POLLHUP | POLLERR)) {
		sound_drain(l->snd);    /* the worker ended: the sound is lost */
		if (sound_lost(l->snd))
			*dirty = REDRAW_ALL;    /* the status line says so */
	}
	if (fds[FD_TIMER].revents & POLLIN) {
		uint64_t expirations;
		l->armed = false;       /* it fired: a one-shot timer */
		if (read(l->tfd, &expirations, sizeof expirations) > 0 &&
		    *dirty == REDRAW_NONE)
			*dirty = REDRAW_TIME;
	}
	if (timeout >= 0 && *dirty == REDRAW_NONE)
		*dirty = REDRAW_TIME;
	if ((fds[FD_SIG].revents & POLLIN) &&
	    (e = on_signals(l, sc)) != SCREEN_STAY)
		return e;
	if (fds[FD_SIG].revents & POLLIN)
		*dirty = REDRAW_ALL;
	if (fds[FD_TTY].revents & (POLLHUP | POLLERR | POLLNVAL)) {
		l->signo = SIGHUP;      /* the terminal went away */
		l->now = mono_now();
		return SCREEN_SIGNAL;
	}
	return on_keys(l, sc, dirty);
}

enum screen_end
loop_run(struct loop *l, const struct screen *sc)
{
	enum redraw dirty = REDRAW_ALL;

	for (;;) {
		int64_t wake = SCREEN_NEVER;
		l->now = mono_now();
		if (sc->tick != NULL) {
			enum screen_end e = sc->tick(sc->st, l->now, &wake);
			if (e != SCREEN_STAY)
				return e;
		}
		if (dirty != REDRAW_NONE) {
			frame(sc, l->now, dirty);
			dirty = REDRAW_NONE;
		}
		int timeout = -1;
		if (!l->armed || l->at != wake) {       /* else it holds wake */
			timeout = arm(l->tfd, wake, l->now);
			l->armed = timeout < 0;
			l->at = wake;
		}
		enum screen_end e = wait_and_act(l, sc, timeout, &dirty);
		if (e != SCREEN_STAY)
			return e;
	}
}
