/*
 * plan.c - expands a routine into a flat list of steps.
 *
 * Part of the pure core.  The order is the one ROUTINE-FORMAT.md and the
 * man page describe:
 *
 *   lead-in -> for each set: for each side: reps (hold/relax, or the tempo
 *   phases), a switch-sides rest between the sides -> a rest between sets,
 *   none after the last -> the next exercise's lead-in ...
 *
 * A zero lead-in, relax or rest adds no step.
 */
#include "plan.h"
#include "position.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct builder {
	struct plan *p;
	int cap;
	int failed;
};

int64_t
plan_ns(double seconds)
{
	return (int64_t)llround(seconds * 1e9);
}

static struct step *
push(struct builder *b, enum step_kind kind, int ex, int64_t ns,
    enum cue cue, const char *label)
{
	struct plan *p = b->p;

	if (p->n == b->cap) {
		int cap = b->cap ? b->cap * 2 : 64;
		struct step *v = realloc(p->steps, (size_t)cap * sizeof *v);
		if (v == NULL) {
			b->failed = 1;
			return NULL;
		}
		p->steps = v;
		b->cap = cap;
	}
	struct step *s = &p->steps[p->n++];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->ex = ex;
	s->ns = ns;
	s->cue = cue;
	s->label = label;
	s->work = kind == STEP_HOLD || kind == STEP_PHASE || kind == STEP_TIMER;
	p->total_ns += ns;
	return s;
}

static const char *
phase_label(const struct exercise *e, int k)
{
	if (k < e->nphases && e->phases[k] != NULL)
		return e->phases[k];
	return "Move";
}

/* Gives step s the place in the exercise that pos holds. */
static void
place(struct step *s, const struct step *pos)
{
	s->set = pos->set, s->nsets = pos->nsets, s->side = pos->side;
	s->rep = pos->rep, s->nreps = pos->nreps;
}

/* One rep of exercise e: a hold (and a relax unless it is the last rep of
 * the side), every tempo phase, or a timer's one countdown.  `pos`
 * carries set, side and rep. */
static void
add_rep(struct builder *b, const struct exercise *e, const struct step *pos,
    int last)
{
	struct step *s;

	if (exercise_kind(e) == EX_TIMER) {
		s = push(b, STEP_TIMER, pos->ex, plan_ns(e->duration), CUE_GO, "Time");
		if (s != NULL)
			place(s, pos);
		return;
	}

	if (exercise_kind(e) == EX_HOLD) {
		s = push(b, STEP_HOLD, pos->ex, plan_ns(e->hold), CUE_GO, "Hold");
		if (s == NULL)
			return;
		place(s, pos);
		double relax = exercise_relax(e);
		if (!last && relax > 0) {
			s = push(b, STEP_RELAX, pos->ex, plan_ns(relax), CUE_RELAX,
			    "Relax");
			if (s == NULL)
				return;
			place(s, pos);
		}
		return;
	}
	for (int k = 0; k < e->ntempo; k++) {
		s = push(b, STEP_PHASE, pos->ex, plan_ns(e->tempo[k]), CUE_PHASE,
		    phase_label(e, k));
		if (s == NULL)
			return;
		place(s, pos);
		s->phase = k + 1;
	}
}

static void
add_exercise(struct builder *b, const struct routine *r, int ex)
{
	const struct exercise *e = &r->ex[ex];
	double lead = position_lead_in(r, ex, exercise_lead_in(r, e));
	double rest = exercise_rest(r, e);
	double swap = position_switch_rest(e, rest);
	int nsets = exercise_nsets(e);
	int nsides = e->sides ? 2 : 1;
	struct step *s;

	b->p->ex_start[ex] = b->p->n;
	if (lead > 0) {
		enum cue cue = CUE_READY;
		if (ex > 0)
			cue = exercise_kind(&r->ex[ex - 1]) == EX_TIMER ?
			    CUE_TIMER_DONE : CUE_EXERCISE_DONE;
		s = push(b, STEP_LEAD_IN, ex, plan_ns(lead), cue, "Get ready");
		if (s == NULL)
			return;
		s->set = 1, s->nsets = nsets, s->side = e->sides ? 1 : 0;
	}
	for (int set = 1; set <= nsets; set++) {
		int nreps = (int)exercise_set_reps(e, set - 1);
		for (int side = 1; side <= nsides; side++) {
			if (side == 2 && swap > 0) {
				s = push(b, STEP_SWITCH, ex, plan_ns(swap),
				    CUE_SWITCH, "Switch sides");
				if (s == NULL)
					return;
				s->set = set, s->nsets = nsets, s->side = 2;
			}
			for (int rep = 1; rep <= nreps; rep++) {
				/* reps that alternate sides: the odd ones
				 * the first side, the even ones the other */
				struct step pos = {
					.ex = ex, .set = set, .nsets = nsets,
					.side = e->sides ? side : e->alternate ?
					    2 - rep % 2 : 0,
					.rep = rep, .nreps = nreps,
				};
				add_rep(b, e, &pos, rep == nreps);
				if (b->failed)
					return;
			}
		}
		if (set < nsets && rest > 0) {
			s = push(b, STEP_REST, ex, plan_ns(rest), CUE_REST, "Rest");
			if (s == NULL)
				return;
			s->set = set, s->nsets = nsets, s->side = 0;
		}
	}
	b->p->steps[b->p->n - 1].last_of_ex = 1;
}

/* Builds the plan of a valid routine (validate first: an invalid one may
 * give an empty or absurd plan).  Returns 0, or -1 when out of memory. */
int
plan_build(struct plan *p, const struct routine *r)
{
	struct builder b = { p, 0, 0 };

	memset(p, 0, sizeof *p);
	p->r = r;
	p->ex_start = calloc((size_t)(r->nex > 0 ? r->nex : 1), sizeof *p->ex_start);
	if (p->ex_start == NULL)
		return -1;
	for (int i = 0; i < r->nex && !b.failed; i++)
		add_exercise(&b, r, i);
	if (b.failed) {
		plan_free(p);
		return -1;
	}
	return 0;
}

void
plan_free(struct plan *p)
{
	free(p->steps);
	free(p->ex_start);
	memset(p, 0, sizeof *p);
}

const char *
plan_side_name(const struct plan *p, const struct step *s)
{
	static const char *const dflt[] = { "left", "right" };
	const struct exercise *e = &p->r->ex[s->ex];

	if (s->side < 1 || s->side > 2)
		return "";
	if (e->side_names[s->side - 1] != NULL)
		return e->side_names[s->side - 1];
	return dflt[s->side - 1];
}

void
plan_step_place(const struct plan *p, const struct step *s,
    struct step_place *pl)
{
	bool in_rep = s->kind == STEP_HOLD || s->kind == STEP_RELAX ||
	    s->kind == STEP_PHASE;

	pl->set = s->nsets > 1 && s->kind != STEP_LEAD_IN ? s->set : 0;
	pl->nsets = pl->set ? s->nsets : 0;
	pl->rep = s->nreps > 1 && in_rep ? s->rep : 0;
	pl->nreps = pl->rep ? s->nreps : 0;
	pl->side = s->side > 0 && s->kind != STEP_REST ? plan_side_name(p, s) :
	    NULL;
}

/* Appends to buf (len bytes, *k used), after sep when buf is not empty. */
static void
append(char *buf, size_t len, size_t *k, const char *sep, const char *fmt,
    ...)
{
	va_list ap;

	if (*k > 0 && *k < len)
		*k += (size_t)snprintf(buf + *k, len - *k, "%s", sep);
	if (*k >= len)
		return;
	va_start(ap, fmt);
	*k += (size_t)vsnprintf(buf + *k, len - *k, fmt, ap);
	va_end(ap);
}

void
plan_step_position(const struct plan *p, const struct step *s, bool compact,
    char *buf, size_t len)
{
	struct step_place pl;
	size_t k = 0;
	const char *sep = compact ? ", " : "   ";

	plan_step_place(p, s, &pl);
	buf[0] = '\0';
	if (pl.set)
		append(buf, len, &k, sep, compact ? "set %d/%d" : "Set %d of %d",
		    pl.set, pl.nsets);
	if (pl.rep)
		append(buf, len, &k, sep, compact ? "rep %d/%d" : "Rep %d of %d",
		    pl.rep, pl.nreps);
	if (pl.side)
		append(buf, len, &k, sep, compact ? "%s" : "Side: %s", pl.side);
}

void
plan_step_next(const struct plan *p, const struct step *s, char *buf,
    size_t len)
{
	struct step_place pl;
	size_t k = 0;
	char d[32];

	plan_step_place(p, s, &pl);
	buf[0] = '\0';
	append(buf, len, &k, "", "%s", s->label);
	if (pl.side)
		append(buf, len, &k, ", ", "%s%s", pl.side, strcmp(pl.side, "left") == 0 ||
		    strcmp(pl.side, "right") == 0 ? " side" : "");
	if (pl.set)
		append(buf, len, &k, ", ", "set %d of %d", pl.set, pl.nsets);
	if (pl.rep)
		append(buf, len, &k, ", ", "rep %d of %d", pl.rep, pl.nreps);
	plan_format_duration(s->ns, d, sizeof d);
	append(buf, len, &k, " ", "(%s)", d);
}

void
plan_next_line(const struct plan *p, int cur, char *buf, size_t len)
{
	char what[256];

	if (cur + 1 >= p->n) {
		snprintf(buf, len, "Next: the end of the session (this is its "
		    "last step)");
		return;
	}
	const struct step *nx = &p->steps[cur + 1];
	if (nx->ex != p->steps[cur].ex) {
		snprintf(buf, len, "Next: %s", p->r->ex[nx->ex].name);
		return;
	}
	plan_step_next(p, nx, what, sizeof what);
	snprintf(buf, len, "Next: %s", what);
}

void
plan_format_countdown(int64_t left_ns, char *buf, size_t len)
{
	long long s = left_ns > 0 ? (left_ns + NS_PER_SEC - 1) / NS_PER_SEC : 0;

	if (s >= 60)
		snprintf(buf, len, "%lld:%02lld", s / 60, s % 60);
	else
		snprintf(buf, len, "%lld", s);
}

const struct figure_frame *
plan_step_frame(const struct plan *p, const struct step *s)
{
	const struct figure *f = p->r->ex[s->ex].fig;
	const char *role = NULL, *phase = NULL;

	if (f == NULL || f->nframes == 0)
		return NULL;
	switch (s->kind) {
	case STEP_LEAD_IN: role = "ready"; break;
	case STEP_HOLD:    role = "hold"; break;
	case STEP_RELAX:   role = "relax"; break;
	case STEP_PHASE:   phase = s->label; break;
	case STEP_REST:    role = "rest"; break;
	case STEP_SWITCH:  role = "switch"; break;
	case STEP_TIMER:   role = "time"; break;
	}
	return figure_pick(f, role, phase, s->side,
	    s->kind == STEP_HOLD || s->kind == STEP_RELAX ||
	    s->kind == STEP_PHASE ? s->rep : 0);
}

int64_t
plan_step_ceiling(const struct plan *p, const struct step *s)
{
	const struct exercise *e = &p->r->ex[s->ex];
	int64_t most = s->ns;

	switch (s->kind) {
	case STEP_HOLD:
		if (e->has[XS_hold_max])
			most = plan_ns(e->hold_max);
		break;
	case STEP_PHASE:
	case STEP_TIMER:
		break;
	default:
		most = s->ns + PLAN_MORE_REST_NS;
		break;
	}
	return most > s->ns ? most : s->ns;
}

int64_t
plan_exercise_ns(const struct plan *p, int ex)
{
	int64_t sum = 0;
	int end = ex + 1 < p->r->nex ? p->ex_start[ex + 1] : p->n;

	for (int i = p->ex_start[ex]; i < end; i++)
		sum += p->steps[i].ns;
	return sum;
}

/* "1:05:03" or "12:30", to the nearest second. */
void
plan_format_clock(int64_t ns, char *buf, int len)
{
	int64_t s = (ns + NS_PER_SEC / 2) / NS_PER_SEC;

	if (s >= 3600)
		snprintf(buf, (size_t)len, "%lld:%02lld:%02lld", (long long)(s / 3600),
		    (long long)(s / 60 % 60), (long long)(s % 60));
	else
		snprintf(buf, (size_t)len, "%lld:%02lld", (long long)(s / 60),
		    (long long)(s % 60));
}

/* As plan_format_clock, but "45 s" under a minute. */
void
plan_format_duration(int64_t ns, char *buf, int len)
{
	int64_t s = (ns + NS_PER_SEC / 2) / NS_PER_SEC;

	if (s >= 60)
		plan_format_clock(ns, buf, len);
	else
		snprintf(buf, (size_t)len, "%lld s", (long long)s);
}
