/*
 * ui_prompt.c - the blocking modal widgets declared in ui.h: a number, a
 * line of text, yes or no, and a message.
 *
 * Each draws a box in the middle of a cleared screen and waits with
 * ui_wait_key(), so resizes and suspends redraw it and a fatal signal
 * exits cleanly.  They are for the screens before and after a session;
 * nothing times out.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "keys.h"
#include "ui.h"

#define INPUT_MAX 256           /* longest answer, in characters */

struct modal {
	const char *title;      /* box title, or NULL */
	const char *text;       /* the question or message */
	const char *detail;     /* more text under it, or NULL */
	const char *input;      /* what has been typed, or NULL: no input */
	const char *error;      /* shown in caution style, or NULL */
	const char *hint;       /* the keys, at the bottom */
};

/* Clears the screen and draws m in a centred box. */
static void
draw_modal(const struct modal *m)
{
	int cols = ui_cols(), rows = ui_rows();
	int w = cols - 2 < 70 ? cols - 2 : 70;
	int tw = w - 4, iy, ix, iw;

	ui_clear();
	if (w < 10 || rows < 5) {
		ui_text(0, 0, cols, rows, 0, m->text, true);
		ui_show();
		return;
	}
	int maxl = rows - 6;
	int nt = ui_text(0, 0, tw, maxl, 0, m->text, false);
	int nd = m->detail ? ui_text(0, 0, tw, maxl, 0, m->detail, false) : 0;
	int h = 2 + nt + (nd ? nd + 1 : 0) + (m->input ? 2 : 0) +
	    (m->error ? 1 : 0) + 2;
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
		char line[INPUT_MAX * 4 + 8];
		snprintf(line, sizeof line, "> %s_", m->input);
		int over = ui_width(line) - iw;
		ui_put(r++, ix, iw, A_BOLD, over > 0 ? line + over : line);
	}
	if (m->error)
		ui_put(r++, ix, iw, ui_attr(UI_CAUTION), m->error);
	ui_put(y + h - 2, ix, iw, ui_attr(UI_DIM), m->hint);
	ui_show();
}

void
ui_message(const char *title, const char *text)
{
	struct modal m = { title, text, NULL, NULL, NULL,
	    "Press any key to continue." };

	for (;;) {
		draw_modal(&m);
		if (ui_wait_key() != KEYS_RESIZE)
			return;
	}
}

int
ui_ask_yes_no(const char *question, const char *detail)
{
	struct modal m = { NULL, question, detail, NULL, NULL,
	    "y: yes    n or Esc: no" };

	for (;;) {
		draw_modal(&m);
		int k = ui_wait_key();
		if (k == 'y' || k == 'Y')
			return 1;
		if (k == 'n' || k == 'N' || k == KEYS_ESC)
			return 0;
	}
}

/* Removes the last UTF-8 character of buf. */
static void
drop_last(char *buf)
{
	size_t n = strlen(buf);

	while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	buf[n] = '\0';
}

/* Edits buf (len bytes) with key k; digits_only limits it to 0-9.
 * Returns 1 when k was an edit. */
static int
edit_key(char *buf, size_t len, int k, int digits_only)
{
	char mb[MB_LEN_MAX + 1];
	mbstate_t st;

	if (k == KEYS_BACKSPACE) {
		drop_last(buf);
		return 1;
	}
	if (k < ' ' || k >= 0x110000 || k == 127)
		return 0;
	if (digits_only && (k < '0' || k > '9'))
		return 0;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, (wchar_t)k, &st);
	if (n == (size_t)-1 || strlen(buf) + n + 1 > len)
		return 0;
	mb[n] = '\0';
	strcat(buf, mb);
	return 1;
}

int
ui_prompt_number(const char *question, int lo, int hi, int *out)
{
	char buf[12] = "", err[80], hint[120];
	struct modal m = { NULL, question, NULL, buf, NULL, hint };

	snprintf(hint, sizeof hint,
	    "Type %d-%d and press Enter; Enter alone skips.", lo, hi);
	for (;;) {
		draw_modal(&m);
		int k = ui_wait_key();
		if (k == KEYS_ESC)
			return 0;
		if (k == KEYS_ENTER) {
			if (buf[0] == '\0')
				return 0;
			long v = strtol(buf, NULL, 10);
			if (v >= lo && v <= hi) {
				*out = (int)v;
				return 1;
			}
			snprintf(err, sizeof err, "Please type a number from %d to %d.",
			    lo, hi);
			m.error = err;
			continue;
		}
		if (edit_key(buf, sizeof buf, k, 1))
			m.error = NULL;
	}
}

int
ui_prompt_line(const char *question, char *buf, size_t len)
{
	char line[INPUT_MAX * 4 + 1] = "";
	struct modal m = { NULL, question, NULL, line, NULL,
	    "Type and press Enter; Enter alone skips." };
	size_t cap = len < sizeof line ? len : sizeof line;

	for (;;) {
		draw_modal(&m);
		int k = ui_wait_key();
		if (k == KEYS_ESC)
			return 0;
		if (k == KEYS_ENTER) {
			if (line[0] == '\0')
				return 0;
			snprintf(buf, len, "%s", line);
			return 1;
		}
		edit_key(line, cap, k, 0);
	}
}
