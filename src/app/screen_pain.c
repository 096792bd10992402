/*
 * screen_pain.c - pain reported during a session (screen_pain.h).
 *
 * The questions come one at a time, each a dialog; Esc goes back one, as
 * it does before a session, and never stands for an answer: a "no" to a
 * warning sign is only ever the person's `n`.
 */
#include "screen_pain.h"

#include <stdio.h>
#include <stdlib.h>

#include "keys.h"
#include "screen_dialog.h"
#include "screen_page.h"
#include "util.h"

struct pain_run {
	struct loop *l;
	struct session *s;
	struct session_pain *pain;
	unsigned events;        /* of an exercise skipped */
};

/* The answers, as far as they were given. */
struct pain_answers {
	int score;
	bool spreads, numb, one_leg;
};

/* Adds a report to the session's. */
static void
add_report(struct pain_run *pr, int score, bool spreads,
    enum hist_pain_step step)
{
	struct session_pain *p = pr->pain;

	if (p->n == p->cap)
		p->v = xrealloc(p->v, (size_t)(p->cap = p->cap ? 2 * p->cap : 4) *
		    sizeof *p->v);
	p->v[p->n++] = (struct hist_pain){
		session_elapsed(pr->s, pr->l->now) / NS_PER_SEC, score, spreads, step,
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
stop_exercise(struct pain_run *pr, int score, bool spreads, const char *why)
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
	enum screen_end e = page_run(pr->l, &pg);
	free(text);
	if (e != SCREEN_DONE)
		return e;
	add_report(pr, score, spreads, choice == ACT_QUIT ? HP_END : HP_NEXT);
	if (choice == ACT_QUIT) {
		pr->pain->ended = HR_PAIN;
		session_quit(pr->s, pr->l->now);
	} else {
		pr->events |= session_skip_exercise(pr->s, pr->l->now);
	}
	return e;
}

/* New numbness with the pain (urgent), or in one leg (the same day):
 * the advice, and the session ends. */
static enum screen_end
ends_now(struct pain_run *pr, int score, bool spreads, bool urgent,
    const char *why)
{
	struct session_pain *p = pr->pain;
	char now[200];

	safety_call_now(p->call, now, sizeof now);
	snprintf(p->title, sizeof p->title, urgent ? "Please get help now" :
	    "Please contact a doctor or physiotherapist today");
	snprintf(p->advice, sizeof p->advice, "%s\n\n%s%s", why, urgent ? now :
	    safety_one_leg_text, urgent ? " This screen cannot tell what the "
	    "cause is; a doctor can." : "");
	enum screen_end e = dialog_message(pr->l, p->title, p->advice);
	add_report(pr, score, spreads, HP_URGENT);
	p->ended = HR_RED_FLAG;
	p->urgency = urgent ? SAFETY_URGENT : SAFETY_SAME_DAY;
	p->flag = urgent ? "numbness-during" : "one-leg-during";
	session_quit(pr->s, pr->l->now);
	return e;
}

/* Pain of 4-5: go on gently, with the exercise's easier version when it
 * has one. */
static enum screen_end
gently(struct pain_run *pr, const char *why)
{
	const struct session *s = pr->s;
	const struct exercise *e = &s->plan->r->ex[s->plan->steps[s->cur].ex];

	if (e->easier[0] == NULL)
		return dialog_message(pr->l, "Pain", why);
	char *text = xasprintf("%s\n\nThe easier version of this exercise: %s. %s",
	    why, e->easier[0], e->easier[1]);
	enum screen_end r = dialog_message(pr->l, "Pain", text);
	free(text);
	return r;
}

/* The yes-or-no questions after the score, in order. */
static const char *const questions[] = {
	"Does the pain spread down a leg?",
	"Any new numbness around your genitals or bottom, new trouble with your "
	"bladder or bowels, or new numbness or weakness in both legs?",
	"Any new numbness or weakness in one leg, such as a foot that catches "
	"or a leg that gives way?",
};

/* Question q (0: the score; 1-3: questions[q - 1]) asked. */
static enum screen_end
ask(struct loop *l, int q, struct pain_answers *a)
{
	bool *yes[] = { &a->spreads, &a->numb, &a->one_leg };

	if (q == 0)
		return dialog_number(l, KC_INPUT, "Pain now, 0-10?", 0, 10, &a->score);
	return dialog_yes_no(l, KC_PAINASK, questions[q - 1], NULL, NULL,
	    yes[q - 1]);
}

/* Every question asked, Esc going back one: SCREEN_DONE with the
 * answers; SCREEN_CANCEL when the first was left (Esc, or no score). */
static enum screen_end
answers(struct loop *l, struct pain_answers *a)
{
	int q = 0;

	while (q < 4 && !(q == 3 && a->numb)) {
		enum screen_end e = ask(l, q, a);
		if (e == SCREEN_SIGNAL)
			return e;
		if (e == SCREEN_CANCEL && q == 0)
			return SCREEN_CANCEL;
		if (q == 0 && a->score < 0)
			return SCREEN_CANCEL;   /* Enter alone: no score */
		q += e == SCREEN_CANCEL ? -1 : 1;
	}
	return SCREEN_DONE;
}

enum screen_end
pain_screen(struct loop *l, struct session *s, struct session_pain *pain,
    unsigned *events)
{
	struct pain_run pr = { l, s, pain, 0 };
	struct pain_answers a = { -1, false, false, false };
	const char *why;
	enum screen_end e = answers(l, &a);

	*events = 0;
	if (e != SCREEN_DONE)
		return e;
	switch (safety_pain_during(a.score, pain->before, a.spreads, a.numb,
	    a.one_leg, &why)) {
	case SAFETY_PAIN_URGENT:
		return ends_now(&pr, a.score, a.spreads, true, why);
	case SAFETY_PAIN_SAME_DAY:
		return ends_now(&pr, a.score, a.spreads, false, why);
	case SAFETY_PAIN_STOP:
		e = stop_exercise(&pr, a.score, a.spreads, why);
		*events = pr.events;
		return e;
	case SAFETY_PAIN_GENTLY:
		add_report(&pr, a.score, a.spreads, HP_GENTLY);
		return gently(&pr, why);
	default:
		add_report(&pr, a.score, a.spreads, HP_FINE);
		break;
	}
	return dialog_message(l, "Pain", why);
}
