/*
 * screen_stats.c - pages of results: the statistics and the summary at
 * the end of a session, both scrolling pages (screen_page.h).
 */
#include "screen_stats.h"

#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "plan.h"
#include "history_stats.h"
#include "screen_page.h"
#include "store.h"
#include "ui.h"
#include "util.h"
#include "wall.h"

/* A page's keys but those that scroll: Enter, q, h or Esc close it. */
static enum screen_end
close_act(struct page *pg, enum action a, int key)
{
	(void)pg, (void)key;
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
	struct page pg = {
		.v = { .title = "Statistics", .text = text, .keys = KC_PAGE },
		.act = close_act,
	};
	enum screen_end e = page_run(l, &pg);
	free(text);
	return e;
}

/* Appends to *out. */
static void
add(char **out, const char *a, const char *b)
{
	char *n = xasprintf("%s%s%s", *out, a, b);

	free(*out);
	*out = n;
}

/* The first exercise of rec that was worked (completed or partial) and
 * has no rating yet, or -1. */
static int
end_next_unrated(const struct hist_session *rec)
{
	for (int i = 0; rec->kind == HK_EXERCISE && i < rec->nex; i++)
		if ((rec->ex[i].status == EXS_COMPLETED ||
		    rec->ex[i].status == EXS_PARTIAL) &&
		    rec->ex[i].feedback == FB_NONE)
			return i;
	return -1;
}

/* The summary: time, counts, the words and the water, the rating asked
 * for, then a row per exercise (its name, then its outcome, time and
 * rating at the right edge). */
static char *
end_text(const struct hist_session *rec, const char *words, bool water)
{
	char t[32], c[32], w[32], row[96];
	int partial = 0;

	for (int i = 0; i < rec->nex; i++)
		partial += rec->ex[i].status == EXS_PARTIAL;
	/* the history's duration, and what the clock on the wall says */
	plan_format_clock(rec->duration_s * NS_PER_SEC, t, sizeof t);
	plan_format_clock(rec->clock_s * NS_PER_SEC, c, sizeof c);
	plan_format_clock(rec->worked_s * NS_PER_SEC, w, sizeof w);
	/* an ice or heat pack is a timer: said in pack words, with no
	 * exercises to count */
	char *out = rec->kind == HK_PACK ? xasprintf("Time taken: %s, pauses "
	    "not counted (%s on the clock); the pack on for %s\n", t, c, w) :
	    xasprintf("Time taken: %s, pauses not counted (%s on the "
	    "clock); %s of it exercising, not resting or getting ready\n"
	    "Exercises: %d completed, %d skipped, %d partial, of %d\n", t, c, w,
	    rec->ex_completed, rec->ex_skipped, partial, rec->ex_total);
	if (words != NULL && words[0] != '\0')
		add(&out, words, "\n");
	/* a reminder, not a treatment: NHS, Water, drinks and your health,
	 * https://www.nhs.uk/live-well/eat-well/food-guidelines-and-food-labels/water-drinks-nutrition/ */
	if (water)
		add(&out, "Have a drink of water: about 6 to 8 glasses of fluid a "
		    "day (NHS), unless a doctor has told you to limit fluids.", "\n");
	int next = end_next_unrated(rec);
	if (next >= 0) {
		char *ask = xasprintf("\nHow was %s? 1 too easy, 2 about right, "
		    "3 too hard, 4 it hurt (one key each, every exercise in turn)",
		    rec->ex[next].name);
		add(&out, ask, "");
		free(ask);
	}
	add(&out, "\n", "");
	for (int i = 0; i < rec->nex; i++) {
		const struct hist_exercise *o = &rec->ex[i];
		plan_format_duration(o->worked_s * NS_PER_SEC, t, sizeof t);
		snprintf(row, sizeof row, "\t%-11s %6s%s%s\n",
		    history_ex_status_text(o->status), t,
		    o->feedback ? ", " : "", o->feedback ?
		    history_feedback_text(o->feedback) : "");
		add(&out, "  ", o->name);
		add(&out, row, "");
	}
	return out;
}

/* The summary's state: the record it rates, what it shows. */
struct end_state {
	struct hist_session *rec;
	const char *words;
	bool water;
	char *text;             /* the page's text, remade at each rating */
};

/* 1-4 rates the next exercise worked and not rated yet; the others
 * leave. */
static enum screen_end
end_act(struct page *pg, enum action a, int key)
{
	struct end_state *es = pg->arg;
	int next = end_next_unrated(es->rec);

	if (a != ACT_CHOOSE)
		return close_act(pg, a, key);
	if (next < 0 || key < '1' || key > '4')
		return SCREEN_STAY;
	es->rec->ex[next].feedback = (enum ex_feedback)(key - '0');
	free(es->text);
	pg->v.text = es->text = end_text(es->rec, es->words, es->water);
	return SCREEN_STAY;
}

enum screen_end
end_screen(struct loop *l, struct hist_session *rec, bool back,
    const char *words, bool water)
{
	struct end_state es = { rec, words, water, NULL };
	char *title = xasprintf("%s\n%s", rec->status == HS_COMPLETED ?
	    "Session complete" : rec->status == HS_STOPPED ?
	    "Session stopped, for your back's sake" :
	    "Session ended early (partial)", rec->routine_name);
	char *text = es.text = end_text(rec, words, water);
	struct page pg = {
		.v = { .title = title, .text = text,
		    .keys = back ? KC_END_BACK : KC_END },
		.act = end_act, .arg = &es,
	};
	enum screen_end e = page_run(l, &pg);

	free(es.text);
	free(title);
	return e;
}
