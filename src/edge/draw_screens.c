/*
 * draw_screens.c - the routine picker.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "draw_util.h"
#include "keys.h"
#include "ui.h"

/* The picker's columns: the time, right-aligned, and "Last done" (when
 * one is known) as wide as their widest; the name gets the rest. */
struct picker_cols {
	int time;               /* columns of the time */
	int last;               /* of "last done", or 0: none */
};

static void
row_time(const struct routine_row *it, char *t, size_t len)
{
	if (it->error)
		snprintf(t, len, "invalid");
	else
		plan_format_duration(it->total_ns, t, (int)len);
}

static struct picker_cols
picker_cols(const struct picker_view *pv)
{
	struct picker_cols pc = { 0, 0 };
	char t[32];

	for (int i = 0; i < pv->n; i++) {   /* all: filtering moves nothing */
		const struct routine_row *it = &pv->v[i];
		row_time(it, t, sizeof t);
		if (ui_width(t) > pc.time)
			pc.time = ui_width(t);
		if (it->last_done && ui_width(it->last_done) > pc.last)
			pc.last = ui_width(it->last_done);
	}
	if (pc.last > 0 && pc.last < ui_width("Last done"))
		pc.last = ui_width("Last done");
	return pc;
}

/* One picker row: name, time and (when known) last done; the summary on
 * the row under it when there is room (two). */
static void
picker_row(int y, int cols, const struct routine_row *it, bool sel, bool two,
    const struct picker_cols *pc)
{
	char t[32];
	int attr = sel ? ui_attr(UI_SELECT) : 0;
	int right = pc->time + (pc->last ? 2 + pc->last : 0);

	if (sel)
		mvhline(y, 0, ' ', cols);
	row_time(it, t, sizeof t);
	ui_put(y, 0, 2, attr, sel ? "> " : "  ");
	ui_put_cut(y, 2, cols - right - 4, attr | A_BOLD, it->name);
	ui_put(y, cols - right + pc->time - ui_width(t), pc->time, attr, t);
	if (pc->last)
		ui_put(y, cols - pc->last, pc->last, attr,
		    it->last_done ? it->last_done : "-");
	if (two)
		ui_text(y + 1, 4, cols - 4, 1, ui_attr(it->error ? UI_CAUTION : UI_DIM),
		    it->error ? it->error : it->next ? it->next :
		    it->summary ? it->summary : "", true);
}

/* Routines per screen: two rows each (the summary) when there is room. */
static int
picker_per(int rows, int n)
{
	return rows - 4 >= 2 * n || rows >= 16 ? 2 : 1;
}

int
draw_picker_page(int n)
{
	int rows = ui_rows(), fit = (rows - 4) / picker_per(rows, n);

	return fit > 0 ? fit : 1;
}

/* The line under the title: the filter, typed or kept, and the heading
 * of "Last done". */
static void
picker_subtitle(const struct picker_view *pv, int cols,
    const struct picker_cols *pc)
{
	char buf[160];

	if (pc->last)
		ui_put(1, cols - pc->last, pc->last, ui_attr(UI_DIM), "Last done");
	int w = cols - (pc->last ? pc->last + 1 : 0);
	if (pv->typing) {
		draw_typed(1, 0, w, "Filter: ", pv->filter, pv->cursor);
	} else if (pv->filter[0] != '\0') {
		snprintf(buf, sizeof buf, "Filter: %s (%d shown)", pv->filter,
		    pv->nshown);
		ui_put_cut(1, 0, w, ui_attr(UI_TITLE), buf);
	}
}

void
draw_picker(const struct picker_view *pv)
{
	int rows = ui_rows(), cols = ui_cols();
	struct picker_cols pc = picker_cols(pv);

	if (rows < 6 || cols < 30) {
		draw_too_small(30, 6);
		return;
	}
	ui_put(0, 0, cols, ui_attr(UI_TITLE), "backcoach: choose a routine");
	picker_subtitle(pv, cols, &pc);
	int per = picker_per(rows, pv->nshown), fit = draw_picker_page(pv->nshown);
	int first = pv->pos >= fit ? pv->pos - fit + 1 : 0;
	for (int i = first; i < pv->nshown && i - first < fit; i++)
		picker_row(2 + (i - first) * per, cols, &pv->v[pv->shown[i]],
		    i == pv->pos, per == 2, &pc);
	if (pv->nshown == 0)
		ui_put(2, 2, cols - 2, ui_attr(UI_DIM), "No routine's name or tags "
		    "hold that.");
	else if (first > 0 || first + fit < pv->nshown)
		draw_more(rows - 2, 2, cols - 2, first,
		    pv->nshown - first - (fit < pv->nshown ? fit : pv->nshown));
	draw_keys(rows - 1, cols, pv->typing ? KC_FILTER : KC_PICKER);
}
