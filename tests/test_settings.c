/*
 * test_settings.c - the settings file: every setting read, every kind of
 * mistake a warning on its own line with the default kept, a missing file
 * fine unless it was asked for.  Files are in tests/data/settings/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "settings.h"

/* The formatted diagnostic i, for comparing with what a user sees. */
static const char *
diag_text(const struct diags *d, size_t i)
{
	static char buf[1024];

	assert_true(i < d->n);
	diags_format(&d->v[i], buf, sizeof buf);
	return buf;
}

static void
test_defaults(void **state)
{
	struct settings s;

	(void)state;
	settings_defaults(&s);
	assert_true(s.sound);
	assert_null(s.sound_theme);
	assert_int_equal(s.volume, 100);
	assert_true(s.bell);
	assert_true(s.color);
	assert_true(s.lead_in < 0);
	assert_int_equal(s.red_flags, SAFETY_SCREEN_DAILY);
	assert_true(s.pain_prompts);
	assert_true(s.water_reminder);
	assert_null(s.history);
}

static void
test_every_setting(void **state)
{
	struct settings s;
	struct diags d = { 0 };

	(void)state;
	setenv("HOME", "/home/tester", 1);
	settings_defaults(&s);
	assert_int_equal(settings_load(&s, "data/settings/good", true, &d), 0);
	assert_int_equal(d.n, 0);
	assert_false(s.sound);
	assert_string_equal(s.sound_theme, "backcoach-voice");
	assert_int_equal(s.volume, 40);
	assert_false(s.bell);
	assert_false(s.color);
	assert_true(s.lead_in == 2.5);
	assert_int_equal(s.red_flags, SAFETY_SCREEN_WEEKLY);
	assert_string_equal(settings_red_flags_word(s.red_flags), "weekly");
	assert_false(s.pain_prompts);
	assert_false(s.water_reminder);
	assert_string_equal(s.history, "/home/tester/health/backcoach.tsv");
	free(s.sound_theme);
	free(s.history);
	diags_free(&d);
}

static void
test_mistakes_are_warnings(void **state)
{
	static const char *want[] = {
		"data/settings/bad:2: warning: 'sound' must be true or false, not \"yes\"; it is ignored",
		"data/settings/bad:3: warning: unknown setting 'sound_them' (did you mean 'sound_theme'?); it is ignored",
		"data/settings/bad:4: warning: 'volume' must be a whole number from 0 to 100, not 101; it is ignored",
		"data/settings/bad:5: warning: 'lead_in' must be a number of seconds from 0 to 600, not 601; it is ignored",
		"data/settings/bad:6: warning: 'red_flags' must be \"every\", \"daily\", \"weekly\" or \"never\", not \"monthly\"; it is ignored",
		"data/settings/bad:7: warning: 'history' must be an absolute file name, or one starting with ~/, not \"relative/path\"; it is ignored",
		"data/settings/bad:8: warning: unknown setting 'colour' (did you mean 'color'?); it is ignored",
		"data/settings/bad:9: warning: 'sound_theme' must be a theme name such as \"backcoach\", not \"a/b\"; it is ignored",
		"data/settings/bad:11: warning: unknown setting 'frobnicate'; it is ignored",
	};
	struct settings s;
	struct diags d = { 0 };

	(void)state;
	settings_defaults(&s);
	int n = settings_load(&s, "data/settings/bad", true, &d);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	assert_int_equal(d.nerrors, 0);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_string_equal(diag_text(&d, i), want[i]);
	/* the defaults stand where the file was wrong ... */
	assert_true(s.sound);
	assert_int_equal(s.volume, 100);
	assert_true(s.lead_in < 0);
	assert_int_equal(s.red_flags, SAFETY_SCREEN_DAILY);
	assert_null(s.history);
	assert_null(s.sound_theme);
	assert_true(s.color);
	/* ... and a good line among bad ones still counts */
	assert_false(s.bell);
	diags_free(&d);
}

static void
test_syntax_error(void **state)
{
	struct settings s;
	struct diags d = { 0 };

	(void)state;
	settings_defaults(&s);
	assert_int_equal(settings_load(&s, "data/settings/syntax", false, &d), 1);
	assert_int_equal(d.nwarnings, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_string_equal(d.v[0].file, "data/settings/syntax");
	assert_non_null(strstr(d.v[0].msg, "every setting keeps its default"));
	assert_true(s.sound);   /* nothing of a broken file is used */
	diags_free(&d);
}

static void
test_edges_of_ranges(void **state)
{
	struct settings s;
	struct diags d = { 0 };

	(void)state;
	settings_defaults(&s);
	assert_int_equal(settings_load(&s, "data/settings/edges", true, &d), 0);
	assert_true(s.lead_in == 0);
	assert_int_equal(s.volume, 0);
	assert_string_equal(s.history, "/abs/h");
	free(s.history);
	diags_free(&d);
}

static void
test_missing_file(void **state)
{
	struct settings s;
	struct diags d = { 0 };

	(void)state;
	settings_defaults(&s);
	/* the default file may well not exist: no message */
	assert_int_equal(settings_load(&s, "data/settings/none", false, &d), 0);
	assert_int_equal(d.n, 0);
	/* a file asked for with --config must exist */
	assert_int_equal(settings_load(&s, "data/settings/none", true, &d), 1);
	assert_int_equal(d.nerrors, 1);
	assert_string_equal(diag_text(&d, 0),
	    "data/settings/none: error: cannot read the settings: No such file or directory");
	diags_free(&d);
	/* a directory is not a settings file */
	assert_int_equal(settings_load(&s, "data/settings", true, &d), 1);
	assert_int_equal(d.nerrors, 1);
	diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_setting),
		cmocka_unit_test(test_mistakes_are_warnings),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_edges_of_ranges),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
