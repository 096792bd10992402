/*
 * routine_text.c - a value replaced in a routine file's text
 * (routine_text.h).
 */
#include "routine_text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool
word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '*';
}

/* The end of the value at p, which may run on over lines until text_end
 * (strings and comments in it skipped): the ';', ',' or '}' after it at
 * its own depth, or NULL. */
static const char *
value_end(const char *p, const char *text_end)
{
	int depth = 0;

	for (; p < text_end; p++) {
		if (*p == '"') {
			for (p++; p < text_end && *p != '"'; p++)
				p += *p == '\\';
			if (p >= text_end)
				return NULL;
			continue;
		}
		if (*p == '#' || (*p == '/' && p + 1 < text_end && p[1] == '/')) {
			p = memchr(p, '\n', (size_t)(text_end - p));
			if (p == NULL)
				return NULL;
			continue;
		}
		if (*p == '/' && p + 1 < text_end && p[1] == '*') {
			for (p += 2; p + 1 < text_end && !(p[0] == '*' && p[1] == '/'); p++)
				;
			p++;
			continue;
		}
		depth += (*p == '[' || *p == '(') - (*p == ']' || *p == ')');
		if (depth == 0 && (*p == ';' || *p == ',' || *p == '}' || *p == '\n'))
			return p;
		if (depth < 0)
			return NULL;
	}
	return NULL;
}

/* In [p, end), the setting `name` and its value: [*vs, *ve), which may
 * run on past end to text_end. */
static bool
find_value(const char *start, const char *end, const char *text_end,
    const char *name, const char **vs, const char **ve)
{
	size_t n = strlen(name);

	for (const char *p = start; p < end; p++) {
		if (*p == '"') {                        /* a string: skipped */
			for (p++; p < end && *p != '"'; p++)
				p += *p == '\\';
			continue;
		}
		if (*p == '#' || (*p == '/' && p + 1 < end && (p[1] == '/' || p[1] == '*')))
			return false;                   /* a comment: the end */
		if ((size_t)(end - p) < n || memcmp(p, name, n) != 0 ||
		    (p + n < end && word_char(p[n])) ||
		    (p > start && word_char(p[-1])))
			continue;
		const char *q = p + n;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q >= end || (*q != '=' && *q != ':'))
			continue;
		for (q++; q < end && (*q == ' ' || *q == '\t'); q++)
			;
		*vs = q;
		if ((q = value_end(q, text_end)) == NULL)
			return false;
		while (q > *vs && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r'))
			q--;
		if (q == *vs)
			return false;           /* no value on the name's line */
		*ve = q;
		return true;
	}
	return false;
}

char *
routine_text_set(const char *text, size_t len, int line, const char *name,
    const char *value, size_t *outlen)
{
	const char *p = text, *end = text + len, *vs, *ve;

	for (int l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	if (p >= end || !find_value(p, eol ? eol : end, end, name, &vs, &ve))
		return NULL;
	size_t vlen = strlen(value);
	*outlen = len - (size_t)(ve - vs) + vlen;
	char *out = malloc(*outlen + 1);
	if (out == NULL)
		return NULL;
	size_t head = (size_t)(vs - text);
	memcpy(out, text, head);
	memcpy(out + head, value, vlen);
	memcpy(out + head + vlen, ve, (size_t)(end - ve));
	out[*outlen] = '\0';
	return out;
}
