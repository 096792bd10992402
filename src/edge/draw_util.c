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
draw_help(unsigned ctx)
{
	size_t n, shown = 0;
	const struct key_binding *k = keys_table(&n);
	int rows = ui_rows(), cols = ui_cols();
	int iy, ix, iw;

	for (size_t i = 0; i < n; i++)
		shown += (k[i].ctx & ctx) != 0;
	int h = (int)shown + 4;
	int w = cols - 2 < 64 ? cols - 2 : 64;
	if (h > rows)
		h = rows;
	if (w < 12 || h < 4)
		return;
	ui_box((rows - h) / 2, (cols - w) / 2, h, w, "Keys", &iy, &ix, &iw);
	int y = iy;
	for (size_t i = 0; i < n && y < iy + h - 3; i++) {
		if (!(k[i].ctx & ctx))
			continue;
		ui_put(y, ix, 8, A_BOLD, k[i].name);
		ui_put(y++, ix + 8, iw - 8, 0, k[i].help);
	}
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
