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
};

/* A box in the middle of the screen: a question or a message. */
struct draw_modal {
	const char *title;          /* box title, or NULL */
	const char *text;           /* the question or message */
	const char *detail;         /* more text under it, or NULL */
	const char *input;          /* what has been typed, or NULL: no input */
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
/* The routine picker, row sel selected. */
void draw_picker(const struct routine_row *v, int n, int sel);
/* The end-of-session summary of record rec; extra (or NULL) is a sentence
 * under the counts (the pain change), water adds the water reminder.  Its
 * footer shows the keys of ctx (KC_END or KC_END_BACK). */
void draw_end(const struct hist_session *rec, unsigned ctx, const char *extra,
    bool water);
/* A page of preformatted text from line top, with a title; returns the
 * number of lines in text. */
int draw_page(const char *title, const char *text, int top);
/* A box in the middle of the screen. */
void draw_modal(const struct draw_modal *m);
/* The key bindings of a context, in a box over the screen, with extra
 * (or NULL) wrapped under them: the stop rules, in a session. */
void draw_help(unsigned ctx, const char *extra);
/* Seconds shown for a time left: rounded up, so 0 means done. */
int64_t draw_seconds(int64_t left_ns);

#endif
