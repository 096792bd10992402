/*
 * test_phrases.c - what the coach says aloud (phrases.c): the lead-in of
 * each exercise with its name, side, set and dose (and its cue, in full),
 * the new side at a switch, "Last one" before the last rep of a set, the
 * brief forms, and which form fits a step.  Linked against the pure core
 * only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "phrases.h"

static struct routine r;
static struct plan p;

/* Bird dog: 8 s holds, sets of 2 and 1, both sides, 5 s of lead-in; then
 * a 5-minute walk. */
static int
setup(void **state)
{
	(void)state;
	routine_init(&r);
	r.path = strdup("t.cfg");
	r.version = 1, r.has[RS_version] = true;
	r.name = strdup("T"), r.has[RS_name] = true;
	r.has[RS_exercises] = true;
	r.lead_in = 5;
	r.rest = 10;
	struct exercise *e = routine_add_exercise(&r);
	e->name = strdup("Bird dog"), e->has[XS_name] = true;
	e->cue = strdup("Push the heel back."), e->has[XS_cue] = true;
	e->hold = 8, e->has[XS_hold] = true;
	e->sets[0] = 2, e->sets[1] = 1, e->nsets = 2, e->has[XS_sets] = true;
	e->sides = true, e->has[XS_sides] = true;
	e = routine_add_exercise(&r);
	e->name = strdup("Easy walk"), e->has[XS_name] = true;
	e->duration = 300, e->has[XS_duration] = true;
	return plan_build(&p, &r);
}

static int
teardown(void **state)
{
	(void)state;
	plan_free(&p);
	routine_free(&r);
	return 0;
}

/* The phrases of a mode as "step:text|brief" lines. */
static void
said(enum speech_mode m, char *buf, size_t len)
{
	struct phrase *v;
	int n = phrases_of(&p, m, &v);
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		const struct step *s = &p.steps[v[i].step];
		used += (size_t)snprintf(buf + used, len - used, "%d%c:%s|%s\n",
		    v[i].step, "LHRPSWT"[s->kind], v[i].text, v[i].brief);
	}
	phrases_free(v, n);
}

static void
test_names(void **state)
{
	char buf[4096];

	(void)state;
	said(SPEECH_NAMES, buf, sizeof buf);
	/* set 1: lead-in, H R H on the left, switch, H R H; rest; set 2: H,
	 * switch, H; the walk */
	assert_string_equal(buf,
	    "0L:Bird dog, left side, set 1 of 2, 2 holds of 8 seconds|Bird dog\n"
	    "2R:Last one|Last one\n"
	    "4W:Other side: right|Other side: right\n"
	    "6R:Last one|Last one\n"
	    "10W:Other side: right|Other side: right\n"
	    "12L:Easy walk, 5 minutes|Easy walk\n");
}

static void
test_full_and_off(void **state)
{
	char buf[4096];
	struct phrase *v;

	(void)state;
	said(SPEECH_FULL, buf, sizeof buf);
	assert_non_null(strstr(buf, "0L:Bird dog, left side, set 1 of 2, 2 holds "
	    "of 8 seconds. Push the heel back.|Bird dog\n"));
	assert_int_equal(phrases_of(&p, SPEECH_OFF, &v), 0);
	assert_null(v);
}

/* The full phrase when it fits with PHRASE_MARGIN_NS to spare, else the
 * brief one, else nothing. */
static void
test_fit(void **state)
{
	const int64_t s = NS_PER_SEC;

	(void)state;
	assert_int_equal(phrase_fit(5 * s, 4 * s, s), 1);
	assert_int_equal(phrase_fit(4 * s + PHRASE_MARGIN_NS - 1, 4 * s, s), 2);
	assert_int_equal(phrase_fit(4 * s, 4 * s, s), 2);
	assert_int_equal(phrase_fit(s, 4 * s, s), 0);
	assert_int_equal(phrase_fit(2 * s, 4 * s, s), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_full_and_off),
		cmocka_unit_test(test_fit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
