/*
 * draw_prompt.c - a modal box: a question or a message, the text typed so
 * far, an error, and the keys that answer it, centred on the screen.
 *
 * Drawing only: the screens that ask (app/screen_dialog.c) own the state
 * and read the keys.  Drawn over whatever the loop drew first, so the
 * same box serves a question on its own and one over a running session.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>

#include "draw.h"
#include "keys.h"
#include "ui.h"

#define LINE_MAX_BYTES 2048     /* "> " + the longest input + "_" */

/* The typed text with its cursor, its end kept in view within w columns. */
static void
draw_input(int y, int x, int w, const char *input)
{
	char line[LINE_MAX_BYTES];

	snprintf(line, sizeof line, "> %s_", input);
	int over = ui_width(line) - w;
	ui_put(y, x, w, A_BOLD, over > 0 ? line + over : line);
}

void
draw_modal(const struct draw_modal *m)
{
	int cols = ui_cols(), rows = ui_rows();
	int w = cols - 2 < 70 ? cols - 2 : 70;
	int tw = w - 4, iy, ix, iw;
	char keys[256];

	if (w < 10 || rows < 5) {
		ui_text(0, 0, cols, rows, 0, m->text, true);
		return;
	}
	int maxl = rows - 6;
	int nt = ui_text(0, 0, tw, maxl, 0, m->text, false);
	int nd = m->detail ? ui_text(0, 0, tw, maxl, 0, m->detail, false) : 0;
	int h = 2 + nt + (nd ? nd + 1 : 0) + (m->input ? 2 : 0) +
	    (m->error ? 1 : 0) + (m->guide ? 1 : 0) + 2;
	if (h > rows)
		h = rows;
	int y = (rows - h) / 2;
	ui_box(y, (cols - w) / 2, h, w, m->title, &iy, &ix, &iw);
	int r = iy;
	r += ui_text(r, ix, iw, maxl, ui_attr(UI_TITLE), m->text, true);
	if (nd) {
		r++;
		r += ui_text(r, ix, iw, y + h - 3 - r, 0, m->detail, true);
	}
	if (m->input) {
		r++;
		draw_input(r++, ix, iw, m->input);
	}
	if (m->error)
		ui_put(r++, ix, iw, ui_attr(UI_CAUTION), m->error);
	if (m->guide)
		ui_put(y + h - 3, ix, iw, ui_attr(UI_DIM), m->guide);
	ui_put(y + h - 2, ix, iw, ui_attr(UI_DIM),
	    keys_hints(m->keys, iw, keys, sizeof keys));
}
