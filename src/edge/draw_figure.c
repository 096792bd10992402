/*
 * draw_figure.c - a figure's frame as a picture (draw_util.h): its rows
 * in the figure's box, in ASCII where the terminal draws no Unicode and
 * in the console's glyphs on the Linux console; and a figure placed
 * beside or above a block of the screen's (the session's countdown) that
 * keeps the room it needs.  Which frame, and where, is the screen's
 * choice.
 */
#define NCURSES_WIDECHAR 1
#include "draw_util.h"

#include "figure.h"
#include "ui.h"

#define FIGURE_GAP 2            /* columns between a block and a figure */

void
draw_figure_frame(const struct figure *f, const struct figure_frame *fr,
    int y, int x)
{
	char buf[FIGURE_MAX_COLS * 4 + 1];
	int top = y + f->height - fr->nrows;

	for (int r = 0; r < fr->nrows; r++) {
		const char *row = fr->rows[r];
		if (!ui_utf8()) {
			figure_ascii(row, buf, sizeof buf);
			row = buf;
		} else if (ui_console()) {
			figure_console(row, buf, sizeof buf);
			row = buf;
		}
		ui_put(top + r, x, f->width, 0, row);
	}
}

int
draw_figure_place(const struct figure *f, const struct figure_frame *fr,
    int *y, int end, int cols, int need_rows, int need_cols)
{
	int room = end - *y;
	int beside = cols - f->width - FIGURE_GAP - 1;

	if (f->height <= room && beside >= need_cols) {
		draw_figure_frame(f, fr, *y + (room - f->height) / 2,
		    beside + FIGURE_GAP);
		return beside;
	}
	if (room - f->height - 1 >= need_rows) {
		draw_figure_frame(f, fr, *y, (cols - f->width) / 2);
		*y += f->height + 1;
	}
	return cols;
}
