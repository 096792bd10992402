/*
 * draw_util.c - drawing pieces shared by the screens (draw_util.h).
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"
#include "draw_util.h"
#include "keys.h"
#include "plan.h"
#include "ui.h"

int64_t
draw_seconds(int64_t left_ns)
{
	if (left_ns <= 0)
		return 0;
	return (left_ns + NS_PER_SEC - 1) / NS_PER_SEC;
}

/* n cells of row y from x, each glyph (one character, one column wide,
 * from this file) in attr, in one call: bars and big digits are drawn
 * every second. */
static void
fill_run(int y, int x, int n, int attr, const char *glyph)
{
	mbstate_t st;
	wchar_t wc[2] = { L' ', L'\0' };
	cchar_t cc;

	memset(&st, 0, sizeof st);
	if (n <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (n > COLS - x)
		n = COLS - x;
	if (mbrtowc(&wc[0], glyph, strlen(glyph), &st) > 4)
		wc[0] = L'#';
	setcchar(&cc, wc, (attr_t)attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	mvwhline_set(stdscr, y, x, &cc, n);
}

/* 3x5 glyphs for 0-9 and ':'; each '#' is drawn two columns wide. */
static const char *const font[11][DRAW_BIG_ROWS] = {
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

static int
glyph(char c)
{
	return c == ':' ? 10 : c >= '0' && c <= '9' ? c - '0' : 10;
}

int
draw_big_width(const char *s, int scale)
{
	int w = 0;

	for (; *s; s++)
		w += (int)strlen(font[glyph(*s)][0]) * 2 * scale + scale;
	return w > 0 ? w - scale : 0;
}

void
draw_big(int y, int x, int attr, const char *s, int scale)
{
	const char *pix = ui_utf8() ? "\u2588" : "#";

	for (; *s; s++) {
		const char *const *g = font[glyph(*s)];
		int gw = (int)strlen(g[0]);
		for (int r = 0; r < DRAW_BIG_ROWS * scale; r++)
			for (int c = 0; c < gw; c++) {
				int run = 0;    /* the pixels lit from c on: one call */
				while (c + run < gw && g[r / scale][c + run] == '#')
					run++;
				fill_run(y + r, x + c * 2 * scale, run * 2 * scale, attr,
				    pix);
				c += run;
			}
		x += (gw * 2 + 1) * scale;
	}
}

void
draw_fill(int y, int x, int w, int attr)
{
	fill_run(y, x, w, attr, " ");
}

void
draw_bar(int y, int x, int w, double frac)
{
	if (w < 3)
		return;
	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	int n = (int)(frac * w + 0.5);
	/* two runs of one glyph each: the bar is drawn every second */
	fill_run(y, x, n, ui_attr(UI_BAR), ui_utf8() ? "\u2588" : "#");
	fill_run(y, x + n, w - n, ui_attr(UI_DIM), ui_utf8() ? "\u2591" : ".");
}

void
draw_centre(int y, int cols, int attr, const char *text)
{
	int w = ui_width(text);
	int x = w < cols ? (cols - w) / 2 : 0;

	ui_put(y, x, cols - x, attr, text);
}

/* The help's box: its width, and its content (a row per key, then a blank
 * and extra, wrapped): the rows it takes, and the rows shown at once. */
static void
help_layout(unsigned ctx, const char *extra, int *w, int *nkeys, int *lines,
    int *room)
{
	size_t n;
	const struct key_binding *k = keys_table(&n);
	int rows = ui_rows(), cols = ui_cols();

	*w = cols - 2 < 64 ? cols - 2 : 64;
	*nkeys = 0;
	for (size_t i = 0; i < n; i++)
		*nkeys += (k[i].ctx & ctx) != 0;
	*lines = *nkeys + (extra ? ui_text(0, 0, *w - 4, 1000, 0, extra, false) + 1
	    : 0);
	*room = (*lines + 4 > rows ? rows : *lines + 4) - 4;
}

void
draw_help_size(unsigned ctx, const char *extra, int *lines, int *room)
{
	int w, nkeys;

	help_layout(ctx, extra, &w, &nkeys, lines, room);
}

void
draw_help(unsigned ctx, const char *extra, int top)
{
	size_t n;
	const struct key_binding *k = keys_table(&n);
	int rows = ui_rows(), cols = ui_cols(), w, nkeys, lines, room;
	int iy, ix, iw, line = 0;
	char keys[128];

	help_layout(ctx, extra, &w, &nkeys, &lines, &room);
	if (w < 12 || room < 1) {
		draw_too_small(16, 5);
		return;
	}
	ui_box((rows - room - 4) / 2, (cols - w) / 2, room + 4, w, "Keys", &iy,
	    &ix, &iw);
	int y = iy, end = iy + room;
	for (size_t i = 0; i < n && y < end; i++) {
		if (!(k[i].ctx & ctx) || line++ < top)
			continue;
		ui_put(y, ix, 10, A_BOLD, k[i].name);
		ui_put_cut(y++, ix + 10, iw - 10, 0, k[i].help);
	}
	if (extra != NULL && y < end) {
		int skip = top > nkeys ? top - nkeys - 1 : 0;
		y += top <= nkeys;              /* the blank row before it */
		if (y < end)
			ui_text_part(y, ix, iw, skip, end - y, ui_attr(UI_CAUTION), extra);
	}
	draw_more(end, ix, iw, top, lines - top - room);
	ui_put(end + 1, ix, iw, ui_attr(UI_DIM),
	    keys_hints(KC_HELP, iw, keys, sizeof keys));
}

void
draw_keys(int y, int cols, unsigned ctx)
{
	/* the last footer made: a screen draws the same one every second */
	static char buf[256];
	static unsigned last_ctx;
	static int last_cols = -1;

	if (ctx != last_ctx || cols != last_cols)
		keys_hints(ctx, cols, buf, sizeof buf);
	last_ctx = ctx, last_cols = cols;
	ui_put(y, 0, cols, ui_attr(UI_DIM), buf);
}

void
draw_more(int y, int x, int w, int above, int below)
{
	char a[32] = "", b[32] = "", buf[80];

	if (above <= 0 && below <= 0)
		return;
	if (above > 0)
		snprintf(a, sizeof a, "%d more above", above);
	if (below > 0)
		snprintf(b, sizeof b, "%d more below", below);
	snprintf(buf, sizeof buf, "(%s%s%s)", a, *a && *b ? ", " : "", b);
	ui_put(y, x, w, ui_attr(UI_DIM), buf);
}

void
draw_too_small(int min_cols, int min_rows)
{
	char buf[80];

	snprintf(buf, sizeof buf, "Terminal too small: need at least %dx%d",
	    min_cols, min_rows);
	ui_text(0, 0, ui_cols(), ui_rows(), ui_attr(UI_CAUTION), buf, true);
}
