/*
 * editor.h - the user's text editor, run on a file as crontab -e runs it.
 */
#ifndef BACKCOACH_EDITOR_H
#define BACKCOACH_EDITOR_H

#include <stddef.h>

#include "diag.h"

/* The editor command: $VISUAL, else $EDITOR, else `editor` when it is on
 * the PATH, else `vi`.  Static storage or the environment's. */
const char *editor_command(void);

/*
 * Runs the editor on file through /bin/sh -c (so "$VISUAL" may carry
 * arguments), with every signal unblocked in the child; this process
 * ignores SIGINT and SIGQUIT meanwhile, so a ^C reaches the editor only.
 * Returns the editor's wait status, or -1 with errno set when it could
 * not be started.
 */
int editor_run(const char *file);

/* A new 0600 file in $TMPDIR (or /tmp) holding text, its name keeping the
 * id and the .cfg suffix so editors know what it is.  Malloc'd path, or
 * NULL with the error in d. */
char *editor_temp(const char *id, const char *text, size_t len,
    struct diags *d);

#endif
