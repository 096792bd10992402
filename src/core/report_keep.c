/*
 * report_keep.c - strings and newest-first lists for the report
 * (report_keep.h).
 *
 * Part of the pure core.
 */
#include "report_keep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
keep_dup(struct report *r, const char *s)
{
	if (s == NULL)
		return NULL;
	char *p = strdup(s);
	if (p == NULL)
		r->oom = 1;
	return p;
}

void
keep_set(struct report *r, char **dst, const char *s)
{
	if (*dst != NULL && s != NULL && strcmp(*dst, s) == 0)
		return;
	free(*dst);
	*dst = keep_dup(r, s);
}

void
keep_when(struct report *r, struct report_when *w, const char *start)
{
	int day;

	if (!calendar_instant(start, &w->t))
		w->t = calendar_parse_date(start, &day) == 0 ?
		    (int64_t)day * 86400 : 0;
	w->seq = r->seq;
	snprintf(w->start, sizeof w->start, "%s", start);
}

/* Whether a is newer than b: a later instant, else read later. */
static bool
newer(const struct report_when *a, const struct report_when *b)
{
	return a->t != b->t ? a->t > b->t : a->seq > b->seq;
}

#define AT(first, size, i) \
	((struct report_when *)(void *)((char *)(first) + (size_t)(i) * (size)))

int
keep_slot(const struct report_when *w, struct report_when *first,
    size_t size, int *n, int cap)
{
	int at = *n;

	if (*n == cap) {
		at = 0;
		for (int i = 1; i < cap; i++)
			if (newer(AT(first, size, at), AT(first, size, i)))
				at = i;
		if (!newer(w, AT(first, size, at)))
			return -1;
	} else {
		(*n)++;
	}
	*AT(first, size, at) = *w;
	return at;
}

static int
newest_first(const void *a, const void *b)
{
	const struct report_when *x = a, *y = b;

	return newer(x, y) ? -1 : newer(y, x) ? 1 : 0;
}

void
keep_sort(struct report_when *first, size_t size, int n)
{
	if (n > 1)
		qsort(first, (size_t)n, size, newest_first);
}
