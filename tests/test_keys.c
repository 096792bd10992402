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
	assert_int_equal(keys_action(KC_OVERLAY, KEYS_ESC), ACT_CLOSE);
	assert_int_equal(keys_action(KC_CONFIRM, KEYS_ESC), ACT_CLOSE);
	assert_int_equal(keys_action(KC_CONFIRM, 'n'), ACT_CLOSE);
	assert_int_equal(keys_action(KC_CONFIRM, 'y'), ACT_YES);
	assert_int_equal(keys_action(KC_END, KEYS_ENTER), ACT_LEAVE);
	assert_int_equal(keys_action(KC_END, 'q'), ACT_LEAVE);
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
