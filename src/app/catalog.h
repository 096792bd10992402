/*
 * catalog.h - the routines a user has: found by id or path, loaded with
 * the settings applied, and listed with their names and times.
 *
 * The one place a routine is loaded for use, so the settings that change
 * a routine (lead_in) are applied once, the same way for `start`, `show`,
 * `list`, the picker and the pack timers.
 */
#ifndef BACKCOACH_CATALOG_H
#define BACKCOACH_CATALOG_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "routine.h"
#include "settings.h"

/* One routine as `list` prints it and the picker shows it. */
struct routine_row {
	char *id;
	char *path;
	char *name;                 /* the routine's name, or the id */
	char *summary;              /* or NULL */
	char *error;                /* why it cannot run, or NULL */
	int64_t total_ns;           /* estimated time */
	bool shadows;               /* a user routine hiding a bundled one */
	char *last_done;            /* "3 days ago", or NULL (history fills it) */
	char *next;                 /* the dose's next step, shown in place of
	                               the summary, or NULL (history fills it) */
	char *tags;                 /* its tags, space-separated, or "" */
};

/*
 * Finds routine `name` (an id, or a path with a '/' or ending in .cfg) and
 * loads it into r, with the settings applied.  A look-up: 1 when it may
 * run; 0 when there is no such routine (nothing in d: the caller says so
 * in its words); -1 when it may not, its errors in d.  r is always
 * initialised: free it with routine_free().
 */
int catalog_load(const char *name, const struct settings *set,
    struct routine *r, struct diags *d);

/* Every routine, user ones shadowing bundled ones, in id order, as rows:
 * name, summary, and time or why it cannot run.  Returns how many;
 * *rows is malloc'd (free with catalog_free). */
int catalog_rows(const struct settings *set, struct routine_row **rows);
void catalog_free(struct routine_row *v, int n);

/* Fills each row's last_done ("today", "3 days ago") from the history
 * file `history`, today being day number `today`; problems reading it go
 * to d. */
void catalog_last_done(struct routine_row *v, int n, const char *history,
    int today, struct diags *d);

#endif
