/*
 * test_lineedit.c - the line being typed at a prompt (lineedit.c): the
 * cursor moves and deletes by whole characters, never half of one.
 * Linked against the pure core only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "lineedit.h"

/* Types s (UTF-8) at the cursor, a character at a time. */
static void
type(struct line_edit *e, const char *s)
{
	static const struct { const char *s; uint32_t c; } cps[] = {
		{ "é", 0xe9 }, { "—", 0x2014 }, { "日", 0x65e5 }, { "本", 0x672c },
		{ "😀", 0x1f600 },
	};

	while (*s) {
		size_t k;
		for (k = 0; k < sizeof cps / sizeof cps[0]; k++)
			if (strncmp(s, cps[k].s, strlen(cps[k].s)) == 0)
				break;
		if (k < sizeof cps / sizeof cps[0]) {
			assert_true(line_insert(e, cps[k].c));
			s += strlen(cps[k].s);
		} else {
			assert_true(line_insert(e, (unsigned char)*s++));
		}
	}
}

static void
test_insert_and_move(void **state)
{
	char buf[32];
	struct line_edit e;

	(void)state;
	line_init(&e, buf, sizeof buf);
	type(&e, "café 日本");
	assert_string_equal(buf, "café 日本");
	assert_int_equal(e.cur, strlen(buf));
	line_left(&e);                          /* before 本 */
	line_left(&e);                          /* before 日 */
	type(&e, "—");
	assert_string_equal(buf, "café —日本");
	line_to_start(&e);
	line_left(&e);                          /* stays */
	assert_int_equal(e.cur, 0);
	type(&e, "X");
	line_right(&e);
	line_right(&e);
	line_right(&e);
	line_right(&e);                         /* past é */
	type(&e, "!");
	assert_string_equal(buf, "Xcafé! —日本");
	line_to_end(&e);
	line_right(&e);                         /* stays */
	assert_int_equal(e.cur, strlen(buf));
	type(&e, "😀");
	assert_string_equal(buf, "Xcafé! —日本😀");
}

static void
test_full(void **state)
{
	char buf[6];
	struct line_edit e;

	(void)state;
	line_init(&e, buf, sizeof buf);
	type(&e, "ab日");                       /* 5 bytes and the NUL */
	assert_false(line_insert(&e, 'c'));
	assert_false(line_insert(&e, 0xd800));  /* a surrogate */
	line_init(&e, buf, sizeof buf);
	assert_false(line_insert(&e, 0x110000));
	assert_string_equal(buf, "");
}

static void
test_delete(void **state)
{
	char buf[64];
	struct line_edit e;

	(void)state;
	line_init(&e, buf, sizeof buf);
	type(&e, "sore 日本 knee");
	line_backspace(&e);
	assert_string_equal(buf, "sore 日本 kne");
	line_left(&e);
	line_left(&e);
	line_left(&e);
	line_left(&e);                          /* before the space */
	line_backspace(&e);                     /* 本, whole */
	assert_string_equal(buf, "sore 日 kne");
	line_delete(&e);                        /* the space */
	assert_string_equal(buf, "sore 日kne");
	line_delete(&e);
	assert_string_equal(buf, "sore 日ne");
	line_left(&e);
	line_delete(&e);                        /* 日, whole */
	assert_string_equal(buf, "sore ne");
	line_to_end(&e);
	line_delete(&e);                        /* nothing under it */
	line_kill_word(&e);
	assert_string_equal(buf, "sore ");
	line_kill_word(&e);                     /* the spaces, then the word */
	assert_string_equal(buf, "");
	type(&e, "left  right");
	line_left(&e);
	line_left(&e);
	line_left(&e);
	line_left(&e);
	line_left(&e);                          /* before "right" */
	line_kill_before(&e);
	assert_string_equal(buf, "right");
	assert_int_equal(e.cur, 0);
	line_backspace(&e);                     /* nothing before it */
	line_kill_word(&e);
	assert_string_equal(buf, "right");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_and_move),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_delete),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
