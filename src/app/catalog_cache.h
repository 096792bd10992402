/*
 * catalog_cache.h - the rows of the routines already read, kept in
 * $XDG_CACHE_HOME/backcoach/catalog, so that the picker and `list` parse
 * only a routine whose text changed.
 *
 * A row is found by the routine's path and its text (its size and a hash
 * of its bytes), under a first line naming this build and the lead_in
 * setting: a routine edited, another build or another lead_in reads the
 * routine again.  Safe to delete.
 */
#ifndef BACKCOACH_CATALOG_CACHE_H
#define BACKCOACH_CATALOG_CACHE_H

#include <stdbool.h>

#include "catalog.h"
#include "sbuf.h"
#include "settings.h"

struct catalog_cache {
	char *path;             /* the file */
	char *head;             /* its first line, as this build writes it */
	char *text;             /* what it holds, when made by this build */
	char *key;              /* the row being looked up: "path\tsize\thash\t" */
	struct sbuf rows;       /* the lines to write: those found and new */
	bool added;             /* a new one among them: write them */
};

/* Reads the cache (none, when missing or made otherwise). */
void catalog_cache_open(struct catalog_cache *c, const struct settings *set);
/* Fills row's name, summary, tags and total_ns (its path set) from the
 * cache: true, or false when it must be loaded (then catalog_cache_add
 * after loading it). */
bool catalog_cache_row(struct catalog_cache *c, struct routine_row *row);
/* The row just loaded, for the next time (not when it has an error). */
void catalog_cache_add(struct catalog_cache *c, const struct routine_row *row);
/* Writes the cache when a row was added, and frees c. */
void catalog_cache_close(struct catalog_cache *c);

#endif
