/*
 * phrases.c - the words the coach speaks (phrases.h).
 */
#include "phrases.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"

const char *const speech_mode_words[SPEECH_MODE_COUNT] = {
	"off", "names", "full",
};

/* vsnprintf into a malloc'd string, or NULL. */
static char *
say(const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return strdup(buf);
}

/* "5 holds of 8 seconds", "6 reps", "5 minutes": the dose of a set. */
static void
dose_words(const struct exercise *e, const struct step *s, char *buf,
    size_t len)
{
	int64_t reps = exercise_set_reps(e, s->set > 0 ? s->set - 1 : 0);
	double secs;

	switch (exercise_kind(e)) {
	case EX_HOLD:
		snprintf(buf, len, "%lld %s of %g %s", (long long)reps,
		    plural(reps, "hold", "holds"), e->hold,
		    e->hold == 1 ? "second" : "seconds");
		break;
	case EX_TEMPO:
		snprintf(buf, len, "%lld %s", (long long)reps,
		    plural(reps, "rep", "reps"));
		break;
	case EX_TIMER:
		secs = e->duration;
		if (secs >= 60 && (int64_t)secs % 60 == 0)
			snprintf(buf, len, "%lld %s", (long long)secs / 60,
			    plural((int64_t)secs / 60, "minute", "minutes"));
		else
			snprintf(buf, len, "%g %s", secs,
			    secs == 1 ? "second" : "seconds");
		break;
	default:
		buf[0] = '\0';
	}
}

/* The phrase of an exercise's lead-in. */
static int
lead_in(const struct plan *p, const struct step *s, enum speech_mode m,
    struct phrase *ph)
{
	const struct exercise *e = &p->r->ex[s->ex];
	const struct step *work = s + 1;        /* the step it leads into */
	char side[64] = "", set[64] = "", dose[64];

	if (s->side)                    /* "left side", or the routine's "left leg" */
		snprintf(side, sizeof side, ", %s%s", plan_side_name(p, s),
		    e->side_names[0] ? "" : " side");
	if (s->nsets > 1)
		snprintf(set, sizeof set, ", set %d of %d", s->set, s->nsets);
	dose_words(e, work, dose, sizeof dose);
	ph->text = say("%s%s%s%s%s%s%s", e->name, side, set, *dose ? ", " : "",
	    dose, m == SPEECH_FULL && e->cue ? ". " : "",
	    m == SPEECH_FULL && e->cue ? e->cue : "");
	ph->brief = strdup(e->name);
	return ph->text && ph->brief ? 0 : -1;
}

/* Whether step i is the relax right before the last hold of its set. */
static int
before_last_rep(const struct plan *p, int i)
{
	const struct step *s = &p->steps[i];

	return s->kind == STEP_RELAX && i + 1 < p->n &&
	    p->steps[i + 1].kind == STEP_HOLD && p->steps[i + 1].nreps > 1 &&
	    p->steps[i + 1].rep == p->steps[i + 1].nreps;
}

int
phrases_of(const struct plan *p, enum speech_mode m, struct phrase **out)
{
	struct phrase *v = NULL;
	int n = 0;

	*out = NULL;
	if (m == SPEECH_OFF)
		return 0;
	if ((v = calloc((size_t)p->n + 1, sizeof *v)) == NULL)
		return -1;
	for (int i = 0; i < p->n; i++) {
		const struct step *s = &p->steps[i];
		struct phrase *ph = &v[n];
		int rc = 0;
		ph->step = i;
		if (s->kind == STEP_LEAD_IN && i + 1 < p->n)
			rc = lead_in(p, s, m, ph);
		else if (s->kind == STEP_SWITCH && i + 1 < p->n) {
			ph->text = say("Other side: %s", plan_side_name(p, s + 1));
			ph->brief = ph->text ? strdup(ph->text) : NULL;
			rc = ph->text && ph->brief ? 0 : -1;
		} else if (before_last_rep(p, i)) {
			ph->text = strdup("Last one");
			ph->brief = strdup("Last one");
			rc = ph->text && ph->brief ? 0 : -1;
		} else
			continue;
		n++;
		if (rc != 0) {
			phrases_free(v, n);
			return -1;
		}
	}
	*out = v;
	return n;
}

void
phrases_free(struct phrase *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].brief);
	}
	free(v);
}

int
phrase_fit(int64_t step_ns, int64_t text_ns, int64_t brief_ns)
{
	if (text_ns + PHRASE_MARGIN_NS <= step_ns)
		return 1;
	if (brief_ns + PHRASE_MARGIN_NS <= step_ns)
		return 2;
	return 0;
}
