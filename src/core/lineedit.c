/*
 * lineedit.c - a line of text being typed (lineedit.h).
 */
#include "lineedit.h"

#include <string.h>

#include "text.h"

void
line_init(struct line_edit *e, char *buf, size_t cap)
{
	e->buf = buf;
	e->cap = cap;
	e->cur = 0;
	buf[0] = '\0';
}

/* The start of the character before byte offset at. */
static size_t
before(const char *s, size_t at)
{
	while (at > 0 && ((unsigned char)s[--at] & 0xc0) == 0x80)
		;
	return at;
}

/* The end of the character at byte offset at. */
static size_t
after(const char *s, size_t at)
{
	uint32_t c;
	size_t n = strlen(s + at);
	size_t len = text_utf8(s + at, n, &c);

	return at + (len ? len : n > 0);
}

/* Removes bytes from..to of the text; the cursor goes to from. */
static void
cut(struct line_edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, strlen(e->buf + to) + 1);
	e->cur = from;
}

bool
line_insert(struct line_edit *e, uint32_t c)
{
	char mb[4];
	size_t n, len = strlen(e->buf);

	if (c >= 0xd800 && c <= 0xdfff)
		return false;
	if (c < 0x80)
		mb[0] = (char)c, n = 1;
	else if (c < 0x800)
		mb[0] = (char)(0xc0 | c >> 6), mb[1] = (char)(0x80 | (c & 0x3f)), n = 2;
	else if (c < 0x10000)
		mb[0] = (char)(0xe0 | c >> 12), mb[1] = (char)(0x80 | (c >> 6 & 0x3f)),
		    mb[2] = (char)(0x80 | (c & 0x3f)), n = 3;
	else if (c < 0x110000)
		mb[0] = (char)(0xf0 | c >> 18), mb[1] = (char)(0x80 | (c >> 12 & 0x3f)),
		    mb[2] = (char)(0x80 | (c >> 6 & 0x3f)),
		    mb[3] = (char)(0x80 | (c & 0x3f)), n = 4;
	else
		return false;
	if (len + n + 1 > e->cap)
		return false;
	memmove(e->buf + e->cur + n, e->buf + e->cur, len - e->cur + 1);
	memcpy(e->buf + e->cur, mb, n);
	e->cur += n;
	return true;
}

void
line_left(struct line_edit *e)
{
	e->cur = before(e->buf, e->cur);
}

void
line_right(struct line_edit *e)
{
	e->cur = after(e->buf, e->cur);
}

void
line_to_start(struct line_edit *e)
{
	e->cur = 0;
}

void
line_to_end(struct line_edit *e)
{
	e->cur = strlen(e->buf);
}

void
line_backspace(struct line_edit *e)
{
	cut(e, before(e->buf, e->cur), e->cur);
}

void
line_delete(struct line_edit *e)
{
	cut(e, e->cur, after(e->buf, e->cur));
}

void
line_kill_before(struct line_edit *e)
{
	cut(e, 0, e->cur);
}

void
line_kill_word(struct line_edit *e)
{
	size_t at = e->cur;

	while (at > 0 && e->buf[at - 1] == ' ')
		at--;
	while (at > 0 && e->buf[at - 1] != ' ')
		at--;
	cut(e, at, e->cur);
}

bool
line_act(struct line_edit *e, enum action a)
{
	static const struct {
		enum action a;
		void (*op)(struct line_edit *);
	} ops[] = {
		{ ACT_LEFT, line_left }, { ACT_RIGHT, line_right },
		{ ACT_HOME, line_to_start }, { ACT_END, line_to_end },
		{ ACT_ERASE, line_backspace }, { ACT_DELETE, line_delete },
		{ ACT_KILL_BEFORE, line_kill_before }, { ACT_KILL_WORD, line_kill_word },
	};

	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (ops[i].a == a) {
			ops[i].op(e);
			return true;
		}
	return false;
}
