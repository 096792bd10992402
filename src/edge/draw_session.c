/*
 * draw_session.c - the session screen.
 *
 * Reads a const session and draws it in one of three layouts, picked by
 * the room there is: full (big-digit countdown, from DRAW_FULL_COLS x
 * DRAW_FULL_ROWS), compact (from DRAW_MIN_COLS x DRAW_MIN_ROWS), and below
 * that a "terminal too small" message; the session times on regardless.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "draw_util.h"
#include "keys.h"
#include "ui.h"

/* 3x5 glyphs for 0-9 and ':'; each '#' is drawn two columns wide. */
static const char *const font[11][5] = {
	{ "###", "# #", "# #", "# #", "###" },
	{ " # ", "## ", " # ", " # ", "###" },
	{ "###", "  #", "###", "#  ", "###" },
	{ "###", "  #", " ##", "  #", "###" },
	{ "# #", "# #", "###", "  #", "  #" },
	{ "###", "#  ", "###", "  #", "###" },
	{ "###", "#  ", "###", "# #", "###" },
	{ "###", "  #", "  #", "  #", "  #" },
	{ "###", "# #", "###", "# #", "###" },
	{ "###", "# #", "###", "  #", "###" },
	{ " ", "#", " ", "#", " " },
};
#define BIG_ROWS 5

static int
glyph(char c)
{
	return c == ':' ? 10 : c - '0';
}

/* Width of s in big digits, each pixel 2 * scale columns wide. */
static int
big_width(const char *s, int scale)
{
	int w = 0;

	for (; *s; s++)
		w += (int)strlen(font[glyph(*s)][0]) * 2 * scale + scale;
	return w > 0 ? w - scale : 0;
}

/* Draws digits and ':' in block characters (or '#' without UTF-8), each
 * pixel scale rows high and 2 * scale columns wide. */
static void
big_text(int y, int x, int attr, const char *s, int scale)
{
	const char *pix = ui_utf8() ? "\u2588" : "#";

	for (; *s; s++) {
		const char *const *g = font[glyph(*s)];
		int gw = (int)strlen(g[0]);
		for (int r = 0; r < BIG_ROWS * scale; r++)
			for (int c = 0; c < gw * 2 * scale; c++)
				if (g[r / scale][c / (2 * scale)] == '#')
					ui_put(y + r, x + c, 1, attr, pix);
		x += (gw * 2 + 1) * scale;
	}
}

/* "5" under a minute, "1:30" above: the step's countdown. */
static void
countdown(int64_t left_ns, char *buf, size_t len)
{
	int64_t s = draw_seconds(left_ns);

	if (s >= 60)
		snprintf(buf, len, "%lld:%02lld", (long long)(s / 60),
		    (long long)(s % 60));
	else
		snprintf(buf, len, "%lld", (long long)s);
}

/* "Next: ..." for the step after the current one. */
static void
next_text(const struct session *s, char *buf, size_t len)
{
	const struct plan *p = s->plan;
	const struct step *cur = session_step(s);
	char what[256];

	if (s->cur + 1 >= p->n) {
		snprintf(buf, len, "Next: the end");
		return;
	}
	const struct step *nx = &p->steps[s->cur + 1];
	if (nx->ex != cur->ex) {
		snprintf(buf, len, "Next: %s", p->r->ex[nx->ex].name);
		return;
	}
	plan_step_next(p, nx, what, sizeof what);
	snprintf(buf, len, "Next: %s", what);
}

/* The header: routine, exercise k of n, time left with a bar. */
static int
header(const struct coach_view *v, int64_t now, int cols)
{
	const struct session *s = v->s;
	const struct step *st = session_step(s);
	const struct routine *r = s->plan->r;
	char buf[64], left[32];
	int64_t step_left = session_step_left(s, now);
	int64_t total = draw_seconds(step_left) * NS_PER_SEC + s->after_ns[s->cur];

	snprintf(buf, sizeof buf, cols >= DRAW_FULL_COLS ?
	    "Exercise %d of %d" : "Ex %d/%d", st->ex + 1, r->nex);
	int bw = ui_width(buf);
	ui_put(0, 0, cols - bw - 1, ui_attr(UI_TITLE), r->name);
	ui_put(0, cols - bw, bw, 0, buf);
	plan_format_clock(total, left, sizeof left);
	snprintf(buf, sizeof buf, "Time left %s ", left);
	int lw = ui_put(1, 0, cols, 0, buf);
	int64_t all = s->plan->total_ns > 0 ? s->plan->total_ns : 1;
	draw_bar(1, lw, cols - lw, 1.0 - (double)total / (double)all);
	return 2;
}

/* The exercise: name, cue, its own caution and the routine's (the stop
 * rules), from row y; returns the next row. */
static int
exercise(const struct coach_view *v, int y, int cols, int lines)
{
	const struct routine *r = v->s->plan->r;
	const struct exercise *e = &r->ex[session_step(v->s)->ex];
	const char *const cautions[] = { e->caution, r->caution };
	char buf[640];

	ui_put(y++, 0, cols, A_BOLD, e->name);
	if (e->cue)
		y += ui_text(y, 0, cols, lines, 0, e->cue, true);
	for (size_t i = 0; i < 2; i++) {
		if (cautions[i] == NULL)
			continue;
		snprintf(buf, sizeof buf, "Caution: %s", cautions[i]);
		y += ui_text(y, 0, cols, lines, ui_attr(UI_CAUTION), buf, true);
	}
	return y;
}

/* The bottom three lines: next, status and key hints. */
static void
footer(const struct coach_view *v, int rows, int cols)
{
	char buf[300];
	size_t k = 0;

	next_text(v->s, buf, sizeof buf);
	ui_put(rows - 3, 0, cols, 0, buf);
	if (v->s->state == SESSION_PAUSED) {
		snprintf(buf, sizeof buf, " Paused - press %s to resume ",
		    keys_name(KC_SESSION, ACT_PAUSE));
		int w = ui_put(rows - 2, 0, cols, ui_attr(UI_PAUSED), buf);
		k = 0;
		buf[0] = '\0';
		if (v->muted)
			k += (size_t)snprintf(buf + k, sizeof buf - k, "  muted");
		if (v->status)
			snprintf(buf + k, sizeof buf - k, "  %s", v->status);
		ui_put(rows - 2, w, cols - w, 0, buf);
	} else {
		snprintf(buf, sizeof buf, "%s%s%s", v->muted ? "muted" : "",
		    v->muted && v->status ? "  " : "", v->status ? v->status : "");
		ui_put(rows - 2, 0, cols, 0, buf);
	}
	draw_keys(rows - 1, cols, KC_SESSION);
}

/* Label, counters, countdown and step bar, centred from row y to row
 * end (exclusive); big: the countdown in big digits, twice as large on
 * a large terminal.  Paused, the countdown is dimmed and PAUSED stands
 * over it in reverse video, to be seen from the floor. */
static void
middle(const struct coach_view *v, int64_t now, int y, int end, int cols,
    bool big)
{
	int scale = end - y >= 2 * BIG_ROWS + 6 && cols >= 100 ? 2 : 1;
	const struct session *s = v->s;
	const struct step *st = session_step(s);
	int attr = ui_attr(st->work ? UI_WORK : UI_EASY);
	bool paused = s->state == SESSION_PAUSED;
	int digits = paused ? (int)(((unsigned)attr & ~(unsigned)A_BOLD) |
	    (unsigned)A_DIM) : attr;
	int64_t left = session_step_left(s, now);
	char cnt[160], num[32];
	int need = big ? 2 + 1 + BIG_ROWS * scale + 1 + 1 : 4;

	if (end - y > need)
		y += (end - y - need) / 2;
	countdown(left, num, sizeof num);
	plan_step_position(s->plan, st, false, cnt, sizeof cnt);
	if (big) {
		draw_centre(y++, cols, attr, st->label);
		draw_centre(y++, cols, 0, cnt);
		if (paused)
			draw_centre(y, cols, ui_attr(UI_PAUSED), "  P A U S E D  ");
		y++;
		big_text(y, (cols - big_width(num, scale)) / 2, digits, num, scale);
		y += BIG_ROWS * scale + 1;
	} else {
		char line[200];
		snprintf(line, sizeof line, "%s  %s", st->label, num);
		int w = ui_put(y, 0, cols, digits, line);
		if (paused)
			ui_put(y, w + 2, cols - w - 2, ui_attr(UI_PAUSED), " PAUSED ");
		y++;
		ui_put(y++, 0, cols, 0, cnt);
	}
	int bw = cols - 4 < 60 ? cols - 4 : 60;
	int64_t len = s->step_ns > 0 ? s->step_ns : 1;
	draw_bar(y, (cols - bw) / 2, bw, 1.0 - (double)left / (double)len);
}

void
draw_session(const struct coach_view *v, int64_t now)
{
	int rows = ui_rows(), cols = ui_cols();

	if (rows < DRAW_MIN_ROWS || cols < DRAW_MIN_COLS) {
		draw_too_small(DRAW_MIN_COLS, DRAW_MIN_ROWS);
		return;
	}
	bool full = rows >= DRAW_FULL_ROWS && cols >= DRAW_FULL_COLS;
	int y = header(v, now, cols);
	if (full)
		y++;
	y = exercise(v, y, cols, full ? 2 : 1);
	int mid = draw_figure(v, &y, rows - 3, cols, full);
	middle(v, now, y + (full ? 1 : 0), rows - 3, mid, full);
	footer(v, rows, cols);
}
