/*
 * text.c - strict UTF-8, control characters, and escaping (text.h).
 */
#include "text.h"

#include <stdio.h>
#include <string.h>

size_t
text_utf8(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t len;
	uint32_t c;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

bool
text_is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

bool
text_check(const char *s, const char *allowed, const char **why)
{
	size_t n = strlen(s);
	uint32_t c;

	for (size_t i = 0; i < n; ) {
		size_t len = text_utf8(s + i, n - i, &c);
		if (len == 0) {
			if (why)
				*why = "is not valid UTF-8";
			return false;
		}
		if (text_is_control(c) && (c == 0 || strchr(allowed, (int)c) == NULL)) {
			if (why)
				*why = "holds a control character (a tab, a line break, "
				    "an escape...)";
			return false;
		}
		i += len;
	}
	return true;
}

size_t
text_chars(const char *s)
{
	size_t n = strlen(s), chars = 0;
	uint32_t c;

	for (size_t i = 0; i < n; chars++) {
		size_t len = text_utf8(s + i, n - i, &c);
		i += len ? len : 1;
	}
	return chars;
}

/* The bidirectional formatting characters, which can make text read in an
 * order other than the bytes': embeddings, overrides, isolates, marks. */
bool
text_is_bidi(uint32_t c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200e || c == 0x200f || c == 0x061c;
}

/* Appends n bytes of p to out (cap), counting them in *used. */
static void
put(char *out, size_t cap, size_t *used, const char *p, size_t n)
{
	if (*used < cap) {
		size_t room = cap - *used;
		memcpy(out + *used, p, n < room ? n : room);
	}
	*used += n;
}

size_t
text_escape(const char *s, char *out, size_t cap)
{
	size_t n = strlen(s), used = 0;
	char esc[16];
	uint32_t c;

	for (size_t i = 0; i < n; ) {
		size_t len = text_utf8(s + i, n - i, &c);
		if (len == 0) {
			put(out, cap, &used, "?", 1);
			i++;
			continue;
		}
		if (c == 0x1b)
			put(out, cap, &used, "\\e", 2);
		else if (c == '\t')            /* a column would be thrown out */
			put(out, cap, &used, "\\t", 2);
		else if (text_is_control(c) && c != '\n')
			put(out, cap, &used, esc, (size_t)snprintf(esc, sizeof esc,
			    "\\x%02x", (unsigned)c));
		else if (text_is_bidi(c))
			put(out, cap, &used, esc, (size_t)snprintf(esc, sizeof esc,
			    "\\u%04x", (unsigned)c));
		else
			put(out, cap, &used, s + i, len);
		i += len;
	}
	if (cap > 0)
		out[used < cap ? used : cap - 1] = '\0';
	return used;
}
