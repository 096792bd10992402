/*
 * test_load.c - routine_load(): real files through libconfig.
 *
 * Every file in tests/data/bad/ holds one problem and says, in its
 * leading "# expect LINE: message" comments, the errors `check` must give
 * for it; this test loads each and compares.  The rest is generated here,
 * in a private temp directory: int and float durations, int64 values,
 * unknown settings, @include, an empty file, binary garbage, a 100 kB
 * name, a directory, a missing file.  Run from tests/ (as `make unit`
 * does).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan.h"
#include "routine_load.h"

static char tmp[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmp, sizeof tmp, "/tmp/bctest.XXXXXX");
	return mkdtemp(tmp) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes `len` bytes to tmp/name; returns the path (static buffer). */
static const char *
write_file(const char *name, const char *text, size_t len)
{
	static char path[256];

	snprintf(path, sizeof path, "%s/%s", tmp, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

static const char *
write_text(const char *name, const char *text)
{
	return write_file(name, text, strlen(text));
}

static void
dump(const struct diags *d)
{
	char line[1024];

	for (size_t i = 0; i < d->n; i++) {
		diags_format(&d->v[i], line, sizeof line);
		print_message("  got: %s\n", line);
	}
}

/* The leading "# expect LINE: message" lines of a bad file. */
struct expect {
	int line;               /* the line the error must name */
	char msg[400];          /* how its message must begin */
};

static int
read_expectations(const char *path, struct expect *ex, int max)
{
	char buf[512];
	int n = 0;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	while (n < max && fgets(buf, sizeof buf, f) != NULL &&
	    sscanf(buf, "# expect %d: %399[^\n]", &ex[n].line, ex[n].msg) == 2)
		n++;
	fclose(f);
	return n;
}

/* One file of tests/data/bad: exactly the errors it expects, each at its
 * line, in this file, and no warnings. */
static void
check_bad_file(const char *path)
{
	struct expect ex[4];
	struct routine r;
	struct diags d = { 0 };
	int n = read_expectations(path, ex, 4);

	if (n == 0)
		fail_msg("%s has no '# expect LINE: message' line", path);
	int rc = routine_load(&r, path, NULL, &d);
	if (d.nerrors != n || d.nwarnings != 0 || (int)d.n != n) {
		print_message("%s:\n", path);
		dump(&d);
	}
	assert_int_equal(rc, -1);
	assert_int_equal(d.nerrors, n);
	assert_int_equal(d.nwarnings, 0);
	assert_int_equal((int)d.n, n);
	for (int i = 0; i < n; i++) {
		const struct diag *g = &d.v[i];
		assert_int_equal(g->sev, DIAG_ERROR);
		assert_string_equal(g->file, path);
		if (g->line != ex[i].line || strncmp(g->msg, ex[i].msg,
		    strlen(ex[i].msg)) != 0)
			fail_msg("%s: want %d: %s\n   got %d: %s", path, ex[i].line,
			    ex[i].msg, g->line, g->msg);
	}
	diags_free(&d);
	routine_free(&r);
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
is_cfg(const struct dirent *e)
{
	size_t len = strlen(e->d_name);
	return len > 4 && strcmp(e->d_name + len - 4, ".cfg") == 0;
}

static void
test_bad_files(void **state)
{
	struct dirent **v;
	char path[512];

	(void)state;
	int n = scandir("data/bad", &v, is_cfg, by_name);
	assert_true(n >= 40);           /* the files are there, and read */
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "data/bad/%s", v[i]->d_name);
		check_bad_file(path);
		free(v[i]);
	}
	free(v);
}

/* What the user sees: "FILE:LINE: error: message". */
static void
test_format_of_a_problem(void **state)
{
	struct routine r;
	struct diags d = { 0 };
	char line[512];

	(void)state;
	routine_load(&r, "data/bad/negative-hold.cfg", NULL, &d);
	assert_int_equal(d.n, 1);
	diags_format(&d.v[0], line, sizeof line);
	assert_string_equal(line, "data/bad/negative-hold.cfg:7: error: 'hold'"
	    " must be from 0.1 to 86400 seconds, not -10");
	diags_free(&d);
	routine_free(&r);

	/* the name shown may differ from the file read (edit's temp copy) */
	routine_load(&r, "data/bad/negative-hold.cfg", "mine.cfg", &d);
	assert_string_equal(d.v[0].file, "mine.cfg");
	assert_string_equal(r.id, "mine");
	diags_free(&d);
	routine_free(&r);
}

static void
test_bundled_routines_are_valid(void **state)
{
	struct dirent **v;
	char path[512];

	(void)state;
	int n = scandir("../routines", &v, is_cfg, by_name);
	assert_true(n >= 1);
	for (int i = 0; i < n; i++) {
		struct routine r;
		struct diags d = { 0 };
		struct plan p;
		snprintf(path, sizeof path, "../routines/%s", v[i]->d_name);
		if (routine_load(&r, path, NULL, &d) != 0 || d.n != 0)
			dump(&d);
		assert_int_equal(d.nerrors, 0);
		assert_int_equal(d.nwarnings, 0);
		assert_true(r.nex >= 1);
		assert_int_equal(plan_build(&p, &r), 0);
		assert_true(p.total_ns > 0);
		plan_free(&p);
		diags_free(&d);
		routine_free(&r);
		free(v[i]);
	}
	free(v);
}

/* Loads text expecting no problem at all. */
static void
load_ok(const char *text, struct routine *r)
{
	struct diags d = { 0 };
	const char *path = write_text("ok.cfg", text);

	if (routine_load(r, path, NULL, &d) != 0 || d.n != 0)
		dump(&d);
	assert_int_equal(d.n, 0);
	diags_free(&d);
}

static void
test_int_and_float_durations(void **state)
{
	struct routine r;

	(void)state;
	load_ok("version = 1;\nname = \"N\";\nlead_in = 2.5;\nrest = 10;\n"
	    "exercises = (\n"
	    " { name = \"a\"; hold = 10; relax = 1; },\n"
	    " { name = \"b\"; hold = 2.5; relax = 0.5; rest = 7.25; },\n"
	    " { name = \"c\"; hold = 10.0; lead_in = 0; },\n"
	    " { name = \"d\"; tempo = [2, 3]; },\n"
	    " { name = \"e\"; tempo = [1.5, 0.25]; },\n"
	    " { name = \"f\"; tempo = 4; },\n"
	    " { name = \"g\"; tempo = 1.5; },\n"
	    " { name = \"h\"; duration = 600; },\n"
	    " { name = \"i\"; duration = 0.1; }\n"
	    ");\n", &r);
	assert_int_equal(r.nex, 9);
	assert_true(r.lead_in == 2.5 && r.rest == 10.0);
	assert_true(r.ex[0].hold == 10.0 && r.ex[0].relax == 1.0);
	assert_true(r.ex[1].hold == 2.5 && r.ex[1].relax == 0.5);
	assert_true(r.ex[1].rest == 7.25);
	assert_true(r.ex[2].hold == 10.0 && r.ex[2].lead_in == 0.0);
	assert_int_equal(r.ex[3].ntempo, 2);
	assert_true(r.ex[3].tempo[0] == 2.0 && r.ex[3].tempo[1] == 3.0);
	assert_true(r.ex[4].tempo[0] == 1.5 && r.ex[4].tempo[1] == 0.25);
	assert_int_equal(r.ex[5].ntempo, 1);
	assert_true(r.ex[5].tempo[0] == 4.0);
	assert_true(r.ex[6].tempo[0] == 1.5);
	assert_true(r.ex[7].duration == 600.0);
	assert_true(r.ex[8].duration == 0.1);

	struct plan p;
	assert_int_equal(plan_build(&p, &r), 0);
	assert_true(p.steps[1].ns == 10 * NS_PER_SEC);
	assert_true(plan_exercise_ns(&p, 8) == INT64_C(2500000000) + INT64_C(100000000));
	plan_free(&p);
	routine_free(&r);
}

/* 5000000000L is read as an int64 and rejected for its size, never
 * silently taken as 0 (what libconfig 1.5's int lookups return). */
static void
test_int64(void **state)
{
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	const char *path = write_text("big.cfg", "version = 1;\nname = \"N\";\n"
	    "exercises = (\n {\n  name = \"a\";\n  hold = 5000000000L;\n"
	    "  reps = 5000000000L;\n  sets = 5000000000L;\n }\n);\n");
	assert_int_equal(routine_load(&r, path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 3);
	assert_true(r.ex[0].reps == INT64_C(5000000000));
	assert_true(r.ex[0].sets_count == INT64_C(5000000000));
	assert_true(r.ex[0].hold == 5e9);
	assert_int_equal(d.v[0].line, 6);
	assert_string_equal(d.v[0].msg, "'hold' must be from 0.1 to 86400 seconds, not 5e+09");
	assert_int_equal(d.v[1].line, 7);
	assert_string_equal(d.v[1].msg, "'reps' must be from 1 to 1000, not 5000000000");
	assert_int_equal(d.v[2].line, 8);
	assert_string_equal(d.v[2].msg, "'sets' must be from 1 to 100, not 5000000000");
	diags_free(&d);
	routine_free(&r);

	/* small values written as int64 are fine */
	load_ok("version = 1L;\nname = \"N\";\nexercises = ({ name = \"a\";"
	    " hold = 10L; reps = 3L; sets = 2L; },\n"
	    " { name = \"b\"; hold = 1; sets = [2L, 1L]; });\n", &r);
	assert_true(r.ex[0].hold == 10.0);
	assert_true(r.ex[0].reps == 3 && r.ex[0].sets_count == 2);
	assert_int_equal(r.ex[1].nsets, 2);
	assert_true(r.ex[1].sets[0] == 2 && r.ex[1].sets[1] == 1);
	routine_free(&r);
}

static void
test_unknown_setting(void **state)
{
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	const char *path = write_text("typo.cfg", "version = 1;\n"
	    "name = \"N\";\nsummry = \"s\";\nexercises = (\n {\n"
	    "  name = \"a\";\n  hold = 10;\n  hlod = 12;\n  banana = 1;\n }\n);\n");
	assert_int_equal(routine_load(&r, path, NULL, &d), 0);
	assert_int_equal(d.nwarnings, 3);
	assert_int_equal(d.v[0].sev, DIAG_WARNING);
	assert_int_equal(d.v[0].line, 3);
	assert_string_equal(d.v[0].msg, "unknown routine setting 'summry'"
	    " (did you mean 'summary'?); it is ignored");
	assert_int_equal(d.v[1].line, 8);
	assert_string_equal(d.v[1].msg, "unknown exercise setting 'hlod'"
	    " (did you mean 'hold'?); it is ignored");
	assert_int_equal(d.v[2].line, 9);
	assert_string_equal(d.v[2].msg, "unknown exercise setting 'banana'; it is ignored");
	assert_true(r.ex[0].hold == 10.0);      /* the typo changed nothing */
	assert_string_equal(d.v[0].file, path);
	diags_free(&d);
	routine_free(&r);

	/* a typo instead of the setting: the warning, and the error it causes */
	path = write_text("typo2.cfg", "version = 1;\nname = \"N\";\n"
	    "exercises = (\n {\n  name = \"a\";\n  temp = 2;\n }\n);\n");
	assert_int_equal(routine_load(&r, path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.nwarnings, 1);
	assert_int_equal(d.v[0].line, 6);
	assert_non_null(strstr(d.v[0].msg, "did you mean 'tempo'?"));
	assert_int_equal(d.v[1].line, 4);
	assert_non_null(strstr(d.v[1].msg, "needs one of"));
	diags_free(&d);
	routine_free(&r);
}

/* @include is relative to the routine's own directory, not the current
 * one; problems in an included file name that file and its line. */
static void
test_include(void **state)
{
	struct routine r;
	struct diags d = { 0 };
	char dir[128], main_path[160];

	(void)state;
	snprintf(dir, sizeof dir, "%s/sub", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	write_text("sub/exercises.cfg", "exercises = (\n"
	    "  { name = \"a\"; hold = 10; },\n  { name = \"b\"; tempo = 2; }\n);\n");
	write_text("sub/main.cfg", "version = 1;\nname = \"With include\";\n"
	    "@include \"exercises.cfg\"\n");
	snprintf(main_path, sizeof main_path, "%s/main.cfg", dir);
	assert_int_equal(routine_load(&r, main_path, NULL, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(r.nex, 2);
	assert_string_equal(r.ex[1].name, "b");
	routine_free(&r);

	/* an error in the included file */
	write_text("sub/broken.cfg", "exercises = (\n  {\n    name = \"a\";\n"
	    "    hold = -1;\n  }\n);\n");
	write_text("sub/main2.cfg", "version = 1;\nname = \"N\";\n"
	    "@include \"broken.cfg\"\n");
	snprintf(main_path, sizeof main_path, "%s/main2.cfg", dir);
	assert_int_equal(routine_load(&r, main_path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.v[0].line, 4);
	size_t len = strlen(d.v[0].file);
	assert_true(len >= 10 && strcmp(d.v[0].file + len - 10, "broken.cfg") == 0);
	diags_free(&d);
	routine_free(&r);

	/* a missing include, and one naming a directory: a message, no crash */
	write_text("sub/main3.cfg", "version = 1;\nname = \"N\";\n"
	    "@include \"nowhere.cfg\"\nexercises = ({ name = \"a\"; hold = 1; });\n");
	snprintf(main_path, sizeof main_path, "%s/main3.cfg", dir);
	assert_int_equal(routine_load(&r, main_path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_string_equal(d.v[0].file, main_path);
	assert_int_equal(d.v[0].line, 3);
	assert_string_equal(d.v[0].msg, "cannot include 'nowhere.cfg': No such file or directory");
	diags_free(&d);
	routine_free(&r);

}

/* Makes tmp/rel (its parent must exist). */
static void
make_dir(const char *rel)
{
	char path[256];

	snprintf(path, sizeof path, "%s/%s", tmp, rel);
	assert_int_equal(mkdir(path, 0700), 0);
}

/* An exercise's figure: found beside the routine, loaded once for two
 * exercises, a user's one of the same name first; missing or invalid, an
 * error at the 'figure' line (after the figure file's own). */
static void
test_figures(void **state)
{
	struct routine r;
	struct diags d = { 0 };
	char path[256], user[160];

	(void)state;
	snprintf(user, sizeof user, "%s/config", tmp);
	setenv("XDG_CONFIG_HOME", user, 1);
	make_dir("r");
	make_dir("r/figures");
	write_text("r/figures/pose.fig", "name Pose\nframe hold\n|o\nframe relax\n|-\n");
	write_text("r/figures/bad.fig", "name Bad\nframe\n|o\nfram\n");
	write_text("r/ok.cfg", "version = 1;\nname = \"N\";\nexercises = (\n"
	    "  { name = \"a\"; hold = 1; figure = \"pose\"; },\n"
	    "  { name = \"b\"; hold = 1; figure = \"pose\"; },\n"
	    "  { name = \"c\"; hold = 1; }\n);\n");
	snprintf(path, sizeof path, "%s/r/ok.cfg", tmp);
	assert_int_equal(routine_load(&r, path, NULL, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(r.nfigs, 1);
	assert_ptr_equal(r.ex[0].fig, r.ex[1].fig);
	assert_null(r.ex[2].fig);
	assert_string_equal(r.ex[0].fig->name, "Pose");
	assert_int_equal(r.ex[0].fig->nframes, 2);
	routine_free(&r);

	/* the user's figure of that name is drawn instead */
	make_dir("config");
	make_dir("config/backcoach");
	make_dir("config/backcoach/routines");
	make_dir("config/backcoach/routines/figures");
	write_text("config/backcoach/routines/figures/pose.fig",
	    "name Mine\nframe\n|x\n");
	snprintf(path, sizeof path, "%s/r/ok.cfg", tmp);
	assert_int_equal(routine_load(&r, path, NULL, &d), 0);
	assert_string_equal(r.ex[0].fig->name, "Mine");
	routine_free(&r);

	/* missing, with the nearest name; invalid, with both files' lines */
	write_text("r/bad.cfg", "version = 1;\nname = \"N\";\nexercises = (\n"
	    "  { name = \"a\"; hold = 1;\n    figure = \"poze\"; },\n"
	    "  { name = \"b\"; hold = 1;\n    figure = \"bad\"; }\n);\n");
	snprintf(path, sizeof path, "%s/r/bad.cfg", tmp);
	assert_int_equal(routine_load(&r, path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 3);
	if (d.n != 3)
		dump(&d);
	assert_int_equal(d.n, 3);
	assert_string_equal(d.v[0].file, path);
	assert_int_equal(d.v[0].line, 5);
	assert_true(strncmp(d.v[0].msg, "no figure 'poze' (did you mean 'pose'?)",
	    39) == 0);
	assert_non_null(strstr(d.v[1].file, "r/figures/bad.fig"));
	assert_int_equal(d.v[1].line, 4);
	assert_true(strncmp(d.v[1].msg, "unknown keyword 'fram'", 22) == 0);
	assert_string_equal(d.v[2].file, path);
	assert_int_equal(d.v[2].line, 7);
	assert_true(strncmp(d.v[2].msg, "figure 'bad' (", 14) == 0);
	assert_null(r.ex[0].fig);
	assert_null(r.ex[1].fig);
	diags_free(&d);
	routine_free(&r);
	unsetenv("XDG_CONFIG_HOME");
}

/* A directory or a FIFO as an include: libconfig 1.5 would exit() or
 * block for ever; a message instead, at the @include line. */
static void
test_include_special(void **state)
{
	static const char *const names[] = { "dir", "fifo" };
	struct routine r;
	struct diags d = { 0 };
	char dir[128], main_path[160], special[160], text[200];

	(void)state;
	snprintf(dir, sizeof dir, "%s/sub2", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(special, sizeof special, "%s/dir", dir);
	assert_int_equal(mkdir(special, 0700), 0);
	snprintf(special, sizeof special, "%s/fifo", dir);
	assert_int_equal(mkfifo(special, 0600), 0);
	for (int i = 0; i < 2; i++) {
		snprintf(text, sizeof text, "version = 1;\nname = \"N\";\n"
		    "  @include \"%s\"\nexercises = ({ name = \"a\"; hold = 1; });\n",
		    names[i]);
		write_text("sub2/special.cfg", text);
		snprintf(main_path, sizeof main_path, "%s/special.cfg", dir);
		assert_int_equal(routine_load(&r, main_path, NULL, &d), -1);
		assert_int_equal(d.nerrors, 1);
		assert_int_equal(d.n, 1);
		assert_string_equal(d.v[0].file, main_path);
		assert_int_equal(d.v[0].line, 3);
		snprintf(text, sizeof text, "cannot include '%s': not a regular file",
		    names[i]);
		assert_string_equal(d.v[0].msg, text);
		diags_free(&d);
		routine_free(&r);
	}
	/* a NUL in the name: libconfig would open "dir/" itself (found by
	 * the fuzzer); refused before libconfig sees it, as any NUL is */
	static const char nul[] = "version = 1;\nname = \"N\";\n"
	    "@include \"\0x\"\nexercises = ({ name = \"a\"; hold = 1; });\n";
	write_file("sub2/nul.cfg", nul, sizeof nul - 1);
	snprintf(main_path, sizeof main_path, "%s/nul.cfg", dir);
	assert_int_equal(routine_load(&r, main_path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.v[0].line, 3);
	assert_string_equal(d.v[0].msg, "a NUL byte: this is not a text file");
	diags_free(&d);
	routine_free(&r);

	/* and nested: an included file that includes the directory */
	write_text("sub2/outer.cfg", "version = 1;\nname = \"N\";\n"
	    "@include \"inner.cfg\"\n");
	write_text("sub2/inner.cfg", "exercises = ({ name = \"a\"; hold = 1; });\n"
	    "@include \"dir\"\n");
	snprintf(main_path, sizeof main_path, "%s/outer.cfg", dir);
	assert_int_equal(routine_load(&r, main_path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_non_null(strstr(d.v[0].file, "inner.cfg"));
	diags_free(&d);
	routine_free(&r);
}

static void
test_empty_file(void **state)
{
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	const char *path = write_text("empty.cfg", "");
	assert_int_equal(routine_load(&r, path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 3);
	assert_string_equal(d.v[0].msg, "missing 'version = 1;'");
	assert_string_equal(d.v[1].msg, "missing the routine's 'name'");
	assert_string_equal(d.v[2].msg, "missing 'exercises': a routine needs at least one");
	for (int i = 0; i < 3; i++) {
		assert_int_equal(d.v[i].line, 1);
		assert_string_equal(d.v[i].file, path);
	}
	diags_free(&d);
	routine_free(&r);

	/* only comments and blank lines: the same */
	path = write_text("comments.cfg", "# nothing\n\n// here\n/* at all */\n");
	assert_int_equal(routine_load(&r, path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 3);
	diags_free(&d);
	routine_free(&r);
}

/* Random bytes, NULs included: an error naming the file, never a crash. */
static void
test_binary_garbage(void **state)
{
	static unsigned char buf[65536];
	uint64_t x = 0x9E3779B97F4A7C15ULL;

	(void)state;
	for (int round = 0; round < 20; round++) {
		size_t len = round == 0 ? sizeof buf : 1 + (size_t)(x % sizeof buf);
		for (size_t i = 0; i < len; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			buf[i] = (unsigned char)x;
		}
		if (round % 4 == 1)     /* valid start, then garbage */
			memcpy(buf, "version = 1;\nname = \"", 21);
		struct routine r;
		struct diags d = { 0 };
		const char *path = write_file("garbage.cfg", (const char *)buf, len);
		assert_int_equal(routine_load(&r, path, NULL, &d), -1);
		assert_true(d.nerrors >= 1);
		assert_true(d.n >= 1);
		assert_string_equal(d.v[0].file, path);
		diags_free(&d);
		routine_free(&r);
	}
}

/* A 100 kB name, and a 100 kB setting name: one clear error or warning. */
static void
test_huge_name(void **state)
{
	const size_t big = 100 * 1024;
	char *text = malloc(big + 200);
	struct routine r;
	struct diags d = { 0 };
	char want[128];

	(void)state;
	int n = sprintf(text, "version = 1;\nname = \"");
	memset(text + n, 'x', big);
	strcpy(text + n + big, "\";\nexercises = ({ name = \"a\"; hold = 1; });\n");
	const char *path = write_text("huge.cfg", text);
	assert_int_equal(routine_load(&r, path, NULL, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.v[0].line, 2);
	snprintf(want, sizeof want, "'name' is too long: %zu characters, at most 80", big);
	assert_string_equal(d.v[0].msg, want);
	diags_free(&d);
	routine_free(&r);

	n = sprintf(text, "version = 1;\nname = \"N\";\nh");
	memset(text + n, 'o', big);
	strcpy(text + n + big, " = 1;\nexercises = ({ name = \"a\"; hold = 1; });\n");
	path = write_text("huge2.cfg", text);
	assert_int_equal(routine_load(&r, path, NULL, &d), 0);
	assert_int_equal(d.nwarnings, 1);
	assert_int_equal(d.v[0].line, 3);
	assert_true(strncmp(d.v[0].msg, "unknown routine setting 'hooo", 29) == 0);
	diags_free(&d);
	routine_free(&r);
	free(text);
}

static void
test_not_a_file(void **state)
{
	struct routine r;
	struct diags d = { 0 };

	(void)state;
	assert_int_equal(routine_load(&r, tmp, NULL, &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_string_equal(d.v[0].file, tmp);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].msg, "not a regular file");
	diags_free(&d);
	routine_free(&r);

	assert_int_equal(routine_load(&r, "/dev/null", NULL, &d), -1);

	assert_int_equal(d.nerrors, 1);
	assert_string_equal(d.v[0].msg, "not a regular file");
	diags_free(&d);
	routine_free(&r);

	assert_int_equal(routine_load(&r, "data/no-such-routine.cfg", NULL, &d), -1);

	assert_int_equal(d.nerrors, 1);
	assert_string_equal(d.v[0].file, "data/no-such-routine.cfg");
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].msg, "cannot open: No such file or directory");
	char line[256];
	diags_format(&d.v[0], line, sizeof line);
	assert_string_equal(line, "data/no-such-routine.cfg: error: cannot open:"
	    " No such file or directory");
	diags_free(&d);
	routine_free(&r);
}

static void
test_id_from_path(void **state)
{
	char *id;

	(void)state;
	assert_string_equal(id = routine_id_from_path("routines/mcgill-big3.cfg"), "mcgill-big3");
	free(id);
	assert_string_equal(id = routine_id_from_path("walk"), "walk");
	free(id);
	assert_string_equal(id = routine_id_from_path("/a/b/.cfg"), ".cfg");
	free(id);
	assert_string_equal(id = routine_id_from_path("x.cfg.bak"), "x.cfg.bak");
	free(id);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_format_of_a_problem),
		cmocka_unit_test(test_bundled_routines_are_valid),
		cmocka_unit_test(test_int_and_float_durations),
		cmocka_unit_test(test_int64),
		cmocka_unit_test(test_unknown_setting),
		cmocka_unit_test(test_include),
		cmocka_unit_test(test_include_special),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_binary_garbage),
		cmocka_unit_test(test_huge_name),
		cmocka_unit_test(test_not_a_file),
		cmocka_unit_test(test_id_from_path),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
