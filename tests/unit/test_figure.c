/*
 * test_figure.c - figure files (figure.c, figure_art.c): parsing, every
 * class of error at its line, mirrored frames, the frame picked for a
 * step, the ASCII stand-ins and the text `show --figures` prints.
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

#include "figure.h"
#include "text.h"

/* Parses text as "t.fig"; returns how many errors, the diagnostics in
 * *d, after checking figure_parse's status says the same (-1: some). */
static int
parse(struct figure *f, const char *text, struct diags *d)
{
	memset(d, 0, sizeof *d);
	int rc = figure_parse(f, text, strlen(text), "t.fig", d);
	assert_int_equal(rc, d->nerrors > 0 ? -1 : 0);
	return d->nerrors;
}

/* Asserts text has exactly one error, at line, its message containing
 * words. */
static void
expect_error(const char *text, int line, const char *words)
{
	struct figure f;
	struct diags d;

	int n = parse(&f, text, &d);
	if (n != 1 || d.v[0].line != line || strstr(d.v[0].msg, words) == NULL) {
		for (size_t i = 0; i < d.n; i++)
			print_message("  %s:%d: %s\n", d.v[i].file, d.v[i].line,
			    d.v[i].msg);
		fail_msg("want one error at line %d with '%s', got %d", line,
		    words, n);
	}
	assert_string_equal(d.v[0].file, "t.fig");
	diags_free(&d);
	figure_free(&f);
}

static const char bridge[] =
    "\xef\xbb\xbf# a comment\n"
    "name Bridge\n"
    "\n"
    "frame relax\n"
    "|\n"
    "|  \xe2\x97\x8f\xe2\x94\x81\xe2\x94\x81\xe2\x95\xb1\xe2\x95\xb2   \n"    /* ●━━╱╲ */
    "|\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94\n"
    "|\n"
    "|   \n"
    "  # an indented comment\n"
    "frame  Hold \r\n"
    "|  \xe2\x97\x8f\xe2\x94\x81\xe2\x95\xb1\xe2\x94\x81\xe2\x95\xb2\r\n"
    "|\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94\xe2\x96\x94";

static void
test_parse(void **state)
{
	struct figure f;
	struct diags d;

	(void)state;
	assert_int_equal(parse(&f, bridge, &d), 0);
	assert_int_equal(d.n, 0);
	assert_string_equal(f.name, "Bridge");
	assert_int_equal(f.nframes, 2);
	assert_string_equal(f.frames[0].label, "relax");
	assert_int_equal(f.frames[0].line, 4);
	/* the leading blank row is kept, the trailing ones dropped */
	assert_int_equal(f.frames[0].nrows, 3);
	assert_string_equal(f.frames[0].rows[0], "");
	assert_string_equal(f.frames[0].rows[1],
	    "  \xe2\x97\x8f\xe2\x94\x81\xe2\x94\x81\xe2\x95\xb1\xe2\x95\xb2");
	assert_int_equal(f.frames[0].width, 7);
	assert_string_equal(f.frames[1].label, "Hold");     /* CRLF, blanks */
	assert_int_equal(f.frames[1].nrows, 2);
	assert_int_equal(f.width, 7);
	assert_int_equal(f.height, 3);
	figure_free(&f);
	diags_free(&d);
}

/* Every class of error, each reported once, at its line. */
static void
test_errors(void **state)
{
	char wide[64], tall[512];
	size_t k = 0;

	(void)state;
	expect_error("name X\nfram hold\nframe\n|o\n", 2,
	    "unknown keyword 'fram' (did you mean 'frame'?)");
	expect_error("name X\nframe\n|o\nsize 3\n", 4, "unknown keyword 'size'");
	snprintf(wide, sizeof wide, "name X\nframe\n|%31s\n", "o");
	expect_error(wide, 3, "too wide: 31 columns, at most 30");
	k += (size_t)snprintf(tall + k, sizeof tall - k, "name X\nframe\n");
	for (int i = 0; i < 14; i++)
		k += (size_t)snprintf(tall + k, sizeof tall - k, "|o\n");
	expect_error(tall, 15, "too tall: at most 12 rows");
	expect_error("name X\nframe\n|o\x1b[2J\n", 3, "control character");
	expect_error("name X\x07\nframe\n|o\n", 1, "control character");
	expect_error("name X\nframe\n|o\to\n", 3, "tab");
	expect_error("name X\nframe\n|o\xff\n", 3, "not valid UTF-8");
	expect_error("name X\nframe\n|o\xe4\xb8\x80\n", 3,      /* 一: wide */
	    "U+4E00 cannot be drawn in a figure");
	expect_error("name X\nframe\n|o\xe2\x80\xae" "o\n", 3, "U+202E");
	expect_error("name X\nframe\n|o\xe2\x97\xbd\n", 3, "U+25FD");
	expect_error("name X\nframe hold\n|o\nframe relax\n|\n|   \n", 4,
	    "frame 'relax' is empty");
	expect_error("name X\nframe hold\n|o\nframe relax\n|o\nframe HOLD\n|o\n",
	    6, "frame 'HOLD' is given twice (first at line 2)");
	expect_error("name X\nframe hold left\n|o\nframe left  hold\n|o\n", 4,
	    "given twice (first at line 2)");
	expect_error("name X\nframe\n|o\nframe\n|o\n", 4,
	    "a second frame without a label (the first is at line 2)");
	expect_error("name X\n|o\nframe\n|o\n", 2, "outside a frame");
	expect_error("# nothing\nframe\n|o\n", 1, "missing the 'name' line");
	expect_error("name X\n", 1, "no frame");
	expect_error("name X\nname Y\nframe\n|o\n", 2,
	    "a second 'name' line (the first is at line 1)");
	expect_error("name X\nframe hold left\n|o\nmirror right left\n", 4,
	    "no frame's label has the word 'right'");
	expect_error("name X\nframe left\n|o\nframe right\n|o\nmirror left right\n",
	    6, "frame 'right' is given already (line 4)");
	expect_error("name X\nframe\n|o\nmirror left\n", 4, "two different words");
	expect_error("name X\nframe a\n|o\nframe b\n|o\nframe c\n|o\nframe d\n|o\n"
	    "frame e\n|o\nframe f\n|o\nframe g\n|o\nframe h\n|o\nframe i\n|o\n",
	    18, "too many frames: at most 8");
	struct figure f;
	struct diags d = { 0 };
	static const char nul[] = "name X\nframe\n|o\0o\n";
	assert_int_equal(figure_parse(&f, nul, sizeof nul - 1, "t.fig", &d), -1);
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.v[0].line, 3);
	assert_non_null(strstr(d.v[0].msg, "NUL"));
	figure_free(&f);
	diags_free(&d);
}

static void
test_mirror(void **state)
{
	struct figure f;
	struct diags d;

	(void)state;
	/* "┏━●" and "/  (" mirrored within the frame's 4 columns */
	assert_int_equal(parse(&f, "name X\nmirror left right\nframe hold left\n"
	    "|\xe2\x94\x8f\xe2\x94\x81\xe2\x97\x8f\n|/  (\nframe relax\n|o\n",
	    &d), 0);
	assert_int_equal(f.nframes, 3);
	assert_string_equal(f.frames[2].label, "hold right");
	assert_int_equal(f.frames[2].line, 2);
	assert_true(f.frames[2].mirrored);
	assert_false(f.frames[0].mirrored);
	assert_string_equal(f.frames[2].rows[0],
	    " \xe2\x97\x8f\xe2\x94\x81\xe2\x94\x93");          /* " ●━┓" */
	assert_string_equal(f.frames[2].rows[1], ")  \\");
	assert_int_equal(f.frames[2].width, 4);
	figure_free(&f);
	diags_free(&d);
	assert_int_equal(figure_mirror_char(0x256d), 0x256e);  /* ╭ ╮ */
	assert_int_equal(figure_mirror_char(0x256e), 0x256d);
	assert_int_equal(figure_mirror_char(0x25cf), 0x25cf);  /* ● */
	assert_int_equal(figure_mirror_char('<'), '>');
}

/* A figure with a frame per role, side and phase, to pick from. */
static const char frames[] =
    "name X\n"
    "frame\n|0\n"
    "frame relax left\n|1\n"
    "frame hold left\n|2\n"
    "frame relax right\n|3\n"
    "frame hold right\n|4\n"
    "frame arch\n|5\n"
    "frame round\n|6\n"
    "frame hold odd\n|7\n";

static const char *
pick(const struct figure *f, const char *role, const char *phase, int side,
    int rep)
{
	return figure_pick(f, role, phase, side, rep)->rows[0];
}

static void
test_pick(void **state)
{
	struct figure f;
	struct diags d;

	(void)state;
	assert_int_equal(parse(&f, frames, &d), 0);
	assert_string_equal(pick(&f, "hold", NULL, 1, 2), "2");
	assert_string_equal(pick(&f, "hold", NULL, 2, 2), "4");
	assert_string_equal(pick(&f, "relax", NULL, 2, 1), "3");
	/* getting ready is the relaxed position, on the first side */
	assert_string_equal(pick(&f, "ready", NULL, 1, 0), "1");
	/* switching sides: the relaxed position, on the second */
	assert_string_equal(pick(&f, "switch", NULL, 2, 0), "3");
	/* tempo phases by their word, in any case */
	assert_string_equal(pick(&f, NULL, "Arch", 0, 1), "5");
	assert_string_equal(pick(&f, NULL, "ROUND", 0, 2), "6");
	/* odd and even reps */
	assert_string_equal(pick(&f, "hold", NULL, 0, 3), "7");
	/* no frame whose words are all the step's: the unlabelled one */
	assert_string_equal(pick(&f, "hold", NULL, 0, 2), "0");
	assert_string_equal(pick(&f, "time", NULL, 0, 0), "0");
	figure_free(&f);
	diags_free(&d);
	/* without an unlabelled frame: the one most in common, fewest not */
	assert_int_equal(parse(&f, "name X\nframe hold left\n|a\n"
	    "frame relax left\n|b\nframe relax\n|c\n", &d), 0);
	assert_string_equal(pick(&f, "rest", NULL, 0, 0), "c");
	assert_string_equal(pick(&f, "hold", NULL, 2, 1), "a");
	assert_string_equal(pick(&f, "time", NULL, 0, 0), "c");
	figure_free(&f);
	diags_free(&d);
}

/* Every character a figure may use has a printable ASCII stand-in; and
 * none of those the terminal would not draw one column wide. */
static void
test_ascii(void **state)
{
	char out[64];

	(void)state;
	for (uint32_t c = 0; c < 0x30000; c++) {
		if (!figure_char_ok(c))
			continue;
		char a = figure_ascii_char(c);
		if (a < 0x20 || a > 0x7e)
			fail_msg("U+%04X has no ASCII stand-in", (unsigned)c);
		assert_false(text_is_control(c));
		assert_false(text_is_bidi(c));
		assert_true(c < 0x0300 || c >= 0x2010);        /* no combining */
	}
	assert_false(figure_char_ok('\t'));
	assert_false(figure_char_ok(0x1b));
	assert_false(figure_char_ok(0x4e00));
	assert_false(figure_char_ok(0x1f600));
	assert_int_equal(figure_ascii_char(0x2500), '-');       /* ─ */
	assert_int_equal(figure_ascii_char(0x2501), '-');       /* ━ */
	assert_int_equal(figure_ascii_char(0x2503), '|');       /* ┃ */
	assert_int_equal(figure_ascii_char(0x250f), '+');       /* ┏ */
	assert_int_equal(figure_ascii_char(0x254b), '+');       /* ╋ */
	assert_int_equal(figure_ascii_char(0x2571), '/');       /* ╱ */
	assert_int_equal(figure_ascii_char(0x2572), '\\');      /* ╲ */
	assert_int_equal(figure_ascii_char(0x2588), '#');       /* █ */
	assert_int_equal(figure_ascii_char(0x2580), '#');       /* ▀ */
	assert_int_equal(figure_ascii_char(0x2594), '=');       /* ▔ floor */
	assert_int_equal(figure_ascii_char(0x25cf), 'O');       /* ● head */
	assert_int_equal(figure_ascii_char(0x2192), '>');       /* → */
	assert_int_equal(figure_ascii(" \xe2\x97\x8f\xe2\x94\x81\xe2\x94\xb3 x",
	    out, sizeof out), 6);
	assert_string_equal(out, " O-+ x");
	assert_int_equal(figure_ascii("\xe2\x97\x8f\xe2\x94\x81", out, 2), 2);
	assert_string_equal(out, "O");                          /* cut */
}

/* The Linux console's characters: cp437's light and double lines and
 * blocks kept, heavy and rounded lines drawn light, the rest in ASCII. */
static void
test_console(void **state)
{
	char out[64];

	(void)state;
	for (uint32_t c = 0x20; c < 0x2600; c++) {
		if (!figure_char_ok(c))
			continue;
		uint32_t k = figure_console_char(c);
		bool cp437 = (k >= 0x20 && k <= 0x7e) || k == 0xb0 || k == 0xb7 ||
		    (k >= 0x2500 && k <= 0x256c) || (k >= 0x2580 && k <= 0x25a0);
		if (!cp437)
			fail_msg("U+%04X drawn as U+%04X", (unsigned)c, (unsigned)k);
	}
	assert_int_equal(figure_console_char(0x2500), 0x2500);   /* ─ kept */
	assert_int_equal(figure_console_char(0x2551), 0x2551);   /* ║ kept */
	assert_int_equal(figure_console_char(0x2588), 0x2588);   /* █ kept */
	assert_int_equal(figure_console_char(0x2501), 0x2500);   /* ━ light */
	assert_int_equal(figure_console_char(0x2503), 0x2502);   /* ┃ light */
	assert_int_equal(figure_console_char(0x2513), 0x2510);   /* ┓ ┐ */
	assert_int_equal(figure_console_char(0x2523), 0x251c);   /* ┣ ├ */
	assert_int_equal(figure_console_char(0x2537), 0x2534);   /* ┷ ┴ */
	assert_int_equal(figure_console_char(0x256d), 0x250c);   /* ╭ ┌ */
	assert_int_equal(figure_console_char(0x256f), 0x2518);   /* ╯ ┘ */
	assert_int_equal(figure_console_char(0x2594), 0x2580);   /* ▔ floor ▀ */
	assert_int_equal(figure_console_char(0x25cf), 'O');      /* ● */
	assert_int_equal(figure_console_char(0x2572), '\\');    /* ╲ */
	assert_int_equal(figure_console_char(0x2192), '>');      /* → */
	assert_int_equal(figure_console(" \xe2\x97\x8f\xe2\x94\x81\xe2\x94\xb3 x",
	    out, sizeof out), 10);
	assert_string_equal(out, " O\xe2\x94\x80\xe2\x94\xac x");     /* " O─┬ x" */
}

static void
test_render(void **state)
{
	struct figure f;
	struct diags d;

	(void)state;
	assert_int_equal(parse(&f, "name X\nmirror left right\n"
	    "frame relax left\n|\xe2\x97\x8f\xe2\x94\x81\n|ab\n"
	    "frame hold left\n|\xe2\x97\x8f\n", &d), 0);
	char *t = figure_render(&f, true, 80, true);
	assert_non_null(t);
	/* side by side, 3 apart, the bottoms level, the labels under */
	assert_string_equal(t,
	    "O-                       -O\n"
	    "ab           O           ba            O\n"
	    "relax left   hold left   relax right   hold right\n");
	free(t);
	/* in 30 columns, two bands; the mirrored frames left out */
	t = figure_render(&f, false, 30, false);
	assert_non_null(t);
	assert_string_equal(t,
	    "\xe2\x97\x8f\xe2\x94\x81\n"
	    "ab           \xe2\x97\x8f\n"
	    "relax left   hold left\n");
	free(t);
	t = figure_render(&f, true, 12, true);
	assert_non_null(t);
	for (const char *p = t; *p; p++)
		assert_true((unsigned char)*p < 0x80);
	assert_non_null(strstr(t, "relax left\n\n"));
	free(t);
	figure_free(&f);
	diags_free(&d);
}

static void
test_id(void **state)
{
	const char *why = NULL;

	(void)state;
	assert_true(figure_id_ok("bird-dog", NULL));
	assert_true(figure_id_ok("knee_rolls.v2", NULL));
	assert_false(figure_id_ok("../secret", &why));
	assert_non_null(why);
	assert_false(figure_id_ok(".hidden", NULL));
	assert_false(figure_id_ok("a/b", &why));
	assert_non_null(strstr(why, "letters, digits"));
	assert_false(figure_id_ok("", NULL));
	assert_false(figure_id_ok("a234567890123456789012345678901234567890x",
	    NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_mirror),
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_console),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
