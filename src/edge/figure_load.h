/*
 * figure_load.h - figure files found and read; figure.c parses them.
 */
#ifndef BACKCOACH_FIGURE_LOAD_H
#define BACKCOACH_FIGURE_LOAD_H

#include "diag.h"
#include "figure.h"
#include "routine.h"

/* Reads and parses the figure file at path (a regular file of at most
 * FIGURE_MAX_BYTES), reporting its problems in d.  Returns the figure
 * (malloc'd; figure_free() it, then free()), or NULL when the file could
 * not be read. */
struct figure *figure_load(const char *path, struct diags *d);

/* The file of figure id: the user's figures directory first, then
 * dir/figures (dir: the routine's own directory, or NULL), then the
 * bundled figures.  Malloc'd, or NULL when there is none. */
char *figure_find(const char *id, const char *dir);

/*
 * Loads the figure each exercise of r names (each file once, looked up
 * as figure_find() does with dir) into r->figs, and points the exercise's
 * fig at it.  A figure that cannot be found, read or validated is an
 * error at the exercise's 'figure' line, after the figure file's own.
 * Returns 0, or -1 when it added an error.
 */
int figure_load_routine(struct routine *r, const char *dir, struct diags *d);

#endif
