/*
 * report_keep.h - what report.c and report_dose.c share: strings copied
 * into the report, and lists that keep their newest entries only.
 *
 * Part of the pure core; not for use outside the report.
 */
#ifndef BACKCOACH_REPORT_KEEP_H
#define BACKCOACH_REPORT_KEEP_H

#include <stddef.h>

#include "report.h"

/* A copy of s (NULL for NULL); NULL and r->oom set when memory runs out. */
char *keep_dup(struct report *r, const char *s);
/* *dst becomes a copy of s (or NULL), unless it is that text already. */
void keep_set(struct report *r, char **dst, const char *s);
/* w for a record started at `start` (ISO 8601), read now. */
void keep_when(struct report *r, struct report_when *w, const char *start);
/*
 * A place in a list of at most cap entries of `size` bytes each, each
 * starting with its struct report_when, for an entry of when w: the next
 * free one (*n grows), else that of the oldest entry when w is newer
 * than it.  w is copied there; returns its index, or -1 when every entry
 * kept is newer.  The strings of an entry taken over are the caller's to
 * replace (keep_set).
 */
int keep_slot(const struct report_when *w, struct report_when *first,
    size_t size, int *n, int cap);
/* The entries newest first. */
void keep_sort(struct report_when *first, size_t size, int n);

#endif
