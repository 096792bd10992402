/*
 * script.c - the cues of a session, ahead of time (script.h).
 */
#include "script.h"

#include <stdlib.h>

int
script_cue_count(const struct session *s, enum cue c)
{
	const struct step *st = session_over(s) ? NULL : session_step(s);

	if (c == CUE_TICK)
		return s->tick;
	if (st == NULL)
		return 0;
	return c == CUE_GO ? st->rep : c == CUE_PHASE ? st->phase : 0;
}

int64_t
script_phrase_room(const struct session *s, int64_t now)
{
	int64_t room = session_step_left(s, now);

	if (s->last_tick > SESSION_TICKS)       /* the 3-2-1 still to come */
		room -= SESSION_TICKS * NS_PER_SEC;
	return room;
}

/* Appends one cue; false when out of memory. */
static bool
note(struct script_cue **v, int *n, int *cap, const struct session *s,
    unsigned ev, int64_t now)
{
	enum cue c = session_cue(s, ev);

	if (c == CUE_NONE)
		return true;
	if (*n == *cap) {
		int ncap = *cap ? *cap * 2 : 256;
		struct script_cue *nv = realloc(*v, (size_t)ncap * sizeof *nv);
		if (nv == NULL)
			return false;
		*v = nv;
		*cap = ncap;
	}
	struct script_cue *e = &(*v)[(*n)++];
	bool over = session_over(s);
	e->at = now;
	e->cue = c;
	e->count = script_cue_count(s, c);
	e->step = over ? -1 : s->cur;
	e->starts = !over && (ev & EV_STEP_STARTED);
	e->room = e->starts ? script_phrase_room(s, now) : 0;
	return true;
}

int
script_build(const struct plan *p, struct script_cue **out)
{
	struct session s;
	struct script_cue *v = NULL;
	int n = 0, cap = 0;
	bool ok = true;

	*out = NULL;
	if (session_init(&s, p) != 0)
		return -1;
	int64_t now = 0;
	unsigned ev = session_start(&s, now);
	ev |= session_advance(&s, now);
	while (ok) {
		ok = note(&v, &n, &cap, &s, ev, now);
		if (session_over(&s))
			break;
		now = session_next_deadline(&s);
		ev = session_advance(&s, now);
	}
	session_free(&s);
	if (!ok) {
		free(v);
		return -1;
	}
	*out = v;
	return n;
}
