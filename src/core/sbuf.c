/*
 * sbuf.c - a growing string and its escapes (sbuf.h).
 *
 * Part of the pure core.
 */
#include "sbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int
sb_grow(struct sbuf *b, size_t n)
{
	if (b->oom)
		return -1;
	if (b->len + n + 1 <= b->cap)
		return 0;
	size_t cap = (b->len + n + 1) * 2;
	char *v = realloc(b->p, cap);
	if (v == NULL) {
		b->oom = 1;
		return -1;
	}
	b->p = v;
	b->cap = cap;
	return 0;
}

void
sb_int_wide(struct sbuf *b, int64_t v)
{
	char d[24], *p = d + sizeof d;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	sb_put(b, p, (size_t)(d + sizeof d - p));
}

char *
sb_extend(struct sbuf *b, size_t n)
{
	if (sb_grow(b, n) != 0)
		return NULL;
	char *p = b->p + b->len;
	b->len += n;
	b->p[b->len] = '\0';
	return p;
}

void
sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256];

	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = 1;
		return;
	}
	if ((size_t)n < sizeof small) {
		sb_put(b, small, (size_t)n);
		return;
	}
	if (sb_grow(b, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
sb_html(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);
	uint32_t c;

	for (size_t i = 0; i < n; ) {
		size_t len = text_utf8(s + i, n - i, &c);
		if (len == 0 || (text_is_control(c) && c != '\n' && c != '\t') ||
		    text_is_bidi(c))
			sb_put(b, "\xef\xbf\xbd", 3);           /* U+FFFD */
		else if (c == '&')
			sb_put(b, "&amp;", 5);
		else if (c == '<')
			sb_put(b, "&lt;", 4);
		else if (c == '>')
			sb_put(b, "&gt;", 4);
		else if (c == '"')
			sb_put(b, "&quot;", 6);
		else if (c == '\'')
			sb_put(b, "&#39;", 5);
		else
			sb_put(b, s + i, len);
		i += len ? len : 1;
	}
}

/* The length of the run at s of printable ASCII that JSON takes as it
 * is: most text, put whole. */
static size_t
json_plain(const char *s)
{
	size_t n = 0;

	while (s[n] >= 0x20 && s[n] < 0x7f && s[n] != '"' && s[n] != '\\')
		n++;
	return n;
}

void
sb_json(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);
	uint32_t c;

	sb_put(b, "\"", 1);
	for (size_t i = 0; i < n; ) {
		size_t run = json_plain(s + i), len;
		sb_put(b, s + i, run);
		if ((i += run) == n)
			break;
		len = text_utf8(s + i, n - i, &c);
		if (len == 0)
			sb_put(b, "\\ufffd", 6);
		else if (c == '"' || c == '\\')
			sb_put(b, c == '"' ? "\\\"" : "\\\\", 2);
		else if (c == '\n' || c == '\t' || c == '\r')
			sb_put(b, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r", 2);
		else if (text_is_control(c))
			sb_printf(b, "\\u%04x", (unsigned)c);
		else
			sb_put(b, s + i, len);
		i += len ? len : 1;
	}
	sb_put(b, "\"", 1);
}

void
sb_term(struct sbuf *b, const char *s)
{
	size_t n = text_escape(s, NULL, 0);
	char *p = sb_extend(b, n);

	if (p != NULL)
		text_escape(s, p, n + 1);
}

void
sb_fit(struct sbuf *b, const char *s, int cols, int right)
{
	struct sbuf e = { 0 };

	sb_term(&e, s);
	size_t n = text_fit(e.p ? e.p : "", cols, right, NULL, 0);
	if (!e.oom && sb_grow(b, n) == 0) {
		text_fit(e.p ? e.p : "", cols, right, b->p + b->len, n + 1);
		b->len += n;
	}
	b->oom |= e.oom;
	free(e.p);
}

char *
sb_take(struct sbuf *b)
{
	char *p = b->oom ? NULL : b->p;

	if (b->oom)
		free(b->p);
	else if (p == NULL)
		p = calloc(1, 1);
	*b = (struct sbuf){ 0 };
	return p;
}
