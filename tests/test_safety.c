/*
 * test_safety.c - the health rules of safety.c, as their sources state
 * them: the red flags and the risk factors, the emergency number, the
 * stop rules, pain before and during a session, the meaningful change,
 * not improving.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "safety.h"

static int
count_urgency(enum safety_urgency u, unsigned risks)
{
	int n = 0;

	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		n += safety_red_flags[i].urgency == u && safety_flag_asked(i, risks);
	return n;
}

/* Seven urgent items and six same-day ones for everyone; the risk
 * factors add the fall or knock (urgent) and the changed pain (same day),
 * each only for those it matters to. */
static void
test_red_flag_table(void **state)
{
	(void)state;
	assert_int_equal(count_urgency(SAFETY_URGENT, 0), 7);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, 0), 6);
	assert_int_equal(count_urgency(SAFETY_URGENT, SAFETY_RISK_BIT(osteoporosis)), 8);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, SAFETY_RISK_BIT(osteoporosis)), 6);
	assert_int_equal(count_urgency(SAFETY_URGENT, SAFETY_RISK_BIT(cancer)), 7);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, SAFETY_RISK_BIT(cancer)), 7);
	assert_int_equal(count_urgency(SAFETY_URGENT, SAFETY_RISK_BIT(steroids)), 8);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, SAFETY_RISK_BIT(steroids)), 7);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, SAFETY_RISK_BIT(immune)), 7);
	for (int i = 0; i < SAFETY_FLAG_COUNT; i++) {
		const char *q = safety_red_flags[i].text;
		size_t len = strlen(q);
		assert_true(len > 10 && len <= 120);
		assert_int_not_equal(q[len - 1], '.');
		assert_int_equal(safety_flag_find(safety_red_flags[i].id), i);
	}
	assert_int_equal(safety_flag_find("nonsense"), -1);
	/* what the NHS sends to A&E is urgent; what it sends to 111 is not */
	static const char *const urgent[] = { "chest_pain", "serious_accident",
	    "saddle", "bladder", "bowel", "both_legs", "sexual", "fall_knock" };
	static const char *const same_day[] = { "fever", "weight_loss", "lump",
	    "night_pain", "upper_back", "cannot_move", "changed_pain" };
	for (size_t i = 0; i < sizeof urgent / sizeof *urgent; i++)
		assert_int_equal(safety_red_flags[safety_flag_find(urgent[i])].urgency,
		    SAFETY_URGENT);
	for (size_t i = 0; i < sizeof same_day / sizeof *same_day; i++)
		assert_int_equal(safety_red_flags[safety_flag_find(same_day[i])].urgency,
		    SAFETY_SAME_DAY);
	assert_non_null(strstr(safety_red_flags[SAFETY_FLAG_cannot_move].text,
	    "hardly move, get out of bed, wash or dress"));
	assert_non_null(strstr(safety_red_flags[SAFETY_FLAG_both_legs].text,
	    "tingling"));
	assert_non_null(strstr(safety_screen_question(SAFETY_URGENT),
	    "new, or getting worse, and not normal for you"));
}

static void
test_risk_factors(void **state)
{
	(void)state;
	assert_int_equal(SAFETY_RISK_COUNT, 4);
	assert_int_equal(safety_risk_find("osteoporosis"), SAFETY_RISK_osteoporosis);
	assert_int_equal(safety_risk_find("cancer"), SAFETY_RISK_cancer);
	assert_int_equal(safety_risk_find("gout"), -1);
	/* no risk factor is a red flag of its own */
	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		assert_null(strstr(safety_red_flags[i].text, "osteoporosis"));
}

/* The number to call: the country's, from the locale. */
static void
test_emergency_number(void **state)
{
	char t[3];

	(void)state;
	safety_locale_territory("en_GB.UTF-8", t);
	assert_string_equal(t, "GB");
	assert_string_equal(safety_emergency_number(t), "999");
	safety_locale_territory("en_US.UTF-8", t);
	assert_string_equal(safety_emergency_number(t), "911");
	safety_locale_territory("fr_CA", t);
	assert_string_equal(safety_emergency_number(t), "911");
	safety_locale_territory("de_DE.UTF-8@euro", t);
	assert_string_equal(t, "DE");
	assert_string_equal(safety_emergency_number(t), "112");
	safety_locale_territory("C.UTF-8", t);
	assert_string_equal(t, "");
	assert_string_equal(safety_emergency_number(t), "112");
	safety_locale_territory("POSIX", t);
	assert_string_equal(t, "");
	safety_locale_territory(NULL, t);
	assert_string_equal(t, "");
	safety_locale_territory("en_GBR", t);            /* not a country code */
	assert_string_equal(t, "");
}

/* "Please get help", where to go, the number, and never a diagnosis. */
static void
test_red_flag_advice(void **state)
{
	char title[80], text[1024];
	static const char *const diagnoses[] = {
		"cauda", "sciatica", "fracture", "infection", "tumour", "disc",
		"syndrome",
	};

	(void)state;
	for (int f = 0; f < SAFETY_FLAG_COUNT; f++) {
		safety_flag_advice(f, "999", false, title, sizeof title, text,
		    sizeof text);
		assert_non_null(strstr(text, safety_red_flags[f].text));
		assert_non_null(strstr(text, "999"));
		if (safety_red_flags[f].urgency == SAFETY_URGENT) {
			assert_non_null(strstr(text, "A&E"));
			assert_non_null(strstr(text, "do not drive yourself"));
		} else {
			assert_non_null(strstr(text, "doctor today"));
			assert_non_null(strstr(text, "NHS 111"));
			assert_null(strstr(text, "oncology"));
		}
		for (size_t i = 0; i < sizeof diagnoses / sizeof *diagnoses; i++)
			assert_null(strstr(text, diagnoses[i]));
	}
	safety_flag_advice(SAFETY_FLAG_changed_pain, "112", true, title,
	    sizeof title, text, sizeof text);
	assert_non_null(strstr(text, "acute oncology line"));
}

static void
test_stop_rules(void **state)
{
	(void)state;
	assert_int_equal(SAFETY_STOP_COUNT, 3);
	assert_non_null(strstr(safety_stop_text, "Stop"));
	assert_non_null(strstr(safety_stop_text, "\n- Your pain reaches 6"));
	assert_non_null(strstr(safety_stop_text, "\n- Pain spreads down a leg"));
	assert_non_null(strstr(safety_stop_text, "\n- You feel new numbness"));
}

/* High pain before a session is said, never a reason to stop. */
static void
test_pain_before(void **state)
{
	(void)state;
	for (int p = 0; p <= 5; p++)
		assert_null(safety_pain_before(p));
	for (int p = 6; p <= 10; p++)
		assert_non_null(strstr(safety_pain_before(p), "gentle flare-up"));
	assert_null(safety_pain_before(-1));
}

/* A report of 3, 5 and 7; of 5 starting at 3 (2 above); spreading; with
 * new numbness. */
static void
test_pain_during(void **state)
{
	const char *why;

	(void)state;
	assert_int_equal(safety_pain_during(3, -1, false, false, &why), SAFETY_PAIN_FINE);
	assert_int_equal(safety_pain_during(0, 0, false, false, &why), SAFETY_PAIN_FINE);
	assert_int_equal(safety_pain_during(5, 4, false, false, &why), SAFETY_PAIN_GENTLY);
	assert_non_null(strstr(why, "gently"));
	assert_int_equal(safety_pain_during(4, -1, false, false, &why), SAFETY_PAIN_GENTLY);
	assert_int_equal(safety_pain_during(7, 7, false, false, &why), SAFETY_PAIN_STOP);
	assert_non_null(strstr(why, "6"));
	assert_int_equal(safety_pain_during(5, 3, false, false, &why), SAFETY_PAIN_STOP);
	assert_non_null(strstr(why, "2 points"));
	assert_int_equal(safety_pain_during(2, 1, true, false, &why), SAFETY_PAIN_STOP);
	assert_non_null(strstr(why, "leg"));
	assert_int_equal(safety_pain_during(1, 1, false, true, &why), SAFETY_PAIN_URGENT);
	assert_int_equal(safety_pain_during(8, 1, true, true, &why), SAFETY_PAIN_URGENT);
}

/* At least 2 points and at least 30 % of the starting score. */
static void
test_pain_change(void **state)
{
	(void)state;
	assert_int_equal(safety_pain_change(0, 1), SAFETY_CHANGE_NONE);
	assert_int_equal(safety_pain_change(3, 4), SAFETY_CHANGE_NONE);
	assert_int_equal(safety_pain_change(7, 5), SAFETY_CHANGE_NONE);   /* 29 % */
	assert_int_equal(safety_pain_change(9, 6), SAFETY_CHANGE_BETTER); /* 33 % */
	assert_int_equal(safety_pain_change(7, 6), SAFETY_CHANGE_NONE);
	assert_int_equal(safety_pain_change(6, 4), SAFETY_CHANGE_BETTER); /* 33 % */
	assert_int_equal(safety_pain_change(10, 7), SAFETY_CHANGE_BETTER); /* 30 % */
	assert_int_equal(safety_pain_change(10, 8), SAFETY_CHANGE_NONE);  /* 20 % */
	assert_int_equal(safety_pain_change(3, 2), SAFETY_CHANGE_NONE);   /* 1 point */
	assert_int_equal(safety_pain_change(2, 0), SAFETY_CHANGE_BETTER);
	assert_int_equal(safety_pain_change(4, 6), SAFETY_CHANGE_WORSE);
	assert_int_equal(safety_pain_change(0, 2), SAFETY_CHANGE_WORSE);
	assert_int_equal(safety_pain_change(8, 10), SAFETY_CHANGE_NONE);  /* 25 % */
	assert_int_equal(safety_pain_change(5, 5), SAFETY_CHANGE_NONE);
	assert_int_equal(safety_pain_change(SAFETY_PAIN_NONE, 3), SAFETY_CHANGE_UNKNOWN);
	assert_int_equal(safety_pain_change(3, 11), SAFETY_CHANGE_UNKNOWN);
}

/* Two weeks in, pain not meaningfully better: time to see someone. */
static void
test_not_improving(void **state)
{
	(void)state;
	assert_true(safety_not_improving(100, 6, 114, 5));      /* 1 point */
	assert_true(safety_not_improving(100, 6, 120, 7));      /* worse */
	assert_false(safety_not_improving(100, 6, 114, 4));     /* 2 points, 33 % */
	assert_false(safety_not_improving(100, 6, 113, 6));     /* 13 days */
	assert_false(safety_not_improving(100, 1, 130, 1));     /* nothing to gain */
	assert_false(safety_not_improving(100, -1, 130, 5));    /* no score */
	assert_false(safety_not_improving(100, 6, 130, -1));
	assert_non_null(strstr(safety_not_improving_text, "doctor or physiotherapist"));
}


int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_red_flag_table),
		cmocka_unit_test(test_risk_factors),
		cmocka_unit_test(test_emergency_number),
		cmocka_unit_test(test_red_flag_advice),
		cmocka_unit_test(test_stop_rules),
		cmocka_unit_test(test_pain_before),
		cmocka_unit_test(test_pain_during),
		cmocka_unit_test(test_pain_change),
		cmocka_unit_test(test_not_improving),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
