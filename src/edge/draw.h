/*
 * draw.h - drawing the screens.  Drawing only reads state: every function
 * here takes what it shows as const and changes nothing but the screen.
 * None clears the screen or shows it: the event loop frames each redraw
 * (ui_clear, the screen under an overlay, the overlay, ui_show).
 */
#ifndef BACKCOACH_DRAW_H
#define BACKCOACH_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "history.h"
#include "session.h"

#define DRAW_MIN_COLS 40        /* below this, "terminal too small" */
#define DRAW_MIN_ROWS 12
#define DRAW_FULL_COLS 60       /* from here up: big digits, long texts */
#define DRAW_FULL_ROWS 22

/* What the session screen shows, besides the session itself. */
struct coach_view {
	const struct session *s;    /* the session, borrowed */
	bool muted;                 /* `m` was pressed */
	const char *status;         /* a message for the status line, or NULL */
};

/* One routine as the picker (and `list`) shows it. */
struct routine_row {
	char *id;
	char *path;
	char *name;                 /* the routine's name, or the id */
	char *summary;              /* or NULL */
	char *error;                /* why it cannot run, or NULL */
	int64_t total_ns;           /* estimated time */
	bool shadows;               /* a user routine hiding a bundled one */
	char *last_done;            /* "3 days ago", or NULL (history fills it) */
	char *next;                 /* the dose's next step, shown in place of
	                               the summary, or NULL (history fills it) */
	char *tags;                 /* its tags, space-separated, or "" */
};

/* The picker as shown: the routines that pass the filter, one selected. */
struct picker_view {
	const struct routine_row *v;    /* every routine */
	int n;
	const int *shown;           /* indexes into v of those shown */
	int nshown;
	int pos;                    /* the selected one, in shown; -1: none */
	const char *filter;         /* what the routines are filtered by, "" */
	size_t cursor;              /* the cursor in filter, while typed */
	bool typing;                /* the filter is being typed */
};

/* A box in the middle of the screen: a question or a message. */
struct draw_modal {
	const char *title;          /* box title, or NULL */
	const char *text;           /* the question or message */
	int top;                    /* its first line shown (it scrolls) */
	const char *detail;         /* more text under it, or NULL */
	const char *input;          /* what has been typed, or NULL: no input */
	size_t cursor;              /* the cursor in input, a byte offset */
	const char *error;          /* shown in caution style, or NULL */
	const char *guide;          /* a line above the keys, or NULL */
	unsigned keys;              /* the key context whose hints it shows */
};

/* A page of wrapped text that scrolls (draw_scroll.c): paragraphs one
 * per line of text, an empty line a blank row, "- " a list item, and a
 * line starting with DRAW_PRE drawn as it is: not wrapped, its spaces
 * kept, cut at the width (a figure).  DRAW_PRE is a control character,
 * which no text from a file may hold. */
#define DRAW_PRE '\x1f'

struct draw_scroll {
	const char *title;          /* wrapped, in title style */
	const char *text;           /* the body */
	int top;                    /* the first body row shown */
	const char *note;           /* a line above the keys, or NULL */
	unsigned keys;              /* the key context whose hints it shows */
};

/* The rows the body takes at the screen's width, and the rows it gets. */
void draw_scroll_size(const struct draw_scroll *s, int *lines, int *room);
void draw_scroll(const struct draw_scroll *s);

/* The whole session screen, as at time now. */
void draw_session(const struct coach_view *v, int64_t now);
/* The current exercise's figure (draw_figure.c), in the rows from *y to
 * end (exclusive) the countdown would have: beside it, when the countdown
 * keeps room enough, and then the columns it keeps are returned; else
 * above it, when there are rows to spare, and *y is moved below it; else
 * not at all.  Returns the countdown's columns (cols when not beside). */
int draw_figure(const struct coach_view *v, int *y, int end, int cols,
    bool full);
/* The routine picker. */
void draw_picker(const struct picker_view *pv);
/* How many of n routines the picker shows at once (PgUp, PgDn). */
int draw_picker_page(int n);
/* A box in the middle of the screen; what does not fit of its text is
 * said to be above or below, on its bottom border. */
void draw_modal(const struct draw_modal *m);
/* The lines of the box's text, and how many it shows at once. */
void draw_modal_size(const struct draw_modal *m, int *lines, int *room);
/* The key bindings of a context, in a box over the screen, with extra
 * (or NULL) wrapped under them (the stop rules, in a session), from row
 * top of them; what does not fit is said to be above or below. */
void draw_help(unsigned ctx, const char *extra, int top);
/* The rows of the help's content, and how many it shows at once. */
void draw_help_size(unsigned ctx, const char *extra, int *lines, int *room);
/* Seconds shown for a time left: rounded up, so 0 means done. */
int64_t draw_seconds(int64_t left_ns);

#endif
