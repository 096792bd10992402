/*
 * draw_scroll.c - a page of wrapped text that scrolls: a title, a body of
 * paragraphs, a note and the keys.  The start card, the red-flag
 * questions and long messages are such pages.
 *
 * The body is paragraphs, one per line of the text; an empty line is a
 * blank row; a paragraph starting "- " or "12. " is a list item whose
 * wrapped lines are indented under its first, and one starting with
 * spaces is indented by them, every line of it.  A paragraph with a tab
 * is a row of a table: one screen row, what follows the tab at its right
 * edge, what precedes it cut with an ellipsis to leave room.  One
 * starting with DRAW_PRE is drawn as it is, unwrapped (a figure's rows).
 * Scrolling is by screen row.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "draw_util.h"
#include "ui.h"

#define TITLE_MAX_LINES 3

/* Calls fn for each paragraph of text, with its length; stops when fn
 * returns false. */
static void
each_paragraph(const char *text, bool (*fn)(const char *p, size_t n, void *),
    void *arg)
{
	for (const char *p = text; *p != '\0'; ) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (!fn(p, n, arg))
			return;
		p += n + (nl != NULL);
	}
}

/* A paragraph as its own string (malloc'd; NULL when out of memory). */
static char *
paragraph(const char *p, size_t n)
{
	char *s = malloc(n + 1);

	if (s != NULL) {
		memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

/* The width of a list item's mark ("- ", "12. ") or of the spaces that
 * indent a paragraph, or 0 for a plain paragraph. */
static size_t
mark_width(const char *p, size_t n)
{
	size_t d = 0;

	if (n > 0 && p[0] == DRAW_PRE)
		return 0;
	while (d < n && p[d] == ' ')
		d++;
	if (d > 0)
		return d < n ? d : 0;
	if (n >= 2 && p[0] == '-' && p[1] == ' ')
		return 2;
	while (d < n && d < 3 && p[d] >= '0' && p[d] <= '9')
		d++;
	return d > 0 && d + 1 < n && p[d] == '.' && p[d + 1] == ' ' ? d + 2 : 0;
}

/* Rows a paragraph takes in w columns. */
static int
paragraph_rows(const char *p, size_t n, int w)
{
	size_t m = mark_width(p, n);
	char *s = paragraph(p, n);
	int rows = 1;

	if (s != NULL && n > 0 && s[0] == DRAW_PRE)
		rows = 1;
	else if (s != NULL && n > m && strchr(s, '\t') == NULL)
		rows = ui_text(0, 0, w - (int)m, 1000, 0, s + m, false);
	free(s);
	return rows > 0 ? rows : 1;
}

struct counter {
	int w;
	int rows;
};

static bool
count_one(const char *p, size_t n, void *arg)
{
	struct counter *c = arg;

	c->rows += paragraph_rows(p, n, c->w);
	return true;
}

/* Rows the title takes, and rows left for the body. */
static void
layout(const struct draw_scroll *s, int *title_rows, int *room)
{
	int cols = ui_cols();

	*title_rows = ui_text(0, 0, cols, TITLE_MAX_LINES, 0, s->title, false);
	*room = ui_rows() - *title_rows - 1 - 2;        /* blank, note, keys */
}

void
draw_scroll_size(const struct draw_scroll *s, int *lines, int *room)
{
	struct counter c = { ui_cols(), 0 };
	int title_rows;

	each_paragraph(s->text, count_one, &c);
	layout(s, &title_rows, room);
	*lines = c.rows;
}

struct painter {
	int w;
	int skip;               /* body rows still to pass over */
	int y, end;             /* the next row to draw, and the row after */
};

/* A row of a table (s, indented m columns): what follows the tab at the
 * right edge of w columns, what precedes it cut to leave a column. */
static void
paint_row(int y, int m, int w, char *s)
{
	char *tab = strchr(s, '\t');
	int rw = ui_width(tab + 1);

	*tab = '\0';
	ui_put_cut(y, m, w - m - rw - 1, 0, s + m);
	ui_put(y, w - rw > m ? w - rw : m, rw, 0, tab + 1);
	*tab = '\t';
}

static bool
paint_one(const char *p, size_t n, void *arg)
{
	struct painter *pt = arg;
	int m = (int)mark_width(p, n);
	int rows = paragraph_rows(p, n, pt->w);
	int skip = pt->skip < rows ? pt->skip : rows;
	char *s = paragraph(p, n);

	pt->skip -= skip;
	if (s != NULL && skip < rows && pt->y < pt->end && s[0] == DRAW_PRE) {
		ui_put(pt->y++, 0, pt->w, 0, s + 1);
	} else if (s != NULL && skip < rows && pt->y < pt->end && strchr(s, '\t')) {
		paint_row(pt->y++, m, pt->w, s);
	} else if (s != NULL && skip < rows && pt->y < pt->end) {
		if (m > 0 && skip == 0 && s[0] != ' ') {
			char mark[8];
			snprintf(mark, sizeof mark, "%.*s", m, s);
			ui_put(pt->y, 0, m, A_BOLD, mark);
		}
		int drawn = ui_text_part(pt->y, m, pt->w - m, skip, pt->end - pt->y,
		    0, s + m);
		pt->y += drawn > 0 ? drawn : 1;         /* a blank row: one */
	}
	free(s);
	return pt->y < pt->end;
}

void
draw_scroll(const struct draw_scroll *s)
{
	int rows = ui_rows(), cols = ui_cols(), title_rows, room, lines;

	draw_scroll_size(s, &lines, &room);
	if (room < 2 || cols < 20) {
		draw_too_small(20, rows - room + 2);
		return;
	}
	layout(s, &title_rows, &room);
	ui_text(0, 0, cols, title_rows, ui_attr(UI_TITLE), s->title, true);
	struct painter pt = { cols, s->top, title_rows + 1,
	    title_rows + 1 + room };
	each_paragraph(s->text, paint_one, &pt);
	draw_more(title_rows, 0, cols, s->top, lines - s->top - room);
	if (s->note != NULL)
		ui_put(rows - 2, 0, cols, ui_attr(UI_CAUTION), s->note);
	draw_keys(rows - 1, cols, s->keys);
}
