/*
 * screen_session.c - the session screen.
 *
 * tick() brings the session up to the clock and plays the cue of what
 * happened, first thing (the screen is drawn after); on_key() acts on the
 * session's keys the same way.  Dialogs over the session (help, quit?)
 * pause it while they are shown and resume it when they close, so the
 * clock never runs behind them.
 */
#include "screen_session.h"

#include "draw.h"
#include "keys.h"
#include "screen_dialog.h"
#include "ui.h"

struct session_screen {
	struct loop *l;
	struct session *s;
	struct coach_view v;    /* what draw_session shows besides s */
	struct sound *snd;      /* the cues' sound, or NULL */
	bool bell;              /* no sound: ring the bell for cues */
	const struct screen *self;      /* under the dialogs it opens */
};

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

/* Plays the cue of the events: on the sound, or as the bell. */
static void
play(struct session_screen *ss, unsigned events)
{
	enum cue c = session_cue(ss->s, events);

	if (c == CUE_NONE || ss->v.muted)
		return;
	if (ss->snd == NULL) {
		if (ss->bell)
			ui_bell();
	} else if (sound_play(ss->snd, c, cue_count(ss->s, c)) < 0 &&
	    ss->v.status == NULL) {
		ss->v.status = "sound failed";
	}
}

/* The next moment something changes: the session's own deadline, or the
 * countdown showing one second less (it shows the time left rounded up). */
static int64_t
next_wake(const struct session *s, int64_t now)
{
	int64_t d = session_next_deadline(s);
	int64_t left = session_step_left(s, now);

	if (s->state != SESSION_RUNNING)
		return SCREEN_NEVER;
	if (left > 0) {
		int64_t t = now + left - (left - 1) / NS_PER_SEC * NS_PER_SEC;
		if (t < d)
			d = t;
	}
	return d;
}

static enum screen_end
session_tick(void *st, int64_t now, int64_t *wake)
{
	struct session_screen *ss = st;
	unsigned ev = 0;

	if (ss->s->state == SESSION_READY)
		ev |= session_start(ss->s, now);
	ev |= session_advance(ss->s, now);
	play(ss, ev);
	if (session_over(ss->s))
		return SCREEN_DONE;
	*wake = next_wake(ss->s, now);
	return SCREEN_STAY;
}

static void
session_draw(const void *st, int64_t now)
{
	draw_session(&((const struct session_screen *)st)->v, now);
}

static void
session_suspend(void *st, int64_t now)
{
	struct session_screen *ss = st;

	play(ss, session_pause(ss->s, now));
}

/* Runs a dialog over the session with the session paused, and resumes it
 * (unless it was paused already) at the moment the dialog closed. */
static enum screen_end
paused(struct session_screen *ss, int64_t now,
    enum screen_end (*dialog)(struct session_screen *, bool *), bool *yes)
{
	bool was_running = ss->s->state == SESSION_RUNNING;

	if (was_running)
		session_pause(ss->s, now);
	enum screen_end e = dialog(ss, yes);
	if (was_running && !session_over(ss->s))
		session_resume(ss->s, ss->l->now);
	return e;
}

static enum screen_end
ask_help(struct session_screen *ss, bool *yes)
{
	*yes = false;
	return dialog_help(ss->l, KC_SESSION, ss->self);
}

static enum screen_end
ask_quit(struct session_screen *ss, bool *yes)
{
	enum screen_end e = dialog_yes_no(ss->l, KC_CONFIRM, "Quit this session?",
	    "It will count as partial.", ss->self, yes);

	if (e == SCREEN_DONE && *yes)
		session_quit(ss->s, ss->l->now);
	return e;
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

static enum screen_end
session_key(void *st, enum action a, int key, int64_t now)
{
	struct session_screen *ss = st;
	enum screen_end e = SCREEN_STAY;
	bool yes = false;

	(void)key;
	for (size_t i = 0; i < sizeof session_ops / sizeof session_ops[0]; i++)
		if (session_ops[i].action == a)
			play(ss, session_ops[i].op(ss->s, now));
	if (a == ACT_MUTE) {
		ss->v.muted = !ss->v.muted;
		sound_set_muted(ss->snd, ss->v.muted);
	} else if (a == ACT_HELP) {
		e = paused(ss, now, ask_help, &yes);
	} else if (a == ACT_QUIT) {
		e = paused(ss, now, ask_quit, &yes);
	}
	if (e == SCREEN_SIGNAL)
		return e;
	return session_over(ss->s) ? SCREEN_DONE : SCREEN_STAY;
}

enum screen_end
session_screen(struct loop *l, struct session *s, struct sound *snd,
    bool bell, const char *status)
{
	struct session_screen ss = {
		.l = l, .s = s, .v = { .s = s, .status = status }, .snd = snd,
		.bell = bell,
	};
	struct screen sc = {
		.keys = KC_SESSION, .st = &ss, .draw = session_draw,
		.on_key = session_key, .tick = session_tick,
		.on_suspend = session_suspend,
	};

	ss.self = &sc;
	enum screen_end e = loop_run(l, &sc);
	if (e == SCREEN_SIGNAL)
		session_quit(s, l->now);
	return e;
}
