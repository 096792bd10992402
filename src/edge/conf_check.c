/*
 * conf_check.c - the text of a libconfig file, checked before libconfig
 * 1.5 reads it (conf_check.h).
 *
 * libconfig 1.5 opens an included file with fopen() alone: a directory or
 * /proc/self/mem makes its flex scanner fail and exit() the whole program
 * ("input in flex scanner failed"), a FIFO blocks it for ever.  It reads
 * an integer written without L as 32 bits, wrapping 4294967297 to 1 in
 * silence.  And its scanner is quadratic in the length of a token.  So
 * every file it is given has been read here first, whole and capped in
 * size, and its includes and numbers looked at the way its scanner will
 * see them.  This module reads files but does not include libconfig.
 */
#include "conf_check.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"

struct cctx {
	struct diags *d;
	const char *dir;        /* where includes are named from */
	size_t total;           /* bytes read, includes and all */
	int errors;
};

static void check_text(struct cctx *c, const char *shown, const char *text,
    size_t len, int depth);

/* One @include NAME at shown:line: a regular file, which reads, and whose
 * own text is checked in turn.  A missing one is libconfig's to report. */
static void
check_include(struct cctx *c, const char *shown, int line, const char *name,
    int depth)
{
	struct diags d = { 0 };
	size_t len;
	char *inc = malloc(strlen(c->dir) + strlen(name) + 2);

	if (inc == NULL) {
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, line, "out of memory");
		return;
	}
	sprintf(inc, "%s/%s", c->dir, name);
	char *text = file_read(inc, FILE_MAX_BYTES, FILE_MISSING_OK, &len, &d);
	if (text == NULL && d.n > 0) {
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, line, "cannot include '%s': %s",
		    name, d.v[0].msg);
	} else if (text != NULL) {
		check_text(c, inc, text, len, depth + 1);
	}
	diags_free(&d);
	free(text);
	free(inc);
}

/* At the start of line i of text: an @include by libconfig's own rule,
 * `^[ \t]*@include[ \t]+"name"`; checks it.  A name libconfig would read
 * differently from its bytes (an escape, a NUL, a line break) is refused. */
static void
include_at(struct cctx *c, const char *shown, int lineno, const char *text,
    size_t len, size_t i, int depth)
{
	size_t j = i;

	while (j < len && (text[j] == ' ' || text[j] == '\t'))
		j++;
	if (len - j < 9 || memcmp(text + j, "@include", 8) != 0 ||
	    (text[j + 8] != ' ' && text[j + 8] != '\t'))
		return;
	j += 8;
	while (j < len && (text[j] == ' ' || text[j] == '\t'))
		j++;
	if (j >= len || text[j] != '"')
		return;
	size_t start = ++j;
	while (j < len && text[j] != '"' && text[j] != '\\' && text[j] != '\n')
		j++;
	if (j >= len || text[j] != '"') {
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, lineno, "cannot include: the file "
		    "name must be plain text on one line");
		return;
	}
	char name[PATH_MAX];
	snprintf(name, sizeof name, "%.*s", (int)(j - start), text + start);
	check_include(c, shown, lineno, name, depth);
}

/* The integer token at text[i] (not inside a word, a string or a
 * comment): an error when libconfig would read it as 32 bits and it does
 * not fit.  Returns the index after the token. */
static size_t
number_at(struct cctx *c, const char *shown, int lineno, const char *text,
    size_t len, size_t i)
{
	size_t j = i;
	bool hex = j + 1 < len && text[j] == '0' && (text[j + 1] == 'x' ||
	    text[j + 1] == 'X');
	unsigned long long v = 0;
	bool big = false;

	j += hex ? 2 : 0;
	for (; j < len; j++) {
		int d = text[j] >= '0' && text[j] <= '9' ? text[j] - '0' :
		    hex && text[j] >= 'a' && text[j] <= 'f' ? text[j] - 'a' + 10 :
		    hex && text[j] >= 'A' && text[j] <= 'F' ? text[j] - 'A' + 10 : -1;
		if (d < 0)
			break;
		big |= v > (ULLONG_MAX - (unsigned)d) / (hex ? 16 : 10);
		v = v * (hex ? 16 : 10) + (unsigned)d;
	}
	if (j < len && (text[j] == '.' || text[j] == 'e' || text[j] == 'E' ||
	    text[j] == 'L'))
		return j + 1;                   /* a float, or a 64-bit integer */
	bool neg = i > 0 && text[i - 1] == '-';
	unsigned long long most = hex ? 0xffffffffULL :
	    (unsigned long long)INT_MAX + (neg ? 1 : 0);
	if (big || v > most) {
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, lineno, "the number %.*s is too "
		    "large: libconfig reads it as 32 bits and would change it "
		    "(write it with an L, or use a smaller one)", (int)(j - i + neg),
		    text + i - neg);
	}
	return j;
}

/* Skips a comment or a string at text[i], if there is one there; returns
 * the index after it (i when there is none) and counts its lines. */
static size_t
skip(const char *text, size_t len, size_t i, int *lineno)
{
	size_t j = i;

	if (text[i] == '#' || (text[i] == '/' && i + 1 < len && text[i + 1] == '/')) {
		while (j < len && text[j] != '\n')
			j++;
		return j;
	}
	if (text[i] == '/' && i + 1 < len && text[i + 1] == '*') {
		for (j = i + 2; j < len && !(text[j] == '*' && j + 1 < len &&
		    text[j + 1] == '/'); j++)
			*lineno += text[j] == '\n';
		return j + 2 <= len ? j + 2 : len;
	}
	if (text[i] == '"') {
		for (j = i + 1; j < len && text[j] != '"'; j++) {
			*lineno += text[j] == '\n';
			if (text[j] == '\\' && j + 1 < len)
				j++;
		}
		return j < len ? j + 1 : len;
	}
	return i;
}

static bool
word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '_' || ch == '*' || ch == '.';
}

/* Whether the digit at text[i] starts a number, not the rest of a name
 * (`side-2`), a number or a float. */
static bool
starts_number(const char *text, size_t i)
{
	if (i == 0)
		return true;
	if (text[i - 1] == '-' || text[i - 1] == '+')   /* a sign, or a name's - */
		return i == 1 || !word_char(text[i - 2]);
	return !word_char(text[i - 1]);
}

static void
check_text(struct cctx *c, const char *shown, const char *text, size_t len,
    int depth)
{
	int lineno = 1;

	if ((c->total += len) > FILE_MAX_BYTES) {
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, 0, "with its includes, larger "
		    "than %d KiB: not read", FILE_MAX_BYTES / 1024);
		return;
	}
	const char *nul = memchr(text, '\0', len);
	if (nul != NULL) {
		for (const char *p = text; p < nul; p++)
			lineno += *p == '\n';
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, lineno, "a NUL byte: this is "
		    "not a text file");
		return;
	}
	if (depth > 10)
		return;                         /* libconfig's own limit */
	for (size_t i = 0; i < len; ) {
		if (i == 0 || text[i - 1] == '\n')
			include_at(c, shown, lineno, text, len, i, depth);
		size_t j = skip(text, len, i, &lineno);
		if (j == i && text[i] >= '0' && text[i] <= '9' && starts_number(text, i))
			j = number_at(c, shown, lineno, text, len, i);
		if (j == i)
			lineno += text[j++] == '\n';
		i = j;
	}
}

int
conf_check(struct diags *d, const char *shown, const char *text, size_t len,
    const char *dir)
{
	struct cctx c = { d, dir, 0, 0 };

	check_text(&c, shown, text, len, 0);
	return c.errors;
}
