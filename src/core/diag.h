/*
 * diag.h - diagnostics: a growable list of "FILE:LINE: message" problems.
 *
 * Part of the pure core.  Loaders and validators append here instead of
 * printing, and return 0, or -1 when they added an error (diags_status),
 * so that `check`, `edit` and the tests all see the same words; the
 * command layer decides where (and whether) to print them.
 */
#ifndef BACKCOACH_DIAG_H
#define BACKCOACH_DIAG_H

#include <stddef.h>

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
};

struct diag {
	enum diag_severity sev;   /* error or warning */
	char *file;               /* file the problem is in (owned) */
	int line;                 /* 1-based line, 0 when unknown */
	char *msg;                /* message without file, line or severity (owned) */
};

struct diags {
	struct diag *v;           /* the problems, in the order found */
	size_t n, cap;            /* used and allocated entries */
	int nerrors;              /* entries with DIAG_ERROR */
	int nwarnings;            /* entries with DIAG_WARNING */
	int oom;                  /* set when a message could not be stored */
};

void diags_add(struct diags *d, enum diag_severity sev, const char *file,
    int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The status of a check or a load that began when d held `before`
 * errors (d->nerrors then): 0 when it added none, else -1.  What every
 * function that reports through a struct diags returns. */
int diags_status(const struct diags *d, int before);
/* The entries from index `from` on ordered by line (a reader that hands
 * records on out of order reports them in order). */
void diags_sort(struct diags *d, size_t from);
int diags_format(const struct diag *g, char *buf, size_t len);
/* Every diagnostic formatted, separated by sep: malloc'd, or NULL when
 * out of memory. */
char *diags_text(const struct diags *d, const char *sep);
void diags_free(struct diags *d);

#endif
