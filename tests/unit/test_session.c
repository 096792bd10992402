/*
 * test_session.c - the timing engine, driven with simulated time.
 *
 * A one-hour routine run at jittered wake-ups must end on the nanosecond
 * the plan says; pauses shift the end by exactly their length; the 3-2-1
 * ticks come once each; next/back/skip/adjust/quit do what the keys
 * promise; outcomes say what was done.  Linked against the pure core only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "session.h"

#define SEC NS_PER_SEC
#define T0 INT64_C(987654321012345)     /* an arbitrary monotonic start */

/* The one-hour routine: paced reps, held pyramids with sides, odd
 * fractional durations, and a timer that pads it to exactly 3600 s. */
struct fixture {
	struct routine r;       /* the one-hour routine */
	struct plan p;          /* its plan, exactly 3600 s */
	struct session s;       /* a fresh session over it, not started */
};

static struct exercise *
add_ex(struct routine *r, const char *name)
{
	struct exercise *e = routine_add_exercise(r);
	e->name = strdup(name), e->has[XS_name] = true;
	return e;
}

static void
pyramid(struct exercise *e, int64_t a, int64_t b, int64_t c)
{
	e->sets[0] = a, e->sets[1] = b, e->sets[2] = c;
	e->nsets = 3, e->has[XS_sets] = true;
}

static void
hour_routine(struct routine *r)
{
	struct exercise *e;

	routine_init(r);
	r->path = strdup("hour.cfg");
	r->version = 1, r->has[RS_version] = true;
	r->name = strdup("One hour"), r->has[RS_name] = true;
	r->has[RS_exercises] = true;
	r->lead_in = 5, r->rest = 30;

	e = add_ex(r, "Cat-camel");
	e->has[XS_tempo] = true, e->tempo[0] = 2, e->tempo[1] = 2.5, e->ntempo = 2;
	e->phases[0] = strdup("Arch"), e->phases[1] = strdup("Round");
	e->nphases = 2, e->has[XS_phases] = true;
	e->reps = 6, e->has[XS_reps] = true;
	e->sets_count = 2, e->has[XS_sets] = true;

	e = add_ex(r, "Curl-up");
	e->hold = 10, e->has[XS_hold] = true;
	e->hold_max = 30, e->has[XS_hold_max] = true;   /* what + may reach */
	pyramid(e, 5, 3, 1);

	e = add_ex(r, "Side bridge");
	e->hold = 7.3, e->has[XS_hold] = true;
	e->relax = 1.7, e->has[XS_relax] = true;
	e->sides = true, e->has[XS_sides] = true;
	pyramid(e, 5, 3, 1);

	e = add_ex(r, "Bird dog");
	e->hold = 8, e->has[XS_hold] = true;
	e->sides = true, e->has[XS_sides] = true;
	e->rest = 12.25, e->has[XS_rest] = true;
	e->lead_in = 3, e->has[XS_lead_in] = true;
	pyramid(e, 5, 3, 1);

	e = add_ex(r, "Short paced");
	e->has[XS_tempo] = true, e->tempo[0] = 1, e->ntempo = 1;
	e->reps = 4, e->has[XS_reps] = true;

	/* pad with a walk so that the plan is exactly one hour */
	struct plan p;
	assert_int_equal(plan_build(&p, r), 0);
	int64_t pad = 3600 * SEC - p.total_ns - 5 * SEC;
	plan_free(&p);
	e = add_ex(r, "Walk");
	e->duration = (double)pad / 1e9, e->has[XS_duration] = true;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct diags d = { 0 };

	hour_routine(&f->r);
	assert_int_equal(routine_validate(&f->r, &d), 0);
	diags_free(&d);
	assert_int_equal(plan_build(&f->p, &f->r), 0);
	assert_true(f->p.total_ns == 3600 * SEC);
	assert_int_equal(session_init(&f->s, &f->p), 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	session_free(&f->s);
	plan_free(&f->p);
	routine_free(&f->r);
	free(f);
	return 0;
}

/* A small deterministic PRNG: the jitter is the same on every run. */
static uint64_t rng = 88172645463325252ULL;
static uint64_t
rnd(uint64_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng % n;
}

/* Counts of what a run reported. */
struct tally {
	int started, finished;          /* EV_STEP_STARTED, EV_STEP_FINISHED */
	int ex_finished;                /* EV_EXERCISE_FINISHED */
	int session_finished;           /* EV_SESSION_FINISHED */
	int ticks;                      /* EV_TICK */
};

static void
count(struct tally *t, unsigned ev)
{
	t->started += !!(ev & EV_STEP_STARTED);
	t->finished += !!(ev & EV_STEP_FINISHED);
	t->ex_finished += !!(ev & EV_EXERCISE_FINISHED);
	t->session_finished += !!(ev & EV_SESSION_FINISHED);
	t->ticks += !!(ev & EV_TICK);
}

/* Wakes at jittered times around each deadline (early, on time, late by
 * up to 1.5 s) until the session is over, checking at every wake-up that
 * the deadline is in the future and the time left adds up. */
static void
run_jittered(struct session *s, int64_t now, int64_t paused, int64_t *last)
{
	const int64_t total = s->plan->total_ns;

	while (session_running(s)) {
		int64_t dl = session_next_deadline(s);
		assert_true(dl != SESSION_NEVER);
		assert_true(dl > now);
		switch (rnd(4)) {
		case 0: now = dl; break;
		case 1: now = dl - 1 - (int64_t)rnd(SEC / 2); break;
		default: now = dl + (int64_t)rnd(3 * SEC / 2); break;
		}
		if (now <= *last)
			now = *last + 1;
		*last = now;
		unsigned ev = session_advance(s, now);
		assert_int_equal(session_advance(s, now), 0);   /* reported once */
		if (session_running(s)) {
			assert_true(session_total_left(s, now) ==
			    T0 + total + paused - now);
		} else {
			assert_true(ev & EV_SESSION_FINISHED);
		}
	}
}

static void
test_hour_jittered(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	int64_t last = T0;

	assert_int_equal(session_start(s, T0), EV_STEP_STARTED);
	assert_int_equal(session_cue(s, EV_STEP_STARTED), CUE_READY);
	run_jittered(s, T0, 0, &last);
	assert_int_equal(s->state, SESSION_DONE);
	assert_true(s->ended_at == T0 + 3600 * SEC);    /* to the nanosecond */
	assert_true(session_elapsed(s, last) == 3600 * SEC);
	assert_int_equal(session_advance(s, last + SEC), 0);
	assert_true(session_next_deadline(s) == SESSION_NEVER);
}

/* Woken exactly at each deadline: every step starts and finishes once,
 * every exercise finishes once, the session once, at the plan's end. */
static void
test_hour_at_deadlines(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	struct tally t = { 0 };
	int64_t now = T0;

	count(&t, session_start(s, now));
	while (session_running(s)) {
		int64_t dl = session_next_deadline(s);
		assert_true(dl > now);
		now = dl;
		unsigned ev = session_advance(s, now);
		assert_true(ev != 0);           /* a deadline is never idle */
		count(&t, ev);
		if (ev & EV_STEP_STARTED)
			assert_true(s->step_start == now || !session_running(s));
	}
	assert_true(now == T0 + 3600 * SEC);
	assert_true(s->ended_at == T0 + 3600 * SEC);
	assert_int_equal(t.started, f->p.n);
	assert_int_equal(t.finished, f->p.n);
	assert_int_equal(t.ex_finished, f->r.nex);
	assert_int_equal(t.session_finished, 1);
	assert_int_equal(session_cue(s, EV_SESSION_FINISHED), CUE_TIMER_DONE);
}

/* One late wake-up far past the end finishes the whole session at the
 * plan's end, not at the late time. */
static void
test_hour_one_late_wakeup(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;

	session_start(s, T0);
	unsigned ev = session_advance(s, T0 + 5 * 3600 * SEC);
	assert_true(ev & EV_SESSION_FINISHED);
	assert_true(ev & EV_EXERCISE_FINISHED);
	assert_true(s->ended_at == T0 + 3600 * SEC);
}

/* The 3-2-1 ticks: once each, in order, at 3, 2 and 1 s before the end
 * of every step of 5 s or more; never in shorter steps. */
static void
test_ticks(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	int64_t now = T0;
	int long_steps = 0, ticks = 0;

	session_start(s, now);
	int cur = 0, expect = 3;
	while (session_running(s)) {
		now = session_next_deadline(s);
		int before = s->cur;
		int64_t end = s->step_start + s->step_ns;
		unsigned ev = session_advance(s, now);
		if (ev & EV_TICK) {
			ticks++;
			assert_int_equal(s->cur, before);
			assert_true(f->p.steps[s->cur].ns >= 5 * SEC);
			assert_int_equal(s->tick, expect);
			assert_true(now == end - expect * SEC);
			assert_int_equal(session_cue(s, ev), CUE_TICK);
			expect--;
		}
		if (ev & EV_STEP_FINISHED) {
			/* the step that ended had all three ticks, or none */
			if (f->p.steps[cur].ns >= 5 * SEC) {
				long_steps++;
				assert_int_equal(expect, 0);
			} else {
				assert_int_equal(expect, 3);
			}
			cur = s->cur;
			expect = 3;
		}
	}
	assert_true(long_steps > 10);
	assert_int_equal(ticks, 3 * long_steps);
}

/* Ticks with jittered wake-ups: never repeated, never out of order. */
static void
test_ticks_jittered(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	int64_t now = T0;
	int cur = 0, lastk = 4;

	session_start(s, now);
	while (session_running(s)) {
		now = session_next_deadline(s) + (int64_t)rnd(SEC / 3);
		unsigned ev = session_advance(s, now);
		if (s->cur != cur || (ev & EV_STEP_STARTED)) {
			cur = s->cur;
			lastk = 4;
		}
		if (ev & EV_TICK) {
			assert_true(s->tick < lastk);
			assert_true(s->tick >= 1);
			assert_true(f->p.steps[s->cur].ns >= 5 * SEC);
			lastk = s->tick;
		}
	}
	assert_true(s->ended_at == T0 + 3600 * SEC);
}

static void
test_one_long_pause(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	int64_t last = T0;

	session_start(s, T0);
	int64_t at = T0 + 1234 * SEC + 567;
	session_advance(s, at - SEC);
	int64_t left = session_step_left(s, at);
	int cur = s->cur;
	assert_true(session_pause(s, at) & EV_PAUSED);
	assert_int_equal(s->state, SESSION_PAUSED);
	assert_true(session_next_deadline(s) == SESSION_NEVER);
	/* while paused nothing happens and the countdown stands still */
	for (int64_t t = at; t < at + 600 * SEC; t += 7 * SEC) {
		assert_int_equal(session_advance(s, t), 0);
		assert_true(session_step_left(s, t) == left);
		assert_true(session_total_left(s, t) == 3600 * SEC - 1234 * SEC - 567);
		assert_true(session_elapsed(s, t) == 1234 * SEC + 567);
	}
	unsigned ev = session_resume(s, at + 600 * SEC);
	assert_true(ev & EV_RESUMED);
	assert_int_equal(s->cur, cur);
	assert_true(session_step_left(s, at + 600 * SEC) == left);
	last = at + 600 * SEC;
	run_jittered(s, last, 600 * SEC, &last);
	assert_true(s->ended_at == T0 + 3600 * SEC + 600 * SEC);
	assert_true(s->paused_ns == 600 * SEC);
	assert_true(session_elapsed(s, last) == 3600 * SEC);
}

/* Many short pauses, of odd lengths, at odd moments: ten minutes in all. */
static void
test_many_short_pauses(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	int64_t now = T0, paused = 0;
	const int64_t budget = 600 * SEC;

	session_start(s, now);
	while (session_running(s)) {
		int64_t dl = session_next_deadline(s);
		assert_true(dl > now);
		now += 1 + (int64_t)rnd((uint64_t)(dl - now));  /* in (now, dl] */
		session_advance(s, now);
		if (paused < budget && rnd(3) == 0 && session_running(s)) {
			int64_t len = 1 + (int64_t)rnd(20 * SEC);
			if (len > budget - paused)
				len = budget - paused;
			int64_t left = session_step_left(s, now);
			assert_true(session_pause(s, now) & EV_PAUSED);
			/* pausing twice, or advancing, changes nothing */
			assert_int_equal(session_pause(s, now + len / 2), 0);
			assert_int_equal(session_advance(s, now + len / 2), 0);
			now += len;
			assert_true(session_resume(s, now) & EV_RESUMED);
			assert_int_equal(session_resume(s, now), 0);
			assert_true(session_step_left(s, now) == left);
			paused += len;
		}
	}
	assert_true(paused == budget);
	assert_true(s->paused_ns == budget);
	assert_true(s->ended_at == T0 + 3600 * SEC + budget);
}

/* Runs to the middle of step i (at its start + half its length). */
static int64_t
to_mid_step(struct session *s, int i)
{
	int64_t now = s->started_at;

	while (s->cur < i) {
		now = s->step_start + s->step_ns;
		session_advance(s, now);
	}
	now = s->step_start + s->step_ns / 2;
	session_advance(s, now);
	assert_int_equal(s->cur, i);
	return now;
}

static void
test_next_and_back(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;

	session_start(s, T0);
	int64_t now = to_mid_step(s, 3);
	unsigned ev = session_next(s, now);
	assert_true(ev & EV_STEP_FINISHED);
	assert_true(ev & EV_STEP_STARTED);
	assert_int_equal(s->cur, 4);
	assert_true(s->step_start == now);              /* starts now */
	assert_true(session_step_left(s, now) == f->p.steps[4].ns);
	assert_true(session_total_left(s, now) == s->after_ns[3]);
	assert_int_equal(session_cue(s, ev), f->p.steps[4].cue);

	now += SEC;
	ev = session_back(s, now);
	assert_true(ev & EV_STEP_STARTED);
	assert_int_equal(s->cur, 3);                    /* the previous step */
	assert_true(s->step_start == now);
	assert_true(session_step_left(s, now) == f->p.steps[3].ns);  /* in full */
	assert_true(session_total_left(s, now) == s->after_ns[2]);

	/* at the plan's first step, back restarts it */
	session_free(s);
	session_init(s, &f->p);
	session_start(s, T0);
	session_advance(s, T0 + 2 * SEC);
	assert_true(session_back(s, T0 + 2 * SEC) & EV_STEP_STARTED);
	assert_int_equal(s->cur, 0);
	assert_true(s->step_start == T0 + 2 * SEC);

	/* next and back while paused: the step clock stays frozen */
	session_pause(s, T0 + 3 * SEC);
	session_next(s, T0 + 10 * SEC);
	assert_int_equal(s->cur, 1);
	assert_int_equal(s->state, SESSION_PAUSED);
	assert_true(session_step_left(s, T0 + 50 * SEC) == f->p.steps[1].ns);
	session_resume(s, T0 + 60 * SEC);
	assert_true(session_step_left(s, T0 + 60 * SEC) == f->p.steps[1].ns);
	assert_true(session_next_deadline(s) > T0 + 60 * SEC);
}

/* Next pressed on the last step ends the session, now. */
static void
test_next_on_last_step(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;

	session_start(s, T0);
	int64_t now = to_mid_step(s, f->p.n - 1);
	unsigned ev = session_next(s, now);
	assert_true(ev & EV_SESSION_FINISHED);
	assert_int_equal(s->state, SESSION_DONE);
	assert_true(s->ended_at == now);
	assert_int_equal(session_next(s, now + SEC), 0);
}

static void
test_skip_exercise(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	struct hist_exercise o;

	session_start(s, T0);
	/* N during exercise 0's lead-in: no work done, SKIPPED */
	unsigned ev = session_skip_exercise(s, T0 + 2 * SEC);
	assert_true(ev & EV_EXERCISE_FINISHED);
	assert_true(ev & EV_STEP_STARTED);
	assert_int_equal(s->cur, f->p.ex_start[1]);
	assert_true(s->step_start == T0 + 2 * SEC);
	session_outcome(s, 0, &o);
	assert_int_equal(o.status, EXS_SKIPPED);
	assert_true(o.worked_s == 0);
	assert_int_equal(o.reps_done, 0);
	assert_int_equal(o.sets_done, 0);

	/* N in the middle of exercise 1's third hold: PARTIAL, two reps */
	int third = f->p.ex_start[1] + 1 + 4;   /* lead-in, H R H R, then H */
	assert_int_equal(f->p.steps[third].kind, STEP_HOLD);
	assert_int_equal(f->p.steps[third].rep, 3);
	int64_t now = to_mid_step(s, third);
	session_skip_exercise(s, now);
	assert_int_equal(s->cur, f->p.ex_start[2]);
	session_outcome(s, 1, &o);
	assert_int_equal(o.status, EXS_PARTIAL);
	assert_int_equal(o.reps_done, 2);
	assert_int_equal(o.reps_planned, 9);
	assert_int_equal(o.sets_done, 0);
	assert_int_equal(o.sets_planned, 3);
	assert_true(o.worked_s == 2 * 10 + 5);
	session_outcome(s, 2, &o);
	assert_int_equal(o.status, EXS_PENDING);

	/* N a fraction of a second into exercise 2's first work step: less
	 * than a second worked, nothing done to speak of: SKIPPED */
	int first = f->p.ex_start[2] + 1;
	while (s->cur < first) {
		now = s->step_start + s->step_ns;
		session_advance(s, now);
	}
	assert_true(f->p.steps[first].work);
	now = s->step_start + SEC / 3;
	session_skip_exercise(s, now);
	session_outcome(s, 2, &o);
	assert_int_equal(o.status, EXS_SKIPPED);
	assert_true(o.worked_s == 0);

	/* N on the last exercise ends the session */
	while (s->plan->steps[s->cur].ex < f->r.nex - 1)
		session_skip_exercise(s, now += SEC);
	ev = session_skip_exercise(s, now += SEC);
	assert_true(ev & EV_SESSION_FINISHED);
	assert_true(s->ended_at == now);
	session_outcome(s, f->r.nex - 1, &o);
	assert_int_equal(o.status, EXS_SKIPPED);
}

static void
test_adjust(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;

	session_start(s, T0);
	int hold = f->p.ex_start[1] + 1;
	int64_t now = to_mid_step(s, hold);             /* 5 s into a 10 s hold */
	int64_t end = s->step_start + s->step_ns;
	unsigned ev = session_adjust(s, now, SESSION_ADJUST_NS);
	assert_true(ev & EV_ADJUSTED);
	assert_true(s->step_start + s->step_ns == end + 5 * SEC);  /* exactly */
	assert_true(session_step_left(s, now) == 10 * SEC);
	assert_true(session_total_left(s, now) == s->after_ns[hold] + 10 * SEC);

	/* - with 10 s left: 5 s left */
	session_adjust(s, now, -SESSION_ADJUST_NS);
	assert_true(session_step_left(s, now) == 5 * SEC);
	/* - with 2 s left: the step ends now, never earlier */
	now += 3 * SEC;
	ev = session_adjust(s, now, -SESSION_ADJUST_NS);
	assert_true(ev & EV_STEP_FINISHED);
	assert_true(ev & EV_STEP_STARTED);
	assert_int_equal(s->cur, hold + 1);
	assert_true(s->step_start == now);
	struct hist_exercise o;
	session_outcome(s, 1, &o);
	assert_true(o.worked_s >= 5);

	/* the whole session ends 5 s + ... later: + then run to the end */
	int64_t before_end = now + session_total_left(s, now);
	session_adjust(s, now, SESSION_ADJUST_NS);
	while (session_running(s))
		session_advance(s, session_next_deadline(s));
	assert_true(s->ended_at == before_end + 5 * SEC);
}

/* + during the last 3 s of a step gives its 3-2-1 again, once each. */
static void
test_adjust_ticks(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	int ticks = 0;

	session_start(s, T0);
	int hold = f->p.ex_start[1] + 1;
	to_mid_step(s, hold);
	int64_t end = s->step_start + s->step_ns;
	session_advance(s, end - 3 * SEC);
	session_advance(s, end - 2 * SEC);
	session_adjust(s, end - 2 * SEC, SESSION_ADJUST_NS);
	int64_t now = end - 2 * SEC;
	while (s->cur == hold) {
		now = session_next_deadline(s);
		assert_true(now > end - 2 * SEC);
		if (session_advance(s, now) & EV_TICK)
			ticks++;
	}
	assert_int_equal(ticks, 3);
	assert_true(now == end + 5 * SEC);
}

/* + stops at the step's ceiling, which comes from the routine alone: a
 * hold at its exercise's hold_max, a hold without one as planned, a rest
 * a minute more than planned; - still works from there. */
static void
test_adjust_ceiling(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;

	session_start(s, T0);
	int hold = f->p.ex_start[1] + 1;                /* Curl-up: 10 s, max 30 */
	int64_t now = to_mid_step(s, hold);
	for (int i = 0; i < 10; i++)
		session_adjust(s, now, SESSION_ADJUST_NS);
	assert_true(s->step_ns == 30 * SEC);
	assert_true(session_step_ceiling(s) == 30 * SEC);
	session_adjust(s, now, -SESSION_ADJUST_NS);
	assert_true(s->step_ns == 25 * SEC);

	int bridge = f->p.ex_start[2];                  /* Side bridge: no max */
	while (f->p.steps[bridge].kind != STEP_HOLD)
		bridge++;
	now = to_mid_step(s, bridge);
	int64_t planned = f->p.steps[bridge].ns;
	session_adjust(s, now, SESSION_ADJUST_NS);
	assert_true(s->step_ns == planned);             /* refused */

	int rest = bridge;
	while (f->p.steps[rest].kind == STEP_HOLD)
		rest++;
	now = to_mid_step(s, rest);
	planned = f->p.steps[rest].ns;
	for (int i = 0; i < 100; i++)
		session_adjust(s, now, SESSION_ADJUST_NS);
	assert_true(s->step_ns == planned + PLAN_MORE_REST_NS);
	session_adjust(s, now, -SESSION_ADJUST_NS);
	session_adjust(s, now, SESSION_ADJUST_NS);
	assert_true(s->step_ns == planned + PLAN_MORE_REST_NS);
}

static void
test_quit(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	struct hist_exercise o;

	session_start(s, T0);
	int64_t now = to_mid_step(s, f->p.ex_start[1] + 3);   /* 2nd hold */
	unsigned ev = session_quit(s, now);
	assert_true(ev & EV_SESSION_FINISHED);
	assert_int_equal(s->state, SESSION_QUIT);
	assert_true(s->ended_at == now);
	assert_true(session_over(s));
	assert_false(session_running(s));
	assert_int_equal(session_cue(s, ev), CUE_NONE);
	assert_true(session_next_deadline(s) == SESSION_NEVER);
	assert_int_equal(session_quit(s, now + SEC), 0);
	assert_int_equal(session_advance(s, now + SEC), 0);

	session_outcome(s, 0, &o);
	assert_int_equal(o.status, EXS_COMPLETED);
	assert_int_equal(o.reps_done, 12);
	assert_int_equal(o.sets_done, 2);
	session_outcome(s, 1, &o);
	assert_int_equal(o.status, EXS_PARTIAL);
	assert_int_equal(o.reps_done, 1);
	assert_true(o.worked_s == 15);
	for (int ex = 2; ex < f->r.nex; ex++) {
		session_outcome(s, ex, &o);
		assert_int_equal(o.status, EXS_PENDING);
		assert_true(o.worked_s == 0);
	}

	/* quit while paused: the pause counts as paused, not worked */
	session_free(s);
	session_init(s, &f->p);
	session_start(s, T0);
	session_pause(s, T0 + 2 * SEC);
	session_quit(s, T0 + 100 * SEC);
	assert_int_equal(s->state, SESSION_QUIT);
	assert_true(session_elapsed(s, T0 + 100 * SEC) == 2 * SEC);
}

/* The record of a quit session: its exercises named and counted as
 * session_outcome() says, its time the time it ran. */
static void
test_record(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	struct hist_exercise ex[16];
	struct hist_session rec;

	assert_true(f->r.nex <= 16);
	history_session_init(&rec, "fixture", f->r.name, ex, f->r.nex);
	session_start(s, T0);
	int64_t now = to_mid_step(s, f->p.ex_start[1] + 3);   /* 2nd hold */
	session_quit(s, now);
	session_record(s, now + 60 * SEC, &rec);
	assert_true(rec.duration_s == (now - T0 + SEC / 2) / SEC);
	assert_int_equal(rec.ex_completed, 1);
	assert_int_equal(rec.ex_skipped, 0);
	assert_int_equal(rec.ex_total, f->r.nex);
	assert_string_equal(rec.ex[0].name, f->r.ex[0].name);
	assert_int_equal(rec.ex[1].status, EXS_PARTIAL);
	assert_true(rec.worked_s == rec.ex[0].worked_s + rec.ex[1].worked_s);
	assert_int_equal(rec.pain_before, -1);
	assert_string_equal(rec.note, "");
	assert_true(rec.clock_s == rec.duration_s);     /* no pause */

	/* paused 40 s: not in the duration, on the clock */
	session_free(s);
	session_init(s, &f->p);
	history_session_init(&rec, "fixture", f->r.name, ex, f->r.nex);
	session_start(s, T0);
	session_pause(s, T0 + 2 * SEC);
	session_resume(s, T0 + 42 * SEC);
	session_quit(s, T0 + 50 * SEC);
	session_record(s, T0 + 99 * SEC, &rec);
	assert_true(rec.duration_s == 10);
	assert_true(rec.clock_s == 50);
}

/* After a full run, every outcome is COMPLETED with what the plan said. */
static void
test_outcome_full_run(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	int64_t last = T0;

	session_start(s, T0);
	run_jittered(s, T0, 0, &last);
	for (int ex = 0; ex < f->r.nex; ex++) {
		const struct exercise *e = &f->r.ex[ex];
		struct hist_exercise o;
		int64_t work = 0;
		int reps = 0;
		for (int i = 0; i < f->p.n; i++)
			if (f->p.steps[i].ex == ex && f->p.steps[i].work)
				work += f->p.steps[i].ns;
		for (int k = 0; k < exercise_nsets(e); k++)
			reps += (int)exercise_set_reps(e, k) * (e->sides ? 2 : 1);
		session_outcome(s, ex, &o);
		assert_int_equal(o.status, EXS_COMPLETED);
		assert_true(o.worked_s == (work + SEC / 2) / SEC);
		assert_int_equal(o.reps_done, reps);
		assert_int_equal(o.reps_planned, reps);
		assert_int_equal(o.sets_done, exercise_nsets(e));
		assert_int_equal(o.sets_planned, exercise_nsets(e));
	}
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_hour_jittered),
		T(test_hour_at_deadlines),
		T(test_hour_one_late_wakeup),
		T(test_ticks),
		T(test_ticks_jittered),
		T(test_one_long_pause),
		T(test_many_short_pauses),
		T(test_next_and_back),
		T(test_next_on_last_step),
		T(test_skip_exercise),
		T(test_adjust),
		T(test_adjust_ticks),
		T(test_adjust_ceiling),
		T(test_quit),
		T(test_outcome_full_run),
		T(test_record),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
