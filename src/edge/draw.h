/*
 * draw.h - drawing the screens.  Drawing only reads state: every function
 * here takes what it shows as const and changes nothing but the screen.
 */
#ifndef BACKCOACH_DRAW_H
#define BACKCOACH_DRAW_H

#include <stdbool.h>
#include <stdint.h>

#include "session.h"

#define DRAW_MIN_COLS 40        /* below this, "terminal too small" */
#define DRAW_MIN_ROWS 12
#define DRAW_FULL_COLS 60       /* from here up: big digits, long texts */
#define DRAW_FULL_ROWS 22

enum view_overlay {
	VIEW_NONE,
	VIEW_HELP,              /* the key bindings */
	VIEW_CONFIRM,           /* "quit this session?" */
};

/* What the session screen shows, besides the session itself. */
struct coach_view {
	const struct session *s;    /* the session, borrowed */
	int64_t now;                /* monotonic time to draw at */
	bool muted;                 /* `m` was pressed */
	enum view_overlay overlay;
	const char *status;         /* a message for the status line, or NULL */
};

/* One routine in the picker. */
struct picker_item {
	char *id;
	char *path;
	char *name;                 /* the routine's name, or the id */
	char *summary;              /* or NULL */
	char *error;                /* why it cannot run, or NULL */
	int64_t total_ns;           /* estimated time */
	char *last_done;            /* "3 days ago", or NULL (history fills it) */
};

/* The whole session screen, with its overlay. */
void draw_session(const struct coach_view *v);
/* The routine picker; help draws the key help over it. */
void draw_picker(const struct picker_item *v, int n, int sel, bool help);
/* The end-of-session summary; extra (or NULL) is a sentence under the
 * counts (the pain change). */
void draw_end(const struct session *s, int64_t now, bool to_picker,
    const char *extra);
/* A page of preformatted text from line top, with a title; returns the
 * number of lines in text. */
int draw_page(const char *title, const char *text, int top);
/* Seconds shown for a time left: rounded up, so 0 means done. */
int64_t draw_seconds(int64_t left_ns);

#endif
