/*
 * session.c - the timing engine.
 *
 * Part of the pure core.  Invariants, while RUNNING or PAUSED:
 *   - 0 <= cur < plan->n, and the current step ends at step_start + step_ns;
 *   - a step that ends naturally hands its end time, not `now`, to the next
 *     step as its start: lateness in noticing never accumulates;
 *   - a pause moves step_start later by the length of the pause, so the
 *     time left in the step stands still.
 */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
session_init(struct session *s, const struct plan *p)
{
	int n = p->n > 0 ? p->n : 1;
	int nex = p->r->nex > 0 ? p->r->nex : 1;

	memset(s, 0, sizeof *s);
	s->plan = p;
	s->state = SESSION_READY;
	s->after_ns = calloc((size_t)n, sizeof *s->after_ns);
	s->worked_ns = calloc((size_t)n, sizeof *s->worked_ns);
	s->done = calloc((size_t)n, 1);
	s->passed = calloc((size_t)nex, 1);
	if (!s->after_ns || !s->worked_ns || !s->done || !s->passed) {
		session_free(s);
		return -1;
	}
	int64_t sum = 0;
	for (int i = p->n - 1; i >= 0; i--) {
		s->after_ns[i] = sum;
		sum += p->steps[i].ns;
	}
	return 0;
}

void
session_free(struct session *s)
{
	free(s->after_ns);
	free(s->worked_ns);
	free(s->done);
	free(s->passed);
	memset(s, 0, sizeof *s);
}

bool
session_running(const struct session *s)
{
	return s->state == SESSION_RUNNING || s->state == SESSION_PAUSED;
}

bool
session_over(const struct session *s)
{
	return s->state == SESSION_DONE || s->state == SESSION_QUIT;
}

const struct step *
session_step(const struct session *s)
{
	if (s->plan->n == 0)
		return NULL;
	return &s->plan->steps[s->cur < s->plan->n ? s->cur : s->plan->n - 1];
}

/* Enters step i at time t.  Steps of exercises before i's count as passed. */
static unsigned
enter_step(struct session *s, int i, int64_t t)
{
	const struct step *st = &s->plan->steps[i];

	s->cur = i;
	s->step_start = t;
	s->step_ns = st->ns;
	s->last_tick = st->ns >= SESSION_TICK_MIN_NS ? SESSION_TICKS + 1 : 0;
	for (int ex = 0; ex < st->ex; ex++)
		s->passed[ex] = 1;
	return EV_STEP_STARTED;
}

/* Leaves the current step at time t; `full` when it ran its whole length.
 * The time spent is worked time when the step is work. */
static unsigned
leave_step(struct session *s, int64_t t, bool full)
{
	const struct step *st = &s->plan->steps[s->cur];
	int64_t spent = t - s->step_start;
	unsigned ev = EV_STEP_FINISHED;

	if (st->work && spent > 0)
		s->worked_ns[s->cur] += spent;
	if (full)
		s->done[s->cur] = 1;
	if (st->last_of_ex)
		ev |= EV_EXERCISE_FINISHED;
	return ev;
}

static unsigned
finish(struct session *s, int64_t t, enum session_state state)
{
	s->state = state;
	s->ended_at = t;
	if (state == SESSION_DONE)
		for (int ex = 0; ex < s->plan->r->nex; ex++)
			s->passed[ex] = 1;
	return EV_SESSION_FINISHED;
}

unsigned
session_start(struct session *s, int64_t now)
{
	if (s->state != SESSION_READY)
		return 0;
	s->started_at = now;
	if (s->plan->n == 0)
		return finish(s, now, SESSION_DONE);
	s->state = SESSION_RUNNING;
	return enter_step(s, 0, now);
}

/* The count of the tick due at `now`, or 0: tick k is due k seconds before
 * the end of the step. */
static int
tick_due(const struct session *s, int64_t now)
{
	int64_t left = s->step_start + s->step_ns - now;

	if (s->last_tick <= 1 || left <= 0 || left > SESSION_TICKS * NS_PER_SEC)
		return 0;
	int k = (int)((left + NS_PER_SEC - 1) / NS_PER_SEC);
	return k < s->last_tick ? k : 0;
}

unsigned
session_advance(struct session *s, int64_t now)
{
	unsigned ev = 0;

	if (s->state != SESSION_RUNNING)
		return 0;
	for (;;) {
		int64_t end = s->step_start + s->step_ns;
		if (now < end) {
			int k = tick_due(s, now);
			if (k > 0) {
				s->last_tick = k;
				s->tick = k;
				ev |= EV_TICK;
			}
			return ev;
		}
		ev |= leave_step(s, end, true);
		if (s->cur + 1 >= s->plan->n)
			return ev | finish(s, end, SESSION_DONE);
		ev |= enter_step(s, s->cur + 1, end);
	}
}

int64_t
session_next_deadline(const struct session *s)
{
	if (s->state != SESSION_RUNNING)
		return SESSION_NEVER;
	int64_t end = s->step_start + s->step_ns;
	int next = s->last_tick - 1;
	if (next > SESSION_TICKS)
		next = SESSION_TICKS;
	if (next >= 1 && end - next * NS_PER_SEC > s->step_start)
		return end - next * NS_PER_SEC;
	return end;
}

unsigned
session_pause(struct session *s, int64_t now)
{
	unsigned ev = session_advance(s, now);

	if (s->state != SESSION_RUNNING)
		return ev;
	s->state = SESSION_PAUSED;
	s->paused_at = now;
	return ev | EV_PAUSED;
}

unsigned
session_resume(struct session *s, int64_t now)
{
	if (s->state != SESSION_PAUSED)
		return 0;
	int64_t len = now - s->paused_at;
	s->step_start += len;
	s->paused_ns += len;
	s->state = SESSION_RUNNING;
	return EV_RESUMED | session_advance(s, now);
}

unsigned
session_toggle_pause(struct session *s, int64_t now)
{
	if (s->state == SESSION_PAUSED)
		return session_resume(s, now);
	return session_pause(s, now);
}

/* While paused, the clock of the step is frozen at paused_at. */
static int64_t
step_clock(const struct session *s, int64_t now)
{
	return s->state == SESSION_PAUSED ? s->paused_at : now;
}

/* Moves from the current step to step `to` (or the end when to == n) at
 * the step clock's time, the current one cut short. */
static unsigned
jump(struct session *s, int64_t now, int to)
{
	int64_t t = step_clock(s, now);
	unsigned ev = leave_step(s, t, false);
	bool paused = s->state == SESSION_PAUSED;

	if (to >= s->plan->n) {
		s->passed[s->plan->steps[s->cur].ex] = 1;
		if (paused)
			s->paused_ns += now - s->paused_at;
		return ev | finish(s, now, SESSION_DONE);
	}
	ev |= enter_step(s, to, t);
	return ev;
}

unsigned
session_next(struct session *s, int64_t now)
{
	unsigned ev = session_advance(s, now);

	if (!session_running(s))
		return ev;
	return ev | jump(s, now, s->cur + 1);
}

unsigned
session_skip_exercise(struct session *s, int64_t now)
{
	unsigned ev = session_advance(s, now);

	if (!session_running(s))
		return ev;
	int ex = s->plan->steps[s->cur].ex;
	int to = ex + 1 < s->plan->r->nex ? s->plan->ex_start[ex + 1] : s->plan->n;
	s->passed[ex] = 1;
	return ev | jump(s, now, to) | EV_EXERCISE_FINISHED;
}

unsigned
session_back(struct session *s, int64_t now)
{
	unsigned ev = session_advance(s, now);

	if (!session_running(s))
		return ev;
	return ev | jump(s, now, s->cur > 0 ? s->cur - 1 : 0);
}

/* Lengthens or shortens the current step; it never ends before the step
 * clock's now, and a step shortened to that ends at the next advance. */
unsigned
session_adjust(struct session *s, int64_t now, int64_t delta_ns)
{
	unsigned ev = session_advance(s, now);

	if (!session_running(s))
		return ev;
	int64_t spent = step_clock(s, now) - s->step_start;
	s->step_ns += delta_ns;
	if (delta_ns > 0 && s->step_ns > session_step_ceiling(s))
		s->step_ns = session_step_ceiling(s);
	if (s->step_ns < spent)
		s->step_ns = spent;
	int64_t left = s->step_ns - spent;
	if (s->step_ns >= SESSION_TICK_MIN_NS && left > SESSION_TICKS * NS_PER_SEC)
		s->last_tick = SESSION_TICKS + 1;
	return ev | EV_ADJUSTED | session_advance(s, now);
}

int64_t
session_step_ceiling(const struct session *s)
{
	const struct step *st = &s->plan->steps[s->cur];

	if (s->max_step_ns > 0)
		return s->max_step_ns > st->ns ? s->max_step_ns : st->ns;
	return plan_step_ceiling(s->plan, st);
}

int64_t
session_next_shown(const struct session *s, int64_t now)
{
	int64_t d = session_next_deadline(s);
	int64_t left = session_step_left(s, now);

	if (s->state != SESSION_RUNNING)
		return INT64_MAX;
	if (left > 0) {
		int64_t t = now + left - (left - 1) / NS_PER_SEC * NS_PER_SEC;
		if (t < d)
			d = t;
	}
	return d;
}

void
session_ceiling_text(const struct session *s, char *buf, size_t len)
{
	const struct step *st = &s->plan->steps[s->cur];
	bool rest = st->kind != STEP_HOLD && st->kind != STEP_PHASE &&
	    st->kind != STEP_TIMER;
	char t[32];

	plan_format_duration(session_step_ceiling(s), t, sizeof t);
	snprintf(buf, len, "at most %s (%s)", t, s->max_step_ns > 0 ?
	    "a pack's longest" : rest ? "a minute more; pause for longer" :
	    st->kind == STEP_HOLD && s->plan->r->ex[st->ex].has[XS_hold_max] ?
	    "hold_max" : "as planned");
}

unsigned
session_quit(struct session *s, int64_t now)
{
	unsigned ev = session_advance(s, now);

	if (!session_running(s))
		return ev;
	leave_step(s, step_clock(s, now), false);
	if (s->state == SESSION_PAUSED)
		s->paused_ns += now - s->paused_at;
	return ev | finish(s, now, SESSION_QUIT);
}

int64_t
session_step_left(const struct session *s, int64_t now)
{
	if (!session_running(s))
		return 0;
	int64_t left = s->step_start + s->step_ns - step_clock(s, now);
	return left > 0 ? left : 0;
}

int64_t
session_total_left(const struct session *s, int64_t now)
{
	if (s->state == SESSION_READY)
		return s->plan->total_ns;
	if (!session_running(s))
		return 0;
	return session_step_left(s, now) + s->after_ns[s->cur];
}

int64_t
session_elapsed(const struct session *s, int64_t now)
{
	switch (s->state) {
	case SESSION_READY:
		return 0;
	case SESSION_PAUSED:
		return s->paused_at - s->started_at - s->paused_ns;
	case SESSION_RUNNING:
		return now - s->started_at - s->paused_ns;
	default:
		return s->ended_at - s->started_at - s->paused_ns;
	}
}

enum cue
session_cue(const struct session *s, unsigned events)
{
	if (events & EV_SESSION_FINISHED) {
		if (s->state != SESSION_DONE)
			return CUE_NONE;
		const struct routine *r = s->plan->r;
		return r->nex > 0 && exercise_kind(&r->ex[r->nex - 1]) == EX_TIMER ?
		    CUE_TIMER_DONE : CUE_SESSION_DONE;
	}
	if (events & EV_STEP_STARTED)
		return session_step(s)->cue;
	if (events & EV_TICK)
		return CUE_TICK;
	return CUE_NONE;
}

/* Nanoseconds to whole seconds, to the nearest. */
static int64_t
round_s(int64_t ns)
{
	return ns <= 0 ? 0 : (ns + NS_PER_SEC / 2) / NS_PER_SEC;
}

/* Time worked in exercise ex's steps. */
static int64_t
exercise_worked_ns(const struct session *s, int ex)
{
	const struct plan *p = s->plan;
	int to = ex + 1 < p->r->nex ? p->ex_start[ex + 1] : p->n;
	int64_t sum = 0;

	for (int i = p->ex_start[ex]; i < to; i++)
		sum += s->worked_ns[i];
	return sum;
}

void
session_outcome(const struct session *s, int ex, struct hist_exercise *o)
{
	const struct plan *p = s->plan;
	int from = p->ex_start[ex];
	int to = ex + 1 < p->r->nex ? p->ex_start[ex + 1] : p->n;
	int ntempo = p->r->ex[ex].ntempo;
	int work = 0, done = 0;
	int set = 0, set_ok = 0, rep_ok = 1;
	int64_t worked = exercise_worked_ns(s, ex);

	memset(o, 0, sizeof *o);
	o->name = p->r->ex[ex].name;
	o->worked_s = round_s(worked);
	o->sets_planned = exercise_nsets(&p->r->ex[ex]);
	for (int i = from; i < to; i++) {
		const struct step *st = &p->steps[i];
		if (!st->work)
			continue;
		work++;
		done += s->done[i];
		if (st->set != set) {           /* sets are contiguous */
			o->sets_done += set > 0 && set_ok;
			set = st->set;
			set_ok = 1;
		}
		set_ok &= s->done[i];
		/* a rep is its hold, or its phases 1..ntempo in a row */
		if (st->kind != STEP_PHASE || st->phase == 1)
			rep_ok = 1;
		rep_ok &= s->done[i];
		if (st->kind != STEP_PHASE || st->phase == ntempo) {
			o->reps_planned++;
			o->reps_done += rep_ok;
		}
	}
	o->sets_done += set > 0 && set_ok;
	if (work > 0 && done == work)
		o->status = EXS_COMPLETED;
	else if (o->worked_s > 0)       /* a second or more: some was done */
		o->status = EXS_PARTIAL;
	else if (s->passed[ex] || worked > 0)
		o->status = EXS_SKIPPED;
	else
		o->status = EXS_PENDING;
}

void
session_record(const struct session *s, int64_t now, struct hist_session *rec)
{
	int64_t worked = 0;

	rec->duration_s = round_s(session_elapsed(s, now));
	rec->clock_s = s->state == SESSION_READY ? 0 :
	    round_s((session_over(s) ? s->ended_at : now) - s->started_at);
	rec->ex_completed = rec->ex_skipped = 0;
	for (int i = 0; i < rec->nex && i < s->plan->r->nex; i++) {
		session_outcome(s, i, &rec->ex[i]);
		rec->ex_completed += rec->ex[i].status == EXS_COMPLETED;
		rec->ex_skipped += rec->ex[i].status == EXS_SKIPPED;
		worked += exercise_worked_ns(s, i);
	}
	rec->worked_s = round_s(worked);
}
