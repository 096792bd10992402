/*
 * history_index.c - the routines of the statistics (history_stats.h): an
 * entry per routine id, found through a hash index, so that a history of
 * many routines costs no more per session than one of a few.
 *
 * Part of the pure core; history_stats.c's, in a file of its own.
 */
#include "history_stats.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a: where an id is first looked for in the index. */
static size_t
hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

/* The index slot of id: its routine's, or the empty one it would take. */
static size_t
probe(const struct hstats *st, const char *id)
{
	size_t mask = st->index_cap - 1, i = hash(id) & mask;

	while (st->index[i] >= 0 && strcmp(st->routines[st->index[i]].id, id) != 0)
		i = (i + 1) & mask;
	return i;
}

const struct hstats_routine *
hstats_routine(const struct hstats *st, const char *id)
{
	if (st->index_cap == 0)
		return NULL;
	int k = st->index[probe(st, id)];
	return k >= 0 ? &st->routines[k] : NULL;
}

/* Doubles the index (half full at most, so that probes stay short). */
static int
grow_index(struct hstats *st)
{
	size_t cap = st->index_cap ? 2 * st->index_cap : 64;
	int *old = st->index;
	size_t old_cap = st->index_cap;

	if ((st->index = malloc(cap * sizeof *st->index)) == NULL) {
		st->index = old;
		return -1;
	}
	for (size_t i = 0; i < cap; i++)
		st->index[i] = -1;
	st->index_cap = cap;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i] >= 0)
			st->index[probe(st, st->routines[old[i]].id)] = old[i];
	free(old);
	return 0;
}

/* The routine entry for s, created on first sight (looked up in a hash
 * index: a history of many routines costs no more per session than one
 * of a few); NULL when out of memory. */
static struct hstats_routine *
routine_slot(struct hstats *st, const struct hist_session *s)
{
	if (st->nroutines > 0 &&
	    strcmp(st->routines[st->last_routine].id, s->routine_id) == 0)
		return &st->routines[st->last_routine];
	if (2 * ((size_t)st->nroutines + 1) > st->index_cap && grow_index(st) != 0)
		return NULL;
	size_t at = probe(st, s->routine_id);
	if (st->index[at] >= 0)
		return &st->routines[st->last_routine = st->index[at]];
	if (st->nroutines == st->caproutines) {
		int cap = st->caproutines ? st->caproutines * 2 : 16;
		void *v = realloc(st->routines, (size_t)cap * sizeof *st->routines);
		if (v == NULL)
			return NULL;
		st->routines = v;
		st->caproutines = cap;
	}
	struct hstats_routine *r = &st->routines[st->nroutines];
	memset(r, 0, sizeof *r);
	r->id = strdup(s->routine_id);
	r->name = strdup(s->routine_name);
	r->last_day = -1;
	if (r->id == NULL || r->name == NULL) {
		free(r->id);
		free(r->name);
		return NULL;
	}
	st->index[at] = st->nroutines;
	st->last_routine = st->nroutines++;
	return r;
}

void
hstats_add_routine(struct hstats *st, const struct hist_session *s)
{
	struct hstats_routine *r = routine_slot(st, s);

	if (r == NULL) {
		st->oom = 1;
		return;
	}
	r->sessions++;
	r->completed += s->status == HS_COMPLETED;
	if (s->day > r->last_day || (s->day == r->last_day &&
	    strcmp(s->start, r->last_start) > 0)) {
		r->last_day = s->day;
		snprintf(r->last_start, sizeof r->last_start, "%s", s->start);
		if (strcmp(r->name, s->routine_name) != 0) {
			char *n = strdup(s->routine_name);
			if (n != NULL) {
				free(r->name);
				r->name = n;
			}
		}
	}
}
