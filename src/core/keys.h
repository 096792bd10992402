/*
 * keys.h - the one table of key bindings.
 *
 * Part of the pure core (no curses): keys are plain Unicode characters or
 * the KEYS_* codes below, above the Unicode range, into which ui.c turns
 * the terminal's function keys.  Every screen reads the same table: the
 * event loop turns a key into an action with it, the footers and the help
 * overlay are written from it (so a footer never names a key the screen
 * does not take), and a test compares it with the man page.
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
	KEYS_HOME,
	KEYS_END,
	KEYS_PGUP,
	KEYS_PGDN,
	KEYS_DELETE,            /* Delete (the key, not Backspace) */
	KEYS_OTHER,             /* a function key no one uses */
	KEYS_ANY,               /* in the table only: every key not bound */
	KEYS_DIGIT,             /* in the table only: 1 to 9 */
};

/* The screens, one bit each: where a binding applies. */
enum keys_context {
	KC_SESSION  = 1 << 0,   /* the session screen */
	KC_PICKER   = 1 << 1,   /* the routine picker */
	KC_HELP     = 1 << 2,   /* the help overlay */
	KC_CONFIRM  = 1 << 3,   /* "quit this session?" */
	KC_END      = 1 << 4,   /* the summary at the end of a session */
	KC_END_BACK = 1 << 5,   /* the same, when the picker is behind it */
	KC_PAGE     = 1 << 6,   /* a page of text: the statistics */
	KC_YESNO    = 1 << 7,   /* a yes-or-no question */
	KC_MESSAGE  = 1 << 8,   /* a message */
	KC_INPUT    = 1 << 9,   /* a number or a line of text to type */
	KC_CARD     = 1 << 10,  /* the start card before a routine */
	KC_REDFLAG  = 1 << 11,  /* a page of red-flag questions */
	KC_WHICH    = 1 << 12,  /* ... after a yes: which one? */
	KC_ADVICE   = 1 << 13,  /* the advice after a same-day red flag */
	KC_PAINSTOP = 1 << 14,  /* a pain report that stops the exercise */
	KC_RISKS    = 1 << 15,  /* the risk factors, asked once */
	KC_BEFORE   = 1 << 16,  /* the pain before a session: Esc goes back */
	KC_FILTER   = 1 << 17,  /* the picker's filter, being typed */
	KC_PAINASK  = 1 << 18,  /* the questions after `p`: Esc goes back */
};
/* The pages that scroll (their Up, Down, PgUp, PgDn, Home, End, g, G). */
#define KC_SCROLLING (KC_PAGE | KC_CARD | KC_REDFLAG | KC_WHICH | KC_ADVICE | \
	KC_RISKS | KC_END | KC_END_BACK | KC_HELP | KC_PAINSTOP)
/* The lines that are typed (their editing keys). */
#define KC_TYPING (KC_INPUT | KC_BEFORE | KC_FILTER)

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
	ACT_CLOSE,              /* close an overlay, a page or a message */
	ACT_YES,                /* answer yes */
	ACT_NO,                 /* answer no */
	ACT_UP,                 /* move up */
	ACT_DOWN,               /* move down */
	ACT_START,              /* picker: start the selected routine */
	ACT_EDIT,               /* picker: edit the selected routine */
	ACT_STATS,              /* picker: the statistics */
	ACT_ACCEPT,             /* take what was typed, or what was marked */
	ACT_ERASE,              /* delete the character before the cursor */
	ACT_PAGE_UP,            /* scroll a page up */
	ACT_PAGE_DOWN,          /* scroll a page down */
	ACT_HOME,               /* to the top */
	ACT_END,                /* to the end */
	ACT_CHOOSE,             /* the numbered item (the key says which) */
	ACT_CHECKED,            /* a doctor has checked this: exercise is OK */
	ACT_PAIN,               /* report pain now */
	ACT_LEFT,               /* the cursor one character left */
	ACT_RIGHT,              /* ... right */
	ACT_DELETE,             /* delete the character under the cursor */
	ACT_KILL_BEFORE,        /* delete everything before the cursor */
	ACT_KILL_WORD,          /* delete the word before the cursor */
	ACT_TAB,                /* Tab in a typed line: a space */
	ACT_FILTER,             /* picker: type a filter */
};

struct key_binding {
	unsigned ctx;           /* enum keys_context bits where it applies */
	int key;                /* character, or enum keys_special */
	const char *name;       /* as the help and the man page spell it */
	enum action action;
	const char *help;       /* what it does, a few words */
	const char *hint;       /* its word in the footer, or NULL: not there */
	int rank;               /* footer: 0 at every width, 1 unless even
	                           rank 1 does not fit, 2 with room, 3 wide */
};

/* The whole table, for the help overlay and the man page test. */
const struct key_binding *keys_table(size_t *n);

/* Each context: its bit, a short name (the tests' handle) and the words
 * that open its list of keys in backcoach(1), KEYS (tests/lint/man-keys.sh
 * reads the lists by them).  A new context is a row here. */
struct key_context {
	unsigned bit;
	const char *name;
	const char *man;
};
const struct key_context *keys_contexts(size_t *n);
/* The action of key in context ctx, or ACT_NONE. */
enum action keys_action(unsigned ctx, int key);

/* The name of the first key bound to action a in context ctx ("Space"),
 * or "?" when none is. */
const char *keys_name(unsigned ctx, enum action a);

/*
 * The footer of a screen of context ctx: "Space pause  n next  ? help",
 * the table's hints in its order, neighbours with the same hint sharing
 * it ("+/- 5 s").  Hints of rank 3, then 2, then 1 are left out until
 * the line fits in width columns; rank 0 stays whatever the width.
 * Writes at most len bytes to buf (NUL-terminated) and returns buf.
 */
const char *keys_hints(unsigned ctx, int width, char *buf, size_t len);

#endif
