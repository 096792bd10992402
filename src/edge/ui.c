/*
 * ui.c - curses start/stop, styles, keys, resize, suspend and text.
 *
 * With draw*.c and ui_prompt.c, the only place that knows about curses.
 * Colours come from use_default_colors(), so the terminal's own
 * background shows through on light and dark themes alike.  Without
 * colour (the setting, --no-color, NO_COLOR, or a terminal that has none)
 * styles are bold and reverse video.  Block characters are drawn only when
 * the locale is UTF-8 and the terminal has colours: a monochrome terminal
 * such as a vt100 is taken to be an old one, and gets ASCII.
 */
#define NCURSES_WIDECHAR 1
#include "ui.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "keys.h"
#include "text.h"
#include "sig.h"
#include "util.h"

#define TEXT_MAX 4096           /* longest text drawn at once, in chars */

static struct {
	bool active;            /* curses is running */
	bool utf8;              /* block characters allowed */
	bool unicode;           /* the locale is UTF-8 */
	bool console;           /* the Linux console: its font's glyphs only */
	bool color;             /* colour pairs in use */
	SCREEN *scr;
} ui;

/* Per style: colour pair foreground (-1: none), colour attributes, and
 * the attributes used without colour. */
static const struct {
	short fg;
	int attr;
	int mono;
} styles[UI_STYLE_COUNT] = {
	[UI_NORMAL]  = { -1, 0, 0 },
	[UI_TITLE]   = { COLOR_CYAN, A_BOLD, A_BOLD },
	[UI_WORK]    = { COLOR_GREEN, A_BOLD, A_BOLD },
	[UI_EASY]    = { COLOR_BLUE, A_BOLD, 0 },
	[UI_PAUSED]  = { -1, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
	[UI_CAUTION] = { COLOR_RED, 0, A_BOLD },
	[UI_DIM]     = { -1, A_DIM, 0 },
	[UI_BAR]     = { COLOR_GREEN, 0, 0 },
	[UI_SELECT]  = { -1, A_REVERSE, A_REVERSE },
	[UI_BOLD]    = { -1, A_BOLD, A_BOLD },
};

static void
cleanup(void)
{
	ui_stop();
}

int
ui_start(bool color, struct diags *d)
{
	if (ui.active)
		return 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		diags_add(d, DIAG_ERROR, NULL, 0, "the coach runs full-screen: it "
		    "needs a terminal on its input and output");
		return -1;
	}
	setlocale(LC_CTYPE, "");
	if (ui_term_check(getenv("TERM"), d) != 0)
		return -1;
	ui.scr = newterm(NULL, stdout, stdin);
	if (ui.scr == NULL) {
		diags_add(d, DIAG_ERROR, NULL, 0, "cannot use the terminal (TERM=%s)",
		    getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	ui.active = true;
	die_cleanup = cleanup;
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	typeahead(-1);  /* the loop reads keys: an update is written whole, in
	                   one write(), without polling the terminal first */
	curs_set(0);
	ui.unicode = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	ui.utf8 = ui.unicode && has_colors();
	ui.console = getenv("TERM") != NULL &&
	    strncmp(getenv("TERM"), "linux", 5) == 0;
	ui.color = color && has_colors();
	if (ui.color && start_color() == OK) {
		use_default_colors();
		for (int i = 1; i < UI_STYLE_COUNT; i++)
			if (styles[i].fg >= 0)
				init_pair((short)i, styles[i].fg, -1);
	} else {
		ui.color = false;
	}
	return 0;
}

void
ui_stop(void)
{
	if (!ui.active)
		return;
	/* a terminal without an alternate screen (vt100) would keep the
	 * last screen under the shell's prompt */
	erase();
	refresh();
	curs_set(1);
	endwin();
	fflush(stdout);
	delscreen(ui.scr);
	ui.scr = NULL;
	ui.active = false;
	if (die_cleanup == cleanup)
		die_cleanup = NULL;
}

bool
ui_utf8(void)
{
	return ui.utf8;
}

bool
ui_console(void)
{
	return ui.console;
}

int
ui_attr(enum ui_style st)
{
	if (!ui.color)
		return styles[st].mono;
	return styles[st].attr | (styles[st].fg >= 0 ? COLOR_PAIR(st) : 0);
}

int
ui_attr_dimmed(enum ui_style st)
{
	return (int)(((unsigned)ui_attr(st) & ~(unsigned)A_BOLD) | (unsigned)A_DIM);
}

int
ui_rows(void)
{
	return LINES;
}

int
ui_cols(void)
{
	return COLS;
}

void
ui_resize(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
}

void
ui_suspend(void)
{
	endwin();
	fflush(stdout);
	sig_stop_self();
	/* continued: the size may have changed while we were stopped */
	ui_resize();
	refresh();
}

void
ui_clear(void)
{
	erase();
}

void
ui_show(void)
{
	refresh();
}

void
ui_bell(void)
{
	if (ui.active)
		beep();         /* curses flashes where there is no bell */
}

/* Function keys as keys.h names them. */
static const struct {
	int curses;
	int key;
} fkeys[] = {
	{ KEY_UP, KEYS_UP }, { KEY_DOWN, KEYS_DOWN },
	{ KEY_LEFT, KEYS_LEFT }, { KEY_RIGHT, KEYS_RIGHT },
	{ KEY_ENTER, KEYS_ENTER }, { KEY_BACKSPACE, KEYS_BACKSPACE },
	{ KEY_HOME, KEYS_HOME }, { KEY_END, KEYS_END },
	{ KEY_PPAGE, KEYS_PGUP }, { KEY_NPAGE, KEYS_PGDN },
	{ KEY_DC, KEYS_DELETE },
};

int
ui_read_key(void)
{
	wint_t ch;
	int r;

	/* resizeterm() queues a KEY_RESIZE; we learn of resizes from
	 * SIGWINCH on the signalfd instead, so skip it */
	while ((r = get_wch(&ch)) == KEY_CODE_YES && ch == KEY_RESIZE)
		;
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES) {
		for (size_t i = 0; i < sizeof fkeys / sizeof fkeys[0]; i++)
			if (fkeys[i].curses == (int)ch)
				return fkeys[i].key;
		return KEYS_OTHER;
	}
	switch (ch) {
	case '\r': case '\n':
		return KEYS_ENTER;
	case 27:
		return KEYS_ESC;
	case 8: case 127:
		return KEYS_BACKSPACE;
	default:
		return (int)ch;
	}
}

/* The character at s (len bytes left) into *c, and its length; 0 for a
 * byte that starts none.  Printable ASCII, most of what is drawn each
 * second, is taken as it is; the rest is decoded strictly in a UTF-8
 * locale (text_utf8), else by mbrtowc. */
static size_t
next_char(const char *s, size_t len, wchar_t *c, mbstate_t *st)
{
	uint32_t cp;
	size_t r;

	if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f) {
		*c = (wchar_t)*s;
		return 1;
	}
	if (ui.unicode) {
		r = text_utf8(s, len, &cp);
		*c = (wchar_t)cp;
		return r;
	}
	r = mbrtowc(c, s, len, st);
	return r == (size_t)-1 || r == (size_t)-2 ? 0 : r;
}

/* UTF-8 to wide characters, bad bytes and characters that do not print
 * (controls, from a hostile file) as '?'.  Returns the count. */
static size_t
widen_keep(const char *s, wchar_t *out, size_t cap, bool newlines)
{
	mbstate_t st;
	size_t n = 0, len = strlen(s);

	memset(&st, 0, sizeof st);
	while (len > 0 && n + 1 < cap) {
		size_t r = next_char(s, len, &out[n], &st);
		if (r == 0) {
			memset(&st, 0, sizeof st);
			out[n] = L'?';
			r = 1;
		}
		if (r == 1 && out[n] >= 0x20 && out[n] < 0x7f)
			;               /* printable ASCII */
		else if (out[n] == L'\t' || (out[n] == L'\n' && !newlines))
			out[n] = L' ';
		else if (out[n] != L'\n' && !iswprint((wint_t)out[n]))
			out[n] = L'?';  /* a control: one cell, never ^A's two */
		n++;
		s += r;
		len -= r;
	}
	out[n] = L'\0';
	return n;
}

/* Multibyte to wide characters, tabs and newlines as spaces. */
static size_t
widen(const char *s, wchar_t *out, size_t cap)
{
	return widen_keep(s, out, cap, false);
}

static int
wwidth(wchar_t c)
{
	if (c >= 0x20 && c < 0x7f)
		return 1;
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

int
ui_width(const char *text)
{
	static wchar_t buf[TEXT_MAX];
	size_t n = widen(text, buf, TEXT_MAX);
	int w = 0;

	for (size_t i = 0; i < n; i++)
		w += wwidth(buf[i]);
	return w;
}

/* Draws wide chars s[0..n) at y,x, no more than w columns. */
static int
put_wide(int y, int x, int w, int attr, const wchar_t *s, size_t n)
{
	int used = 0;
	size_t k = 0;

	while (k < n && used + wwidth(s[k]) <= w)
		used += wwidth(s[k++]);
	if (k > 0 && y >= 0 && y < LINES && x >= 0) {
		attron(attr);
		mvaddnwstr(y, x, s, (int)k);
		attroff(attr);
	}
	return used;
}

int
ui_put(int y, int x, int w, int attr, const char *text)
{
	static wchar_t buf[TEXT_MAX];
	size_t n = widen(text, buf, TEXT_MAX);

	if (w <= 0)
		return 0;
	return put_wide(y, x, w, attr, buf, n);
}

int
ui_put_cut(int y, int x, int w, int attr, const char *text)
{
	static wchar_t buf[TEXT_MAX];
	size_t n = widen(text, buf, TEXT_MAX);
	int used = 0;
	const wchar_t *dots = ui.unicode && !ui.console ? L"\u2026" : L"...";
	int dw = ui.unicode ? 1 : 3;

	for (size_t i = 0; i < n; i++)
		used += wwidth(buf[i]);
	if (used <= w || w < dw)
		return put_wide(y, x, w, attr, buf, n);
	used = put_wide(y, x, w - dw, attr, buf, n);
	return used + put_wide(y, x + used, dw, attr, dots, (size_t)dw);
}

/* The end of the line starting at s[from], in w columns: a newline, or
 * after the last whole word that fits, or cut mid-word when even one does
 * not. */
static size_t
line_end(const wchar_t *s, size_t n, size_t from, int w)
{
	size_t i = from, brk = 0;
	int used = 0;

	while (i < n && s[i] != L'\n' && used + wwidth(s[i]) <= w) {
		used += wwidth(s[i]);
		i++;
		if (i < n && s[i] == L' ')
			brk = i;
	}
	if (i >= n || s[i] == L' ' || s[i] == L'\n' || brk == 0)
		return i;
	return brk;
}

/* Wraps text into w columns: lines skip.. are drawn from row y (at most
 * maxlines of them, the last cut with "..." when more follows), when
 * draw; returns the lines drawn, or (not drawing) counted. */
static int
wrap(int y, int x, int w, int skip, int maxlines, int attr, const char *text,
    bool draw)
{
	static wchar_t buf[TEXT_MAX];
	size_t n = widen_keep(text, buf, TEXT_MAX, true), pos = 0;
	int lines = 0, seen = 0;

	if (w <= 0)
		return 0;
	while (pos < n && lines < maxlines) {
		while (pos < n && buf[pos] == L' ')
			pos++;
		if (pos < n && buf[pos] == L'\n') {   /* a line of its own */
			pos++;
			continue;
		}
		if (pos >= n)
			break;
		size_t end = line_end(buf, n, pos, w);
		if (end <= pos)
			end = pos + 1;
		if (seen++ < skip) {
			pos = end;
			continue;
		}
		bool more = false;
		for (size_t i = end; i < n; i++)
			more |= buf[i] != L' ' && buf[i] != L'\n';
		if (draw) {
			int used = put_wide(y + lines, x, w, attr, buf + pos, end - pos);
			if (more && lines + 1 == maxlines && w >= 3)
				put_wide(y + lines, x + (used + 3 <= w ? used : w - 3), 3,
				    attr, L"...", 3);
		}
		lines++;
		pos = end;
	}
	return lines;
}

int
ui_text(int y, int x, int w, int maxlines, int attr, const char *text,
    bool draw)
{
	return wrap(y, x, w, 0, maxlines, attr, text, draw);
}

int
ui_text_part(int y, int x, int w, int skip, int maxlines, int attr,
    const char *text)
{
	return wrap(y, x, w, skip, maxlines, attr, text, true);
}

void
ui_box(int y, int x, int h, int w, const char *title, int *iy, int *ix,
    int *iw)
{
	for (int r = y; r < y + h; r++)
		mvhline(r, x, ' ', w);
	if (ui.utf8) {
		mvhline(y, x + 1, ACS_HLINE, w - 2);
		mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
		mvvline(y + 1, x, ACS_VLINE, h - 2);
		mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
		mvaddch(y, x, ACS_ULCORNER);
		mvaddch(y, x + w - 1, ACS_URCORNER);
		mvaddch(y + h - 1, x, ACS_LLCORNER);
		mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	} else {
		mvhline(y, x, '-', w);
		mvhline(y + h - 1, x, '-', w);
		mvvline(y + 1, x, '|', h - 2);
		mvvline(y + 1, x + w - 1, '|', h - 2);
	}
	if (title != NULL && w > 6) {
		char t[256];
		snprintf(t, sizeof t, " %s ", title);
		ui_put(y, x + 2, w - 4, ui_attr(UI_TITLE), t);
	}
	*iy = y + 1;
	*ix = x + 2;
	*iw = w - 4;
}
