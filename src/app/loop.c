/*
 * loop.c - the session's event loop (see ARCHITECTURE.md, "The event
 * loop").
 *
 * Each turn: now = the monotonic clock; the session catches up to now
 * and reports events; the screen is redrawn if anything it shows changed;
 * the timerfd is re-armed at the next absolute moment something will
 * change; poll() sleeps until then, a key, or a signal.  Nothing counts
 * ticks: a late wake-up only makes the redraw late, never the session.
 */
#include "loop.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <time.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "keys.h"
#include "sig.h"
#include "sound.h"
#include "ui.h"
#include "util.h"

enum {
	FD_TTY,                 /* keys on fd 0 */
	FD_TIMER,               /* the timerfd */
	FD_SIG,                 /* the signalfd */
	FD_SOUND,               /* the sound module's finish pipe */
	FD_COUNT
};

struct run {
	struct session *s;
	struct coach_view *v;
	bool dirty;             /* the screen must be redrawn */
	unsigned ev;            /* events not yet acted on */
	int signo;              /* a fatal signal ended the session */
	struct sound *snd;      /* the cues' sound, or NULL */
	bool bell;              /* no sound: ring the bell for cues */
};

static int64_t
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* Arms the timer at absolute monotonic time `at`, or disarms it. */
static void
arm(int tfd, int64_t at)
{
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };

	if (at != SESSION_NEVER) {
		if (at <= 0)
			at = 1;
		its.it_value.tv_sec = (time_t)(at / NS_PER_SEC);
		its.it_value.tv_nsec = (long)(at % NS_PER_SEC);
	}
	if (timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL) != 0)
		die("timerfd_settime:");
}

/* The next moment something changes: the session's own deadline, or the
 * countdown showing one second less (it shows the time left rounded up). */
static int64_t
next_wake(const struct session *s, int64_t now)
{
	int64_t d = session_next_deadline(s);
	int64_t left = session_step_left(s, now);

	if (s->state != SESSION_RUNNING)
		return SESSION_NEVER;
	if (left > 0) {
		int64_t t = now + left - (left - 1) / NS_PER_SEC * NS_PER_SEC;
		if (t < d)
			d = t;
	}
	return d;
}

/* The count that goes with a cue: 3-2-1 for a tick, the rep a hold
 * starts, the tempo phase; 0 for the others. */
static int
cue_count(const struct session *s, enum cue c)
{
	const struct step *st = session_over(s) ? NULL : session_step(s);

	if (c == CUE_TICK)
		return s->tick;
	if (st == NULL)
		return 0;
	return c == CUE_GO ? st->rep : c == CUE_PHASE ? st->phase : 0;
}

/* Plays the cue of the events, first thing after the session reported
 * them (the screen is drawn after): on the sound, or as the bell. */
static void
play_cue(struct run *r)
{
	enum cue c = session_cue(r->s, r->ev);

	if (c == CUE_NONE || r->v->muted)
		return;
	if (r->snd == NULL) {
		if (r->bell)
			ui_bell();
	} else if (sound_play(r->snd, c, cue_count(r->s, c)) < 0 &&
	    r->v->status == NULL) {
		r->v->status = "sound failed";
		r->dirty = true;
	}
}

/* Acts on the events of the session: their cue, and a redraw. */
static void
on_events(struct run *r)
{
	if (r->ev != 0) {
		play_cue(r);
		r->dirty = true;
	}
	r->ev = 0;
}

static unsigned
more(struct session *s, int64_t now)
{
	return session_adjust(s, now, SESSION_ADJUST_NS);
}

static unsigned
less(struct session *s, int64_t now)
{
	return session_adjust(s, now, -SESSION_ADJUST_NS);
}

/* The keys that drive the session itself. */
static const struct {
	enum action action;
	unsigned (*op)(struct session *, int64_t);
} session_ops[] = {
	{ ACT_PAUSE, session_toggle_pause },
	{ ACT_NEXT, session_next },
	{ ACT_SKIP, session_skip_exercise },
	{ ACT_BACK, session_back },
	{ ACT_MORE, more },
	{ ACT_LESS, less },
};

/* Acts on one key, in the context of the overlay shown. */
static void
on_key(struct run *r, int key, int64_t now)
{
	struct coach_view *v = r->v;
	unsigned ctx = v->overlay == VIEW_HELP ? KC_OVERLAY :
	    v->overlay == VIEW_CONFIRM ? KC_CONFIRM : KC_SESSION;
	enum action a = keys_action(ctx, key);

	r->dirty |= a != ACT_NONE;
	for (size_t i = 0; i < sizeof session_ops / sizeof session_ops[0]; i++)
		if (session_ops[i].action == a) {
			r->ev |= session_ops[i].op(r->s, now);
			return;
		}
	if (a == ACT_MUTE) {
		v->muted = !v->muted;
		sound_set_muted(r->snd, v->muted);
	}
	else if (a == ACT_HELP)
		v->overlay = VIEW_HELP;
	else if (a == ACT_QUIT)
		v->overlay = VIEW_CONFIRM;
	else if (a == ACT_CLOSE)
		v->overlay = VIEW_NONE;
	else if (a == ACT_YES) {
		v->overlay = VIEW_NONE;
		r->ev |= session_quit(r->s, now);
	}
}

/* Acts on one signal. */
static void
on_signal(struct run *r, int signo)
{
	int64_t now = mono_now();

	if (sig_is_fatal(signo)) {
		r->ev |= session_quit(r->s, now);
		r->signo = signo;
	} else if (signo == SIGTSTP) {
		r->ev |= session_pause(r->s, now);
		on_events(r);
		ui_suspend();           /* returns once continued */
	} else {
		ui_resize();            /* SIGWINCH; SIGCONT redraws too */
	}
	r->dirty = true;
}

/* Waits in poll() until the timer, a key or a signal, and acts on it. */
static void
wait_and_act(struct run *r, int tfd)
{
	struct pollfd fds[FD_COUNT] = {
		[FD_TTY] = { STDIN_FILENO, POLLIN, 0 },
		[FD_TIMER] = { tfd, POLLIN, 0 },
		[FD_SIG] = { sig_fd(), POLLIN, 0 },
		[FD_SOUND] = { r->snd ? sound_fd(r->snd) : -1, POLLIN, 0 },
	};

	if (poll(fds, FD_COUNT, -1) < 0) {
		if (errno != EINTR)
			die("poll:");
		return;
	}
	if (fds[FD_SOUND].revents & POLLIN)
		sound_drain(r->snd);    /* a cue ended: nothing else to do */
	if (fds[FD_TIMER].revents & POLLIN) {
		uint64_t expirations;
		if (read(tfd, &expirations, sizeof expirations) > 0)
			r->dirty = true;
	}
	for (int s; r->signo == 0 && (s = sig_read()) != 0; )
		on_signal(r, s);
	if (r->signo == 0 && (fds[FD_TTY].revents & (POLLHUP | POLLERR | POLLNVAL)))
		on_signal(r, SIGHUP);   /* the terminal went away */
	/* curses may hold keys it has read already: always drain */
	for (int k; r->signo == 0 && !session_over(r->s) &&
	    (k = ui_read_key()) != 0; )
		on_key(r, k, mono_now());
}

void
loop_run(struct session *s, struct coach_view *v, struct sound *snd,
    bool bell, struct loop_result *res)
{
	struct run r = { s, v, true, 0, 0, snd, bell };
	int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);

	if (tfd < 0)
		die("timerfd_create:");
	v->s = s;
	r.ev = session_start(s, mono_now());
	for (;;) {
		int64_t now = mono_now();
		r.ev |= session_advance(s, now);
		on_events(&r);
		if (session_over(s)) {
			res->now = now;
			break;
		}
		if (r.dirty) {
			v->now = now;
			draw_session(v);
			r.dirty = false;
		}
		arm(tfd, next_wake(s, now));
		wait_and_act(&r, tfd);
	}
	close(tfd);
	res->signo = r.signo;
	res->end = r.signo ? LOOP_SIGNAL :
	    s->state == SESSION_DONE ? LOOP_DONE : LOOP_QUIT;
}
