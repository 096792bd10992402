/*
 * screen_card.c - the start card (screen_card.h): a scrolling page made
 * from the routine, the stop rules from safety.c.
 */
#include "screen_card.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "plan.h"
#include "position.h"
#include "safety.h"
#include "screen_dialog.h"
#include "screen_page.h"
#include "ui.h"
#include "util.h"

/* Appends a paragraph (printf-style) to *out. */
static void
add(char **out, const char *fmt, const char *a, const char *b)
{
	char *n = xasprintf(fmt, *out, a, b);

	free(*out);
	*out = n;
}

/* The exercises, numbered, with their times, their easier and harder
 * versions and their cautions. */
static void
add_exercises(char **out, const struct routine *r, const struct plan *p)
{
	char t[32], num[16];

	add(out, "%s%s%s\n", "Exercises:", "");
	for (int i = 0; i < r->nex; i++) {
		plan_format_duration(plan_exercise_ns(p, i), t, sizeof t);
		snprintf(num, sizeof num, "%d. ", i + 1);
		const struct exercise *e = &r->ex[i];
		char *line = xasprintf("%s (%s)%s%s%s%s", e->name, t,
		    e->easier[0] ? "; easier: " : "", e->easier[0] ? e->easier[0] : "",
		    e->harder[0] ? "; harder: " : "", e->harder[0] ? e->harder[0] : "");
		add(out, "%s%s%s\n", num, line);
		free(line);
		if (e->caution)         /* whole: the page wraps and scrolls */
			add(out, "%s   Caution: %s%s\n", e->caution, "");
	}
}

/* The first exercise's figure, every frame, each row a line drawn as it
 * is (DRAW_PRE), in ASCII on a terminal that draws no Unicode. */
static void
add_figure(char **out, const struct routine *r)
{
	const struct figure *f = r->nex > 0 ? r->ex[0].fig : NULL;
	char pre[2] = { DRAW_PRE, '\0' };

	if (f == NULL)
		return;
	add(out, "%s\nFirst, %s:%s\n\n", r->ex[0].name, "");
	char *text = figure_render(f, !ui_utf8(), ui_cols() - 2, false);
	if (text == NULL)
		oom();
	/* the Linux console's font: its own lines and blocks (ui.h) */
	char *con = ui_utf8() && ui_console() ? xmalloc(strlen(text) * 3 + 1) :
	    NULL;
	for (char *l = text, *nl; *l; l = nl + 1) {
		nl = strchr(l, '\n');
		*nl = '\0';
		if (con != NULL)
			figure_console(l, con, strlen(l) * 3 + 1);
		add(out, "%s%s  %s\n", pre, con != NULL ? con : l);
	}
	free(con);
	free(text);
}

/* Whether routine r has tag. */
static bool
has_tag(const struct routine *r, const char *tag)
{
	for (int i = 0; i < r->ntags; i++)
		if (strcmp(r->tags[i], tag) == 0)
			return true;
	return false;
}

/* The card's text. */
static char *
card_text(const struct routine *r, bool pack, unsigned risks)
{
	struct plan p;
	char t[32], need[512], *out = xstrdup("");

	if (plan_build(&p, r) != 0)
		oom();
	plan_format_duration(p.total_ns, t, sizeof t);
	if (r->summary)
		add(&out, "%s%s%s\n\n", r->summary, "");
	add(&out, "%sTime: %s%s\n\n", t, pack ? "" : ", with the lead-ins and rests");
	equipment_words(r, need, sizeof need);
	if (*need)
		add(&out, "%sYou need: %s.%s\n\n", need, "");
	if (r->description)
		add(&out, "%s%s%s\n\n", r->description, "");
	if (r->caution)
		add(&out, "%sCaution: %s%s\n\n", r->caution, "");
	if ((risks & SAFETY_RISK_BIT(pregnant)) && has_tag(r, SAFETY_TAG_ON_BACK))
		add(&out, "%sPregnancy: %s%s\n\n", safety_pregnant_on_back, "");
	if (!pack)
		add(&out, "%s%s%s\n\n", safety_stop_text, "");
	if (!pack)
		add_exercises(&out, r, &p);
	add_figure(&out, r);
	plan_free(&p);
	return out;
}

static enum screen_end
card_act(struct page *pg, enum action a, int key)
{
	(void)key;
	switch (a) {
	case ACT_START:
		return SCREEN_DONE;
	case ACT_CLOSE:
		return SCREEN_CANCEL;
	case ACT_HELP:
		return dialog_help(pg->l, KC_CARD, pg->self, pg->arg) == SCREEN_SIGNAL ?
		    SCREEN_SIGNAL : SCREEN_STAY;
	default:
		return SCREEN_STAY;
	}
}

enum screen_end
card_page(struct loop *l, const char *title, const char *text,
    const char *help)
{
	struct page pg = {
		.v = { .title = title, .text = text, .keys = KC_CARD },
		.act = card_act, .arg = (void *)help,
	};

	return page_run(l, &pg);
}

enum screen_end
card_screen(struct loop *l, const struct routine *r, bool pack,
    unsigned risks)
{
	char *text = card_text(r, pack, risks);
	enum screen_end e = card_page(l, r->name, text,
	    pack ? NULL : safety_stop_text);

	free(text);
	return e;
}
