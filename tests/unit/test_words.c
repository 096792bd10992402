/*
 * test_words.c - plurals and did-you-mean (words.c).  Linked against the
 * pure core only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "words.h"

static void
test_plural(void **state)
{
	(void)state;
	assert_string_equal(plural(1, "step", "steps"), "step");
	assert_string_equal(plural(0, "step", "steps"), "steps");
	assert_string_equal(plural(2, "step", "steps"), "steps");
	assert_string_equal(plural(-1, "step", "steps"), "steps");
}

/* The nearest of names: a case-blind match, the one name typed begins,
 * else within 2 edits. */
static const char *
nearest(const char *typed, const char *const *names)
{
	struct suggest s = SUGGEST_INIT;

	for (; *names != NULL; names++)
		suggest_try(&s, typed, *names);
	return s.best;
}

static void
test_suggest(void **state)
{
	static const char *const names[] = {
		"start", "list", "show", "check", "stats", "mcgill-big3",
		"desk-break", NULL,
	};

	(void)state;
	assert_string_equal(nearest("lsit", names), "list");        /* swapped */
	assert_string_equal(nearest("mcgil-big3", names), "mcgill-big3");
	assert_string_equal(nearest("SHOW", names), "show");        /* case */
	assert_string_equal(nearest("chek", names), "check");
	assert_string_equal(nearest("stat", names), "stats");       /* it begins "stats" */
	assert_string_equal(nearest("mcg", names), "mcgill-big3");  /* a unique prefix */
	assert_string_equal(nearest("de", names), "desk-break");
	assert_string_equal(nearest("stt", names), "start");        /* first of equals */
	assert_string_equal(nearest("sta", names), "start");        /* two begin so */
	assert_null(nearest("history", names));                     /* too far */
	assert_null(nearest("", names));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plural),
		cmocka_unit_test(test_suggest),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
