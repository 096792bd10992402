/*
 * draw.h - the drawing primitives the screens share: a modal box, a page
 * that scrolls, the key help.  They know nothing of any screen: each
 * screen (src/app/screen_*.c) draws itself with these, draw_util.h's
 * pieces and ui.h.  Drawing only reads state: every function here takes
 * what it shows as const and changes nothing but the screen.  None
 * clears the screen or shows it: the event loop frames each redraw.
 */
#ifndef BACKCOACH_DRAW_H
#define BACKCOACH_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
