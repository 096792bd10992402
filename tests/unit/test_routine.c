/*
 * test_routine.c - routine_validate() and setting_suggest(), on routines
 * built in C: every class of error, each reported once, at its line.
 *
 * Linked against the pure core only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routine.h"

/* Line numbers of the baseline routine, as if read from this file:
 *   1 version = 1;   2 name = "Test";   4 exercises = (
 *   5 {   6 name = "Curl-up";   7 hold = 10;   ... */
enum { L_VERSION = 1, L_NAME = 2, L_EXERCISES = 4, L_GROUP = 5, L_EXNAME = 6,
	L_KIND = 7, L_A = 8, L_B = 9, L_C = 10 };

static void
set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s ? strdup(s) : NULL;
}

/* A valid one-exercise routine: a held rep of 10 s. */
static void
baseline(struct routine *r)
{
	routine_init(r);
	r->path = strdup("test.cfg");
	r->has[RS_version] = true, r->version = 1, r->line[RS_version] = L_VERSION;
	r->has[RS_name] = true, r->line[RS_name] = L_NAME;
	set_str(&r->name, "Test");
	r->has[RS_exercises] = true, r->line[RS_exercises] = L_EXERCISES;
	struct exercise *e = routine_add_exercise(r);
	e->group_line = L_GROUP;
	e->has[XS_name] = true, e->line[XS_name] = L_EXNAME;
	set_str(&e->name, "Curl-up");
	e->has[XS_hold] = true, e->line[XS_hold] = L_KIND, e->hold = 10;
}

/* Marks setting k of exercise e as written at `line`. */
static void
mark(struct exercise *e, int k, int line)
{
	e->has[k] = true;
	e->line[k] = line;
}

/* Validates r and asserts exactly one error, at `line`, whose message
 * contains `words`.  Frees r. */
static void
expect_one_error(struct routine *r, int line, const char *words)
{
	struct diags d = { 0 };
	int rc = routine_validate(r, &d);

	if (d.nerrors != 1) {
		for (size_t i = 0; i < d.n; i++)
			print_message("  got %s:%d: %s\n", d.v[i].file, d.v[i].line, d.v[i].msg);
	}
	assert_int_equal(rc, -1);
	assert_int_equal(d.nerrors, 1);
	for (size_t i = 0; i < d.n; i++) {
		if (d.v[i].sev != DIAG_ERROR)
			continue;
		assert_int_equal(d.v[i].line, line);
		if (strstr(d.v[i].msg, words) == NULL)
			fail_msg("message \"%s\" lacks \"%s\"", d.v[i].msg, words);
		assert_string_equal(d.v[i].file, "test.cfg");
	}
	diags_free(&d);
	routine_free(r);
}

static void
test_baseline_is_valid(void **state)
{
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	baseline(&r);
	assert_int_equal(routine_validate(&r, &d), 0);
	assert_int_equal(d.nerrors, 0);
	assert_int_equal(d.nwarnings, 0);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	routine_free(&r);
}

/* 'figure' names a file in a figures directory: nothing that leads out
 * of it, nothing a terminal obeys, not too long. */
static void
test_figure_name(void **state)
{
	static const struct {
		const char *id, *words;
	} bad[] = {
		{ "../../etc/passwd", "start with '.'" },
		{ "x/../../etc/passwd", "only letters, digits" },
		{ "a/b", "only letters, digits" },
		{ ".hidden", "start with '.'" },
		{ "", "must not be empty" },
		{ "x\x1b[2J", "control character" },
		{ "a2345678901234567890123456789012345678901", "too long" },
	};
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		baseline(&r);
		mark(&r.ex[0], XS_figure, L_A);
		r.ex[0].figure = strdup(bad[i].id);
		expect_one_error(&r, L_A, bad[i].words);
	}
	baseline(&r);
	mark(&r.ex[0], XS_figure, L_A);
	r.ex[0].figure = strdup("bird-dog");
	assert_int_equal(routine_validate(&r, &d), 0);
	assert_int_equal(d.n, 0);
	routine_free(&r);
}

static void
test_version(void **state)
{
	struct routine r;

	(void)state;
	baseline(&r);
	r.has[RS_version] = false;
	r.version = -1;
	expect_one_error(&r, 1, "missing 'version = 1;'");

	baseline(&r);
	r.version = 2;
	r.line[RS_version] = 3;
	expect_one_error(&r, 3, "unsupported format version 2");

	baseline(&r);
	r.version = 0;
	expect_one_error(&r, L_VERSION, "unsupported format version 0");
}

static void
test_name(void **state)
{
	struct routine r;
	char longname[82];

	(void)state;
	baseline(&r);
	r.has[RS_name] = false;
	set_str(&r.name, NULL);
	expect_one_error(&r, 1, "missing the routine's 'name'");

	baseline(&r);
	set_str(&r.name, "");
	expect_one_error(&r, L_NAME, "missing the routine's 'name'");

	memset(longname, 'x', 81);
	longname[81] = '\0';
	baseline(&r);
	set_str(&r.name, longname);
	expect_one_error(&r, L_NAME, "'name' is too long: 81 characters, at most 80");

	longname[80] = '\0';            /* 80 is allowed */
	baseline(&r);
	set_str(&r.name, longname);
	struct diags d = { 0 };
	assert_int_equal(routine_validate(&r, &d), 0);
	diags_free(&d);
	routine_free(&r);
}

static void
test_long_texts(void **state)
{
	struct routine r;
	char big[5000];

	(void)state;
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';

	baseline(&r);
	r.has[RS_summary] = true, r.line[RS_summary] = 3;
	set_str(&r.summary, big);
	expect_one_error(&r, 3, "'summary' is too long");

	baseline(&r);
	set_str(&r.ex[0].name, big);
	expect_one_error(&r, L_EXNAME, "'name' is too long: 4999 characters, at most 80");

	baseline(&r);
	mark(&r.ex[0], XS_cue, L_A);
	set_str(&r.ex[0].cue, big);
	expect_one_error(&r, L_A, "'cue' is too long");

	baseline(&r);
	r.has[RS_tags] = true, r.line[RS_tags] = 3;
	r.tags[0] = strdup("core");
	big[41] = '\0';
	r.tags[1] = strdup(big);
	r.ntags = 2;
	expect_one_error(&r, 3, "'tags' is too long: 41 characters, at most 40");
}

static void
test_exercises(void **state)
{
	struct routine r;

	(void)state;
	baseline(&r);
	routine_free(&r);
	baseline(&r);
	free(r.ex[0].name);
	free(r.ex);
	r.ex = NULL;
	r.nex = 0;
	r.has[RS_exercises] = false;
	expect_one_error(&r, 1, "missing 'exercises'");

	baseline(&r);
	free(r.ex[0].name);
	free(r.ex);
	r.ex = NULL;
	r.nex = 0;
	expect_one_error(&r, L_EXERCISES, "'exercises' is empty");

	baseline(&r);
	r.ex[0].has[XS_name] = false;
	set_str(&r.ex[0].name, NULL);
	expect_one_error(&r, L_GROUP, "exercise 1 has no 'name'");
}

static void
test_kind(void **state)
{
	struct routine r;

	(void)state;
	baseline(&r);
	r.ex[0].has[XS_hold] = false;
	expect_one_error(&r, L_GROUP, "exercise 'Curl-up' needs one of 'hold', 'tempo' or 'duration'");

	baseline(&r);
	mark(&r.ex[0], XS_duration, L_A);
	r.ex[0].duration = 60;
	expect_one_error(&r, L_A, "'hold' and 'duration' cannot be used together");

	baseline(&r);
	mark(&r.ex[0], XS_tempo, L_B);
	r.ex[0].tempo[0] = 2;
	r.ex[0].ntempo = 1;
	expect_one_error(&r, L_B, "'hold' and 'tempo' cannot be used together");

	baseline(&r);               /* all three: two errors, at the later lines */
	mark(&r.ex[0], XS_tempo, L_B);
	r.ex[0].tempo[0] = 2;
	r.ex[0].ntempo = 1;
	mark(&r.ex[0], XS_duration, L_C);
	r.ex[0].duration = 60;
	struct diags d = { 0 };
	assert_int_equal(routine_validate(&r, &d), -1);
	assert_int_equal(d.nerrors, 2);
	assert_int_equal(d.v[0].line, L_B);
	assert_int_equal(d.v[1].line, L_C);
	diags_free(&d);
	routine_free(&r);
}

/* Turns the baseline's hold into a paced exercise with the given tempo. */
static void
make_tempo(struct exercise *e, int n, const double *t)
{
	e->has[XS_hold] = false;
	mark(e, XS_tempo, L_KIND);
	for (int i = 0; i < n; i++)
		e->tempo[i] = t[i];
	e->ntempo = n;
}

static void
test_phases(void **state)
{
	static const double t2[] = { 2, 2 };
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	baseline(&r);
	make_tempo(&r.ex[0], 2, t2);
	mark(&r.ex[0], XS_phases, L_A);
	r.ex[0].phases[0] = strdup("Arch");
	r.ex[0].phases[1] = strdup("Round");
	r.ex[0].nphases = 2;
	assert_int_equal(routine_validate(&r, &d), 0);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	routine_free(&r);

	baseline(&r);
	make_tempo(&r.ex[0], 2, t2);
	mark(&r.ex[0], XS_phases, L_A);
	r.ex[0].phases[0] = strdup("Arch");
	r.ex[0].nphases = 1;
	expect_one_error(&r, L_A, "'phases' has 1 word but 'tempo' has 2");

	baseline(&r);                   /* phases on a hold */
	mark(&r.ex[0], XS_phases, L_A);
	r.ex[0].phases[0] = strdup("Up");
	r.ex[0].nphases = 1;
	expect_one_error(&r, L_A, "'phases' needs a 'tempo'");
}

/* One exercise setting of type seconds set to v, expecting an error. */
static void
bad_seconds(int k, double v, const char *words)
{
	struct routine r;

	baseline(&r);
	struct exercise *e = &r.ex[0];
	if (k == XS_duration) {
		e->has[XS_hold] = false;
		mark(e, XS_duration, L_A);
		e->duration = v;
	} else if (k == XS_tempo) {
		double t[] = { 2, v };
		make_tempo(e, 2, t);
		e->line[XS_tempo] = L_A;
	} else {
		mark(e, k, L_A);
		double *f = k == XS_hold ? &e->hold : k == XS_relax ? &e->relax :
		    k == XS_rest ? &e->rest : &e->lead_in;
		*f = v;
	}
	expect_one_error(&r, L_A, words);
}

static void
test_durations(void **state)
{
	(void)state;
	bad_seconds(XS_hold, -1, "'hold' must be from 0.1 to 86400 seconds, not -1");
	bad_seconds(XS_hold, 0, "'hold' must be from 0.1 to 86400 seconds, not 0");
	bad_seconds(XS_hold, 0.05, "'hold' must be from 0.1");
	bad_seconds(XS_hold, 86400.5, "not 86400.5");
	bad_seconds(XS_hold, 5e9, "'hold' must be from 0.1 to 86400 seconds");
	bad_seconds(XS_duration, 0, "'duration' must be from 0.1");
	bad_seconds(XS_duration, 1e12, "'duration' must be from 0.1");
	bad_seconds(XS_tempo, 0, "'tempo' must be from 0.1");
	bad_seconds(XS_tempo, -2, "'tempo' must be from 0.1");
	bad_seconds(XS_relax, -1, "'relax' must be from 0 to 86400");
	bad_seconds(XS_rest, -0.5, "'rest' must be from 0 to 86400");
	bad_seconds(XS_rest, 100000, "'rest' must be from 0 to 86400");
	bad_seconds(XS_lead_in, -5, "'lead_in' must be from 0 to 86400");

	/* the limits themselves are allowed; zero rest/relax/lead_in too */
	struct routine r;
	struct diags d = { 0 };
	baseline(&r);
	r.ex[0].hold = ROUTINE_MIN_SECONDS;
	mark(&r.ex[0], XS_relax, L_A), r.ex[0].relax = 0;
	mark(&r.ex[0], XS_rest, L_B), r.ex[0].rest = ROUTINE_MAX_SECONDS;
	mark(&r.ex[0], XS_lead_in, L_C), r.ex[0].lead_in = 0;
	assert_int_equal(routine_validate(&r, &d), 0);
	diags_free(&d);
	routine_free(&r);

	/* routine-level rest and lead_in */
	baseline(&r);
	r.has[RS_rest] = true, r.line[RS_rest] = 3, r.rest = -1;
	expect_one_error(&r, 3, "'rest' must be from 0 to 86400 seconds, not -1");
	baseline(&r);
	r.has[RS_lead_in] = true, r.line[RS_lead_in] = 3, r.lead_in = 90000;
	expect_one_error(&r, 3, "'lead_in' must be from 0 to 86400 seconds");
}

static void
test_counts(void **state)
{
	struct routine r;

	(void)state;
	static const int64_t bad_reps[] = { 0, -3, 1001, INT64_C(5000000000) };
	for (size_t i = 0; i < sizeof bad_reps / sizeof bad_reps[0]; i++) {
		baseline(&r);
		mark(&r.ex[0], XS_reps, L_A);
		r.ex[0].reps = bad_reps[i];
		char words[64];
		snprintf(words, sizeof words, "'reps' must be from 1 to 1000, not %lld",
		    (long long)bad_reps[i]);
		expect_one_error(&r, L_A, words);
	}
	static const int64_t bad_sets[] = { 0, 101, INT64_C(5000000000) };
	for (size_t i = 0; i < sizeof bad_sets / sizeof bad_sets[0]; i++) {
		baseline(&r);
		mark(&r.ex[0], XS_sets, L_B);
		r.ex[0].sets_count = bad_sets[i];
		expect_one_error(&r, L_B, "'sets' must be from 1 to 100");
	}
	baseline(&r);                           /* a pyramid with a 0 in it */
	mark(&r.ex[0], XS_sets, L_B);
	r.ex[0].sets[0] = 5, r.ex[0].sets[1] = 0, r.ex[0].sets[2] = 1;
	r.ex[0].nsets = 3;
	expect_one_error(&r, L_B, "each entry of 'sets' must be from 1 to 1000 reps, not 0");
	baseline(&r);
	mark(&r.ex[0], XS_sets, L_B);
	r.ex[0].sets[0] = 1001;
	r.ex[0].nsets = 1;
	expect_one_error(&r, L_B, "not 1001");

	baseline(&r);                           /* reps with a sets array */
	mark(&r.ex[0], XS_reps, L_A), r.ex[0].reps = 5;
	mark(&r.ex[0], XS_sets, L_B);
	r.ex[0].sets[0] = 5, r.ex[0].sets[1] = 3, r.ex[0].nsets = 2;
	expect_one_error(&r, L_A, "'reps' cannot be used with a 'sets' array");

	/* the limits are allowed: 1000 reps, 100 sets, reps with a count
	 * (each on its own: together they pass a day, see test_size) */
	struct diags d = { 0 };
	baseline(&r);
	mark(&r.ex[0], XS_reps, L_A), r.ex[0].reps = ROUTINE_MAX_REPS;
	mark(&r.ex[0], XS_sets, L_B), r.ex[0].sets_count = 2;
	assert_int_equal(routine_validate(&r, &d), 0);
	diags_free(&d);
	r.ex[0].reps = 3, r.ex[0].sets_count = ROUTINE_MAX_SETS;
	assert_int_equal(routine_validate(&r, &d), 0);
	diags_free(&d);
	routine_free(&r);
}

static void
test_timer_has_no_reps(void **state)
{
	struct routine r;

	(void)state;
	baseline(&r);
	r.ex[0].has[XS_hold] = false;
	mark(&r.ex[0], XS_duration, L_KIND), r.ex[0].duration = 600;
	mark(&r.ex[0], XS_reps, L_A), r.ex[0].reps = 3;
	expect_one_error(&r, L_A, "a timer ('duration') has no reps or sets");

	baseline(&r);
	r.ex[0].has[XS_hold] = false;
	mark(&r.ex[0], XS_duration, L_KIND), r.ex[0].duration = 600;
	mark(&r.ex[0], XS_sets, L_B), r.ex[0].sets_count = 2;
	expect_one_error(&r, L_B, "a timer ('duration') has no reps or sets");
}

static void
test_relax_without_hold_warns(void **state)
{
	static const double t[] = { 2 };
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	baseline(&r);
	make_tempo(&r.ex[0], 1, t);
	mark(&r.ex[0], XS_relax, L_A), r.ex[0].relax = 3;
	assert_int_equal(routine_validate(&r, &d), 0);
	assert_int_equal(d.nwarnings, 1);
	assert_int_equal(d.v[0].sev, DIAG_WARNING);
	assert_int_equal(d.v[0].line, L_A);
	assert_non_null(strstr(d.v[0].msg, "'relax' only applies to held reps"));
	diags_free(&d);
	routine_free(&r);
}

/* A hold over ROUTINE_HOLD_TYPO is a warning at its line, never an error
 * (a typo guard: no source gives a most); at the limit, nothing. */
static void
test_long_hold_warns(void **state)
{
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	baseline(&r);
	r.ex[0].hold = 3000;
	mark(&r.ex[0], XS_hold_max, L_A), r.ex[0].hold_max = 3600;
	assert_int_equal(routine_validate(&r, &d), 0);
	assert_int_equal(d.nwarnings, 2);
	assert_int_equal(d.v[0].line, L_KIND);
	assert_non_null(strstr(d.v[0].msg, "'hold' is 3000 seconds, longer than 300: a typo?"));
	assert_int_equal(d.v[1].line, L_A);
	assert_non_null(strstr(d.v[1].msg, "'hold_max' is 3600 seconds"));
	diags_free(&d);
	r.ex[0].hold = ROUTINE_HOLD_TYPO;
	r.ex[0].has[XS_hold_max] = false;
	assert_int_equal(routine_validate(&r, &d), 0);
	assert_int_equal(d.nwarnings, 0);
	diags_free(&d);
	routine_free(&r);
}

/* A routine of timers alone (a pack) has no dose; one held exercise
 * makes it a routine of exercises. */
static void
test_timers_only(void **state)
{
	struct routine r;

	(void)state;
	baseline(&r);
	assert_false(routine_timers_only(&r));
	r.ex[0].has[XS_hold] = false;
	mark(&r.ex[0], XS_duration, L_KIND), r.ex[0].duration = 900;
	assert_true(routine_timers_only(&r));
	routine_free(&r);
	routine_init(&r);
	assert_false(routine_timers_only(&r));    /* no exercise at all */
}

/* Problems in an exercise from an @included file name that file. */
static void
test_exercise_file(void **state)
{
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	baseline(&r);
	r.ex[0].file = strdup("inc/more.cfg");
	r.ex[0].hold = -1;
	r.has[RS_rest] = true, r.line[RS_rest] = 3, r.rest = -1;
	assert_int_equal(routine_validate(&r, &d), -1);
	assert_int_equal(d.nerrors, 2);
	assert_string_equal(d.v[0].file, "test.cfg");     /* routine's rest */
	assert_int_equal(d.v[0].line, 3);
	assert_string_equal(d.v[1].file, "inc/more.cfg"); /* the hold */
	assert_int_equal(d.v[1].line, L_KIND);
	diags_free(&d);
	routine_free(&r);
}

/* Errors accumulate: one validate call reports every problem found. */
static void
test_every_problem_reported(void **state)
{
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	baseline(&r);
	r.version = 7;
	r.ex[0].hold = 0;
	struct exercise *e = routine_add_exercise(&r);
	e->group_line = 20;
	mark(e, XS_name, 21), e->name = strdup("Walk");
	assert_int_equal(routine_validate(&r, &d), -1);
	assert_int_equal(d.nerrors, 3);
	assert_int_equal(d.v[0].line, L_VERSION);
	assert_int_equal(d.v[1].line, L_KIND);
	assert_int_equal(d.v[2].line, 20);
	assert_non_null(strstr(d.v[2].msg, "'Walk' needs one of"));
	diags_free(&d);
	routine_free(&r);
}

/* A routine must fit in a day and in 100,000 steps, whatever its parts. */
static void
test_size(void **state)
{
	struct routine r;
	struct diags d = { 0 };
	(void)state;

	baseline(&r);
	r.ex[0].hold = 3600;                    /* an hour per rep */
	mark(&r.ex[0], XS_sets, L_A);
	r.ex[0].sets_count = 23;                /* 23 h + rests + lead-in */
	assert_int_equal(routine_validate(&r, &d), 0);
	diags_free(&d);
	r.ex[0].sets_count = 25;
	expect_one_error(&r, L_EXERCISES, "at most 24:00:00 (24 hours)");
	routine_free(&r);

	baseline(&r);
	struct exercise *e = &r.ex[0];
	e->has[XS_hold] = false;
	static const double t[] = { 0.1, 0.1 };
	make_tempo(e, 2, t);
	mark(e, XS_sets, L_A), e->sets_count = 100;
	mark(e, XS_reps, L_B), e->reps = 1000;
	mark(e, XS_sides, L_C), e->sides = true;  /* 400,000 phases, 2.2 h */
	expect_one_error(&r, L_EXERCISES, "at most 100000");
	routine_free(&r);
}

static void
test_suggest(void **state)
{
	char longname[200];

	(void)state;
	assert_string_equal(setting_suggest("hlod", exercise_settings, XS_COUNT), "hold");
	assert_string_equal(setting_suggest("temp", exercise_settings, XS_COUNT), "tempo");
	assert_string_equal(setting_suggest("HOLD", exercise_settings, XS_COUNT), "hold");
	assert_string_equal(setting_suggest("duraton", exercise_settings, XS_COUNT), "duration");
	assert_string_equal(setting_suggest("lead-in", exercise_settings, XS_COUNT), "lead_in");
	assert_string_equal(setting_suggest("side", exercise_settings, XS_COUNT), "sides");
	assert_string_equal(setting_suggest("exercise", routine_settings, RS_COUNT), "exercises");
	assert_string_equal(setting_suggest("verison", routine_settings, RS_COUNT), "version");
	assert_null(setting_suggest("banana", exercise_settings, XS_COUNT));
	assert_null(setting_suggest("xyzzy", routine_settings, RS_COUNT));
	assert_null(setting_suggest("", exercise_settings, XS_COUNT));
	memset(longname, 'h', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_null(setting_suggest(longname, exercise_settings, XS_COUNT));
}

/* Defaults documented in ROUTINE-FORMAT.md. */
static void
test_defaults(void **state)
{
	struct routine r;

	(void)state;
	baseline(&r);
	struct exercise *e = &r.ex[0];
	assert_int_equal(exercise_kind(e), EX_HOLD);
	assert_int_equal(exercise_nsets(e), 1);
	assert_int_equal(exercise_set_reps(e, 0), 1);
	assert_true(exercise_lead_in(&r, e) == 5.0);
	assert_true(exercise_rest(&r, e) == 15.0);
	assert_true(exercise_relax(e) == 2.0);
	e->has[XS_hold] = false;
	mark(e, XS_tempo, L_KIND), e->tempo[0] = 2, e->ntempo = 1;
	assert_int_equal(exercise_kind(e), EX_TEMPO);
	assert_int_equal(exercise_set_reps(e, 0), 10);
	e->rest = 0, e->lead_in = 8, r.rest = 30;
	assert_true(exercise_rest(&r, e) == 0.0);
	assert_true(exercise_lead_in(&r, e) == 8.0);
	e->sets[0] = 5, e->sets[1] = 3, e->nsets = 2;
	assert_int_equal(exercise_nsets(e), 2);
	assert_int_equal(exercise_set_reps(e, 1), 3);
	routine_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_baseline_is_valid),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_long_texts),
		cmocka_unit_test(test_exercises),
		cmocka_unit_test(test_kind),
		cmocka_unit_test(test_phases),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_timer_has_no_reps),
		cmocka_unit_test(test_relax_without_hold_warns),
		cmocka_unit_test(test_long_hold_warns),
		cmocka_unit_test(test_timers_only),
		cmocka_unit_test(test_exercise_file),
		cmocka_unit_test(test_every_problem_reported),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_figure_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
