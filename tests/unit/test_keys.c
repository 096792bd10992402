/*
 * test_keys.c - the key table of keys.c: every key issue 3 names does
 * what it says in its context, no key means two things in one context,
 * and every row can be shown in the help and the man page.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "keys.h"

/* Space, n/Right, N, b/Left, +, -, m, ? and q in a session. */
static void
test_session_keys(void **state)
{
	(void)state;
	assert_int_equal(keys_action(KC_SESSION, ' '), ACT_PAUSE);
	assert_int_equal(keys_action(KC_SESSION, 'n'), ACT_NEXT);
	assert_int_equal(keys_action(KC_SESSION, KEYS_RIGHT), ACT_NEXT);
	assert_int_equal(keys_action(KC_SESSION, 'N'), ACT_SKIP);
	assert_int_equal(keys_action(KC_SESSION, 'b'), ACT_BACK);
	assert_int_equal(keys_action(KC_SESSION, KEYS_LEFT), ACT_BACK);
	assert_int_equal(keys_action(KC_SESSION, '+'), ACT_MORE);
	assert_int_equal(keys_action(KC_SESSION, '-'), ACT_LESS);
	assert_int_equal(keys_action(KC_SESSION, 'm'), ACT_MUTE);
	assert_int_equal(keys_action(KC_SESSION, '?'), ACT_HELP);
	assert_int_equal(keys_action(KC_SESSION, 'q'), ACT_QUIT);
	assert_int_equal(keys_action(KC_SESSION, 'x'), ACT_NONE);
	assert_int_equal(keys_action(KC_SESSION, KEYS_ENTER), ACT_NONE);
}

/* Arrows, j/k, Enter, ? and q in the picker; Esc closes an overlay; the
 * quit question takes y and n; Enter and q leave the end screen. */
static void
test_other_contexts(void **state)
{
	(void)state;
	assert_int_equal(keys_action(KC_PICKER, KEYS_UP), ACT_UP);
	assert_int_equal(keys_action(KC_PICKER, 'k'), ACT_UP);
	assert_int_equal(keys_action(KC_PICKER, KEYS_DOWN), ACT_DOWN);
	assert_int_equal(keys_action(KC_PICKER, 'j'), ACT_DOWN);
	assert_int_equal(keys_action(KC_PICKER, KEYS_ENTER), ACT_START);
	assert_int_equal(keys_action(KC_PICKER, 'e'), ACT_EDIT);
	assert_int_equal(keys_action(KC_SESSION, 'e'), ACT_NONE);
	assert_int_equal(keys_action(KC_PICKER, '?'), ACT_HELP);
	assert_int_equal(keys_action(KC_PICKER, 'q'), ACT_QUIT);
	assert_int_equal(keys_action(KC_PICKER, ' '), ACT_NONE);
	assert_int_equal(keys_action(KC_HELP, KEYS_ESC), ACT_CLOSE);
	assert_int_equal(keys_action(KC_CONFIRM, KEYS_ESC), ACT_NO);
	assert_int_equal(keys_action(KC_CONFIRM, 'n'), ACT_NO);
	assert_int_equal(keys_action(KC_CONFIRM, 'y'), ACT_YES);
	assert_int_equal(keys_action(KC_END, KEYS_ENTER), ACT_CLOSE);
	assert_int_equal(keys_action(KC_END, 'q'), ACT_CLOSE);
	assert_int_equal(keys_action(KC_YESNO, 'y'), ACT_YES);
	assert_int_equal(keys_action(KC_YESNO, KEYS_ESC), ACT_NO);
	assert_int_equal(keys_action(KC_YESNO, 'q'), ACT_NONE);
	assert_int_equal(keys_action(KC_INPUT, KEYS_ENTER), ACT_ACCEPT);
	assert_int_equal(keys_action(KC_INPUT, 'x'), ACT_NONE);
}

/* A message takes any key; a binding of its own would come first. */
static void
test_any_key(void **state)
{
	(void)state;
	assert_int_equal(keys_action(KC_MESSAGE, 'x'), ACT_CLOSE);
	assert_int_equal(keys_action(KC_MESSAGE, KEYS_ENTER), ACT_CLOSE);
	assert_int_equal(keys_action(KC_SESSION, 'x'), ACT_NONE);
}

/* Footers come from the table: neighbours with one hint share it, and
 * what does not fit goes, rank 3 first, rank 1 never. */
static void
test_hints(void **state)
{
	char buf[256];

	(void)state;
	assert_string_equal(keys_hints(KC_SESSION, 80, buf, sizeof buf),
	    "Space pause  n next  b back  N skip  +/- 5 s  m mute  p pain  ? help  q quit");
	assert_string_equal(keys_hints(KC_SESSION, 60, buf, sizeof buf),
	    "Space pause  n next  b back  p pain  ? help  q quit");
	assert_string_equal(keys_hints(KC_SESSION, 40, buf, sizeof buf),
	    "Space pause  p pain  ? help  q quit");
	/* Space and q at every width, the line never wider than it can be */
	for (int w = 19; w <= 80; w++) {
		keys_hints(KC_SESSION, w, buf, sizeof buf);
		assert_true((int)strlen(buf) <= w);
		assert_non_null(strstr(buf, "Space pause"));
		assert_non_null(strstr(buf, "q quit"));
	}
	assert_string_equal(keys_hints(KC_SESSION, 34, buf, sizeof buf),
	    "Space pause  q quit");
	assert_string_equal(keys_hints(KC_SESSION, 10, buf, sizeof buf),
	    "Space pause  q quit");
	assert_string_equal(keys_hints(KC_PICKER, 80, buf, sizeof buf),
	    "Up/Down/k/j move  Enter start  e edit  h stats  / filter  ? help  q quit");
	assert_string_equal(keys_hints(KC_PICKER, 40, buf, sizeof buf),
	    "Up/Down move  Enter start  q quit");
	assert_string_equal(keys_hints(KC_CONFIRM, 80, buf, sizeof buf),
	    "y/q quit  n/Esc carry on");
	assert_string_equal(keys_hints(KC_MESSAGE, 80, buf, sizeof buf),
	    "any key to continue");
	assert_string_equal(keys_hints(KC_REDFLAG, 80, buf, sizeof buf),
	    "Up/Down/k/j scroll  y yes  n no  Esc cancel");
	assert_string_equal(keys_hints(KC_REDFLAG, 30, buf, sizeof buf),
	    "y yes  n no  Esc cancel");
	assert_string_equal(keys_name(KC_SESSION, ACT_PAUSE), "Space");
	assert_string_equal(keys_name(KC_PAGE, ACT_CLOSE), "q");
	assert_string_equal(keys_name(KC_PAGE, ACT_PAUSE), "?");
	/* a short buffer is cut, never overrun */
	assert_string_equal(keys_hints(KC_CONFIRM, 80, buf, 9), "y/q quit");
}

/* Within any one context a key has one meaning, and every row has a
 * name and a help text. */
static void
test_table_well_formed(void **state)
{
	size_t n;
	const struct key_binding *k = keys_table(&n);

	(void)state;
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(k[i].name);
		assert_true(strlen(k[i].name) > 0);
		assert_non_null(k[i].help);
		assert_true(strlen(k[i].help) > 0);
		assert_true(k[i].ctx != 0);
		assert_int_not_equal(k[i].action, ACT_NONE);
		for (size_t j = i + 1; j < n; j++)
			if ((k[i].ctx & k[j].ctx) && k[i].key == k[j].key)
				assert_int_equal(k[i].action, k[j].action);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_keys),
		cmocka_unit_test(test_other_contexts),
		cmocka_unit_test(test_table_well_formed),
		cmocka_unit_test(test_any_key),
		cmocka_unit_test(test_hints),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
