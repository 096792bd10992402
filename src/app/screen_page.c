/*
 * screen_page.c - the scrolling page (screen_page.h).
 */
#include "screen_page.h"

/* The highest top that still fills the page. */
static int
max_top(const struct page *pg)
{
	int lines, room;

	draw_scroll_size(&pg->v, &lines, &room);
	return room > 0 && lines > room ? lines - room : 0;
}

bool
page_seen_end(struct page *pg)
{
	int lines, room;

	draw_scroll_size(&pg->v, &lines, &room);
	if (room >= 2 && pg->v.top + room >= lines)
		pg->seen_end = true;
	return pg->seen_end;
}

/* Moves the page by a scrolling action; false for any other action. */
static bool
scroll(struct page *pg, enum action a)
{
	int lines, room, top = pg->v.top, most = max_top(pg);

	draw_scroll_size(&pg->v, &lines, &room);
	switch (a) {
	case ACT_UP:        top--; break;
	case ACT_DOWN:      top++; break;
	case ACT_PAGE_UP:   top -= room > 1 ? room - 1 : 1; break;
	case ACT_PAGE_DOWN: top += room > 1 ? room - 1 : 1; break;
	case ACT_HOME:      top = 0; break;
	case ACT_END:       top = most; break;
	default:            return false;
	}
	pg->v.top = top < 0 ? 0 : top > most ? most : top;
	page_seen_end(pg);
	return true;
}

static void
page_draw(const void *st, int64_t now)
{
	(void)now;
	draw_scroll(&((const struct page *)st)->v);
}

/* The page's keys may change as it goes (a question, then "which one?"):
 * each key is looked up in the keys it has now. */
static enum screen_end
page_key(void *st, enum action a, int key, int64_t now)
{
	struct page *pg = st;

	(void)now, (void)a;
	a = keys_action(pg->v.keys, key);
	if (pg->v.top > max_top(pg))            /* the terminal grew */
		pg->v.top = max_top(pg);
	page_seen_end(pg);
	if (scroll(pg, a))
		return SCREEN_STAY;
	return pg->act(pg, a, key);
}

enum screen_end
page_run(struct loop *l, struct page *pg)
{
	struct screen sc = {
		.keys = pg->v.keys, .st = pg, .draw = page_draw,
		.on_key = page_key,
	};

	pg->l = l;
	pg->self = &sc;
	page_seen_end(pg);
	return loop_run(l, &sc);
}
