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
#include <string.h>

#include "draw.h"
#include "draw_util.h"
#include "keys.h"
#include "text.h"
#include "ui.h"

#define LINE_MAX_BYTES 2048     /* the longest input, and more */

/* The columns of the character at s (n bytes left), and its length. */
static size_t
char_at(const char *s, size_t n, int *w)
{
	char one[5] = "";
	uint32_t c;
	size_t len = text_utf8(s, n, &c);

	len = len ? len : 1;
	memcpy(one, s, len);
	*w = ui_width(one);
	return len;
}

/* Bytes from..to of s at y,x (at most w columns) in attr; the columns. */
static int
put_part(int y, int x, int w, int attr, const char *s, size_t from, size_t to)
{
	char part[LINE_MAX_BYTES];

	if (to <= from)
		return 0;
	snprintf(part, sizeof part, "%.*s", (int)(to - from), s + from);
	return ui_put(y, x, w, attr, part);
}

/*
 * The typed text after prefix in w columns, scrolled by whole characters so
 * that the cursor stays in view: the character under it in reverse video,
 * or "_" after the end.  The window starts where the cursor's character
 * ends at the right edge at most; one cut by either edge is left out.
 */
void
draw_typed(int y, int x, int w, const char *prefix, const char *input,
    size_t cursor)
{
	size_t n = strlen(input), from = n, to = n, len;
	int pw = ui_width(prefix), field = w - pw, col = 0, cur_col = 0;
	int from_col = 0, cw;

	if (field < 1)
		return;
	ui_put(y, x, pw, A_BOLD, prefix);
	for (size_t i = 0; i < cursor && i < n; i += len, cur_col += cw)
		len = char_at(input + i, n - i, &cw);
	if (cursor >= n)
		cw = 1;                 /* the "_" */
	else
		char_at(input + cursor, n - cursor, &cw);
	int off = cur_col + cw > field ? cur_col + cw - field : 0;
	for (size_t i = 0; i < n; i += len, col += cw) {
		len = char_at(input + i, n - i, &cw);
		if (from == n && col >= off)
			from = i, from_col = col;
		if (col + cw > off + field) {
			to = i;
			break;
		}
	}
	x += pw - off;
	size_t at = cursor < from ? from : cursor > to ? to : cursor;
	put_part(y, x + from_col, field, A_BOLD, input, from, at);
	if (cursor >= n) {
		ui_put(y, x + cur_col, 1, A_BOLD, "_");
		return;
	}
	len = char_at(input + cursor, n - cursor, &cw);
	put_part(y, x + cur_col, cw, A_BOLD | A_REVERSE, input, cursor,
	    cursor + len);
	put_part(y, x + cur_col + cw, off + field - cur_col - cw, A_BOLD, input,
	    cursor + len, to);
}

/* The rows of a box's parts, inside its borders. */
struct modal_rows {
	int text, gap_detail, detail, gap_input, input, error, gap_end, guide;
};

/* Up to want rows of *left, leaving keep; what it grants. */
static int
grant(int *left, int want, int keep)
{
	int g = *left - keep < want ? *left - keep : want;

	g = g > 0 ? g : 0;
	*left -= g;
	return g;
}

/* The box's rows in ih rows inside: the keys, the input, a line of the
 * question and the error first; then the rest of the question, the gaps,
 * the guide and the detail, as room allows. */
static void
modal_layout(const struct draw_modal *m, int ih, int nt, int nd,
    struct modal_rows *r)
{
	int left = ih - 1;              /* the keys' row */

	r->input = grant(&left, m->input ? 1 : 0, 1);
	r->error = grant(&left, m->error ? 1 : 0, 1);
	r->text = grant(&left, nt, 0);
	r->gap_input = grant(&left, m->input ? 1 : 0, 0);
	r->guide = grant(&left, m->guide ? 1 : 0, 0);
	r->gap_detail = grant(&left, nd > 0 ? 1 : 0, 1);
	r->detail = grant(&left, r->gap_detail ? nd : 0, 0);
	r->gap_end = grant(&left, 1, 0);
}

/* The box's width, and its layout at the screen's size; nt, the text's
 * lines.  False when the screen is too small for a box. */
static bool
modal_size(const struct draw_modal *m, int *w, int *nt, struct modal_rows *lr)
{
	int cols = ui_cols(), rows = ui_rows();

	*w = cols - 2 < 70 ? cols - 2 : 70;
	if (*w < 10 || rows < 5)
		return false;
	*nt = ui_text(0, 0, *w - 4, 10000, 0, m->text, false);
	int nd = m->detail ? ui_text(0, 0, *w - 4, rows, 0, m->detail, false) : 0;
	modal_layout(m, rows - 2, *nt, nd, lr);
	return true;
}

void
draw_modal_size(const struct draw_modal *m, int *lines, int *room)
{
	struct modal_rows lr;
	int w;

	if (!modal_size(m, &w, lines, &lr))
		lr.text = *lines = 0;
	*room = lr.text;
}

void
draw_modal(const struct draw_modal *m)
{
	int cols = ui_cols(), rows = ui_rows(), w, nt, iy, ix, iw;
	struct modal_rows lr;
	char keys[256];

	if (!modal_size(m, &w, &nt, &lr)) {
		ui_text(0, 0, cols, rows, 0, m->text, true);
		return;
	}
	int h = 2 + lr.text + lr.gap_detail + lr.detail + lr.gap_input +
	    lr.input + lr.error + lr.gap_end + lr.guide + 1;
	int y = (rows - h) / 2;
	ui_box(y, (cols - w) / 2, h, w, m->title, &iy, &ix, &iw);
	int r = iy;
	ui_text_part(r, ix, iw, m->top, lr.text, ui_attr(UI_TITLE), m->text);
	r += lr.text;
	if (lr.text < nt)
		draw_more(y + h - 1, ix, iw, m->top, nt - m->top - lr.text);
	r += lr.gap_detail;
	r += ui_text(r, ix, iw, lr.detail, 0, m->detail ? m->detail : "", true);
	r += lr.gap_input;
	if (lr.input)
		draw_typed(r++, ix, iw, "> ", m->input, m->cursor);
	if (lr.error)
		ui_put_cut(r++, ix, iw, ui_attr(UI_CAUTION), m->error);
	r += lr.gap_end;
	if (lr.guide)
		ui_put_cut(r++, ix, iw, ui_attr(UI_DIM), m->guide);
	ui_put(r, ix, iw, ui_attr(UI_DIM), keys_hints(m->keys, iw, keys, sizeof keys));
}
