/*
 * routine_include.h - checks a routine file's @include lines before
 * libconfig reads them.
 */
#ifndef BACKCOACH_ROUTINE_INCLUDE_H
#define BACKCOACH_ROUTINE_INCLUDE_H

#include "diag.h"

/*
 * Checks every @include of the file at `path` (reported as `shown`), and
 * of the files it includes, with names taken from `dir` as libconfig
 * does.  Returns the number of errors appended to d: when it is not 0,
 * libconfig must not read the file.
 */
int routine_check_includes(struct diags *d, const char *path,
    const char *shown, const char *dir);

#endif
