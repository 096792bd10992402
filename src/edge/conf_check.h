/*
 * conf_check.h - a libconfig file's text checked before libconfig 1.5
 * reads it, for what that version gets wrong or dies of.
 */
#ifndef BACKCOACH_CONF_CHECK_H
#define BACKCOACH_CONF_CHECK_H

#include <stddef.h>

#include "diag.h"

/*
 * Checks the text (len bytes) of the file reported as `shown` (read from
 * `path`, or NULL when it was not a file), and of the files it includes
 * (named from `dir`, as libconfig does, or absolute in the main file): no NUL byte; every @include a
 * regular file that reads (a directory, a FIFO or /proc/self/mem would
 * make libconfig exit or hang), not a file already being read (an include
 * loop), without a byte-order mark (libconfig skips one only in the main
 * file); no integer that libconfig would silently wrap (above 32 bits
 * without an L); and, in all, at most FILE_MAX_BYTES.  What libconfig 1.5
 * calls a syntax error at the wrong line is named here: a string never
 * closed (at the line of the missing quote, not past the end of the file),
 * text without its quotes (name = Stretch;).  Returns 0, or -1 when it
 * added an error to d: libconfig must not read the text then.
 */
/* What a setting (name, len bytes) takes, in words, for the hint on a
 * value written without quotes; NULL: a text, which needs them. */
typedef const char *conf_hint_fn(const char *name, size_t len);
int conf_check(struct diags *d, const char *shown, const char *path,
    const char *text, size_t len, const char *dir, conf_hint_fn *hint);
/*
 * The text conf_check() passed, as libconfig 1.5 is to read it with
 * config_set_include_dir(dir): without a byte-order mark, and with every
 * absolute @include name made relative to dir (libconfig puts dir in
 * front of every name, absolute or not).  Line numbers are kept.
 * Malloc'd, or NULL when out of memory.
 */
char *conf_text(const char *text, size_t len, const char *dir);

#endif
