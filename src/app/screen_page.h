/*
 * screen_page.h - a page of wrapped text that scrolls, with keys of its
 * own: the start card, the red-flag questions and their advice, the risk
 * factors.  The page knows whether its end has been on screen, so that a
 * question can refuse an answer until every item of it was seen.
 */
#ifndef BACKCOACH_SCREEN_PAGE_H
#define BACKCOACH_SCREEN_PAGE_H

#include <stdbool.h>

#include "draw.h"
#include "loop.h"

struct page {
	struct draw_scroll v;   /* what is drawn: title, text, top, note, keys */
	bool seen_end;          /* the last row has been on screen */
	struct loop *l;
	const struct screen *self;      /* the page, under what it opens */
	/* Acts on a key that does not scroll: SCREEN_STAY to go on. */
	enum screen_end (*act)(struct page *pg, enum action a, int key);
	void *arg;              /* the caller's, for act */
};

/* Runs page pg (its v, act and arg set) until act ends it. */
enum screen_end page_run(struct loop *l, struct page *pg);

/* Whether the end of the text is on screen now (or was: sticky); false
 * while the terminal is too small to show the page. */
bool page_seen_end(struct page *pg);

#endif
