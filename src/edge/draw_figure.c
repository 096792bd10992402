/*
 * draw_figure.c - the exercise's figure on the session screen, the frame
 * of the step on screen (hold or relax, the tempo phase, the side).
 *
 * The figure goes where it fits: beside the countdown (to its right) when
 * the countdown keeps room enough, else above it when there are rows to
 * spare, else nowhere: the countdown is never the one dropped.  Its box is
 * the figure's widest and tallest frame, so it stays put as frames
 * change; frames stand on its bottom, so the floor stays level.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "draw.h"
#include "figure.h"
#include "ui.h"

/* What the session screen's countdown needs at the least, besides the
 * figure: in rows (full: label, counters, a blank, 5 rows of digits, a
 * blank, the bar; compact: 4) and in columns. */
#define MIDDLE_ROWS_FULL    10
#define MIDDLE_ROWS_COMPACT 4
#define MIDDLE_COLS_FULL    44
#define MIDDLE_COLS_COMPACT DRAW_MIN_COLS
#define GAP 2                   /* columns between countdown and figure */

/* The frame for the step on screen. */
static const struct figure_frame *
frame_now(const struct figure *f, const struct step *st)
{
	const char *role = NULL, *phase = NULL;

	switch (st->kind) {
	case STEP_LEAD_IN: role = "ready"; break;
	case STEP_HOLD:    role = "hold"; break;
	case STEP_RELAX:   role = "relax"; break;
	case STEP_PHASE:   phase = st->label; break;
	case STEP_REST:    role = "rest"; break;
	case STEP_SWITCH:  role = "switch"; break;
	case STEP_TIMER:   role = "time"; break;
	}
	return figure_pick(f, role, phase, st->side,
	    st->kind == STEP_HOLD || st->kind == STEP_RELAX ||
	    st->kind == STEP_PHASE ? st->rep : 0);
}

/* Frame fr in figure f's box, its top left corner at y, x. */
static void
frame_draw(const struct figure *f, const struct figure_frame *fr, int y,
    int x)
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
draw_figure(const struct coach_view *v, int *y, int end, int cols, bool full)
{
	const struct step *st = session_step(v->s);
	const struct figure *f = v->s->plan->r->ex[st->ex].fig;

	if (f == NULL || f->nframes == 0)
		return cols;
	const struct figure_frame *fr = frame_now(f, st);
	int top = *y + (full ? 1 : 0), room = end - top;
	int beside = cols - f->width - GAP - 1;
	int need_rows = full ? MIDDLE_ROWS_FULL : MIDDLE_ROWS_COMPACT;

	if (f->height <= room &&
	    beside >= (full ? MIDDLE_COLS_FULL : MIDDLE_COLS_COMPACT)) {
		frame_draw(f, fr, top + (room - f->height) / 2, beside + GAP);
		return beside;
	}
	if (room - f->height - 1 >= need_rows) {
		frame_draw(f, fr, top, (cols - f->width) / 2);
		*y += f->height + 1;
	}
	return cols;
}
