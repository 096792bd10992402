/*
 * sbuf.h - a growing string, and text appended to it escaped for where it
 * goes: a terminal (text_escape), HTML, JSON.
 *
 * Part of the pure core: the report's renderers build their pages here
 * and the command layer writes them out.  Running out of memory sets
 * `oom` and stops appending; the caller checks it once, at the end.
 */
#ifndef BACKCOACH_SBUF_H
#define BACKCOACH_SBUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct sbuf {
	char *p;                /* the text, NUL-terminated; NULL when empty */
	size_t len, cap;
	int oom;                /* an allocation failed: the text is cut */
};

void sb_printf(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Room for n more bytes and a NUL; 0, or -1 (oom set). */
int sb_grow(struct sbuf *b, size_t n);

/* Appends n bytes of s.  Inline, as sb_str, so that an export's many
 * short pieces cost a copy each, not a call (a literal's length and copy
 * are worked out when compiling). */
static inline void
sb_put(struct sbuf *b, const char *s, size_t n)
{
	if ((b->oom || b->len + n + 1 > b->cap) && sb_grow(b, n) != 0)
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* Appends the string s. */
static inline void
sb_str(struct sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

/* Appends v in decimal (no printf: an export writes millions; a digit
 * alone, most counts, without a call). */
void sb_int_wide(struct sbuf *b, int64_t v);
static inline void
sb_int(struct sbuf *b, int64_t v)
{
	char d = (char)('0' + v);

	if (v >= 0 && v < 10)
		sb_put(b, &d, 1);
	else
		sb_int_wide(b, v);
}

/* Makes the text n bytes longer, for the caller to write, with a NUL
 * after them: where they start, or NULL when memory ran out. */
char *sb_extend(struct sbuf *b, size_t n);
/* Appends s as HTML text or an attribute value: & < > " ' as entities,
 * control characters (C0 but for LF and TAB, DEL, C1) and bidi overrides
 * as U+FFFD, and bytes that are not strict UTF-8 as U+FFFD. */
void sb_html(struct sbuf *b, const char *s);
/* Appends s as a JSON string, quotes included: " and \ escaped, control
 * characters (C1 too) as \n \t \r or \u00XX, bytes that are not strict
 * UTF-8 (text_utf8) as \ufffd: always valid JSON, and safe on a terminal. */
void sb_json(struct sbuf *b, const char *s);
/* Appends s made safe for a terminal (text_escape). */
void sb_term(struct sbuf *b, const char *s);
/* Appends s escaped (sb_term) and fitted to cols columns (text_fit). */
void sb_fit(struct sbuf *b, const char *s, int cols, int right);
/* The text, handed over (malloc'd; the sbuf is emptied), or NULL when
 * memory ran out. */
char *sb_take(struct sbuf *b);

#endif
