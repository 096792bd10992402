/*
 * draw_util.c - drawing pieces shared by the screens.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>

#include "draw.h"
#include "draw_util.h"
#include "keys.h"
#include "ui.h"

int64_t
draw_seconds(int64_t left_ns)
{
	if (left_ns <= 0)
		return 0;
	return (left_ns + NS_PER_SEC - 1) / NS_PER_SEC;
}

void
draw_bar(int y, int x, int w, double frac)
{
	const char *full = ui_utf8() ? "\u2588" : "#";
	const char *empty = ui_utf8() ? "\u2591" : ".";

	if (w < 3)
		return;
	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	int n = (int)(frac * w + 0.5);
	for (int i = 0; i < w; i++)
		ui_put(y, x + i, 1, i < n ? ui_attr(UI_BAR) : ui_attr(UI_DIM),
		    i < n ? full : empty);
}

void
draw_centre(int y, int cols, int attr, const char *text)
{
	int w = ui_width(text);
	int x = w < cols ? (cols - w) / 2 : 0;

	ui_put(y, x, cols - x, attr, text);
}

void
draw_help(unsigned ctx, const char *extra)
{
	size_t n, shown = 0;
	const struct key_binding *k = keys_table(&n);
	int rows = ui_rows(), cols = ui_cols();
	int iy, ix, iw;
	int w = cols - 2 < 64 ? cols - 2 : 64;

	for (size_t i = 0; i < n; i++)
		shown += (k[i].ctx & ctx) != 0;
	int ne = extra ? ui_text(0, 0, w - 4, rows, 0, extra, false) + 1 : 0;
	int h = (int)shown + ne + 4;
	if (h > rows)
		h = rows;
	if (w < 12 || h < 4)
		return;
	ui_box((rows - h) / 2, (cols - w) / 2, h, w, "Keys", &iy, &ix, &iw);
	int y = iy;
	for (size_t i = 0; i < n && y < iy + h - 3; i++) {
		if (!(k[i].ctx & ctx))
			continue;
		ui_put(y, ix, 10, A_BOLD, k[i].name);
		ui_put(y++, ix + 10, iw - 10, 0, k[i].help);
	}
	if (extra != NULL && y + 1 < iy + h - 3)
		ui_text(y + 1, ix, iw, iy + h - 3 - (y + 1), ui_attr(UI_CAUTION),
		    extra, true);
	char keys[128];
	ui_put(iy + h - 3, ix, iw, ui_attr(UI_DIM),
	    keys_hints(KC_HELP, iw, keys, sizeof keys));
}

void
draw_keys(int y, int cols, unsigned ctx)
{
	char buf[256];

	ui_put(y, 0, cols, ui_attr(UI_DIM), keys_hints(ctx, cols, buf, sizeof buf));
}

void
draw_too_small(int min_cols, int min_rows)
{
	char buf[80];

	snprintf(buf, sizeof buf, "Terminal too small: need at least %dx%d",
	    min_cols, min_rows);
	ui_text(0, 0, ui_cols(), ui_rows(), ui_attr(UI_CAUTION), buf, true);
}
