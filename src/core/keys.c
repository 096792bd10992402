/*
 * keys.c - the key bindings: one table, read by everyone who needs keys.
 *
 * Part of the pure core.  Rows are in the order the help overlay and the
 * footers list them; a key may appear in several contexts with different
 * meanings (q: quit in a session, close in the help).
 */
#include "keys.h"

#include <stdio.h>
#include <string.h>

#define SES KC_SESSION
#define PIC KC_PICKER

static const struct key_binding keys[] = {
	{ SES, ' ',        "Space", ACT_PAUSE, "pause or resume", "pause", 0 },
	{ SES, 'n',        "n",     ACT_NEXT,  "next step", "next", 2 },
	{ SES, KEYS_RIGHT, "Right", ACT_NEXT,  "next step", NULL, 0 },
	{ SES, 'b',        "b",     ACT_BACK,  "back one step", "back", 2 },
	{ SES, KEYS_LEFT,  "Left",  ACT_BACK,  "back one step", NULL, 0 },
	{ SES, 'N',        "N",     ACT_SKIP,  "skip the rest of this exercise", "skip", 3 },
	{ SES, '+',        "+",     ACT_MORE,  "add 5 seconds to this step, up to its ceiling", "5 s", 3 },
	{ SES, '-',        "-",     ACT_LESS,  "take 5 seconds off this step", "5 s", 3 },
	{ SES, 'm',        "m",     ACT_MUTE,  "mute or unmute the sound", "mute", 3 },
	{ SES, 'p',        "p",     ACT_PAIN,  "it hurts: report your pain now", "pain", 1 },
	{ PIC, KEYS_UP,    "Up",    ACT_UP,    "previous routine", "move", 1 },
	{ PIC, KEYS_DOWN,  "Down",  ACT_DOWN,  "next routine", "move", 1 },
	{ PIC, 'k',        "k",     ACT_UP,    "previous routine", "move", 2 },
	{ PIC, 'j',        "j",     ACT_DOWN,  "next routine", "move", 2 },
	{ PIC, KEYS_PGUP,  "PgUp",  ACT_PAGE_UP, "a page of routines up", NULL, 0 },
	{ PIC, KEYS_PGDN,  "PgDn",  ACT_PAGE_DOWN, "a page of routines down", NULL, 0 },
	{ PIC, KEYS_HOME,  "Home",  ACT_HOME,  "the first routine", NULL, 0 },
	{ PIC, 'g',        "g",     ACT_HOME,  "the first routine", NULL, 0 },
	{ PIC, KEYS_END,   "End",   ACT_END,   "the last routine", NULL, 0 },
	{ PIC, 'G',        "G",     ACT_END,   "the last routine", NULL, 0 },
	{ PIC, KEYS_ENTER, "Enter", ACT_START, "start the selected routine", "start", 0 },
	{ PIC, 'e',        "e",     ACT_EDIT,  "edit the selected routine", "edit", 2 },
	{ PIC, 'h',        "h",     ACT_STATS, "statistics: weeks, streaks, pain", "stats", 2 },
	{ PIC, '/',        "/",     ACT_FILTER, "filter the routines by name or tag", "filter", 2 },
	{ SES, '?',        "?",     ACT_HELP,  "show this help", "help", 1 },
	{ PIC, '?',        "?",     ACT_HELP,  "show this help", "help", 2 },
	{ SES, 'q',        "q",     ACT_QUIT,  "quit, after asking (the session counts as partial)", "quit", 0 },
	{ PIC, 'q',        "q",     ACT_QUIT,  "quit backcoach", "quit", 0 },
	{ PIC, KEYS_ESC,   "Esc",   ACT_CLOSE, "clear the filter; without one, quit backcoach", NULL, 0 },
	{ KC_HELP, KEYS_ESC, "Esc", ACT_CLOSE, "close the help", "close", 0 },
	{ KC_HELP, '?',    "?",     ACT_CLOSE, "close the help", "close", 0 },
	{ KC_HELP, 'q',    "q",     ACT_CLOSE, "close the help", "close", 0 },
	{ KC_CONFIRM, 'y', "y",     ACT_YES,   "yes, quit the session", "quit", 0 },
	{ KC_CONFIRM, 'q', "q",     ACT_YES,   "yes, quit the session", "quit", 0 },
	{ KC_CONFIRM, 'n', "n",     ACT_NO,    "no, carry on", "carry on", 0 },
	{ KC_CONFIRM, KEYS_ESC, "Esc", ACT_NO, "no, carry on", "carry on", 0 },
	{ KC_END, KEYS_ENTER, "Enter", ACT_CLOSE, "leave the summary", "leave", 0 },
	{ KC_END, 'q',     "q",     ACT_CLOSE, "leave the summary", "leave", 0 },
	{ KC_END, KEYS_ESC, "Esc",  ACT_CLOSE, "leave the summary", "leave", 0 },
	{ KC_END, KEYS_DIGIT, "1-4", ACT_CHOOSE, "rate the next exercise: 1 too easy, 2 about right, 3 too hard, 4 it hurt", "rate", 1 },
	{ KC_END_BACK, KEYS_ENTER, "Enter", ACT_CLOSE, "back to the routines", "back to the routines", 0 },
	{ KC_END_BACK, 'q', "q",    ACT_CLOSE, "back to the routines", "back to the routines", 0 },
	{ KC_END_BACK, KEYS_ESC, "Esc", ACT_CLOSE, "back to the routines", "back to the routines", 0 },
	{ KC_END_BACK, KEYS_DIGIT, "1-4", ACT_CHOOSE, "rate the next exercise: 1 too easy, 2 about right, 3 too hard, 4 it hurt", "rate", 1 },
	{ KC_SCROLLING, KEYS_UP,   "Up",   ACT_UP,    "scroll up", "scroll", 2 },
	{ KC_SCROLLING, KEYS_DOWN, "Down", ACT_DOWN,  "scroll down", "scroll", 2 },
	{ KC_SCROLLING, 'k',       "k",    ACT_UP,    "scroll up", "scroll", 3 },
	{ KC_SCROLLING, 'j',       "j",    ACT_DOWN,  "scroll down", "scroll", 3 },
	{ KC_SCROLLING, KEYS_PGUP, "PgUp", ACT_PAGE_UP, "scroll a page up", NULL, 0 },
	{ KC_SCROLLING, KEYS_PGDN, "PgDn", ACT_PAGE_DOWN, "scroll a page down", NULL, 0 },
	{ KC_SCROLLING, KEYS_HOME, "Home", ACT_HOME, "to the top", NULL, 0 },
	{ KC_SCROLLING, KEYS_END,  "End",  ACT_END,  "to the end", NULL, 0 },
	{ KC_SCROLLING, 'g',       "g",    ACT_HOME, "to the top", NULL, 0 },
	{ KC_SCROLLING, 'G',       "G",    ACT_END,  "to the end", NULL, 0 },
	{ KC_PAGE, 'q',       "q",    ACT_CLOSE, "back to the routines", "back", 0 },
	{ KC_PAGE, 'h',       "h",    ACT_CLOSE, "back to the routines", "back", 0 },
	{ KC_PAGE, KEYS_ESC,  "Esc",  ACT_CLOSE, "back to the routines", "back", 0 },
	{ KC_YESNO, 'y',   "y",     ACT_YES,   "yes", "yes", 0 },
	{ KC_YESNO, 'n',   "n",     ACT_NO,    "no", "no", 0 },
	{ KC_YESNO, KEYS_ESC, "Esc", ACT_NO,   "no", "no", 0 },
	{ KC_PAINASK, 'y', "y",     ACT_YES,   "yes", "yes", 0 },
	{ KC_PAINASK, 'n', "n",     ACT_NO,    "no", "no", 0 },
	{ KC_PAINASK, KEYS_ESC, "Esc", ACT_CLOSE, "back to the question before; from the first, back to the session, nothing recorded", "back", 0 },
	{ KC_MESSAGE, KEYS_ANY, "any key", ACT_CLOSE, "continue", "to continue", 0 },
	{ KC_MESSAGE, KEYS_UP, "Up", ACT_UP, "scroll up, when it does not fit", NULL, 0 },
	{ KC_MESSAGE, KEYS_DOWN, "Down", ACT_DOWN, "scroll down, when it does not fit", NULL, 0 },
	{ KC_MESSAGE, KEYS_PGUP, "PgUp", ACT_PAGE_UP, "scroll a page up", NULL, 0 },
	{ KC_MESSAGE, KEYS_PGDN, "PgDn", ACT_PAGE_DOWN, "scroll a page down", NULL, 0 },
	{ KC_INPUT, KEYS_ENTER, "Enter", ACT_ACCEPT, "done (alone: skip the question)", "done", 0 },
	{ KC_INPUT, KEYS_ESC, "Esc", ACT_CLOSE, "skip the question (a typed note: asks whether to keep it)", "skip", 0 },
	{ KC_BEFORE, KEYS_ENTER, "Enter", ACT_ACCEPT, "done (alone: no score)", "done", 0 },
	{ KC_BEFORE, KEYS_ESC, "Esc", ACT_CLOSE, "back, without starting", "back", 0 },
	{ KC_FILTER, KEYS_ENTER, "Enter", ACT_ACCEPT, "keep the filter", "keep", 0 },
	{ KC_FILTER, KEYS_ESC, "Esc", ACT_CLOSE, "clear the filter", "clear", 0 },
	{ KC_FILTER, KEYS_UP, "Up", ACT_UP, "previous routine", "move", 2 },
	{ KC_FILTER, KEYS_DOWN, "Down", ACT_DOWN, "next routine", "move", 2 },
	{ KC_TYPING, KEYS_BACKSPACE, "Backspace", ACT_ERASE, "delete the character before the cursor", "erase", 2 },
	{ KC_TYPING, KEYS_DELETE, "Delete", ACT_DELETE, "delete the character under the cursor", NULL, 0 },
	{ KC_TYPING, KEYS_LEFT, "Left", ACT_LEFT, "move the cursor left", NULL, 0 },
	{ KC_TYPING, KEYS_RIGHT, "Right", ACT_RIGHT, "move the cursor right", NULL, 0 },
	{ KC_TYPING, KEYS_HOME, "Home", ACT_HOME, "to the start of the line", NULL, 0 },
	{ KC_TYPING, KEYS_END, "End", ACT_END, "to the end of the line", NULL, 0 },
	{ KC_TYPING, 0x15,    "Ctrl-U", ACT_KILL_BEFORE, "delete everything before the cursor", NULL, 0 },
	{ KC_TYPING, 0x17,    "Ctrl-W", ACT_KILL_WORD, "delete the word before the cursor", NULL, 0 },
	{ KC_TYPING, '\t',    "Tab",   ACT_TAB,   "type a space (a note holds no tabs)", NULL, 0 },
	{ KC_CARD, KEYS_ENTER, "Enter", ACT_START, "begin the routine", "begin", 0 },
	{ KC_CARD, KEYS_ESC, "Esc",  ACT_CLOSE, "back, without starting", "back", 0 },
	{ KC_CARD, '?',      "?",    ACT_HELP,  "show this help", "help", 2 },
	{ KC_REDFLAG, 'y',   "y",    ACT_YES,   "yes, something here applies", "yes", 0 },
	{ KC_REDFLAG, 'n',   "n",    ACT_NO,    "no, none of it", "no", 0 },
	{ KC_REDFLAG, KEYS_ESC, "Esc", ACT_CLOSE, "cancel the session", "cancel", 0 },
	{ KC_WHICH, KEYS_DIGIT, "1-9", ACT_CHOOSE, "mark or unmark one that applies", "mark", 0 },
	{ KC_WHICH, KEYS_ENTER, "Enter", ACT_ACCEPT, "done: the marked ones apply", "done", 0 },
	{ KC_WHICH, KEYS_ESC, "Esc", ACT_CLOSE, "back to the question", "back", 0 },
	{ KC_ADVICE, 'c',    "c",    ACT_CHECKED, "a doctor or physiotherapist has checked this and said exercise is OK", "checked: exercise is OK", 0 },
	{ KC_ADVICE, KEYS_ENTER, "Enter", ACT_CLOSE, "do not exercise now", "stop", 0 },
	{ KC_ADVICE, KEYS_ESC, "Esc", ACT_CLOSE, "do not exercise now", "stop", 0 },
	{ KC_PAINSTOP, 'n',  "n",    ACT_NEXT,  "go on to the next exercise", "next exercise", 0 },
	{ KC_PAINSTOP, 'e',  "e",    ACT_QUIT,  "end the session", "end the session", 0 },
	{ KC_RISKS, KEYS_DIGIT, "1-9", ACT_CHOOSE, "mark or unmark the one that applies", "mark", 0 },
	{ KC_RISKS, KEYS_ENTER, "Enter", ACT_ACCEPT, "done: these apply (or none)", "done", 0 },
	{ KC_RISKS, KEYS_ESC, "Esc", ACT_CLOSE, "cancel the session; ask again next time", "cancel", 0 },
};

static const struct key_context contexts[] = {
	{ KC_SESSION, "session", "In a session:" },
	{ KC_PICKER, "picker", "In the routine picker:" },
	{ KC_HELP, "help", "In the help overlay:" },
	{ KC_CONFIRM, "confirm", "When asked whether to quit a session:" },
	{ KC_END, "end", "On the summary at the end of a session:" },
	{ KC_END_BACK, "end-back", "When the session was started from the picker:" },
	{ KC_PAGE, "page", "On the statistics page" },
	{ KC_YESNO, "yesno", "When asked a yes-or-no question:" },
	{ KC_MESSAGE, "message", "On a message:" },
	{ KC_INPUT, "input", "When asked to type a number or a note:" },
	{ KC_CARD, "card", "On the start card before a routine:" },
	{ KC_REDFLAG, "redflag", "On the red-flag questions:" },
	{ KC_WHICH, "which", "After a yes, to say which ones:" },
	{ KC_ADVICE, "advice", "On the advice after a same-day red flag:" },
	{ KC_PAINSTOP, "painstop", "When pain stops an exercise:" },
	{ KC_RISKS, "risks", "When asked the risk factors:" },
	{ KC_BEFORE, "before", "When asked for your pain before a session:" },
	{ KC_FILTER, "filter", "While typing a filter in the picker:" },
	{ KC_PAINASK, "painask", "When asked about your pain during a session:" },
};

const struct key_context *
keys_contexts(size_t *n)
{
	*n = sizeof contexts / sizeof contexts[0];
	return contexts;
}

const struct key_binding *
keys_table(size_t *n)
{
	*n = sizeof keys / sizeof keys[0];
	return keys;
}

enum action
keys_action(unsigned ctx, int key)
{
	size_t n = sizeof keys / sizeof keys[0];

	for (size_t i = 0; i < n; i++)
		if ((keys[i].ctx & ctx) && keys[i].key == key)
			return keys[i].action;
	for (size_t i = 0; i < n; i++)
		if ((keys[i].ctx & ctx) && (keys[i].key == KEYS_ANY ||
		    (keys[i].key == KEYS_DIGIT && key >= '1' && key <= '9')))
			return keys[i].action;
	return ACT_NONE;
}

const char *
keys_name(unsigned ctx, enum action a)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if ((keys[i].ctx & ctx) && keys[i].action == a)
			return keys[i].name;
	return "?";
}

/* Appends s to buf (len bytes, *used so far); the length it would need. */
static void
append(char *buf, size_t len, size_t *used, const char *s)
{
	size_t n = strlen(s);

	if (*used < len)
		snprintf(buf + *used, len - *used, "%s", s);
	*used += n;
}

/* The footer with the hints of rank <= rank; returns its length. */
static size_t
hints_of_rank(unsigned ctx, int rank, char *buf, size_t len)
{
	size_t used = 0, n = sizeof keys / sizeof keys[0];
	const char *open = NULL;        /* the hint of the item being written */

	if (len > 0)
		buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const struct key_binding *k = &keys[i];
		if (!(k->ctx & ctx) || k->hint == NULL || k->rank > rank)
			continue;
		if (open != NULL && strcmp(open, k->hint) == 0) {
			append(buf, len, &used, "/");
		} else {
			if (open != NULL) {
				append(buf, len, &used, " ");
				append(buf, len, &used, open);
				append(buf, len, &used, "  ");
			}
			open = k->hint;
		}
		append(buf, len, &used, k->name);
	}
	if (open != NULL) {
		append(buf, len, &used, " ");
		append(buf, len, &used, open);
	}
	return used;
}

const char *
keys_hints(unsigned ctx, int width, char *buf, size_t len)
{
	for (int rank = 3; rank > 0; rank--)
		if (hints_of_rank(ctx, rank, buf, len) <= (size_t)(width > 0 ? width : 0))
			return buf;
	hints_of_rank(ctx, 0, buf, len);
	return buf;
}
