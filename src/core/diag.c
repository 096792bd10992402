/*
 * diag.c - a list of diagnostics, each a severity, a place and a message.
 *
 * The message is formatted once, when the problem is found; the place is
 * copied, since the loader's file names die with its libconfig handle.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends one diagnostic.  Out of memory, the list keeps what it had and
 * sets d->oom (and still counts the error), so no failure goes unseen. */
void
diags_add(struct diags *d, enum diag_severity sev, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	if (sev == DIAG_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		struct diag *v = realloc(d->v, cap * sizeof *v);
		if (v == NULL) {
			d->oom = 1;
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	struct diag *g = &d->v[d->n];
	g->sev = sev;
	g->line = line;
	g->file = strdup(file ? file : "");
	g->msg = strdup(buf);
	if (g->file == NULL || g->msg == NULL) {
		free(g->file);
		free(g->msg);
		d->oom = 1;
		return;
	}
	d->n++;
}

int
diags_status(const struct diags *d, int before)
{
	return d->nerrors > before ? -1 : 0;
}

/* Orders the entries from index `from` on by line, keeping the order of
 * those on one line (qsort is not stable: the index breaks ties). */
struct ranked {
	struct diag g;
	size_t i;
};

static int
by_line(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->g.line != y->g.line)
		return x->g.line < y->g.line ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

void
diags_sort(struct diags *d, size_t from)
{
	size_t n = d->n > from ? d->n - from : 0;
	struct ranked *r = n > 1 ? malloc(n * sizeof *r) : NULL;

	if (r == NULL)
		return;                 /* left in the order found */
	for (size_t i = 0; i < n; i++)
		r[i] = (struct ranked){ d->v[from + i], i };
	qsort(r, n, sizeof *r, by_line);
	for (size_t i = 0; i < n; i++)
		d->v[from + i] = r[i].g;
	free(r);
}

/* Writes "FILE:LINE: error: message" (LINE left out when unknown, FILE
 * too when there is none), the way compilers do, into buf.  Returns what
 * snprintf returns. */
int
diags_format(const struct diag *g, char *buf, size_t len)
{
	const char *what = g->sev == DIAG_ERROR ? "error" : "warning";

	if (g->file[0] == '\0')
		return snprintf(buf, len, "%s: %s", what, g->msg);
	if (g->line > 0)
		return snprintf(buf, len, "%s:%d: %s: %s", g->file, g->line,
		    what, g->msg);
	return snprintf(buf, len, "%s: %s: %s", g->file, what, g->msg);
}

char *
diags_text(const struct diags *d, const char *sep)
{
	size_t len = 1, used = 0;

	for (size_t i = 0; i < d->n; i++)
		len += (size_t)diags_format(&d->v[i], NULL, 0) + strlen(sep);
	char *out = malloc(len);
	if (out == NULL)
		return NULL;
	out[0] = '\0';
	for (size_t i = 0; i < d->n; i++) {
		if (i > 0)
			used += (size_t)snprintf(out + used, len - used, "%s", sep);
		used += (size_t)diags_format(&d->v[i], out + used, len - used);
	}
	return out;
}

void
diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
