/*
 * screen_stats.c - pages of results: the statistics and the summary at
 * the end of a session.
 */
#include "screen_stats.h"

#include <stdlib.h>

#include "draw.h"
#include "history_stats.h"
#include "store.h"
#include "ui.h"
#include "util.h"
#include "wall.h"

struct page {
	const char *title;
	char *text;             /* the page, lines ending in '\n' */
	int top;                /* first line shown */
	int lines;              /* lines in text */
};

static void
page_draw(const void *st, int64_t now)
{
	const struct page *pg = st;

	(void)now;
	draw_page(pg->title, pg->text, pg->top);
}

/* The number of lines in text. */
static int
count_lines(const char *text)
{
	int n = 0;

	for (const char *p = text; *p != '\0'; p++)
		n += *p == '\n' || p[1] == '\0';
	return n;
}

static enum screen_end
page_key(void *st, enum action a, int key, int64_t now)
{
	struct page *pg = st;

	(void)key, (void)now;
	if (a == ACT_UP && pg->top > 0)
		pg->top--;
	else if (a == ACT_DOWN && pg->top + 1 < pg->lines)
		pg->top++;
	return a == ACT_CLOSE ? SCREEN_DONE : SCREEN_STAY;
}

enum screen_end
stats_screen(struct loop *l, const char *history)
{
	struct hstats st;
	struct diags d = { 0 };

	/* a history that cannot be read shows what could be, and why */
	store_stats(history, &st, HSTATS_DEFAULT_WEEKS, wall_day(wall_now()), &d);
	char *stats = hstats_render(&st, ui_cols());
	char *problems = d.n > 0 ? diags_text(&d, "\n") : xstrdup("");
	hstats_free(&st);
	diags_free(&d);
	if (stats == NULL || problems == NULL)
		oom();
	char *text = xasprintf("%s%s%s", problems, *problems ? "\n\n" : "", stats);
	free(stats);
	free(problems);
	struct page pg = { "Statistics", text, 0, count_lines(text) };
	struct screen sc = {
		.keys = KC_PAGE, .st = &pg, .draw = page_draw, .on_key = page_key,
	};
	enum screen_end e = loop_run(l, &sc);
	free(text);
	return e;
}

struct end {
	const struct hist_session *rec;
	unsigned keys;
	const char *words;      /* under the counts, or NULL */
	bool water;
};

static void
end_draw(const void *st, int64_t now)
{
	const struct end *en = st;

	(void)now;
	draw_end(en->rec, en->keys, en->words, en->water);
}

static enum screen_end
end_key(void *st, enum action a, int key, int64_t now)
{
	(void)st, (void)key, (void)now;
	return a == ACT_CLOSE ? SCREEN_DONE : SCREEN_STAY;
}

enum screen_end
end_screen(struct loop *l, const struct hist_session *rec, bool back,
    const char *words, bool water)
{
	struct end en = { rec, back ? KC_END_BACK : KC_END, words, water };
	struct screen sc = {
		.keys = en.keys, .st = &en, .draw = end_draw, .on_key = end_key,
	};

	return loop_run(l, &sc);
}
