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

#include "emergency.h"
#include "history_stats.h"
#include "safety.h"

static int
count_urgency(enum safety_urgency u, unsigned risks)
{
	int n = 0;

	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		n += safety_red_flags[i].urgency == u && safety_flag_asked(i, risks);
	return n;
}

/* Seven urgent items and seven same-day ones for everyone; the risk
 * factors add the fall or knock and one leg's weakness with cancer
 * (urgent) and the changed pain (same day), each only for those it
 * matters to. */
static void
test_red_flag_table(void **state)
{
	(void)state;
	assert_int_equal(count_urgency(SAFETY_URGENT, 0), 7);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, 0), 7);
	assert_int_equal(count_urgency(SAFETY_URGENT, SAFETY_RISK_BIT(osteoporosis)), 8);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, SAFETY_RISK_BIT(osteoporosis)), 7);
	assert_int_equal(count_urgency(SAFETY_URGENT, SAFETY_RISK_BIT(cancer)), 8);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, SAFETY_RISK_BIT(cancer)), 8);
	assert_int_equal(count_urgency(SAFETY_URGENT, SAFETY_RISK_BIT(steroids)), 8);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, SAFETY_RISK_BIT(steroids)), 8);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, SAFETY_RISK_BIT(immune)), 8);
	/* 50 or over adds the fall or knock (NICE CKS), and nothing else */
	assert_int_equal(count_urgency(SAFETY_URGENT, SAFETY_RISK_BIT(age50)), 8);
	assert_int_equal(count_urgency(SAFETY_SAME_DAY, SAFETY_RISK_BIT(age50)), 7);
	assert_true(safety_flag_asked(SAFETY_FLAG_fall_knock, SAFETY_RISK_BIT(age50)));
	/* after a yes each item is marked with one digit: 9 at most a page */
	assert_true(count_urgency(SAFETY_URGENT, ~0u) <= 9);
	assert_true(count_urgency(SAFETY_SAME_DAY, ~0u) <= 9);
	for (int i = 0; i < SAFETY_FLAG_COUNT; i++) {
		const char *q = safety_red_flags[i].text;
		size_t len = strlen(q);
		assert_true(len > 10 && len <= 130);
		/* --help: "  - " and the brief words in 80 columns */
		assert_true(strlen(safety_red_flags[i].brief) + 4 <= 80);
		assert_int_not_equal(q[len - 1], '.');
		assert_int_equal(safety_flag_find(safety_red_flags[i].id), i);
	}
	assert_int_equal(safety_flag_find("nonsense"), -1);
	/* what the NHS sends to A&E is urgent; what it sends to 111 is not */
	static const char *const urgent[] = { "chest_pain", "serious_accident",
	    "saddle", "bladder", "bowel", "both_legs", "sexual", "fall_knock",
	    "cancer_leg" };
	static const char *const same_day[] = { "fever", "weight_loss", "lump",
	    "night_pain", "upper_back", "cannot_move", "cough_strain",
	    "changed_pain" };
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
	/* "new, or getting worse" for the nerve signs only (not chest pain,
	 * not a serious accident) */
	assert_null(strstr(safety_screen_question(SAFETY_URGENT), "new"));
	assert_null(strstr(safety_red_flags[SAFETY_FLAG_chest_pain].text, "new"));
	assert_null(strstr(safety_red_flags[SAFETY_FLAG_serious_accident].text,
	    "new"));
	assert_non_null(strstr(safety_red_flags[SAFETY_FLAG_both_legs].text,
	    "new, or getting worse"));
}

static void
test_risk_factors(void **state)
{
	(void)state;
	assert_int_equal(SAFETY_RISK_COUNT, 6);
	assert_int_equal(safety_risk_find("pregnant"), SAFETY_RISK_pregnant);
	assert_non_null(strstr(safety_pregnant_on_back, "16 weeks"));
	assert_int_equal(safety_risk_find("age50"), SAFETY_RISK_age50);
	assert_int_equal(safety_risk_find("osteoporosis"), SAFETY_RISK_osteoporosis);
	assert_int_equal(safety_risk_find("cancer"), SAFETY_RISK_cancer);
	assert_int_equal(safety_risk_find("gout"), -1);
	/* no risk factor is a red flag of its own */
	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		assert_null(strstr(safety_red_flags[i].text, "osteoporosis"));
}

/* The number to call: the territory's, from one table, and none (never a
 * guess) for a territory the table has no number for. */
static void
test_emergency_number(void **state)
{
	static const char *const want[][2] = {
		{ "AU", "000" }, { "JP", "119" }, { "NZ", "111" }, { "DE", "112" },
		{ "US", "911" }, { "CA", "911" }, { "GB", "999" }, { "FR", "112" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_string_equal(emergency_number(want[i][0]), want[i][1]);
	assert_null(emergency_number(""));              /* C, POSIX */
	assert_null(emergency_number(NULL));
	assert_null(emergency_number("ZW"));            /* not in the list */
	assert_null(emergency_number("GT"));            /* several numbers */
	assert_null(emergency_number("XX"));
	for (size_t i = 0; i < emergency_count; i++) {
		const char *t = emergency_table[i].territory, *n = emergency_table[i].number;
		assert_int_equal(strlen(t), 2);
		if (i > 0)                                  /* sorted, no repeats */
			assert_true(strcmp(emergency_table[i - 1].territory, t) < 0);
		if (n != NULL)
			assert_int_equal(strspn(n, "0123456789"), strlen(n));
	}
	assert_true(emergency_says_ae("GB"));
	assert_true(emergency_says_ae("IE"));
	assert_false(emergency_says_ae("AU"));
	assert_false(emergency_says_ae(""));
	struct emergency_call none = { NULL, false };
	assert_string_equal(emergency_number_words(&none),
	    "your local emergency number");
	assert_string_equal(emergency_department(&none), "the emergency department");
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
	struct emergency_call gb = { "999", true }, au = { "000", false };

	(void)state;
	for (int f = 0; f < SAFETY_FLAG_COUNT; f++) {
		safety_flags_advice(SAFETY_FLAG_BIT(f), &gb, false, title,
		    sizeof title, text, sizeof text);
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
		safety_flags_advice(SAFETY_FLAG_BIT(f), &au, false, title,
		    sizeof title, text, sizeof text);
		assert_null(strstr(text, "A&E"));           /* only GB and IE */
	}
	safety_flags_advice(SAFETY_FLAG_BIT(SAFETY_FLAG_chest_pain), &au, false,
	    title, sizeof title, text, sizeof text);
	assert_non_null(strstr(text, "call 000 or go to the emergency department"));
	safety_flags_advice(SAFETY_FLAG_BIT(SAFETY_FLAG_changed_pain), &au, true,
	    title, sizeof title, text, sizeof text);
	assert_non_null(strstr(text, "acute oncology line"));
	/* Several at once: the most urgent one's advice, with what was said. */
	unsigned both = SAFETY_FLAG_BIT(SAFETY_FLAG_fever) |
	    SAFETY_FLAG_BIT(SAFETY_FLAG_bladder);
	assert_int_equal(safety_flags_urgency(both), SAFETY_URGENT);
	assert_int_equal(safety_flags_urgency(0), SAFETY_OK);
	safety_flags_advice(both, &au, false, title, sizeof title, text,
	    sizeof text);
	assert_string_equal(title, "Please get help now");
	assert_non_null(strstr(text, safety_red_flags[SAFETY_FLAG_bladder].text));
	unsigned two = SAFETY_FLAG_BIT(SAFETY_FLAG_fever) |
	    SAFETY_FLAG_BIT(SAFETY_FLAG_lump);
	safety_flags_advice(two, &au, false, title, sizeof title, text,
	    sizeof text);
	assert_non_null(strstr(text, safety_red_flags[SAFETY_FLAG_fever].text));
	assert_non_null(strstr(text, safety_red_flags[SAFETY_FLAG_lump].text));
	safety_flags_ids(two, text, sizeof text);
	assert_string_equal(text, "fever,lump");
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
 * new numbness; in one leg; at a high start. */
static void
test_pain_during(void **state)
{
	const char *why;

	(void)state;
	assert_int_equal(safety_pain_during(3, -1, false, false, false, &why), SAFETY_PAIN_FINE);
	assert_int_equal(safety_pain_during(0, 0, false, false, false, &why), SAFETY_PAIN_FINE);
	assert_int_equal(safety_pain_during(5, 4, false, false, false, &why), SAFETY_PAIN_GENTLY);
	assert_non_null(strstr(why, "gently"));
	assert_int_equal(safety_pain_during(4, -1, false, false, false, &why), SAFETY_PAIN_GENTLY);
	assert_int_equal(safety_pain_during(7, 5, false, false, false, &why), SAFETY_PAIN_STOP);
	assert_non_null(strstr(why, "6"));
	assert_int_equal(safety_pain_during(6, -1, false, false, false, &why), SAFETY_PAIN_STOP);
	assert_int_equal(safety_pain_during(5, 3, false, false, false, &why), SAFETY_PAIN_STOP);
	assert_non_null(strstr(why, "2 points"));
	assert_int_equal(safety_pain_during(2, 1, true, false, false, &why), SAFETY_PAIN_STOP);
	assert_non_null(strstr(why, "leg"));
	assert_int_equal(safety_pain_during(1, 1, false, true, false, &why), SAFETY_PAIN_URGENT);
	assert_int_equal(safety_pain_during(8, 1, true, true, true, &why), SAFETY_PAIN_URGENT);
	/* One leg: never "carry on", the session ends, a doctor today. */
	assert_int_equal(safety_pain_during(1, 1, false, false, true, &why), SAFETY_PAIN_SAME_DAY);
	assert_null(strstr(why, "carry on"));
	assert_non_null(strstr(why, "today"));
	assert_non_null(strstr(safety_one_leg_text, "doctor or physiotherapist"));
	assert_non_null(strstr(safety_one_leg_text, "gives way"));
}

/* A high start: 2 points above it stop, not the first report of it. */
static void
test_stop_at_high_start(void **state)
{
	const char *why;

	(void)state;
	assert_int_equal(safety_pain_during(8, 8, false, false, false, &why), SAFETY_PAIN_GENTLY);
	assert_int_equal(safety_pain_during(9, 8, false, false, false, &why), SAFETY_PAIN_GENTLY);
	assert_int_equal(safety_pain_during(10, 8, false, false, false, &why), SAFETY_PAIN_STOP);
	assert_non_null(strstr(why, "2 points"));
	assert_int_equal(safety_pain_during(7, 6, false, false, false, &why), SAFETY_PAIN_GENTLY);
	assert_int_equal(safety_pain_during(8, 6, false, false, false, &why), SAFETY_PAIN_STOP);
	assert_int_equal(safety_pain_during(6, 5, false, false, false, &why), SAFETY_PAIN_STOP);
	assert_int_equal(safety_pain_during(8, 8, true, false, false, &why), SAFETY_PAIN_STOP);
	assert_non_null(strstr(safety_stop_text, "start at 6 or more"));
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

/* Two weeks in, pain not meaningfully better: time to see someone.
 * The pain before exercise in the first week against the latest. */
static void
test_not_improving(void **state)
{
	struct safety_trend t;
	double first, last;
	char say[512];

	(void)state;
	safety_trend_init(&t);
	safety_trend_add(&t, 100, 6);
	safety_trend_add(&t, 102, 6);
	safety_trend_add(&t, 107, 2);           /* between: neither week */
	safety_trend_add(&t, 113, 5);
	assert_false(safety_not_improving(&t)); /* 13 days */
	safety_trend_add(&t, 114, 5);
	safety_trend_means(&t, &first, &last);
	assert_true(first == 6 && last == 5);   /* 113 and 114 */
	assert_true(safety_not_improving(&t));  /* 1 point */
	safety_not_improving_say(&t, say, sizeof say);
	assert_non_null(strstr(say, "6.0"));
	assert_non_null(strstr(say, "5.0"));
	assert_non_null(strstr(say, "2 points and 30%"));
	assert_non_null(strstr(say, "doctor or physiotherapist"));
	safety_trend_add(&t, 114, 1);           /* mean 11/3: 2.3 points */
	assert_false(safety_not_improving(&t));
	safety_trend_add(&t, 115, -1);          /* no score: nothing */
	assert_false(safety_not_improving(&t));

	safety_trend_init(&t);                  /* nothing to gain */
	safety_trend_add(&t, 100, 1);
	safety_trend_add(&t, 130, 1);
	assert_false(safety_not_improving(&t));
	safety_trend_init(&t);                  /* worse */
	safety_trend_add(&t, 100, 6);
	safety_trend_add(&t, 120, 7);
	assert_true(safety_not_improving(&t));
	safety_trend_init(&t);                  /* better, 33 % */
	safety_trend_add(&t, 100, 6);
	safety_trend_add(&t, 120, 4);
	assert_false(safety_not_improving(&t));
}

/* Where the pain before is missing from a week, the next mornings
 * decide: the latest week's no more often better than worse, and on
 * balance no better than the first week's.  With the pain before, it
 * decides, and the mornings' counts are said beside it. */
static void
test_not_improving_mornings(void **state)
{
	struct safety_trend t;
	int f[3], l[3];
	char say[1024];

	(void)state;
	safety_trend_init(&t);
	safety_trend_morning(&t, 100, SAFETY_MORNING_BETTER);
	safety_trend_morning(&t, 101, SAFETY_MORNING_SAME);
	safety_trend_morning(&t, 107, SAFETY_MORNING_BETTER);  /* neither week */
	safety_trend_morning(&t, 112, SAFETY_MORNING_SAME);
	safety_trend_morning(&t, 113, SAFETY_MORNING_SAME);
	assert_false(safety_trend_mornings(&t, f, l));  /* 13 days */
	assert_false(safety_not_improving(&t));
	safety_trend_morning(&t, 114, SAFETY_MORNING_SAME);
	assert_true(safety_trend_mornings(&t, f, l));
	assert_true(f[0] == 1 && f[1] == 0 && f[2] == 2);
	assert_true(l[0] == 0 && l[1] == 0 && l[2] == 3);
	assert_true(safety_not_improving(&t));          /* flat, once better */
	safety_not_improving_say(&t, say, sizeof say);
	assert_non_null(strstr(say, "not scored in both weeks"));
	assert_non_null(strstr(say, "in your first week, 1 of 2 better than "
	    "before the session and 0 worse; in the latest week, 0 of 3 better "
	    "and 0 worse"));
	assert_non_null(strstr(say, "doctor or physiotherapist"));
	safety_trend_morning(&t, 114, SAFETY_MORNING_BETTER);
	assert_false(safety_not_improving(&t));         /* more often better */

	safety_trend_init(&t);                          /* worse, then same */
	safety_trend_morning(&t, 100, SAFETY_MORNING_WORSE);
	safety_trend_morning(&t, 101, SAFETY_MORNING_WORSE);
	safety_trend_morning(&t, 120, SAFETY_MORNING_SAME);
	assert_false(safety_not_improving(&t));

	safety_trend_init(&t);                          /* pain before decides */
	safety_trend_add(&t, 100, 6);
	safety_trend_add(&t, 120, 3);
	safety_trend_morning(&t, 100, SAFETY_MORNING_BETTER);
	safety_trend_morning(&t, 120, SAFETY_MORNING_SAME);
	assert_false(safety_not_improving(&t));         /* 6 -> 3: better */
	safety_trend_add(&t, 120, 7);                   /* mean 5: not */
	assert_true(safety_not_improving(&t));
	safety_not_improving_say(&t, say, sizeof say);
	assert_non_null(strstr(say, "6.0 on average in your first week and 5.0"));
	assert_non_null(strstr(say, "Your next mornings: in your first week, "
	    "1 of 1 better"));
}

/* Pain above 5 after a session: the NHS's words on seeing a GP, with
 * no number of its own; 5 or less, or no score: nothing. */
static void
test_pain_after(void **state)
{
	const char *say;

	(void)state;
	assert_null(safety_pain_after(SAFETY_PAIN_NONE));
	assert_null(safety_pain_after(5));
	assert_null(safety_pain_after(11));
	say = safety_pain_after(6);
	assert_non_null(say);
	assert_non_null(strstr(say, "see a GP"));
	assert_non_null(strstr(say, "very severe or gets worse over time"));
	assert_non_null(strstr(say, "day-to-day activities"));
	assert_string_equal(safety_pain_after(10), say);
}

/* Ice and heat are never compared: only exercise sessions count. */
static void
test_not_improving_history(void **state)
{
	struct hstats st;
	struct hist_session s;

	(void)state;
	assert_int_equal(hstats_init(&st, 130, 4), 0);
	memset(&s, 0, sizeof s);
	s.routine_id = s.routine_name = "r";
	s.status = HS_COMPLETED;
	s.pain_after = -1;
	s.kind = HK_EXERCISE;
	s.day = 100, s.pain_before = 6;
	hstats_add(&st, &s);
	s.kind = HK_PACK;                       /* ice: much less pain */
	s.day = 118, s.pain_before = 1;
	hstats_add(&st, &s);
	s.kind = HK_EXERCISE;
	s.day = 118, s.pain_before = 5, s.pain_after = 1;
	hstats_add(&st, &s);
	assert_true(safety_not_improving(&st.trend));   /* 6 -> 5, not 1 */
	hstats_free(&st);

	assert_int_equal(hstats_init(&st, 130, 4), 0);  /* mornings only */
	s.pain_before = s.pain_after = -1;
	s.kind = HK_EXERCISE;
	s.day = 100, s.next_day = NEXT_DAY_SAME;
	hstats_add(&st, &s);
	s.kind = HK_PACK;                               /* ice: never */
	s.day = 118, s.next_day = NEXT_DAY_BETTER;
	hstats_add(&st, &s);
	s.kind = HK_EXERCISE;
	s.day = 118, s.next_day = NEXT_DAY_WORSE;
	hstats_add(&st, &s);
	s.day = 118, s.next_day = NEXT_DAY_SKIPPED;     /* put aside: never */
	hstats_add(&st, &s);
	assert_true(safety_not_improving(&st.trend));
	int f[3], l[3];
	assert_true(safety_trend_mornings(&st.trend, f, l));
	assert_true(l[0] == 0 && l[1] == 1 && l[2] == 1);
	hstats_free(&st);
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
		cmocka_unit_test(test_stop_at_high_start),
		cmocka_unit_test(test_not_improving),
		cmocka_unit_test(test_not_improving_history),
		cmocka_unit_test(test_pain_after),
		cmocka_unit_test(test_not_improving_mornings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
