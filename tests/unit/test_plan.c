/*
 * test_plan.c - plan_build(): a routine expanded into its steps, in the
 * order, with the durations, positions, labels and cues ROUTINE-FORMAT.md
 * describes; and the clock formatting used by `show` and the screen.
 *
 * Linked against the pure core only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "plan.h"

#define S(x) ((int64_t)((x) * 1000000000.0 + 0.5))

static void
start_routine(struct routine *r, double lead_in, double rest)
{
	routine_init(r);
	r->path = strdup("t.cfg");
	r->version = 1, r->has[RS_version] = true;
	r->name = strdup("T"), r->has[RS_name] = true;
	r->has[RS_exercises] = true;
	r->lead_in = lead_in;
	r->rest = rest;
}

static struct exercise *
add_hold(struct routine *r, const char *name, double hold)
{
	struct exercise *e = routine_add_exercise(r);
	e->name = strdup(name), e->has[XS_name] = true;
	e->hold = hold, e->has[XS_hold] = true;
	return e;
}

static struct exercise *
add_tempo(struct routine *r, const char *name, int n, const double *t,
    const char *const *words)
{
	struct exercise *e = routine_add_exercise(r);
	e->name = strdup(name), e->has[XS_name] = true;
	e->has[XS_tempo] = true;
	for (int i = 0; i < n; i++) {
		e->tempo[i] = t[i];
		if (words) {
			e->phases[i] = strdup(words[i]);
			e->has[XS_phases] = true;
			e->nphases = n;
		}
	}
	e->ntempo = n;
	return e;
}

static struct exercise *
add_timer(struct routine *r, const char *name, double secs)
{
	struct exercise *e = routine_add_exercise(r);
	e->name = strdup(name), e->has[XS_name] = true;
	e->duration = secs, e->has[XS_duration] = true;
	return e;
}

static void
set_pyramid(struct exercise *e, int n, const int64_t *reps)
{
	for (int i = 0; i < n; i++)
		e->sets[i] = reps[i];
	e->nsets = n;
	e->has[XS_sets] = true;
}

/* Builds the plan, asserting the routine is valid and total_ns is the sum
 * of the steps. */
static void
build(struct plan *p, const struct routine *r)
{
	struct diags d = { 0 };

	assert_int_equal(routine_validate(r, &d), 0);
	diags_free(&d);
	assert_int_equal(plan_build(p, r), 0);
	int64_t sum = 0;
	for (int i = 0; i < p->n; i++) {
		assert_true(p->steps[i].ns > 0);     /* no empty steps */
		sum += p->steps[i].ns;
	}
	assert_true(sum == p->total_ns);
}

/* The kinds of the plan's steps as letters: L lead-in, H hold, R relax,
 * P phase, S rest, W switch sides, T timer. */
static void
kinds(const struct plan *p, char *buf)
{
	static const char letter[] = { 'L', 'H', 'R', 'P', 'S', 'W', 'T' };

	for (int i = 0; i < p->n; i++)
		buf[i] = letter[p->steps[i].kind];
	buf[p->n] = '\0';
}

static void
test_pyramid(void **state)
{
	static const int64_t pyr[] = { 5, 3, 1 };
	struct routine r;
	struct plan p;
	char k[256];

	(void)state;
	start_routine(&r, 5, 30);
	set_pyramid(add_hold(&r, "Curl-up", 10), 3, pyr);
	build(&p, &r);
	kinds(&p, k);
	/* relax between held reps, none after a set's last rep; a rest
	 * between sets, none after the last */
	assert_string_equal(k, "L" "HRHRHRHRH" "S" "HRHRH" "S" "H");
	assert_true(p.total_ns == S(5 + 9 * 10 + 6 * 2 + 2 * 30));
	assert_true(plan_exercise_ns(&p, 0) == p.total_ns);

	/* positions: set s of 3, rep r of the set's reps */
	int want_set[] = { 1, 1,1,1,1,1,1,1,1,1, 1, 2,2,2,2,2, 2, 3 };
	int want_rep[] = { 0, 1,1,2,2,3,3,4,4,5, 0, 1,1,2,2,3, 0, 1 };
	int want_nreps[] = { 0, 5,5,5,5,5,5,5,5,5, 0, 3,3,3,3,3, 0, 1 };
	for (int i = 0; i < p.n; i++) {
		assert_int_equal(p.steps[i].set, want_set[i]);
		assert_int_equal(p.steps[i].nsets, 3);
		assert_int_equal(p.steps[i].rep, want_rep[i]);
		assert_int_equal(p.steps[i].nreps, want_nreps[i]);
		assert_int_equal(p.steps[i].side, 0);
		assert_int_equal(p.steps[i].ex, 0);
		assert_int_equal(p.steps[i].last_of_ex, i == p.n - 1);
		assert_int_equal(p.steps[i].work, p.steps[i].kind == STEP_HOLD);
	}
	assert_string_equal(p.steps[0].label, "Get ready");
	assert_string_equal(p.steps[1].label, "Hold");
	assert_string_equal(p.steps[2].label, "Relax");
	assert_string_equal(p.steps[10].label, "Rest");
	assert_true(p.steps[1].ns == S(10));
	assert_true(p.steps[2].ns == S(2));
	assert_true(p.steps[10].ns == S(30));
	plan_free(&p);
	routine_free(&r);
}

static void
test_sides(void **state)
{
	struct routine r;
	struct plan p;
	char k[256];

	(void)state;
	start_routine(&r, 5, 15);
	struct exercise *e = add_hold(&r, "Side bridge", 10);
	e->has[XS_sets] = true, e->sets_count = 2;
	e->has[XS_reps] = true, e->reps = 2;
	e->has[XS_sides] = true, e->sides = true;
	build(&p, &r);
	kinds(&p, k);
	/* every set on the left, then on the right, a switch between them */
	assert_string_equal(k, "L" "HRH" "W" "HRH" "S" "HRH" "W" "HRH");
	int want_side[] = { 1, 1,1,1, 2, 2,2,2, 0, 1,1,1, 2, 2,2,2 };
	int want_set[] = { 1, 1,1,1, 1, 1,1,1, 1, 2,2,2, 2, 2,2,2 };
	for (int i = 0; i < p.n; i++) {
		assert_int_equal(p.steps[i].side, want_side[i]);
		assert_int_equal(p.steps[i].set, want_set[i]);
	}
	assert_string_equal(p.steps[4].label, "Switch sides");
	assert_int_equal(p.steps[4].cue, CUE_SWITCH);
	assert_true(p.steps[4].ns == S(15));
	assert_string_equal(plan_side_name(&p, &p.steps[1]), "left");
	assert_string_equal(plan_side_name(&p, &p.steps[5]), "right");
	assert_string_equal(plan_side_name(&p, &p.steps[8]), "");
	/* what "Next:" says: the side and the set, not just "Hold" */
	char next[128];
	plan_step_next(&p, &p.steps[5], next, sizeof next);
	assert_string_equal(next, "Hold, right side, set 1 of 2, rep 1 of 2 (10 s)");
	plan_step_next(&p, &p.steps[4], next, sizeof next);
	assert_string_equal(next, "Switch sides, right side, set 1 of 2 (15 s)");
	plan_step_next(&p, &p.steps[8], next, sizeof next);
	assert_string_equal(next, "Rest, set 1 of 2 (15 s)");
	plan_step_next(&p, &p.steps[9], next, sizeof next);
	assert_string_equal(next, "Hold, left side, set 2 of 2, rep 1 of 2 (10 s)");
	plan_step_next(&p, &p.steps[0], next, sizeof next);
	assert_string_equal(next, "Get ready, left side (5 s)");
	plan_free(&p);

	/* named sides, and a zero rest: no switch or rest step at all */
	e->side_names[0] = strdup("near");
	e->side_names[1] = strdup("far");
	e->has[XS_rest] = true, e->rest = 0;
	build(&p, &r);
	kinds(&p, k);
	assert_string_equal(k, "L" "HRH" "HRH" "HRH" "HRH");
	assert_string_equal(plan_side_name(&p, &p.steps[1]), "near");
	assert_string_equal(plan_side_name(&p, &p.steps[4]), "far");
	plan_step_next(&p, &p.steps[4], next, sizeof next);
	assert_string_equal(next, "Hold, far, set 1 of 2, rep 1 of 2 (10 s)");
	plan_free(&p);
	routine_free(&r);
}

static void
test_exercise_boundaries(void **state)
{
	static const double t1[] = { 3 };
	struct routine r;
	struct plan p;
	char k[256];

	(void)state;
	start_routine(&r, 5, 30);
	struct exercise *a = add_hold(&r, "A", 10);
	a->has[XS_sets] = true, a->sets_count = 2;
	add_tempo(&r, "B", 1, t1, NULL)->has[XS_reps] = true;
	r.ex[1].reps = 2;
	add_timer(&r, "C", 60);
	add_hold(&r, "D", 4);
	build(&p, &r);
	kinds(&p, k);
	/* no rest after an exercise's last set, none between exercises: the
	 * next exercise's lead-in follows at once */
	assert_string_equal(k, "LHSH" "LPP" "LT" "LH");
	assert_int_equal(p.ex_start[0], 0);
	assert_int_equal(p.ex_start[1], 4);
	assert_int_equal(p.ex_start[2], 7);
	assert_int_equal(p.ex_start[3], 9);
	for (int i = 0; i < p.n; i++) {
		int last = i == 3 || i == 6 || i == 8 || i == 10;
		assert_int_equal(p.steps[i].last_of_ex, last);
	}
	/* cues: READY for the first lead-in; later lead-ins say what ended */
	assert_int_equal(p.steps[0].cue, CUE_READY);
	assert_int_equal(p.steps[4].cue, CUE_EXERCISE_DONE);
	assert_int_equal(p.steps[7].cue, CUE_EXERCISE_DONE);
	assert_int_equal(p.steps[9].cue, CUE_TIMER_DONE);
	assert_int_equal(p.steps[1].cue, CUE_GO);
	assert_int_equal(p.steps[2].cue, CUE_REST);
	assert_int_equal(p.steps[5].cue, CUE_PHASE);
	assert_int_equal(p.steps[8].cue, CUE_GO);
	assert_string_equal(p.steps[8].label, "Time");
	assert_true(p.steps[8].ns == S(60));
	int64_t sum = 0;
	for (int ex = 0; ex < r.nex; ex++)
		sum += plan_exercise_ns(&p, ex);
	assert_true(sum == p.total_ns);
	assert_true(plan_exercise_ns(&p, 2) == S(5 + 60));
	plan_free(&p);

	/* a zero lead-in adds no step: the exercises join directly */
	r.lead_in = 0;
	build(&p, &r);
	kinds(&p, k);
	assert_string_equal(k, "HSH" "PP" "T" "H");
	assert_int_equal(p.steps[0].cue, CUE_GO);
	assert_int_equal(p.ex_start[3], 6);
	plan_free(&p);

	/* an exercise's own lead_in overrides the routine's */
	r.ex[2].has[XS_lead_in] = true, r.ex[2].lead_in = 2.5;
	build(&p, &r);
	kinds(&p, k);
	assert_string_equal(k, "HSH" "PP" "LT" "H");
	assert_true(p.steps[5].ns == S(2.5));
	assert_int_equal(p.steps[5].cue, CUE_EXERCISE_DONE);
	plan_free(&p);
	routine_free(&r);
}

static void
test_relax(void **state)
{
	struct routine r;
	struct plan p;
	char k[256];

	(void)state;
	start_routine(&r, 0, 10);
	struct exercise *e = add_hold(&r, "A", 6);
	e->has[XS_reps] = true, e->reps = 3;
	e->has[XS_sets] = true, e->sets_count = 2;
	e->has[XS_relax] = true, e->relax = 1.5;
	build(&p, &r);
	kinds(&p, k);
	assert_string_equal(k, "HRHRH" "S" "HRHRH");
	assert_true(p.steps[1].ns == S(1.5));
	assert_int_equal(p.steps[1].cue, CUE_RELAX);
	assert_int_equal(p.steps[1].rep, 1);    /* the relax after rep 1 */
	assert_int_equal(p.steps[1].work, 0);
	assert_true(p.total_ns == S(6 * 6 + 4 * 1.5 + 10));
	plan_free(&p);

	e->relax = 0;                           /* zero relax: no step */
	build(&p, &r);
	kinds(&p, k);
	assert_string_equal(k, "HHH" "S" "HHH");
	plan_free(&p);
	routine_free(&r);
}

static void
test_tempo(void **state)
{
	static const double t[] = { 2, 0.5, 3 };
	static const char *const words[] = { "Up", "Hold", "Down" };
	struct routine r;
	struct plan p;
	char k[256];

	(void)state;
	start_routine(&r, 5, 15);
	struct exercise *e = add_tempo(&r, "Bridge", 3, t, words);
	e->has[XS_reps] = true, e->reps = 2;
	build(&p, &r);
	kinds(&p, k);
	assert_string_equal(k, "LPPPPPP");      /* no relax between paced reps */
	for (int i = 1; i < p.n; i++) {
		int ph = (i - 1) % 3;
		assert_string_equal(p.steps[i].label, words[ph]);
		assert_int_equal(p.steps[i].phase, ph + 1);
		assert_int_equal(p.steps[i].rep, (i - 1) / 3 + 1);
		assert_int_equal(p.steps[i].nreps, 2);
		assert_true(p.steps[i].ns == S(t[ph]));
		assert_int_equal(p.steps[i].cue, CUE_PHASE);
		assert_int_equal(p.steps[i].work, 1);
	}
	assert_true(p.total_ns == S(5 + 2 * 5.5));
	plan_free(&p);
	routine_free(&r);

	/* a single tempo, no phases: one "Move" per rep, 10 reps by default */
	start_routine(&r, 0, 15);
	add_tempo(&r, "Cat-camel", 1, t, NULL);
	build(&p, &r);
	assert_int_equal(p.n, 10);
	for (int i = 0; i < p.n; i++) {
		assert_string_equal(p.steps[i].label, "Move");
		assert_int_equal(p.steps[i].phase, 1);
		assert_int_equal(p.steps[i].rep, i + 1);
	}
	assert_true(p.total_ns == S(20));
	plan_free(&p);
	routine_free(&r);
}

static void
test_timer_sides(void **state)
{
	struct routine r;
	struct plan p;
	char k[256];

	(void)state;
	start_routine(&r, 5, 20);
	struct exercise *e = add_timer(&r, "Stretch", 30);
	e->has[XS_sides] = true, e->sides = true;
	build(&p, &r);
	kinds(&p, k);
	assert_string_equal(k, "LTWT");
	assert_int_equal(p.steps[1].side, 1);
	assert_int_equal(p.steps[3].side, 2);
	assert_int_equal(p.steps[3].last_of_ex, 1);
	assert_true(p.total_ns == S(5 + 30 + 20 + 30));
	plan_free(&p);
	routine_free(&r);
}

/* Fractional seconds are exact nanoseconds, however many are summed. */
static void
test_exact_ns(void **state)
{
	struct routine r;
	struct plan p;

	(void)state;
	assert_true(plan_ns(0.1) == INT64_C(100000000));
	assert_true(plan_ns(2.5) == INT64_C(2500000000));
	assert_true(plan_ns(86400) == INT64_C(86400000000000));
	start_routine(&r, 0.1, 0.3);
	struct exercise *e = add_hold(&r, "A", 0.1);
	e->has[XS_reps] = true, e->reps = 1000;
	e->has[XS_relax] = true, e->relax = 0.2;
	e->has[XS_sets] = true, e->sets_count = 3;
	build(&p, &r);
	assert_int_equal(p.n, 1 + 3 * 1999 + 2);
	assert_true(p.total_ns == INT64_C(100000000) + 3 * (1000 * INT64_C(100000000) +
	    999 * INT64_C(200000000)) + 2 * INT64_C(300000000));
	plan_free(&p);
	routine_free(&r);
}

static void
test_empty(void **state)
{
	struct routine r;
	struct plan p;

	(void)state;
	start_routine(&r, 5, 15);
	assert_int_equal(plan_build(&p, &r), 0);
	assert_int_equal(p.n, 0);
	assert_true(p.total_ns == 0);
	plan_free(&p);
	routine_free(&r);
}

static void
test_format(void **state)
{
	char b[32];

	(void)state;
	plan_format_clock(0, b, sizeof b);
	assert_string_equal(b, "0:00");
	plan_format_clock(S(45), b, sizeof b);
	assert_string_equal(b, "0:45");
	plan_format_clock(S(59.4), b, sizeof b);
	assert_string_equal(b, "0:59");
	plan_format_clock(S(59.5), b, sizeof b);  /* to the nearest second */
	assert_string_equal(b, "1:00");
	plan_format_clock(S(750), b, sizeof b);
	assert_string_equal(b, "12:30");
	plan_format_clock(S(3599), b, sizeof b);
	assert_string_equal(b, "59:59");
	plan_format_clock(S(3600), b, sizeof b);
	assert_string_equal(b, "1:00:00");
	plan_format_clock(S(3903), b, sizeof b);
	assert_string_equal(b, "1:05:03");
	plan_format_clock(S(86400) * 3, b, sizeof b);
	assert_string_equal(b, "72:00:00");

	plan_format_duration(0, b, sizeof b);
	assert_string_equal(b, "0 s");
	plan_format_duration(S(45), b, sizeof b);
	assert_string_equal(b, "45 s");
	plan_format_duration(S(59.6), b, sizeof b);
	assert_string_equal(b, "1:00");
	plan_format_duration(S(750), b, sizeof b);
	assert_string_equal(b, "12:30");
	plan_format_duration(S(3903), b, sizeof b);
	assert_string_equal(b, "1:05:03");

	char small[5];                  /* truncated, never overrun */
	memset(b, 'Z', sizeof b);
	plan_format_clock(S(3903), small, sizeof small);
	assert_string_equal(small, "1:05");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pyramid),
		cmocka_unit_test(test_sides),
		cmocka_unit_test(test_exercise_boundaries),
		cmocka_unit_test(test_relax),
		cmocka_unit_test(test_tempo),
		cmocka_unit_test(test_timer_sides),
		cmocka_unit_test(test_exact_ns),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
