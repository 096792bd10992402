/*
 * figure.c - a figure file parsed and validated, and the frame picked for
 * a step (figure.h).
 *
 * Part of the pure core.  The format is line by line: a '#' comment, a
 * blank line, a keyword line (name, frame, mirror) or a picture row, which
 * starts with '|' so that its leading spaces are kept.  Every problem is
 * reported with its line, and parsing goes on, so that one run of `check`
 * shows them all.
 */
#include "figure.h"
#include "text.h"
#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 24            /* words of a label or of a step */

struct mirror {
	char from[FIGURE_MAX_LABEL + 1], to[FIGURE_MAX_LABEL + 1];
	int line;
};

struct pctx {
	struct figure *f;
	struct diags *d;
	int line;
	struct figure_frame *cur;       /* the frame rows go to, or NULL */
	bool cur_full;                  /* its "too tall" is reported */
	bool too_many;                  /* "too many frames" is reported */
	int name_line;
	struct mirror mirrors[FIGURE_MAX_MIRRORS];
	int nmirrors;
};

#define ERR(c, ...) diags_add((c)->d, DIAG_ERROR, (c)->f->path, (c)->line, __VA_ARGS__)

static const char *const keywords[] = { "name", "frame", "mirror" };

/* strdup, or NULL after an "out of memory" error. */
static char *
copy(struct pctx *c, const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		ERR(c, "out of memory");
	return p;
}

static int
word_cmp(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* A label's words, sorted and in lower case, one space apart: two labels
 * with the same key label the same frame. */
static void
label_key(const char *label, char *key, size_t cap)
{
	char buf[FIGURE_MAX_LABEL * 4 + 1];
	const char *w[MAX_WORDS];
	int n = words_split(label, buf, sizeof buf, w, MAX_WORDS);
	size_t k = 0;

	qsort(w, (size_t)n, sizeof w[0], word_cmp);
	key[0] = '\0';
	for (int i = 0; i < n && k + 1 < cap; i++)
		k += (size_t)snprintf(key + k, cap - k, "%s%s", i ? " " : "", w[i]);
	for (char *p = key; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

/* The frame already labelled as label, or NULL. */
static const struct figure_frame *
frame_labelled(const struct figure *f, const char *label, int before)
{
	char a[FIGURE_MAX_LABEL * 4 + 1], b[FIGURE_MAX_LABEL * 4 + 1];

	label_key(label, a, sizeof a);
	for (int i = 0; i < before; i++) {
		label_key(f->frames[i].label, b, sizeof b);
		if (strcmp(a, b) == 0)
			return &f->frames[i];
	}
	return NULL;
}

/* The end of the current frame: trailing blank rows dropped; an empty
 * frame is an error at its frame line. */
static void
frame_end(struct pctx *c)
{
	struct figure_frame *fr = c->cur;

	if (fr == NULL)
		return;
	while (fr->nrows > 0 && fr->rows[fr->nrows - 1][0] == '\0')
		free(fr->rows[--fr->nrows]);
	if (fr->nrows == 0)
		diags_add(c->d, DIAG_ERROR, c->f->path, fr->line, "frame%s%s%s is "
		    "empty: it has no picture rows (lines starting with '|')",
		    fr->label ? " '" : "", fr->label ? fr->label : "",
		    fr->label ? "'" : "");
	c->cur = NULL;
}

static void
kw_frame(struct pctx *c, const char *label)
{
	struct figure *f = c->f;

	frame_end(c);
	if (text_chars(label) > FIGURE_MAX_LABEL) {
		ERR(c, "the frame label is too long: %zu characters, at most %d",
		    text_chars(label), FIGURE_MAX_LABEL);
		label = "";
	}
	const struct figure_frame *was = frame_labelled(f, label, f->nframes);
	if (was != NULL && *label)
		ERR(c, "frame '%s' is given twice (first at line %d)", label,
		    was->line);
	else if (was != NULL)
		ERR(c, "a second frame without a label (the first is at line %d):"
		    " label them, such as 'frame hold' and 'frame relax'",
		    was->line);
	if (f->nframes == FIGURE_MAX_FRAMES) {
		if (!c->too_many)
			ERR(c, "too many frames: at most %d", FIGURE_MAX_FRAMES);
		c->too_many = true;
		return;
	}
	struct figure_frame *fr = &f->frames[f->nframes++];
	fr->line = c->line;
	fr->label = *label ? copy(c, label) : NULL;
	c->cur = fr;
	c->cur_full = false;
}

static void
kw_mirror(struct pctx *c, const char *args)
{
	char buf[256];
	const char *w[3];
	int n = words_split(args, buf, sizeof buf, w, 3);

	if (n != 2 || strcasecmp(w[0], w[1]) == 0) {
		ERR(c, "'mirror' takes two different words: mirror left right");
		return;
	}
	if (strlen(w[0]) > FIGURE_MAX_LABEL || strlen(w[1]) > FIGURE_MAX_LABEL) {
		ERR(c, "a 'mirror' word is too long: at most %d characters",
		    FIGURE_MAX_LABEL);
		return;
	}
	if (c->nmirrors == FIGURE_MAX_MIRRORS) {
		ERR(c, "too many 'mirror' lines: at most %d", FIGURE_MAX_MIRRORS);
		return;
	}
	struct mirror *m = &c->mirrors[c->nmirrors++];
	snprintf(m->from, sizeof m->from, "%s", w[0]);
	snprintf(m->to, sizeof m->to, "%s", w[1]);
	m->line = c->line;
}

/* Keeps row s in the current frame, or says it is too tall. */
static void
keep_row(struct pctx *c, const char *s)
{
	struct figure_frame *fr = c->cur;

	if (fr->nrows == FIGURE_MAX_ROWS) {
		if (!c->cur_full)
			ERR(c, "frame%s%s%s is too tall: at most %d rows",
			    fr->label ? " '" : "", fr->label ? fr->label : "",
			    fr->label ? "'" : "", FIGURE_MAX_ROWS);
		c->cur_full = true;
	} else if ((fr->rows[fr->nrows] = copy(c, s)) != NULL) {
		fr->nrows++;
	}
}

/* A picture row (after its '|'): trailing spaces dropped; no tab, only
 * characters a figure may use, at most FIGURE_MAX_COLS of them.  A bad
 * row is kept all the same, so that its frame is not also "empty". */
static void
row(struct pctx *c, char *s, bool bad)
{
	size_t n = strlen(s);
	uint32_t cp;

	if (c->cur == NULL && c->too_many)
		return;                 /* a frame too many: reported */
	if (c->cur == NULL) {
		ERR(c, "a picture row outside a frame: start one with a line"
		    " 'frame' or 'frame LABEL'");
		return;
	}
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	for (size_t i = 0, len; i < n && !bad; i += len) {
		len = text_utf8(s + i, n - i, &cp);
		if (cp == '\t') {
			ERR(c, "a picture row may not hold a tab, whose width is "
			    "unknown: use spaces");
			bad = true;
		} else if (!figure_char_ok(cp)) {
			ERR(c, "U+%04X cannot be drawn in a figure: use ASCII, box "
			    "drawing, block elements, geometric shapes or arrows",
			    (unsigned)cp);
			bad = true;
		}
	}
	if (!bad && text_chars(s) > FIGURE_MAX_COLS)
		ERR(c, "this row is too wide: %zu columns, at most %d",
		    text_chars(s), FIGURE_MAX_COLS);
	keep_row(c, bad ? "?" : s);
}

/* A keyword line: the keyword, then its value after blanks. */
static void
keyword(struct pctx *c, char *s)
{
	size_t k = strcspn(s, " \t");
	char *v = s + k + strspn(s + k, " \t");

	s[k] = '\0';
	for (size_t n = strlen(v); n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'); )
		v[--n] = '\0';
	if (strcmp(s, "frame") == 0) {
		kw_frame(c, v);
	} else if (strcmp(s, "mirror") == 0) {
		kw_mirror(c, v);
	} else if (strcmp(s, "name") == 0) {
		if (c->name_line > 0)
			ERR(c, "a second 'name' line (the first is at line %d)",
			    c->name_line);
		else if (*v == '\0')
			ERR(c, "'name' needs the figure's name: name Bird dog");
		else if (text_chars(v) > FIGURE_MAX_NAME)
			ERR(c, "'name' is too long: %zu characters, at most %d",
			    text_chars(v), FIGURE_MAX_NAME);
		else {
			c->name_line = c->line;
			c->f->name = copy(c, v);
		}
	} else {
		struct suggest sg = SUGGEST_INIT;
		for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
			suggest_try(&sg, s, keywords[i]);
		ERR(c, "unknown keyword '%s'%s%s%s: a line is 'name', 'frame' or "
		    "'mirror', a picture row starting with '|', a comment "
		    "starting with '#', or blank", s, sg.best ? " (did you mean '" : "",
		    sg.best ? sg.best : "", sg.best ? "'?)" : "");
	}
}

static void
parse_line(struct pctx *c, char *s)
{
	const char *why;
	size_t n = strlen(s);

	if (n > 0 && s[n - 1] == '\r')          /* a CRLF file */
		s[--n] = '\0';
	bool ok = text_check(s, "\t", &why);
	if (!ok)
		ERR(c, "this line %s", why);
	if (s[0] == '|') {
		row(c, s + 1, !ok);
		return;
	}
	s += strspn(s, " \t");
	if (*s == '\0' || *s == '#')
		return;
	keyword(c, s);
}

/* Each mirror line: every frame with its first word gets a twin, drawn
 * the other way round, with its second word in its place. */
static void
apply_mirror(struct pctx *c, const struct mirror *m)
{
	struct figure *f = c->f;
	int n = f->nframes, made = 0;

	c->line = m->line;
	for (int i = 0; i < n; i++) {
		const struct figure_frame *src = &f->frames[i];
		char buf[FIGURE_MAX_LABEL * 4 + 1], label[FIGURE_MAX_LABEL * 4 + 1];
		const char *w[MAX_WORDS];
		int nw = words_split(src->label, buf, sizeof buf, w, MAX_WORDS), hit = 0;
		size_t k = 0;
		label[0] = '\0';
		for (int j = 0; j < nw && k < sizeof label; j++) {
			hit |= strcasecmp(w[j], m->from) == 0;
			k += (size_t)snprintf(label + k, sizeof label - k, "%s%s",
			    j ? " " : "", strcasecmp(w[j], m->from) ? w[j] : m->to);
		}
		if (!hit || src->nrows == 0)
			continue;
		made++;
		const struct figure_frame *was = frame_labelled(f, label, f->nframes);
		if (was != NULL) {
			ERR(c, "mirror %s %s: frame '%s' is given already (line %d)",
			    m->from, m->to, label, was->line);
			continue;
		}
		if (f->nframes == FIGURE_MAX_FRAMES) {
			ERR(c, "mirror %s %s: too many frames, at most %d", m->from,
			    m->to, FIGURE_MAX_FRAMES);
			return;
		}
		struct figure_frame *fr = &f->frames[f->nframes++];
		fr->line = m->line;
		fr->mirrored = true;
		fr->label = copy(c, label);
		for (int r = 0; r < src->nrows; r++)
			if ((fr->rows[fr->nrows] = figure_mirror_row(src->rows[r],
			    src->width)) != NULL)
				fr->nrows++;
		if (fr->nrows < src->nrows)
			ERR(c, "out of memory");
	}
	if (made == 0)
		ERR(c, "mirror %s %s: no frame's label has the word '%s'",
		    m->from, m->to, m->from);
}

static void
measure(struct figure *f)
{
	f->width = f->height = 0;
	for (int i = 0; i < f->nframes; i++) {
		struct figure_frame *fr = &f->frames[i];
		fr->width = 0;
		for (int r = 0; r < fr->nrows; r++)
			if ((int)text_chars(fr->rows[r]) > fr->width)
				fr->width = (int)text_chars(fr->rows[r]);
		f->width = fr->width > f->width ? fr->width : f->width;
		f->height = fr->nrows > f->height ? fr->nrows : f->height;
	}
}

/* What is checked once every line is read. */
static void
parse_end(struct pctx *c)
{
	frame_end(c);
	measure(c->f);
	for (int i = 0; i < c->nmirrors; i++)
		apply_mirror(c, &c->mirrors[i]);
	measure(c->f);
	c->line = 1;
	if (c->name_line == 0)
		ERR(c, "missing the 'name' line: name Bird dog");
	if (c->f->nframes == 0)
		ERR(c, "no frame: a figure needs at least one, a line 'frame' "
		    "followed by picture rows starting with '|'");
}

int
figure_parse(struct figure *f, const char *text, size_t len, const char *path,
    struct diags *d)
{
	struct pctx c = { .f = f, .d = d };
	int before = d->nerrors;

	memset(f, 0, sizeof *f);
	f->path = copy(&c, path);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;    /* a byte-order mark */
	for (size_t i = 0; i < len; ) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
		char *s = malloc(n + 1);
		c.line++;
		if (s == NULL) {
			ERR(&c, "out of memory");
			break;
		}
		memcpy(s, text + i, n);
		s[n] = '\0';
		if (strlen(s) < n) {
			ERR(&c, "this line holds a NUL byte");
			if (s[0] == '|')
				row(&c, s + 1, true);
		} else {
			parse_line(&c, s);
		}
		free(s);
		i += n + 1;
	}
	parse_end(&c);
	return diags_status(d, before);
}

void
figure_free(struct figure *f)
{
	for (int i = 0; i < f->nframes; i++) {
		free(f->frames[i].label);
		for (int r = 0; r < f->frames[i].nrows; r++)
			free(f->frames[i].rows[r]);
	}
	free(f->id);
	free(f->path);
	free(f->name);
	memset(f, 0, sizeof *f);
}
