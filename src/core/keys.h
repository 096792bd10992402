/*
 * keys.h - the one table of key bindings.
 *
 * Part of the pure core (no curses): keys are plain Unicode characters or
 * the KEYS_* codes below, above the Unicode range, into which ui.c turns
 * the terminal's function keys.  The event loop, the picker, the help
 * overlay and the man page test all read the same table.
 */
#ifndef BACKCOACH_KEYS_H
#define BACKCOACH_KEYS_H

#include <stddef.h>

/* Keys that are not characters: beyond U+10FFFF, so they never clash. */
enum keys_special {
	KEYS_UP = 0x110001,
	KEYS_DOWN,
	KEYS_LEFT,
	KEYS_RIGHT,
	KEYS_ENTER,             /* Enter, Return, ^J, ^M */
	KEYS_ESC,
	KEYS_BACKSPACE,         /* Backspace, ^H, DEL */
	KEYS_RESIZE,            /* not a key: the screen changed size */
	KEYS_OTHER,             /* a function key no one uses */
};

/* Where a binding applies: a bit each. */
enum keys_context {
	KC_SESSION = 1 << 0,    /* the session screen */
	KC_PICKER  = 1 << 1,    /* the routine picker */
	KC_OVERLAY = 1 << 2,    /* the help overlay */
	KC_CONFIRM = 1 << 3,    /* "quit this session?" */
	KC_END     = 1 << 4,    /* the end-of-session summary */
	KC_PAGE    = 1 << 5,    /* a page of text: the statistics */
};

enum action {
	ACT_NONE,
	ACT_PAUSE,              /* pause or resume */
	ACT_NEXT,               /* next step */
	ACT_SKIP,               /* skip the rest of the exercise */
	ACT_BACK,               /* back one step */
	ACT_MORE,               /* add SESSION_ADJUST_NS to the step */
	ACT_LESS,               /* remove SESSION_ADJUST_NS */
	ACT_MUTE,               /* mute or unmute */
	ACT_HELP,               /* open the help overlay */
	ACT_QUIT,               /* quit (the session asks first) */
	ACT_CLOSE,              /* close an overlay or question */
	ACT_YES,                /* answer yes to a question */
	ACT_UP,                 /* picker: move up */
	ACT_DOWN,               /* picker: move down */
	ACT_START,              /* picker: start the selected routine */
	ACT_EDIT,               /* picker: edit the selected routine */
	ACT_LEAVE,              /* end screen: leave */
	ACT_STATS,              /* picker: the statistics */
};

struct key_binding {
	unsigned ctx;           /* enum keys_context bits where it applies */
	int key;                /* character, or enum keys_special */
	const char *name;       /* as the help and the man page spell it */
	enum action action;
	const char *help;       /* what it does, a few words */
};

/* The whole table, for the help overlay and the man page test. */
const struct key_binding *keys_table(size_t *n);
/* The action of key in context ctx, or ACT_NONE. */
enum action keys_action(unsigned ctx, int key);

#endif
