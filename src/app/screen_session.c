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

#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "keys.h"
#include "phrases.h"
#include "script.h"
#include "safety.h"
#include "screen_dialog.h"
#include "screen_page.h"
#include "ui.h"
#include "util.h"

struct session_screen {
	struct loop *l;
	struct session *s;
	struct session_pain *pain;
	struct coach_view v;    /* what draw_session shows besides s */
	struct sound *snd;      /* the cues' sound, or NULL */
	const struct spoken *spoken;    /* the phrases, spoken in place of
	                                   their steps' cues */
	bool bell;              /* no sound: ring the bell for cues */
	const struct screen *self;      /* under the dialogs it opens */
};

/* A step just started that has a phrase: it is said in place of the cue,
 * in full when it fits before the step's countdown ticks (a cue always
 * wins), else briefly, else not.  True when one was started. */
static bool
speak(struct session_screen *ss, unsigned events, int64_t now)
{
	const struct spoken_step *p = (events & EV_STEP_STARTED) &&
	    !session_over(ss->s) ? spoken_at(ss->spoken, ss->s->cur) : NULL;

	if (p == NULL)
		return false;
	int64_t room = script_phrase_room(ss->s, now);
	int k = phrase_fit(room, p->ns);
	if (k <= 0 || sound_say(ss->snd, p->path[k - 1]) != 0)
		return false;
	spoken_said(p, k - 1);
	return true;
}

/* Plays the cue of the events: on the sound, or as the bell. */
static void
play(struct session_screen *ss, unsigned events, int64_t now)
{
	enum cue c = session_cue(ss->s, events);

	if (c == CUE_NONE || ss->v.muted)
		return;
	if (ss->snd != NULL && speak(ss, events, now))
		return;
	if (ss->snd == NULL) {
		if (ss->bell)
			ui_bell();
	} else if (sound_play(ss->snd, c, script_cue_count(ss->s, c)) < 0 &&
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
	play(ss, ev, now);
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

	play(ss, session_pause(ss->s, now), now);
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
	return dialog_help(ss->l, KC_SESSION, ss->self, safety_stop_text);
}

/* Adds a report to the session's. */
static void
add_report(struct session_screen *ss, int score, bool spreads,
    enum hist_pain_step step)
{
	struct session_pain *p = ss->pain;

	if (p->n == p->cap)
		p->v = xrealloc(p->v, (size_t)(p->cap = p->cap ? 2 * p->cap : 4) *
		    sizeof *p->v);
	p->v[p->n++] = (struct hist_pain){
		session_elapsed(ss->s, ss->l->now) / NS_PER_SEC, score, spreads, step,
	};
	if (score > p->max)
		p->max = score;
	p->gently |= step == HP_GENTLY;
}

static enum screen_end
stop_act(struct page *pg, enum action a, int key)
{
	(void)key;
	if (a != ACT_NEXT && a != ACT_QUIT)
		return SCREEN_STAY;
	*(enum action *)pg->arg = a;
	return SCREEN_DONE;
}

/* Pain that stops the exercise: says why, and goes on to the next
 * exercise or ends the session, as the person chooses. */
static enum screen_end
stop_exercise(struct session_screen *ss, int score, bool spreads,
    const char *why)
{
	enum action choice = ACT_NONE;
	char *text = xasprintf("%s\n\nStop this exercise and rest. Go on to the "
	    "next one only if it feels right; end the session if the pain stays.",
	    why);
	struct page pg = {
		.v = { .title = "Stop this exercise", .text = text,
		    .keys = KC_PAINSTOP },
		.act = stop_act, .arg = &choice,
	};
	enum screen_end e = page_run(ss->l, &pg);
	free(text);
	if (e != SCREEN_DONE)
		return e;
	add_report(ss, score, spreads, choice == ACT_QUIT ? HP_END : HP_NEXT);
	if (choice == ACT_QUIT) {
		ss->pain->ended = HR_PAIN;
		session_quit(ss->s, ss->l->now);
	} else {
		play(ss, session_skip_exercise(ss->s, ss->l->now), ss->l->now);
	}
	return e;
}

/* New numbness with the pain (urgent), or in one leg (the same day):
 * the advice, and the session ends. */
static enum screen_end
ends_now(struct session_screen *ss, int score, bool spreads, bool urgent,
    const char *why)
{
	struct session_pain *p = ss->pain;
	char now[200];

	safety_call_now(p->call, now, sizeof now);
	snprintf(p->title, sizeof p->title, urgent ? "Please get help now" :
	    "Please contact a doctor or physiotherapist today");
	snprintf(p->advice, sizeof p->advice, "%s\n\n%s%s", why, urgent ? now :
	    safety_one_leg_text, urgent ? " This screen cannot tell what the "
	    "cause is; a doctor can." : "");
	enum screen_end e = dialog_message(ss->l, p->title, p->advice);
	add_report(ss, score, spreads, HP_URGENT);
	p->ended = HR_RED_FLAG;
	p->urgency = urgent ? SAFETY_URGENT : SAFETY_SAME_DAY;
	p->flag = urgent ? "numbness-during" : "one-leg-during";
	session_quit(ss->s, ss->l->now);
	return e;
}

/* Pain of 4-5: go on gently, with the exercise's easier version when it
 * has one. */
static enum screen_end
gently(struct session_screen *ss, const char *why)
{
	const struct session *s = ss->s;
	const struct exercise *e = &s->plan->r->ex[s->plan->steps[s->cur].ex];

	if (e->easier[0] == NULL)
		return dialog_message(ss->l, "Pain", why);
	char *text = xasprintf("%s\n\nThe easier version of this exercise: %s. %s",
	    why, e->easier[0], e->easier[1]);
	enum screen_end r = dialog_message(ss->l, "Pain", text);
	free(text);
	return r;
}

/* `p`: the pain now, whether it spreads or numbs, and what that calls
 * for (safety_pain_during).  The session is paused meanwhile. */
static enum screen_end
ask_pain(struct session_screen *ss, bool *yes)
{
	bool spreads = false, numb = false, one_leg = false;
	const char *why;
	int score;

	*yes = false;
	enum screen_end e = dialog_number(ss->l, KC_INPUT, "Pain now, 0-10?", 0,
	    10, &score);
	if (e != SCREEN_DONE || score < 0)
		return e == SCREEN_SIGNAL ? e : SCREEN_STAY;
	if ((e = dialog_yes_no(ss->l, KC_YESNO, "Does the pain spread down a leg?",
	    NULL, NULL, &spreads)) != SCREEN_DONE ||
	    (e = dialog_yes_no(ss->l, KC_YESNO, "Any new numbness around your "
	    "genitals or bottom, new trouble with your bladder or bowels, or new "
	    "numbness or weakness in both legs?", NULL, NULL, &numb)) != SCREEN_DONE)
		return e;
	if (!numb && (e = dialog_yes_no(ss->l, KC_YESNO, "Any new numbness or "
	    "weakness in one leg, such as a foot that catches or a leg that gives "
	    "way?", NULL, NULL, &one_leg)) != SCREEN_DONE)
		return e;
	switch (safety_pain_during(score, ss->pain->before, spreads, numb,
	    one_leg, &why)) {
	case SAFETY_PAIN_URGENT:
		return ends_now(ss, score, spreads, true, why);
	case SAFETY_PAIN_SAME_DAY:
		return ends_now(ss, score, spreads, false, why);
	case SAFETY_PAIN_STOP:
		return stop_exercise(ss, score, spreads, why);
	case SAFETY_PAIN_GENTLY:
		add_report(ss, score, spreads, HP_GENTLY);
		return gently(ss, why);
	default:
		add_report(ss, score, spreads, HP_FINE);
		break;
	}
	return dialog_message(ss->l, "Pain", why);
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

static enum screen_end
ask_end(struct session_screen *ss, bool *yes)
{
	return dialog_yes_no(ss->l, KC_YESNO, "End the session?",
	    "This is its last step.", ss->self, yes);
}

/* Whether action a would end the session (held keys must not): n on its
 * last step, N on its last exercise, - on a last step with no more than
 * that left. */
static bool
would_end(const struct session *s, enum action a, int64_t now)
{
	const struct plan *p = s->plan;

	if (session_over(s))
		return false;
	if (a == ACT_NEXT)
		return s->cur + 1 >= p->n;
	if (a == ACT_SKIP)
		return p->steps[s->cur].ex + 1 >= p->r->nex;
	return a == ACT_LESS && s->cur + 1 >= p->n &&
	    session_step_left(s, now) <= SESSION_ADJUST_NS;
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
	if (would_end(ss->s, a, now)) {
		if ((e = paused(ss, now, ask_end, &yes)) == SCREEN_SIGNAL)
			return e;
		if (!yes)
			return SCREEN_STAY;
		now = ss->l->now;       /* when it was answered */
	}
	for (size_t i = 0; i < sizeof session_ops / sizeof session_ops[0]; i++)
		if (session_ops[i].action == a)
			play(ss, session_ops[i].op(ss->s, now), now);
	if (a == ACT_MUTE) {
		ss->v.muted = !ss->v.muted;
		sound_set_muted(ss->snd, ss->v.muted);
	} else if (a == ACT_HELP) {
		e = paused(ss, now, ask_help, &yes);
	} else if (a == ACT_QUIT) {
		e = paused(ss, now, ask_quit, &yes);
	} else if (a == ACT_PAIN) {
		e = paused(ss, now, ask_pain, &yes);
	}
	if (e == SCREEN_SIGNAL)
		return e;
	return session_over(ss->s) ? SCREEN_DONE : SCREEN_STAY;
}

enum screen_end
session_screen(struct loop *l, struct session *s, struct sound *snd,
    const struct spoken *spoken, bool bell, const char *status,
    struct session_pain *pain)
{
	struct session_screen ss = {
		.l = l, .s = s, .pain = pain, .v = { .s = s, .status = status },
		.snd = snd, .spoken = spoken, .bell = bell,
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
