/*
 * routine_load.h - reads a routine file with libconfig (the only file that
 * parses routine files).
 */
#ifndef BACKCOACH_ROUTINE_LOAD_H
#define BACKCOACH_ROUTINE_LOAD_H

#include "diag.h"
#include "routine.h"

/*
 * Loads the routine at `path` into r and validates it, appending every
 * problem to d.  Messages about the file itself name it `shown` (NULL: the
 * path), so that `edit` can report the user's file rather than its temp
 * copy.  Returns 0 when the routine may be run, -1 when d has its errors.
 * r is always initialised; free it with routine_free().
 */
int routine_load(struct routine *r, const char *path, const char *shown,
    struct diags *d);
/*
 * routine_load() with @include resolved relative to `incdir` rather than
 * the file's own directory (NULL: its own).  For `edit`, which validates a
 * temp copy as if it were the file it will replace.
 */
int routine_load_in(struct routine *r, const char *path, const char *shown,
    const char *incdir, struct diags *d);

/*
 * routine_load() without the exercises' figures: what a list of routines
 * needs (names, times, tags), at half the cost.  A figure's errors are
 * found when the routine is loaded to be run, shown or checked.
 */
int routine_load_plain(struct routine *r, const char *path, struct diags *d);

/*
 * A routine from its text (len bytes, NUL-terminated), read from the file
 * `path` and to be known as `shown`, its @include resolved relative to
 * `incdir`: what a change is checked with before it is written.
 */
int routine_load_text(struct routine *r, const char *text, size_t len,
    const char *path, const char *shown, const char *incdir,
    struct diags *d);

/* The id of a routine file: its base name without ".cfg". */
char *routine_id_from_path(const char *path);

#endif
