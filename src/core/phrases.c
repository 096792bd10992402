/*
 * phrases.c - the words the coach speaks (phrases.h).
 */
#include "phrases.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "position.h"
#include "words.h"

const char *const speech_mode_words[SPEECH_MODE_COUNT] = {
	"off", "names", "full",
};

/* The breathing line of held and timed exercises, in full. */
#define BREATHE "Breathe normally; don't hold your breath."

/* A phrase being built: fixed room, cut rather than overrun. */
struct words {
	char buf[1536];
	size_t k;
};

static void
add(struct words *w, const char *fmt, ...)
{
	va_list ap;

	if (w->k >= sizeof w->buf)
		return;
	va_start(ap, fmt);
	w->k += (size_t)vsnprintf(w->buf + w->k, sizeof w->buf - w->k, fmt, ap);
	va_end(ap);
}

/* "5 holds of 8 seconds", "6 reps", "5 minutes": the dose of a set. */
static void
dose_words(const struct exercise *e, const struct step *s, struct words *w)
{
	int64_t reps = exercise_set_reps(e, s->set > 0 ? s->set - 1 : 0);
	double secs;

	switch (exercise_kind(e)) {
	case EX_HOLD:
		add(w, "%lld %s of %g %s", (long long)reps,
		    plural(reps, "hold", "holds"), e->hold,
		    e->hold == 1 ? "second" : "seconds");
		break;
	case EX_TEMPO:
		add(w, "%lld %s", (long long)reps, plural(reps, "rep", "reps"));
		break;
	case EX_TIMER:
		secs = e->duration;
		if (secs >= 60 && (int64_t)secs % 60 == 0)
			add(w, "%lld %s", (long long)secs / 60,
			    plural((int64_t)secs / 60, "minute", "minutes"));
		else
			add(w, "%g %s", secs, secs == 1 ? "second" : "seconds");
		break;
	default:
		break;
	}
}

/* The side of step s as spoken: the routine's own words ("left leg up"),
 * or "left side", never a bare "left". */
static void
side_words(const struct plan *p, int ex, int side, struct words *w)
{
	const struct exercise *e = &p->r->ex[ex];
	struct step at = { .ex = ex, .side = side };

	add(w, "%s%s", plan_side_name(p, &at), e->side_names[side - 1] ? "" :
	    " side");
}

/* "left side, set 1 of 3": where a lead-in's step stands, for the ear,
 * after sep; nothing when it has one side and one set. */
static void
where_words(const struct plan *p, const struct step *s, const char *sep,
    struct words *w)
{
	bool alternate = s->side == 0 && p->r->ex[s->ex].alternate;

	if (s->side > 0 || alternate) {
		add(w, "%s", sep);
		side_words(p, s->ex, alternate ? 1 : s->side, w);
		if (alternate)
			add(w, " first");
	}
	if (s->nsets > 1)
		add(w, "%sset 1 of %d", s->side > 0 || alternate ? ", " : sep,
		    s->nsets);
}

/* The start of a routine: what it needs, and in full when to stop. */
static void
routine_words(const struct routine *r, enum speech_mode m, struct words *w)
{
	char need[512];

	equipment_words(r, need, sizeof need);
	if (m == SPEECH_OFF || (m == SPEECH_NAMES && !*need))
		return;
	add(w, "%s. ", r->name);
	if (*need)
		add(w, "You need: %s. ", need);
	if (r->caution && m == SPEECH_FULL)
		add(w, "%s", r->caution);
}

char *
phrases_intro(const struct routine *r, enum speech_mode m)
{
	struct words w = { .k = 0 };

	routine_words(r, m, &w);
	while (w.k > 0 && w.k < sizeof w.buf && w.buf[w.k - 1] == ' ')
		w.buf[--w.k] = '\0';
	return strdup(w.buf);
}

/* Sets ph's forms from the strings given (NULL ends them, and a form
 * that repeats the one before is left out); 0, or -1 out of memory. */
static int
forms(struct phrase *ph, const char *const *v, int n)
{
	int k = 0;

	for (int i = 0; i < n && v[i] != NULL && k < PHRASE_FORMS; i++) {
		if (k > 0 && strcmp(ph->form[k - 1], v[i]) == 0)
			continue;
		if ((ph->form[k++] = strdup(v[i])) == NULL)
			return -1;
	}
	return 0;
}

/* The phrase of an exercise's lead-in: its name; the move, where the
 * position changes; side, set and dose.  In full, after them, its cue
 * line and the breathing.  Shorter forms: names mode's; the name, side
 * and set; the name. */
static int
lead_in(const struct plan *p, const struct step *s, enum speech_mode m,
    struct phrase *ph)
{
	const struct routine *r = p->r;
	const struct exercise *e = &r->ex[s->ex];
	struct words full = { .k = 0 }, names = { .k = 0 };
	struct words brief = { .k = 0 };
	enum exercise_kind k = exercise_kind(e);

	add(&brief, "%s", e->name);
	where_words(p, s, ", ", &brief);
	/* commas, not full stops: a short pause, one phrase to the ear */
	add(&names, "%s", e->name);
	if (position_changes(r, s->ex))
		add(&names, ", %s", position_move(exercise_position(e)));
	where_words(p, s, ", ", &names);
	add(&names, ", ");
	dose_words(e, s + 1, &names);
	add(&names, ".");
	add(&full, "%s", names.buf);
	if (e->cue)
		add(&full, " %s", e->cue);
	if (k == EX_HOLD || k == EX_TIMER)
		add(&full, " %s", BREATHE);
	const char *v[] = { full.buf, names.buf, brief.buf, e->name };
	return m == SPEECH_FULL ? forms(ph, v, 4) : forms(ph, v + 1, 3);
}

/* A rest says how long and what comes next: "Rest 30 seconds. Next: set
 * 2 of 3, left side." */
static int
rest(const struct plan *p, const struct step *s, struct phrase *ph)
{
	const struct exercise *e = &p->r->ex[s->ex];
	struct words w = { .k = 0 }, brief = { .k = 0 };

	add(&w, "Rest %g %s. ", (double)s->ns / NS_PER_SEC,
	    s->ns == NS_PER_SEC ? "second" : "seconds");
	add(&brief, "Next: set %d of %d", s->set + 1, s->nsets);
	if (e->sides) {
		add(&brief, ", ");
		side_words(p, s->ex, 1, &brief);
	}
	add(&w, "%s.", brief.buf);
	const char *v[] = { w.buf, brief.buf };
	return forms(ph, v, 2);
}

/* A switch of sides says the new side: "Other side: right leg up."; lying
 * on one side, "Roll over." first. */
static int
other_side(const struct plan *p, const struct step *s, struct phrase *ph)
{
	const struct exercise *e = &p->r->ex[s->ex];
	struct words w = { .k = 0 }, brief = { .k = 0 };

	add(&brief, "Other side: ");
	side_words(p, s->ex, 2, &brief);
	if (exercise_position(e) == POS_SIDE)
		add(&w, "Roll over. ");
	add(&w, "%s.", brief.buf);
	const char *v[] = { w.buf, brief.buf };
	return forms(ph, v, 2);
}

/* Whether step i is the relax right before the last hold of its set. */
static bool
before_last_rep(const struct plan *p, int i)
{
	const struct step *s = &p->steps[i];

	return s->kind == STEP_RELAX && i + 1 < p->n &&
	    p->steps[i + 1].kind == STEP_HOLD && p->steps[i + 1].nreps > 1 &&
	    p->steps[i + 1].rep == p->steps[i + 1].nreps;
}

/* Before each rep of reps that alternate sides, its side: "Right side",
 * or "Last one, right side" before the last. */
static int
next_side(const struct plan *p, int i, struct phrase *ph)
{
	const struct step *nx = &p->steps[i + 1];
	struct words side = { .k = 0 }, last = { .k = 0 };

	side_words(p, nx->ex, nx->side, &side);
	add(&last, "Last one, %s", side.buf);
	if (side.buf[0] >= 'a' && side.buf[0] <= 'z')  /* "Right side" alone */
		side.buf[0] = (char)(side.buf[0] - 'a' + 'A');
	const char *v[] = { last.buf, side.buf };
	return before_last_rep(p, i) ? forms(ph, v, 2) : forms(ph, v + 1, 1);
}

/* Whether step i is a relax before a rep on a side of its own. */
static bool
before_alternate(const struct plan *p, int i)
{
	const struct step *s = &p->steps[i];

	return s->kind == STEP_RELAX && i + 1 < p->n &&
	    p->steps[i + 1].kind == STEP_HOLD && p->steps[i + 1].side > 0 &&
	    p->r->ex[p->steps[i + 1].ex].alternate;
}

/* The phrase of step i, if it has one: 1, 0 for none, -1 out of memory. */
static int
phrase_at(const struct plan *p, int i, enum speech_mode m, struct phrase *ph)
{
	const struct step *s = &p->steps[i];
	const char *same = NULL;

	ph->step = i;
	if (s->kind == STEP_LEAD_IN && i + 1 < p->n)
		return lead_in(p, s, m, ph) == 0 ? 1 : -1;
	if (s->kind == STEP_SWITCH && i + 1 < p->n)
		return other_side(p, s, ph) == 0 ? 1 : -1;
	if (s->kind == STEP_REST && i + 1 < p->n)
		return rest(p, s, ph) == 0 ? 1 : -1;
	if (before_alternate(p, i))
		return next_side(p, i, ph) == 0 ? 1 : -1;
	if (before_last_rep(p, i))
		same = "Last one";
	else if (s->kind == STEP_PHASE && m == SPEECH_FULL)
		same = s->label;        /* the tempo's words: "Arch", "Round" */
	if (same == NULL)
		return 0;
	return forms(ph, &same, 1) == 0 ? 1 : -1;
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
		int rc = phrase_at(p, i, m, &v[n]);
		if (rc < 0) {
			phrases_free(v, n + 1);
			return -1;
		}
		n += rc;
	}
	*out = v;
	return n;
}

void
phrases_free(struct phrase *v, int n)
{
	for (int i = 0; i < n; i++)
		for (int k = 0; k < PHRASE_FORMS; k++)
			free(v[i].form[k]);
	free(v);
}

int
phrase_fit(int64_t step_ns, const int64_t ns[PHRASE_FORMS])
{
	for (int k = 0; k < PHRASE_FORMS; k++)
		if (ns[k] + PHRASE_MARGIN_NS <= step_ns)
			return k + 1;
	return 0;
}
