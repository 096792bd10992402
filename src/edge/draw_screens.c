/*
 * draw_screens.c - the screens around a session: the routine picker and
 * the end-of-session summary.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "draw_util.h"
#include "keys.h"
#include "ui.h"

/* One picker row: name, time and (when known) last done; the summary on
 * the row under it when there is room (two). */
static void
picker_row(int y, int cols, const struct routine_row *it, bool sel, bool two,
    bool last_col)
{
	char t[32];
	int attr = sel ? ui_attr(UI_SELECT) : 0;
	int right = 9 + (last_col ? 16 : 0);

	if (sel)
		mvhline(y, 0, ' ', cols);
	if (it->error)
		snprintf(t, sizeof t, "invalid");
	else
		plan_format_duration(it->total_ns, t, sizeof t);
	ui_put(y, 0, 2, attr, sel ? "> " : "  ");
	ui_put(y, 2, cols - right - 3, attr | A_BOLD, it->name);
	ui_put(y, cols - right, 8, attr, t);
	if (last_col)
		ui_put(y, cols - 16, 16, attr, it->last_done ? it->last_done : "-");
	if (two)
		ui_text(y + 1, 4, cols - 4, 1, ui_attr(it->error ? UI_CAUTION : UI_DIM),
		    it->error ? it->error : it->next ? it->next :
		    it->summary ? it->summary : "", true);
}

void
draw_picker(const struct routine_row *v, int n, int sel)
{
	int rows = ui_rows(), cols = ui_cols();
	bool last_col = false;

	if (rows < 6 || cols < 30) {
		draw_too_small(30, 6);
		return;
	}
	for (int i = 0; i < n; i++)
		last_col |= v[i].last_done != NULL;
	ui_put(0, 0, cols, ui_attr(UI_TITLE), "backcoach: choose a routine");
	if (last_col)
		ui_put(1, cols - 16, 16, ui_attr(UI_DIM), "Last done");
	int top = 2, room = rows - 4;
	int per = room >= 2 * n || rows >= 16 ? 2 : 1;
	int fit = room / per;
	int first = sel >= fit ? sel - fit + 1 : 0;
	for (int i = first; i < n && i - first < fit; i++)
		picker_row(top + (i - first) * per, cols, &v[i], i == sel, per == 2,
		    last_col);
	draw_keys(rows - 1, cols, KC_PICKER);
}

/* The header: outcome, routine, time and counts; returns the next row. */
static int
end_header(const struct hist_session *rec, int cols, const char *extra,
    bool water)
{
	char buf[200], t[32], c[32], w[32];
	int y = 0;

	ui_put(y++, 0, cols, ui_attr(UI_TITLE), rec->status == HS_COMPLETED ?
	    "Session complete" : rec->status == HS_STOPPED ?
	    "Session stopped, for your back's sake" :
	    "Session ended early (partial)");
	ui_put(y++, 0, cols, A_BOLD, rec->routine_name);
	y++;
	/* the history's duration, and what the clock on the wall says */
	plan_format_clock(rec->duration_s * NS_PER_SEC, t, sizeof t);
	plan_format_clock(rec->clock_s * NS_PER_SEC, c, sizeof c);
	plan_format_clock(rec->worked_s * NS_PER_SEC, w, sizeof w);
	snprintf(buf, sizeof buf, "Time taken: %s, pauses not counted (%s on the "
	    "clock); %s of it exercising, not resting or getting ready", t, c, w);
	y += ui_text(y, 0, cols, 3, 0, buf, true);
	int partial = 0;
	for (int i = 0; i < rec->nex; i++)
		partial += rec->ex[i].status == EXS_PARTIAL;
	snprintf(buf, sizeof buf,
	    "Exercises: %d completed, %d skipped, %d partial, of %d",
	    rec->ex_completed, rec->ex_skipped, partial, rec->ex_total);
	y += ui_text(y, 0, cols, 2, 0, buf, true);
	if (extra != NULL && extra[0] != '\0')
		y += ui_text(y, 0, cols, 5, ui_attr(UI_TITLE), extra, true);
	/* a reminder, not a treatment: NHS, Water, drinks and your health,
	 * https://www.nhs.uk/live-well/eat-well/food-guidelines-and-food-labels/water-drinks-nutrition/ */
	if (water)
		y += ui_text(y, 0, cols, 3, 0, "Have a drink of water: about 6 to 8 "
		    "glasses of fluid a day (NHS), unless a doctor has told you to "
		    "limit fluids.", true);
	return y + 1;
}

void
draw_end(const struct hist_session *rec, unsigned ctx, const char *extra,
    bool water)
{
	int rows = ui_rows(), cols = ui_cols();
	char buf[200], t[32];
	int y = end_header(rec, cols, extra, water);

	for (int i = 0; i < rec->nex && y < rows - 2; i++) {
		const struct hist_exercise *o = &rec->ex[i];
		plan_format_duration(o->worked_s * NS_PER_SEC, t, sizeof t);
		int w = cols - 24 > 10 ? cols - 24 : 10;
		ui_put(y, 2, w - 2, 0, o->name);
		snprintf(buf, sizeof buf, "%-11s %s", history_ex_status_text(o->status),
		    t);
		ui_put(y++, w + 1, cols - w - 1, o->status == EXS_COMPLETED ?
		    ui_attr(UI_WORK) : 0, buf);
	}
	draw_keys(rows - 1, cols, ctx);
}

int
draw_page(const char *title, const char *text, int top)
{
	int rows = ui_rows(), cols = ui_cols(), n = 0, y = 1;
	char line[512];

	ui_put(0, 0, cols, ui_attr(UI_TITLE), title);
	for (const char *p = text; *p != '\0'; n++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (n >= top && y < rows - 1) {
			snprintf(line, sizeof line, "%.*s", (int)len, p);
			ui_put(y++, 0, cols, 0, line);
		}
		p += len + (nl != NULL);
	}
	draw_keys(rows - 1, cols, KC_PAGE);
	return n;
}
