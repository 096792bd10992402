/*
 * keys.c - the key bindings: one table, read by everyone who needs keys.
 *
 * Part of the pure core.  Rows are in the order the help overlay and the
 * man page list them; a key may appear in several contexts with different
 * meanings (n: next step in a session, no in a question).
 */
#include "keys.h"

#define SES KC_SESSION
#define PIC KC_PICKER

static const struct key_binding keys[] = {
	{ SES, ' ',        "Space", ACT_PAUSE, "pause or resume" },
	{ SES, 'n',        "n",     ACT_NEXT,  "next step" },
	{ SES, KEYS_RIGHT, "Right", ACT_NEXT,  "next step" },
	{ SES, 'N',        "N",     ACT_SKIP,  "skip the rest of this exercise" },
	{ SES, 'b',        "b",     ACT_BACK,  "back one step" },
	{ SES, KEYS_LEFT,  "Left",  ACT_BACK,  "back one step" },
	{ SES, '+',        "+",     ACT_MORE,  "add 5 seconds to this step" },
	{ SES, '-',        "-",     ACT_LESS,  "take 5 seconds off this step" },
	{ SES, 'm',        "m",     ACT_MUTE,  "mute or unmute the sound" },
	{ PIC, KEYS_UP,    "Up",    ACT_UP,    "previous routine" },
	{ PIC, 'k',        "k",     ACT_UP,    "previous routine" },
	{ PIC, KEYS_DOWN,  "Down",  ACT_DOWN,  "next routine" },
	{ PIC, 'j',        "j",     ACT_DOWN,  "next routine" },
	{ PIC, KEYS_ENTER, "Enter", ACT_START, "start the selected routine" },
	{ PIC, 'e',        "e",     ACT_EDIT,  "edit the selected routine" },
	{ PIC, 'h',        "h",     ACT_STATS, "statistics: weeks, streaks, pain" },
	{ SES | PIC, '?',  "?",     ACT_HELP,  "show this help" },
	{ SES, 'q',        "q",     ACT_QUIT,  "quit, after asking (the session counts as partial)" },
	{ PIC, 'q',        "q",     ACT_QUIT,  "quit backcoach" },
	{ KC_OVERLAY | KC_CONFIRM, KEYS_ESC, "Esc", ACT_CLOSE, "close the help or the question" },
	{ KC_OVERLAY, '?', "?",     ACT_CLOSE, "close the help" },
	{ KC_OVERLAY, 'q', "q",     ACT_CLOSE, "close the help" },
	{ KC_CONFIRM, 'y', "y",     ACT_YES,   "yes, quit the session" },
	{ KC_CONFIRM, 'q', "q",     ACT_YES,   "yes, quit the session" },
	{ KC_CONFIRM, 'n', "n",     ACT_CLOSE, "no, carry on" },
	{ KC_END, KEYS_ENTER, "Enter", ACT_LEAVE, "leave the summary" },
	{ KC_END, 'q',     "q",     ACT_LEAVE, "leave the summary" },
	{ KC_PAGE, KEYS_UP,   "Up",   ACT_UP,    "scroll up" },
	{ KC_PAGE, 'k',       "k",    ACT_UP,    "scroll up" },
	{ KC_PAGE, KEYS_DOWN, "Down", ACT_DOWN,  "scroll down" },
	{ KC_PAGE, 'j',       "j",    ACT_DOWN,  "scroll down" },
	{ KC_PAGE, 'q',       "q",    ACT_CLOSE, "back to the routines" },
	{ KC_PAGE, 'h',       "h",    ACT_CLOSE, "back to the routines" },
	{ KC_PAGE, KEYS_ESC,  "Esc",  ACT_CLOSE, "back to the routines" },
};

const struct key_binding *
keys_table(size_t *n)
{
	*n = sizeof keys / sizeof keys[0];
	return keys;
}

enum action
keys_action(unsigned ctx, int key)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if ((keys[i].ctx & ctx) && keys[i].key == key)
			return keys[i].action;
	return ACT_NONE;
}
