/*
 * test_safety.c - the health rules of safety.c, as CONTENT.md states them:
 * the red-flag screen, the stop rules, the pain traffic light, the
 * meaningful change and the progression rule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "safety.h"

static int
count_urgency(enum safety_urgency u)
{
	int n = 0;

	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		n += safety_red_flags[i].urgency == u;
	return n;
}

/* Seven urgent and six same-day questions, each a short question, the
 * source article's "can hardly move" among the same-day ones. */
static void
test_red_flag_table(void **state)
{
	(void)state;
	assert_int_equal(count_urgency(SAFETY_URGENT), 7);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY), 6);
	for (int i = 0; i < SAFETY_FLAG_COUNT; i++) {
		const char *q = safety_red_flags[i].question;
		size_t len = strlen(q);
		assert_true(len > 10 && len <= 100);
		assert_int_equal(q[len - 1], '?');
		for (int j = 0; j < i; j++)
			assert_string_not_equal(safety_red_flags[j].id,
			    safety_red_flags[i].id);
	}
	const struct safety_question *m = &safety_red_flags[SAFETY_FLAG_cannot_move];
	assert_int_equal(m->urgency, SAFETY_SAME_DAY);
	assert_non_null(strstr(m->question, "hardly move"));
	assert_non_null(strstr(m->question, "get out of bed"));
	assert_non_null(strstr(m->question, "wash or dress"));
	assert_int_equal(safety_red_flags[SAFETY_FLAG_bladder].urgency, SAFETY_URGENT);
	assert_int_equal(safety_red_flags[SAFETY_FLAG_fever].urgency, SAFETY_SAME_DAY);
}

static void
test_screen_result(void **state)
{
	bool yes[SAFETY_FLAG_COUNT] = { false };

	(void)state;
	assert_int_equal(safety_screen_result(yes), SAFETY_OK);
	assert_null(safety_red_flag_message(SAFETY_OK));
	yes[SAFETY_FLAG_night_pain] = true;
	assert_int_equal(safety_screen_result(yes), SAFETY_SAME_DAY);
	/* one urgent answer outweighs any number of same-day ones */
	yes[SAFETY_FLAG_chest_pain] = true;
	yes[SAFETY_FLAG_cannot_move] = true;
	assert_int_equal(safety_screen_result(yes), SAFETY_URGENT);
}

/* "Please get checked", where to go, and never a diagnosis. */
static void
test_red_flag_messages(void **state)
{
	const struct safety_message *u = safety_red_flag_message(SAFETY_URGENT);
	const struct safety_message *d = safety_red_flag_message(SAFETY_SAME_DAY);

	(void)state;
	assert_non_null(u);
	assert_non_null(d);
	assert_non_null(strstr(u->title, "Please get checked"));
	assert_non_null(strstr(u->text, "emergency department"));
	assert_non_null(strstr(u->text, "local emergency number"));
	assert_non_null(strstr(d->title, "doctor today"));
	assert_non_null(strstr(d->text, "NHS 111"));
	assert_non_null(strstr(d->text, "local emergency number"));
	/* names no condition: the screen suggests, it does not diagnose */
	static const char *const diagnoses[] = {
		"cauda", "sciatica", "fracture", "infection", "cancer", "tumour",
		"disc", "syndrome",
	};
	for (size_t i = 0; i < sizeof diagnoses / sizeof diagnoses[0]; i++) {
		assert_null(strstr(u->text, diagnoses[i]));
		assert_null(strstr(d->text, diagnoses[i]));
	}
}

static void
test_stop_rules(void **state)
{
	(void)state;
	assert_int_equal(SAFETY_STOP_COUNT, 3);
	assert_non_null(strstr(safety_stop_rules[SAFETY_STOP_pain_rises], "5 out of 10"));
	assert_non_null(strstr(safety_stop_rules[SAFETY_STOP_pain_spreads], "leg"));
	assert_non_null(strstr(safety_stop_rules[SAFETY_STOP_numb_weak], "numbness"));
	assert_non_null(strstr(safety_stop_title, "Stop"));
}

static void
test_traffic_light(void **state)
{
	(void)state;
	for (int p = 0; p <= 3; p++)
		assert_int_equal(safety_pain_advice(p).light, SAFETY_GREEN);
	assert_int_equal(safety_pain_advice(4).light, SAFETY_AMBER);
	assert_int_equal(safety_pain_advice(5).light, SAFETY_AMBER);
	for (int p = 6; p <= 10; p++)
		assert_int_equal(safety_pain_advice(p).light, SAFETY_RED);
	assert_int_equal(safety_pain_advice(-1).light, SAFETY_LIGHT_INVALID);
	assert_int_equal(safety_pain_advice(11).light, SAFETY_LIGHT_INVALID);
	assert_non_null(strstr(safety_pain_advice(6).text, "stop"));
	assert_non_null(strstr(safety_pain_advice(4).text, "do less next time"));
}

static void
test_pain_change(void **state)
{
	(void)state;
	assert_int_equal(safety_pain_change(6, 4), SAFETY_CHANGE_BETTER);
	assert_int_equal(safety_pain_change(3, 2), SAFETY_CHANGE_BETTER);  /* 33 % */
	assert_int_equal(safety_pain_change(10, 7), SAFETY_CHANGE_BETTER);
	assert_int_equal(safety_pain_change(10, 8), SAFETY_CHANGE_BETTER);  /* 2 points */
	assert_int_equal(safety_pain_change(10, 9), SAFETY_CHANGE_NONE);
	assert_int_equal(safety_pain_change(1, 2), SAFETY_CHANGE_WORSE);  /* 100 % */
	assert_int_equal(safety_pain_change(2, 0), SAFETY_CHANGE_BETTER);
	assert_int_equal(safety_pain_change(4, 6), SAFETY_CHANGE_WORSE);
	assert_int_equal(safety_pain_change(8, 10), SAFETY_CHANGE_WORSE);
	assert_int_equal(safety_pain_change(0, 2), SAFETY_CHANGE_WORSE);
	assert_int_equal(safety_pain_change(5, 6), SAFETY_CHANGE_NONE);
	assert_int_equal(safety_pain_change(5, 5), SAFETY_CHANGE_NONE);
	assert_int_equal(safety_pain_change(SAFETY_PAIN_NONE, 3), SAFETY_CHANGE_UNKNOWN);
	assert_int_equal(safety_pain_change(3, 11), SAFETY_CHANGE_UNKNOWN);
	assert_string_equal(safety_change_text(SAFETY_CHANGE_UNKNOWN), "");
	assert_non_null(strstr(safety_change_text(SAFETY_CHANGE_WORSE), "worse"));
}

static const struct safety_session_facts good = {
	.completed = true, .pain_before = 3, .pain_after = 2,
	.pain_max = 4,
};

static void
test_progression_needs_two_good_sessions(void **state)
{
	struct safety_session_facts two[2] = { good, good };

	(void)state;
	assert_int_equal(safety_progression(NULL, 0).what, SAFETY_REPEAT);
	assert_int_equal(safety_progression(two, 1).what, SAFETY_REPEAT);
	assert_int_equal(safety_progression(two, 2).what, SAFETY_PROGRESS);
	assert_non_null(strstr(safety_progression(two, 2).text, "1 or 2 reps"));

	two[1].completed = false;                  /* the older one was quit */
	assert_int_equal(safety_progression(two, 2).what, SAFETY_REPEAT);
	two[1] = good;
	two[1].pain_max = 6;                       /* went above 5 back then */
	assert_int_equal(safety_progression(two, 2).what, SAFETY_REPEAT);
	two[1] = good;
	two[1].pain_max = 5;                       /* 5 is still allowed */
	assert_int_equal(safety_progression(two, 2).what, SAFETY_PROGRESS);
}

static void
test_progression_steps_back(void **state)
{
	struct safety_session_facts two[2] = { good, good };

	(void)state;
	two[0].pain_before = 2;
	two[0].pain_after = 4;                     /* 2 points worse after */
	assert_int_equal(safety_progression(two, 2).what, SAFETY_STEP_BACK);
	two[0] = good;
	two[0].pain_max = 7;                       /* in the stop zone */
	assert_int_equal(safety_progression(two, 2).what, SAFETY_STEP_BACK);
	two[0] = good;
	two[0].completed = false;
	two[0].stopped_for_pain = true;
	assert_int_equal(safety_progression(two, 1).what, SAFETY_STEP_BACK);
	assert_non_null(strstr(safety_progression(two, 1).text, "do less"));
}

/* No pain scores: the rule cannot be shown to hold, so no progression. */
static void
test_progression_without_pain_scores(void **state)
{
	struct safety_session_facts s = {
		.completed = true, .pain_before = SAFETY_PAIN_NONE,
		.pain_after = SAFETY_PAIN_NONE, .pain_max = SAFETY_PAIN_NONE,
	};
	struct safety_session_facts two[2] = { s, s };

	(void)state;
	assert_int_equal(safety_progression(two, 2).what, SAFETY_REPEAT);
	two[0].pain_after = two[1].pain_after = 3;   /* after alone suffices */
	assert_int_equal(safety_progression(two, 2).what, SAFETY_PROGRESS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_red_flag_table),
		cmocka_unit_test(test_screen_result),
		cmocka_unit_test(test_red_flag_messages),
		cmocka_unit_test(test_stop_rules),
		cmocka_unit_test(test_traffic_light),
		cmocka_unit_test(test_pain_change),
		cmocka_unit_test(test_progression_needs_two_good_sessions),
		cmocka_unit_test(test_progression_steps_back),
		cmocka_unit_test(test_progression_without_pain_scores),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
