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
#include <strings.h>
#include <sys/stat.h>

#include "file.h"

#define MAX_DEPTH 10                    /* libconfig's own limit */

/* A file on the chain being read. */
struct file_id {
	dev_t dev;
	ino_t ino;
	bool known;
};

struct cctx {
	struct diags *d;
	const char *dir;        /* where includes are named from */
	conf_hint_fn *hint;     /* what a setting takes, or NULL */
	size_t total;           /* bytes read, includes and all */
	int errors;
	/* the files being read, the main one ([0], when known) and its
	 * includes down to this one: an include of one of them is a loop */
	struct file_id chain[MAX_DEPTH + 2];
};

static void check_text(struct cctx *c, const char *shown, const char *text,
    size_t len, int depth);

/* Where a file that reads is on the chain of files being read: its
 * depth, or -1. */
static int
on_chain(const struct cctx *c, const struct stat *st, int depth)
{
	for (int i = 0; i <= depth; i++)
		if (c->chain[i].known && c->chain[i].dev == st->st_dev &&
		    c->chain[i].ino == st->st_ino)
			return i;
	return -1;
}

/* Why the included file's text (len bytes, read from inc at depth + 1)
 * cannot be included, or NULL: a loop, or a byte-order mark, which
 * libconfig skips in no included file. */
static const char *
cannot_include(struct cctx *c, const char *inc, const char *text,
    size_t len, int depth)
{
	struct stat st;

	if (stat(inc, &st) == 0) {
		int at = on_chain(c, &st, depth);
		if (at == depth)
			return "this file includes itself";
		if (at >= 0)
			return "it includes this file in turn (an @include loop)";
		if (depth + 1 < (int)(sizeof c->chain / sizeof *c->chain))
			c->chain[depth + 1] = (struct file_id){ st.st_dev,
			    st.st_ino, true };
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		return "it starts with a UTF-8 byte-order mark, which libconfig "
		    "reads only at the start of the main file: save it without one";
	return NULL;
}

/* One @include NAME at shown:line: a regular file, which reads, and whose
 * own text is checked in turn. */
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
	if (name[0] == '/' && depth > 0) {
		/* conf_text() can name it for libconfig in the main file only */
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, line, "cannot include '%s': an "
		    "included file may name its own includes only relative to "
		    "%s", name, c->dir);
		free(inc);
		return;
	}
	if (name[0] == '/')
		strcpy(inc, name);
	else
		sprintf(inc, "%s/%s", c->dir, name);
	char *text = file_read(inc, FILE_MAX_BYTES, 0, &len, &d);
	const char *why = text != NULL ? cannot_include(c, inc, text, len, depth) :
	    d.n > 0 ? d.v[0].msg : "cannot read it";
	if (why != NULL && strncmp(why, "cannot open: ", 13) == 0)
		why += 13;                      /* "No such file or directory" */
	if (why != NULL && strcmp(why, "this file includes itself") == 0) {
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, line, "%s ('%s')", why, name);
	} else if (why != NULL) {
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, line, "cannot include '%s': %s",
		    name, why);
	} else {
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

/* Skips a comment at text[i], if there is one there; returns the index
 * after it (i when there is none) and counts its lines. */
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
	return i;
}

/* The strings read so far, to find the one that lost its closing quote:
 * libconfig 1.5 lets a string run over lines, pairs that quote with the
 * next one, and reports the end of the file. */
struct strings {
	int run;        /* line of the first of a run of strings, each opened
	                   on the line where the one before it, spanning
	                   lines, closed: the quote that went missing */
	int closed;     /* the line the last string closed on, when it
	                   spanned lines; else 0 */
};

/* The string at text[i] (a '"'): returns the index after it and counts
 * its lines.  One never closed is an error at the line of the quote that
 * is missing. */
static size_t
string_at(struct cctx *c, const char *shown, const char *text, size_t len,
    size_t i, int *lineno, struct strings *ss)
{
	int open = *lineno;
	size_t j;

	if (ss->closed != open)
		ss->run = open;
	for (j = i + 1; j < len && text[j] != '"'; j++) {
		*lineno += text[j] == '\n';
		if (text[j] == '\\' && j + 1 < len && text[j + 1] != '\n')
			j++;
	}
	if (j >= len) {
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, ss->run, "a string that is never "
		    "closed: a closing \" is missing (libconfig would read on to "
		    "the end of the file)");
		return len;
	}
	ss->closed = *lineno != open ? *lineno : 0;
	return j + 1;
}

static bool
word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '_' || ch == '*' || ch == '.';
}

static bool
letter(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* At the '=' or ':' at text[i]: a value that starts with a letter and is
 * not true or false is text without its quotes, which libconfig calls
 * only a syntax error. */
static void
bare_at(struct cctx *c, const char *shown, int lineno, const char *text,
    size_t len, size_t i)
{
	size_t v = i + 1, e, n = i;

	while (v < len && (text[v] == ' ' || text[v] == '\t'))
		v++;
	if (v >= len || !letter(text[v]))
		return;
	for (e = v; e < len && (word_char(text[e]) || text[e] == '-'); e++)
		;
	if ((e - v == 4 && strncasecmp(text + v, "true", 4) == 0) ||
	    (e - v == 5 && strncasecmp(text + v, "false", 5) == 0))
		return;
	for (e = v; e < len && !strchr(";,\n#)]}", text[e]); e++)
		;
	while (e > v && (text[e - 1] == ' ' || text[e - 1] == '\t' ||
	    text[e - 1] == '\r'))
		e--;
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	size_t k = n;
	while (k > 0 && (word_char(text[k - 1]) || text[k - 1] == '-'))
		k--;
	c->errors++;
	const char *takes = c->hint ? c->hint(text + k, n - k) : NULL;
	if (takes != NULL)
		diags_add(c->d, DIAG_ERROR, shown, lineno, "'%.*s' takes %s, not "
		    "the word %.*s", (int)(n - k), text + k, takes,
		    (int)(e - v > 60 ? 60 : e - v), text + v);
	else
		diags_add(c->d, DIAG_ERROR, shown, lineno, "the text of '%.*s' needs "
		    "double quotes: %.*s = \"%.*s\";", (int)(n - k), text + k,
		    (int)(n - k), text + k, (int)(e - v > 60 ? 60 : e - v), text + v);
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

/* The text's size, NUL bytes and nesting: false when it is not to be
 * read further. */
static bool
readable(struct cctx *c, const char *shown, const char *text, size_t len,
    int depth)
{
	int lineno = 1;

	if ((c->total += len) > FILE_MAX_BYTES) {
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, 0, "with its includes, larger "
		    "than %d KiB: not read", FILE_MAX_BYTES / 1024);
		return false;
	}
	const char *nul = memchr(text, '\0', len);
	if (nul != NULL) {
		for (const char *p = text; p < nul; p++)
			lineno += *p == '\n';
		c->errors++;
		diags_add(c->d, DIAG_ERROR, shown, lineno, "a NUL byte: this is "
		    "not a text file");
		return false;
	}
	return depth <= MAX_DEPTH;
}

static void
check_text(struct cctx *c, const char *shown, const char *text, size_t len,
    int depth)
{
	int lineno = 1;
	struct strings ss = { 0, 0 };
	/* the main file may start with a byte-order mark: the loaders skip it */
	size_t from = depth == 0 && len >= 3 &&
	    memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	if (!readable(c, shown, text, len, depth))
		return;
	for (size_t i = from; i < len; ) {
		if (i == from || text[i - 1] == '\n')
			include_at(c, shown, lineno, text, len, i, depth);
		size_t j = text[i] == '"' ? string_at(c, shown, text, len, i,
		    &lineno, &ss) : skip(text, len, i, &lineno);
		if (j == i && (text[i] == '=' || text[i] == ':'))
			bare_at(c, shown, lineno, text, len, i);
		if (j == i && text[i] >= '0' && text[i] <= '9' && starts_number(text, i))
			j = number_at(c, shown, lineno, text, len, i);
		if (j == i)
			lineno += text[j++] == '\n';
		i = j;
	}
}

int
conf_check(struct diags *d, const char *shown, const char *path,
    const char *text, size_t len, const char *dir, conf_hint_fn *hint)
{
	struct cctx c = { .d = d, .dir = dir, .hint = hint };
	struct stat st;

	if (path != NULL && stat(path, &st) == 0)
		c.chain[0] = (struct file_id){ st.st_dev, st.st_ino, true };
	check_text(&c, shown, text, len, 0);
	return c.errors > 0 ? -1 : 0;
}

/* How many "../" lead from dir to the root: one per component of its
 * real path (a ".." at the root stays there, so more do no harm). */
static size_t
ups_to_root(const char *dir)
{
	char *real = realpath(dir, NULL);
	const char *p = real ? real : dir;
	size_t n = 1;

	for (; *p; p++)
		n += *p == '/';
	free(real);
	return n;
}

char *
conf_text(const char *text, size_t len, const char *dir)
{
	size_t ups = ups_to_root(dir), n = 0;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	for (size_t i = 0; i < len; i++)     /* room for every absolute name */
		n += text[i] == '@';
	char *out = malloc(len + n * 3 * ups + 1), *o = out;
	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < len; ) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		e += e < len;                   /* the line, with its newline */
		const char *q = memchr(text + i, '"', e - i);
		size_t k = i;
		while (k < e && (text[k] == ' ' || text[k] == '\t'))
			k++;
		if (q != NULL && q + 1 < text + e && q[1] == '/' &&
		    e - k > 9 && memcmp(text + k, "@include", 8) == 0 &&
		    (text[k + 8] == ' ' || text[k + 8] == '\t')) {
			size_t head = (size_t)(q + 1 - (text + i));
			memcpy(o, text + i, head);
			o += head;
			for (size_t u = 0; u < ups; u++, o += 3)
				memcpy(o, "../", 3);
			i += head + 1;          /* the name without its '/' */
		}
		memcpy(o, text + i, e - i);
		o += e - i;
		i = e;
	}
	*o = '\0';
	return out;
}
