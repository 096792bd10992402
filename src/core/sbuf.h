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

struct sbuf {
	char *p;                /* the text, NUL-terminated; NULL when empty */
	size_t len, cap;
	int oom;                /* an allocation failed: the text is cut */
};

void sb_printf(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends n bytes of s. */
void sb_put(struct sbuf *b, const char *s, size_t n);
/* Appends s as HTML text or an attribute value: & < > " ' as entities,
 * control characters (C0 but for LF and TAB, DEL, C1) and bidi overrides
 * as U+FFFD, and bytes that are not strict UTF-8 as U+FFFD. */
void sb_html(struct sbuf *b, const char *s);
/* Appends s as a JSON string, quotes included: " and \ escaped, control
 * characters as \n \t \r or \u00XX, bytes that are not UTF-8 as \ufffd. */
void sb_json(struct sbuf *b, const char *s);
/* Appends s made safe for a terminal (text_escape). */
void sb_term(struct sbuf *b, const char *s);
/* Appends s escaped (sb_term) and fitted to cols columns (text_fit). */
void sb_fit(struct sbuf *b, const char *s, int cols, int right);
/* The text, handed over (malloc'd; the sbuf is emptied), or NULL when
 * memory ran out. */
char *sb_take(struct sbuf *b);

#endif
