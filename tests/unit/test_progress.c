/*
 * test_progress.c - the progression rule and the dose steps (progress.c)
 * over hand-made histories and exercises: progress, wait for the next
 * morning, repeat, step back, the ceiling reached, never below the start.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "progress.h"
#include "dose.h"
#include "routine_text.h"

static const struct progress_session good = {
	.completed = true, .pain_before = 3, .pain_after = 2, .pain_max = 4,
	.next_day = NEXT_DAY_SAME,
};

static enum progress_what
rule(const struct progress_session *v, int n)
{
	return progress_rule(v, n).what;
}

static void
test_two_good_sessions_progress(void **state)
{
	struct progress_session two[2] = { good, good };

	(void)state;
	assert_int_equal(rule(NULL, 0), PROGRESS_REPEAT);
	assert_int_equal(rule(two, 1), PROGRESS_REPEAT);     /* one is not two */
	assert_int_equal(rule(two, 2), PROGRESS_UP);
	assert_non_null(strstr(progress_rule(two, 2).why, "a rep more per set"));
	two[0].next_day = NEXT_DAY_BETTER;
	assert_int_equal(rule(two, 2), PROGRESS_UP);
	two[1].completed = false;                    /* the older one was quit */
	assert_int_equal(rule(two, 2), PROGRESS_REPEAT);
	two[1] = good;
	two[1].pain_max = 6;                         /* above 5 back then */
	assert_int_equal(rule(two, 2), PROGRESS_REPEAT);
	two[1].pain_max = 5;                         /* 5 is still fine */
	assert_int_equal(rule(two, 2), PROGRESS_UP);
}

/* The morning after the last session decides: unknown waits for it. */
static void
test_next_morning(void **state)
{
	struct progress_session two[2] = { good, good };

	(void)state;
	two[0].next_day = NEXT_DAY_UNKNOWN;
	assert_int_equal(rule(two, 2), PROGRESS_WAIT);
	assert_non_null(strstr(progress_rule(two, 2).why, "next morning"));
	two[0].next_day = NEXT_DAY_WORSE;            /* worse: one step back */
	assert_int_equal(rule(two, 2), PROGRESS_DOWN);
	assert_non_null(strstr(progress_rule(two, 2).why, "one step back"));
	/* a rise of 2 right after a session is judged by the next morning */
	two[0] = good;
	two[0].pain_before = 2;
	two[0].pain_after = 4;
	assert_int_equal(rule(two, 2), PROGRESS_UP);         /* same next day */
	two[0].next_day = NEXT_DAY_UNKNOWN;
	assert_int_equal(rule(two, 2), PROGRESS_REPEAT);
}

static void
test_step_back(void **state)
{
	struct progress_session two[2] = { good, good };

	(void)state;
	two[0].stopped = true;
	two[0].completed = false;
	assert_int_equal(rule(two, 1), PROGRESS_DOWN);
	two[0] = good;
	two[0].pain_max = 7;                         /* in the stop zone */
	assert_int_equal(rule(two, 2), PROGRESS_DOWN);
	two[0] = good;
	two[0].pain_max = PROGRESS_PAIN_NONE;
	two[0].pain_after = 6;                       /* 6 right after */
	assert_int_equal(rule(two, 2), PROGRESS_DOWN);
}

/* No pain score at all: the rule cannot be shown to hold. */
static void
test_no_scores_repeat(void **state)
{
	struct progress_session s = {
		.completed = true, .pain_before = PROGRESS_PAIN_NONE,
		.pain_after = PROGRESS_PAIN_NONE, .pain_max = PROGRESS_PAIN_NONE,
		.next_day = NEXT_DAY_SAME,
	};
	struct progress_session two[2] = { s, s };

	(void)state;
	assert_int_equal(rule(two, 2), PROGRESS_REPEAT);
	two[0].pain_after = two[1].pain_after = 3;
	assert_int_equal(rule(two, 2), PROGRESS_UP);
}

/* A held exercise: reps = 8, hold = 5 s. */
static struct exercise
held(int64_t reps, double hold)
{
	struct exercise e;

	memset(&e, 0, sizeof e);
	e.name = "Back extension";
	e.has[XS_hold] = e.has[XS_reps] = true;
	e.hold = hold;
	e.reps = reps;
	e.sets_count = -1;
	return e;
}

static void
test_step_up_to_the_ceiling(void **state)
{
	struct exercise e = held(8, 5);
	struct dose start, next;
	char buf[64];

	(void)state;
	dose_of(&e, &start);
	/* no ceiling: a suggestion only */
	assert_int_equal(dose_step(&e, &start, 1, &next), DOSE_SUGGESTED);
	assert_int_equal(next.reps[0], 9);
	/* reps first, up to reps_max */
	e.has[XS_reps_max] = true;
	e.reps_max = 10;
	e.has[XS_hold_max] = true;
	e.hold_max = 7;
	assert_int_equal(dose_step(&e, &start, 1, &next), DOSE_CHANGED);
	assert_int_equal(next.reps[0], 9);
	e.reps = 10;
	/* then the hold, a second at a time, up to hold_max */
	assert_int_equal(dose_step(&e, &start, 1, &next), DOSE_CHANGED);
	assert_int_equal(next.reps[0], 10);
	assert_true(next.hold == 6);
	e.hold = 7;
	assert_int_equal(dose_step(&e, &start, 1, &next), DOSE_AT_CEILING);
	dose_text(&next, buf, sizeof buf);
	assert_string_equal(buf, "10 reps of 7 s holds");
}

static void
test_step_back_never_below_start(void **state)
{
	struct exercise e = held(10, 7);
	struct dose start, next;

	(void)state;
	e.has[XS_reps_max] = true;
	e.reps_max = 10;
	start = (struct dose){ .nsets = 1, .reps = { 8 }, .hold = 5 };
	/* the hold came last, so it goes first */
	assert_int_equal(dose_step(&e, &start, -1, &next), DOSE_CHANGED);
	assert_true(next.hold == 6);
	assert_int_equal(next.reps[0], 10);
	e.hold = 5;
	assert_int_equal(dose_step(&e, &start, -1, &next), DOSE_CHANGED);
	assert_int_equal(next.reps[0], 9);
	e.reps = 8;
	assert_int_equal(dose_step(&e, &start, -1, &next), DOSE_AT_START);
}

/* A pyramid grows in every set; a timer does not grow. */
static void
test_pyramid_and_timer(void **state)
{
	struct exercise e = held(-1, 8);
	struct dose start, next;
	char buf[64];

	(void)state;
	e.has[XS_reps] = false;
	e.has[XS_sets] = true;
	e.nsets = 3;
	e.sets[0] = 5, e.sets[1] = 3, e.sets[2] = 1;
	e.has[XS_reps_max] = true;
	e.reps_max = 6;
	dose_of(&e, &start);
	assert_int_equal(dose_step(&e, &start, 1, &next), DOSE_CHANGED);
	dose_text(&next, buf, sizeof buf);
	assert_string_equal(buf, "6/4/2 reps of 8 s holds");
	dose_reps_text(&next, buf, sizeof buf);
	assert_string_equal(buf, "6,4,2");
	struct dose back;
	assert_true(dose_parse_reps("6,4,2", &back));
	assert_int_equal(back.nsets, 3);
	assert_int_equal(back.reps[2], 2);
	assert_false(dose_parse_reps("6,,2", &back));
	assert_false(dose_parse_reps("", &back));
	e.sets[0] = 6;                               /* at reps_max */
	assert_int_equal(dose_step(&e, &start, 1, &next), DOSE_AT_CEILING);

	struct exercise t;
	memset(&t, 0, sizeof t);
	t.has[XS_duration] = true;
	t.duration = 300;
	assert_int_equal(dose_step(&t, &start, 1, &next), DOSE_FIXED);
}

/* A value replaced in the text, and nothing else: not inside a string or
 * a comment, not a longer name, arrays whole. */
static void
test_routine_text_set(void **state)
{
	static const char text[] =
	    "version = 1;\n"
	    "  { name = \"reps = 3\"; reps_max = 10; reps = 8;   # reps = 8 is NHS\n"
	    "    sets = [5, 3, 1]; hold = 8; }\n";
	size_t n;
	char *out;

	(void)state;
	out = routine_text_set(text, sizeof text - 1, 2, "reps", "9", &n);
	assert_non_null(out);
	assert_string_equal(out, "version = 1;\n"
	    "  { name = \"reps = 3\"; reps_max = 10; reps = 9;   # reps = 8 is NHS\n"
	    "    sets = [5, 3, 1]; hold = 8; }\n");
	assert_int_equal(n, strlen(out));
	free(out);
	out = routine_text_set(text, sizeof text - 1, 3, "sets", "[6, 4, 2]", &n);
	assert_non_null(strstr(out, "sets = [6, 4, 2]; hold = 8; }"));
	free(out);
	out = routine_text_set(text, sizeof text - 1, 3, "hold", "9", &n);
	assert_non_null(strstr(out, "hold = 9; }"));
	free(out);
	/* not on that line, or only in a comment: nothing */
	assert_null(routine_text_set(text, sizeof text - 1, 1, "reps", "9", &n));
	assert_null(routine_text_set(text, sizeof text - 1, 2, "hold", "9", &n));
	assert_null(routine_text_set(text, sizeof text - 1, 9, "reps", "9", &n));
}

/* One exercise at a time: the one rated too easy most often, then the
 * one done in full most often, then the first. */
static void
test_choose_one(void **state)
{
	struct progress_pick v[3] = { { 0, 1 }, { 0, 3 }, { 0, 2 } };

	(void)state;
	assert_int_equal(progress_choose(v, 0), -1);
	assert_int_equal(progress_choose(v, 3), 1);     /* done in full */
	v[2].easy = 1;
	assert_int_equal(progress_choose(v, 3), 2);     /* too easy first */
	v[0] = v[1] = v[2];
	assert_int_equal(progress_choose(v, 3), 0);     /* a tie: the first */
}

/* Done in full, from the E records of the routine's own sessions: every
 * rep planned done; a partial one, or another routine's, is not. */
static void
test_done_in_full(void **state)
{
	struct hist_feedback fb;
	struct hist_record r;

	(void)state;
	history_feedback_init(&fb, "r");
	memset(&r, 0, sizeof r);
	r.type = HREC_SESSION;
	r.s.routine_id = "r";
	strcpy(r.s.start, "2026-03-01T08:00:00+00:00");
	history_feedback_add(&fb, &r);
	r.type = HREC_EXERCISE;
	r.key_routine = "r";
	r.key_start = "2026-03-01T08:00:00+00:00";
	r.ex_index = 1;
	r.e.reps_done = r.e.reps_planned = 6;
	history_feedback_add(&fb, &r);
	r.ex_index = 2;
	r.e.reps_done = 5;
	history_feedback_add(&fb, &r);
	r.key_routine = "other";
	r.e.reps_done = 6;
	history_feedback_add(&fb, &r);
	assert_int_equal(fb.full[0], 1);
	assert_int_equal(fb.full[1], 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_good_sessions_progress),
		cmocka_unit_test(test_next_morning),
		cmocka_unit_test(test_step_back),
		cmocka_unit_test(test_no_scores_repeat),
		cmocka_unit_test(test_step_up_to_the_ceiling),
		cmocka_unit_test(test_step_back_never_below_start),
		cmocka_unit_test(test_pyramid_and_timer),
		cmocka_unit_test(test_routine_text_set),
		cmocka_unit_test(test_choose_one),
		cmocka_unit_test(test_done_in_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
