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
#include <sys/stat.h>
#include <unistd.h>

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
	assert_int_equal(settings_load(&s, "data/settings/bad", true, &d), 0);
	assert_int_equal(d.nwarnings, sizeof want / sizeof want[0]);
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
	assert_int_equal(settings_load(&s, "data/settings/syntax", false, &d), 0);
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
	assert_int_equal(d.n, 0);
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
	assert_int_equal(settings_load(&s, "data/settings/none", true, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_string_equal(diag_text(&d, 0),
	    "data/settings/none: error: cannot read the settings: No such file or directory");
	diags_free(&d);
	/* a directory is not a settings file */
	assert_int_equal(settings_load(&s, "data/settings", true, &d), -1);
	assert_int_equal(d.nerrors, 1);
	diags_free(&d);
}

/* --- saving: settings_save() through the loader ------------------------- */

static char dir[64];            /* a private directory for the files */

static char *
at(const char *name)
{
	static char buf[2][256];
	static int i;

	i = !i;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return buf[i];
}

static void
put(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* The whole file name as a string (static). */
static const char *
slurp(const char *name)
{
	static char buf[4096];
	FILE *f = fopen(at(name), "r");

	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Loads the file as at start-up: the number of problems; *risks. */
static int
reload(const char *name, unsigned *risks)
{
	struct settings s;
	struct diags d = { 0 };

	settings_defaults(&s);
	int rc = settings_load(&s, at(name), true, &d);
	int n = d.nerrors + d.nwarnings;
	assert_int_equal(rc, d.nerrors > 0 ? -1 : 0);
	*risks = s.risk_factors;
	for (size_t i = 0; i < d.n; i++)
		print_message("    %s\n", diag_text(&d, i));
	diags_free(&d);
	settings_free(&s);
	return n;
}

static int
save(const char *name, unsigned risks, struct diags *d)
{
	return settings_save_risks(at(name), risks, d);
}

static int
setup_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s", "/tmp/bc-settings-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown_dir(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A risk_factors of the wrong type is replaced where it is, not added a
 * second time (which libconfig refuses, and with it the whole file). */
static void
test_save_replaces_a_bad_value(void **state)
{
	struct diags d = { 0 };
	unsigned r;

	(void)state;
	put("typed", "# mine\nvolume = 40; risk_factors = \"cancer\"; # why\nbell = false;\n");
	assert_int_equal(save("typed", 1u << 0, &d), 0);
	assert_string_equal(slurp("typed"), "# mine\nvolume = 40; risk_factors = "
	    "[\"cancer\"]; # why\nbell = false;\n");
	assert_int_equal(reload("typed", &r), 0);
	assert_int_equal(r, 1u << 0);
	/* over lines, with a comment inside: replaced whole */
	put("lines", "risk_factors = [ # mine\n  \"cancer\",\n  \"immune\" ];\nvolume = 40;\n");
	assert_int_equal(save("lines", 0, &d), 0);
	assert_string_equal(slurp("lines"), "risk_factors = [];\nvolume = 40;\n");
	/* none yet: added at the end, after the file's last line */
	put("none", "volume = 40;");
	assert_int_equal(save("none", 1u << 2, &d), 0);
	assert_int_equal(reload("none", &r), 0);
	assert_non_null(strstr(slurp("none"), "volume = 40;\n# Risk factors"));
	/* missing: made */
	assert_int_equal(save("new", 0, &d), 0);
	assert_int_equal(reload("new", &r), 0);
	assert_int_equal(d.n, 0);
}

/* A file the loader refuses is left alone, and said why; nothing hangs. */
static void
test_save_refuses_what_does_not_load(void **state)
{
	struct diags d = { 0 };
	const char *bad[] = {
		"volume = = 4;\n",
		"@include \"fifo\"\n",
		"@include \"sub\"\n",
		"@include \"/proc/self/mem\"\n",
	};

	(void)state;
	assert_int_equal(mkfifo(at("fifo"), 0600), 0);
	assert_int_equal(mkdir(at("sub"), 0700), 0);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		put("bad", bad[i]);
		assert_int_equal(save("bad", 1, &d), -1);
		assert_string_equal(slurp("bad"), bad[i]);
		assert_true(d.nerrors > 0);
		char *why = diags_text(&d, "\n");
		assert_non_null(strstr(why, "cannot save 'risk_factors'"));
		free(why);
		diags_free(&d);
	}
	/* set in an included file: that file is named, nothing written */
	put("inc", "risk_factors = \"x\";\n");
	put("bad", "@include \"inc\"\n");
	assert_int_equal(save("bad", 1, &d), -1);
	assert_non_null(strstr(d.v[0].msg, "is set in"));
	assert_string_equal(slurp("bad"), "@include \"inc\"\n");
	diags_free(&d);
}

/* A byte-order mark, a relative and an absolute @include: saved, and the
 * file still loads with all of them. */
static void
test_save_bom_and_includes(void **state)
{
	struct diags d = { 0 };
	char text[512];
	unsigned r;

	(void)state;
	put("vol", "volume = 30;\n");
	put("bellf", "bell = false;\n");
	snprintf(text, sizeof text, "\xef\xbb\xbf@include \"vol\"\n@include \"%s\"\n",
	    at("bellf"));
	put("bom", text);
	assert_int_equal(reload("bom", &r), 0);
	assert_int_equal(save("bom", 1u << 1, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(reload("bom", &r), 0);
	assert_int_equal(r, 1u << 1);
	assert_memory_equal(slurp("bom"), text, strlen(text));
}

/* A symbolic link stays a link, its target written; the mode is kept. */
static void
test_save_keeps_link_and_mode(void **state)
{
	struct diags d = { 0 };
	struct stat st;
	unsigned r;

	(void)state;
	put("real", "volume = 30;\n");
	assert_int_equal(chmod(at("real"), 0640), 0);
	assert_int_equal(symlink("real", at("link")), 0);
	assert_int_equal(save("link", 1, &d), 0);
	assert_int_equal(lstat(at("link"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(at("real"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(reload("link", &r), 0);
	assert_int_equal(r, 1);
	assert_non_null(strstr(slurp("real"), "risk_factors = [\"cancer\"];"));
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
		cmocka_unit_test_setup_teardown(test_save_replaces_a_bad_value,
		    setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_save_refuses_what_does_not_load,
		    setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_save_bom_and_includes,
		    setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_save_keeps_link_and_mode,
		    setup_dir, teardown_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
