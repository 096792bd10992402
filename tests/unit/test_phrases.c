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
		used += (size_t)snprintf(buf + used, len - used, "%d%c:",
		    v[i].step, "LHRPSWT"[s->kind]);
		for (int k = 0; k < PHRASE_FORMS && v[i].form[k]; k++)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
			    k ? "|" : "", v[i].form[k]);
		used += (size_t)snprintf(buf + used, len - used, "\n");
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
	 * switch, H; the walk.  Never a bare "left": "left side". */
	assert_string_equal(buf,
	    "0L:Bird dog, left side, set 1 of 2, 2 holds of 8 seconds."
	    "|Bird dog, left side, set 1 of 2|Bird dog\n"
	    "2R:Last one\n"
	    "4W:Other side: right side.|Other side: right side\n"
	    "6R:Last one\n"
	    "8S:Rest 10 seconds. Next: set 2 of 2, left side."
	    "|Next: set 2 of 2, left side\n"
	    "10W:Other side: right side.|Other side: right side\n"
	    "12L:Easy walk, 5 minutes.|Easy walk\n");
}

/* Reps that alternate sides: the lead-in says which side comes first,
 * and each relax the side of the rep after it, never a bare "left". */
static void
test_alternate(void **state)
{
	char buf[4096];

	(void)state;
	plan_free(&p);
	routine_free(&r);
	routine_init(&r);
	r.path = strdup("t.cfg");
	r.version = 1, r.has[RS_version] = true;
	r.name = strdup("T"), r.has[RS_name] = true;
	r.has[RS_exercises] = true;
	r.lead_in = 5;
	struct exercise *e = routine_add_exercise(&r);
	e->name = strdup("Knee rolls"), e->has[XS_name] = true;
	e->hold = 5, e->has[XS_hold] = true;
	e->sets[0] = 4, e->nsets = 1, e->has[XS_reps] = true;
	e->alternate = true, e->has[XS_alternate] = true;
	assert_int_equal(plan_build(&p, &r), 0);
	said(SPEECH_NAMES, buf, sizeof buf);
	assert_string_equal(buf,
	    "0L:Knee rolls, left side first, 4 holds of 5 seconds."
	    "|Knee rolls, left side first|Knee rolls\n"
	    "2R:Right side\n"
	    "4R:Left side\n"
	    "6R:Last one, right side|Right side\n");
	assert_int_equal(p.steps[1].side, 1);           /* the holds' sides */
	assert_int_equal(p.steps[3].side, 2);
	assert_int_equal(p.steps[7].side, 2);
	teardown(NULL);                 /* the group's routine back */
	assert_int_equal(setup(NULL), 0);
}

/* Full says what names says and more: its shorter forms are names'. */
static void
test_full_and_off(void **state)
{
	char buf[4096], names[4096];
	struct phrase *v;

	(void)state;
	said(SPEECH_FULL, buf, sizeof buf);
	said(SPEECH_NAMES, names, sizeof names);
	assert_non_null(strstr(buf, "0L:Bird dog, left side, set 1 of 2, 2 "
	    "holds of 8 seconds. Push the heel back. Breathe normally; don't "
	    "hold your breath.|Bird dog, left side, set 1 of 2, 2 holds of 8 "
	    "seconds.|Bird dog, left side, set 1 of 2|Bird dog\n"));
	for (char *l = names, *nl; (nl = strchr(l, '\n')) != NULL; l = nl + 1) {
		char line[512], *bar;
		snprintf(line, sizeof line, "%.*s", (int)(nl - l), l);
		if ((bar = strchr(line, ':')) != NULL)
			bar[1] = '\0';
		assert_non_null(strstr(buf, line));     /* a phrase at each step */
	}
	assert_int_equal(phrases_of(&p, SPEECH_OFF, &v), 0);
	assert_null(v);
}

/* A position: the move is said where it changes, the lead-in lasts at
 * least 15 s; lying on one side, the switch rolls over, in 15 s too. */
static void
test_position(void **state)
{
	struct routine q;
	struct plan pq;
	struct phrase *v;

	(void)state;
	routine_init(&q);
	q.lead_in = 5, q.rest = 10;
	struct exercise *e = routine_add_exercise(&q);
	e->name = strdup("Side bridge"), e->has[XS_name] = true;
	e->hold = 8, e->has[XS_hold] = true;
	e->sides = true, e->has[XS_sides] = true;
	e->side_names[0] = strdup("on your left elbow");
	e->side_names[1] = strdup("on your right elbow");
	e->position = strdup("side"), e->has[XS_position] = true;
	e = routine_add_exercise(&q);
	e->name = strdup("Tilt"), e->has[XS_name] = true;
	e->hold = 8, e->has[XS_hold] = true;
	e->position = strdup("side"), e->has[XS_position] = true;
	assert_int_equal(plan_build(&pq, &q), 0);
	assert_true(pq.steps[0].kind == STEP_LEAD_IN &&
	    pq.steps[0].ns == 15 * NS_PER_SEC);
	assert_true(pq.steps[2].kind == STEP_SWITCH &&
	    pq.steps[2].ns == 15 * NS_PER_SEC);
	assert_true(pq.steps[4].kind == STEP_LEAD_IN &&
	    pq.steps[4].ns == 5 * NS_PER_SEC);      /* no change: its own */
	int n = phrases_of(&pq, SPEECH_NAMES, &v);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].form[0], "Side bridge, lie on your side, on "
	    "your left elbow, 1 hold of 8 seconds.");
	assert_string_equal(v[1].form[0], "Roll over. Other side: on your "
	    "right elbow.");
	assert_string_equal(v[2].form[0], "Tilt, 1 hold of 8 seconds.");
	phrases_free(v, n);
	plan_free(&pq);
	routine_free(&q);
}

/* The routine's name, needs and stop rules, said with the start card in
 * full; not in the first lead-in. */
static void
test_routine_words(void **state)
{
	struct phrase *v;

	(void)state;
	r.equipment[0] = strdup("mat"), r.equipment[1] = strdup("towel");
	r.nequipment = 2;
	r.caution = strdup("Stop if it hurts.");
	char *intro = phrases_intro(&r, SPEECH_FULL);
	assert_string_equal(intro, "T. You need: mat and towel. Stop if it hurts.");
	free(intro);
	intro = phrases_intro(&r, SPEECH_NAMES);        /* names: no rules */
	assert_string_equal(intro, "T. You need: mat and towel.");
	free(intro);
	intro = phrases_intro(&r, SPEECH_OFF);
	assert_string_equal(intro, "");
	free(intro);
	int n = phrases_of(&p, SPEECH_FULL, &v);
	assert_null(strstr(v[0].form[0], "mat"));
	assert_true(strncmp(v[0].form[0], "Bird dog,", 9) == 0);
	phrases_free(v, n);
}

/* The first form that fits with PHRASE_MARGIN_NS to spare. */
static void
test_fit(void **state)
{
	const int64_t s = NS_PER_SEC, none = INT64_MAX / 2;
	const int64_t two[PHRASE_FORMS] = { 4 * s, s, none, none };
	const int64_t three[PHRASE_FORMS] = { 9 * s, 4 * s, s, none };

	(void)state;
	assert_int_equal(phrase_fit(5 * s, two), 1);
	assert_int_equal(phrase_fit(4 * s + PHRASE_MARGIN_NS - 1, two), 2);
	assert_int_equal(phrase_fit(4 * s, two), 2);
	assert_int_equal(phrase_fit(s, two), 0);
	assert_int_equal(phrase_fit(2 * s, two), 2);
	assert_int_equal(phrase_fit(5 * s, three), 2);
	assert_int_equal(phrase_fit(2 * s, three), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_alternate),
		cmocka_unit_test(test_full_and_off),
		cmocka_unit_test(test_position),
		cmocka_unit_test(test_routine_words),
		cmocka_unit_test(test_fit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
